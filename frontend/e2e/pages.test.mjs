// Every page of PAGES, on a desktop (1280×800) and a phone (375×812), light and dark: the expected
// status and a heading, no serious or critical axe-core violation (WCAG 2 A/AA), no sideways
// scrolling on the phone, no script error or Content-Security-Policy refusal; screenshots of each.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, axeViolations, context, screenshot, scrollsSideways, watch } from './support.mjs';
import { PAGES, resolve } from './pages.mjs';

const SCHEMES = ['light', 'dark'];
const tabs = new Map();

/** One tab per role and screen, reused for every page. */
async function tab(role, viewport) {
  const key = `${role}@${viewport.width}`;
  if (!tabs.has(key)) {
    tabs.set(key, (async () => {
      const ctx = await context(role, { viewport });
      const page = await ctx.newPage();
      return { page, watcher: watch(page) };
    })());
  }
  return tabs.get(key);
}

async function visit({ page, watcher }, path, expectedStatus) {
  watcher.clear();
  await page.emulateMedia({ colorScheme: 'light' });
  const response = await page.goto(path);
  assert.equal(response.status(), expectedStatus, `${path} answers ${expectedStatus}`);
  assert.ok(await page.locator('h1').first().isVisible(), `${path} shows a heading`);
}

/** Desktop: accessibility in light (every WCAG 2 A/AA rule) and dark (contrast: all a theme changes). */
async function onDesktop(spec, path) {
  const desktop = await tab(spec.role, DESKTOP);
  const problems = [];
  await visit(desktop, path, spec.status ?? 200);
  for (const scheme of SCHEMES) {
    await desktop.page.emulateMedia({ colorScheme: scheme });
    for (const violation of await axeViolations(desktop.page, scheme === 'dark' ? ['color-contrast'] : undefined)) {
      problems.push(`${scheme}: ${violation}`);
    }
    await screenshot(desktop.page, `${spec.name}-desktop-${scheme}`);
  }
  return [...problems, ...desktop.watcher.problems()];
}

/** Phone: nothing wider than the screen; what scrolls within can be reached by keyboard. */
async function onPhone(spec, path) {
  const phone = await tab(spec.role, PHONE);
  const problems = [];
  await visit(phone, path, spec.status ?? 200);
  problems.push(...await axeViolations(phone.page, ['scrollable-region-focusable']));
  for (const scheme of SCHEMES) {
    await phone.page.emulateMedia({ colorScheme: scheme });
    if (await scrollsSideways(phone.page)) {
      const widths = await phone.page.evaluate(() => [document.scrollingElement.scrollWidth, window.innerWidth]);
      problems.push(`${scheme}: the page scrolls sideways (${widths[0]} px wide in ${widths[1]} px)`);
    }
    await screenshot(phone.page, `${spec.name}-phone-${scheme}`);
  }
  return [...problems, ...phone.watcher.problems()].map((p) => `phone ${p}`);
}

for (const spec of PAGES) {
  test(`${spec.name}: ${spec.path}`, async () => {
    const path = await resolve((await tab(spec.role, DESKTOP)).page, spec.path);
    const problems = (await Promise.all([onDesktop(spec, path), onPhone(spec, path)])).flat();
    assert.ok(problems.length === 0, `${path}:\n  ${problems.join('\n  ')}`);
  });
}
