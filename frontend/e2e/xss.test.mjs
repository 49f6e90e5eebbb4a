// Markup from a cluster is shown, never run. BALLAST_XSS_CLUSTER names a cluster read from
// src/test/resources/fixtures/browser/markup (annotations, labels, container names, images, args
// and env carrying <script>, onerror= and the like), scanned twice. Every page that shows its
// objects or findings is opened with the Content-Security-Policy bypassed, so the test proves the
// escaping itself; a second test checks that the CSP would stop inline script anyway.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { context, watch } from './support.mjs';
import { resolve } from './pages.mjs';

// {cluster}, {scan}, {earlier}: as in pages.mjs. Pages not built yet answer 404 and are checked all the same.
const XSS_PAGES = [
  '/',
  '/clusters',
  '/clusters/{cluster}',
  '/scans?cluster={cluster}',
  '/scans/{scan}',
  '/scans/{scan}/diff?base={earlier}',
  '/findings?cluster={cluster}',
  '/clusters/{cluster}/namespaces/markup',
  '/clusters/{cluster}/workloads/markup/Deployment/markup',
];

const MARKUP = '<script>window.__xss=1</script>';
const FIXTURE = fileURLToPath(new URL('../../src/test/resources/fixtures/browser/markup/markup.yaml', import.meta.url));
const cluster = process.env.BALLAST_XSS_CLUSTER;

/** What a page must not have: the flag set, a dialog, inline script, event-handler attributes. */
async function injected(page, watcher) {
  const found = watcher.problems().filter((p) => p.startsWith('dialog') || p.startsWith('script error'));
  const dom = await page.evaluate(() => ({
    flag: typeof window.__xss !== 'undefined',
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    frames: document.querySelectorAll('iframe').length,
  }));
  if (dom.flag) found.push('window.__xss is set');
  if (dom.inlineScripts) found.push(`${dom.inlineScripts} inline <script> element(s)`);
  if (dom.handlers) found.push(`${dom.handlers} element(s) with on* attributes`);
  if (dom.frames) found.push(`${dom.frames} iframe(s)`);
  return found;
}

test('markup in a scanned cluster is shown as text on every page, never run', { skip: !cluster && 'BALLAST_XSS_CLUSTER not set' }, async () => {
  const ctx = await context('admin', { bypassCSP: true });
  const page = await ctx.newPage();
  const watcher = watch(page);
  const problems = [];
  for (const template of XSS_PAGES) {
    const path = await resolve(page, template, cluster);
    watcher.clear();
    await page.goto(path);
    problems.push(...(await injected(page, watcher)).map((p) => `${path}: ${p}`));
  }
  assert.deepEqual(problems, []);

  await page.goto(await resolve(page, '/scans/{scan}', cluster));
  assert.ok((await page.locator('main').innerText()).includes(MARKUP), 'the scan page shows the markup as text');
  await ctx.close();
});

test('markup in pasted manifests is shown as text by the audit page', async () => {
  const ctx = await context('viewer', { bypassCSP: true });
  const page = await ctx.newPage();
  const watcher = watch(page);
  await page.goto('/audit');
  await page.fill('#manifest', readFileSync(FIXTURE, 'utf8'));
  await Promise.all([page.waitForNavigation(), page.click('form[action="/audit"] button[type=submit]')]);
  assert.ok((await page.locator('main').innerText()).includes(MARKUP), 'the findings show the markup as text');
  assert.deepEqual(await injected(page, watcher), []);
  await ctx.close();
});

test('pages forbid inline script in their Content-Security-Policy', async () => {
  const ctx = await context('viewer');
  for (const path of ['/login', '/', '/scans', '/checks']) {
    const response = await ctx.request.get(path);
    const csp = response.headers()['content-security-policy'];
    assert.ok(csp, `${path} sends a Content-Security-Policy`);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
      .map(([name, ...values]) => [name, values]));
    const scripts = directives['script-src'] || directives['default-src'];
    assert.ok(scripts, `${path}: script-src or default-src is set (${csp})`);
    assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'") && !scripts.includes('*'),
      `${path}: scripts only from Ballast itself (${csp})`);
    assert.deepEqual(directives['object-src'], ["'none'"], `${path}: no plugins`);
  }
  await ctx.close();
});
