// Shared by Ballast's browser tests: one headless Chromium per test file, contexts that reuse a
// sign-in per role (storage state saved once per run), axe-core, screenshots.
//
// Environment (set by dev.ballast.BrowserIntegrationTests; set them by hand against a running Ballast):
//   BALLAST_URL                     e.g. http://127.0.0.1:8080
//   BALLAST_<ROLE>_USER / _PASSWORD for ROLE in ADMIN, OPERATOR, VIEWER (admin's user defaults to admin)
//   BALLAST_CHROMIUM                the browser (default /usr/bin/chromium, Debian's package)
//   BALLAST_SCREENSHOTS             where screenshots go (default ../target/browser-screenshots)
//   BALLAST_STATE_DIR               where sign-ins are kept for the other files of the run (default: per file)
//   BALLAST_XSS_CLUSTER             the cluster whose manifests carry markup (xss.test.mjs)

import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE = required('BALLAST_URL');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const SHOTS = path.resolve(process.env.BALLAST_SCREENSHOTS || path.join(here, '..', '..', 'target', 'browser-screenshots'));
// sign-ins shared by the files of one run (a fresh directory per run: sessions end with the database)
const STATE = process.env.BALLAST_STATE_DIR || mkdtempSync(path.join(os.tmpdir(), 'ballast-e2e-'));

export function credentials(role) {
  const key = role.toUpperCase();
  const username = process.env[`BALLAST_${key}_USER`] || (role === 'admin' ? 'admin' : undefined);
  const password = process.env[`BALLAST_${key}_PASSWORD`];
  if (!username || !password) {
    throw new Error(`Set BALLAST_${key}_USER and BALLAST_${key}_PASSWORD to run the browser tests as ${role}`);
  }
  return { username, password };
}

let launched;

/** The one browser of this test file, launched on first use and closed after its tests. */
export function browser() {
  if (!launched) {
    const executablePath = process.env.BALLAST_CHROMIUM || '/usr/bin/chromium';
    if (!existsSync(executablePath)) {
      throw new Error(`No Chromium at ${executablePath}: install Debian's package (apt-get install chromium) `
        + 'or set BALLAST_CHROMIUM to a Chromium or Chrome executable');
    }
    const args = ['--disable-background-networking', '--disable-component-update', '--disable-default-apps',
      '--disable-dev-shm-usage', '--disable-gpu', '--disable-sync', '--no-first-run', '--mute-audio'];
    if (process.getuid && process.getuid() === 0) {
      args.push('--no-sandbox'); // Chromium refuses to run as root with its sandbox
    }
    launched = chromium.launch({ executablePath, headless: true, args });
  }
  return launched;
}

after(async () => {
  if (launched) {
    await (await launched).close();
  }
});

const states = new Map();

/** A signed-in state of a role: saved once per run, reused by every context of every file. */
async function stateOf(role) {
  if (!states.has(role)) {
    states.set(role, (async () => {
      const file = path.join(STATE, `${role}.json`);
      if (!existsSync(file)) {
        mkdirSync(STATE, { recursive: true });
        const ctx = await (await browser()).newContext({ baseURL: BASE, locale: 'en-US' });
        const page = await ctx.newPage();
        await signIn(page, credentials(role));
        assert.equal(new URL(page.url()).pathname, '/', `${role} signs in`);
        await ctx.storageState({ path: file });
        await ctx.close();
      }
      return file;
    })());
  }
  return states.get(role);
}

/**
 * A new browser context: signed in as role (or nobody for null), English unless told otherwise.
 * Options: viewport, scheme ('light' | 'dark'), locale, bypassCSP, javaScriptEnabled.
 */
export async function context(role, { viewport = DESKTOP, scheme = 'light', locale = 'en-US', bypassCSP = false,
  javaScriptEnabled = true } = {}) {
  const storageState = role ? await stateOf(role) : undefined;
  return (await browser()).newContext({ baseURL: BASE, viewport, colorScheme: scheme, locale, storageState,
    bypassCSP, javaScriptEnabled, reducedMotion: 'reduce' });
}

export async function signIn(page, { username, password }) {
  await page.goto('/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login' || url.search !== ''),
    page.click('form[action="/login"] button[type=submit]')]);
}

/**
 * Watches a page for what must never happen: script errors, Content-Security-Policy refusals,
 * dialogs. problems() lists them; call clear() between visits.
 */
export function watch(page) {
  const seen = [];
  page.on('pageerror', (error) => seen.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      seen.push(`CSP: ${message.text()}`);
    }
  });
  page.on('dialog', async (dialog) => {
    seen.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  return { problems: () => [...seen], clear: () => { seen.length = 0; } };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2 A and AA) and returns its serious and critical violations, one line each.
 * Evaluated through the DevTools protocol, so the page's CSP stays on. rules limits the run.
 */
export async function axeViolations(page, rules) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE);
  }
  const options = rules
    ? { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] }
    : { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] };
  const violations = await page.evaluate((o) => window.axe.run(document, o).then((r) => r.violations), options);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5)
      .map((n) => `    ${n.target.join(' ')} ${n.failureSummary ? n.failureSummary.split('\n').slice(1, 2).join('') : ''}`)
      .join('\n')}${v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ''}`);
}

/** Saves a screenshot of the page's top (up to two screens) as <name>.png under SHOTS. */
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const { width, height } = page.viewportSize();
  const full = await page.evaluate(() => document.scrollingElement.scrollHeight);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled',
    caret: 'hide', clip: { x: 0, y: 0, width, height: Math.min(full, 2 * height) } });
}

/** Whether the page scrolls sideways (it must not, at any width). */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.scrollingElement.scrollWidth > window.innerWidth);
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name} (the running Ballast's address) to run the browser tests`);
  }
  return value.replace(/\/$/, '');
}
