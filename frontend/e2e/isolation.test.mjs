// Who can reach what: the isolation page of the demo cluster says flannel enforces nothing, shows
// the matrix for a port with labelled cells, and answers "can shop reach payments" with the policy
// that decides; the matrix downloads as SVG.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, screenshot, watch, PHONE } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

test('a viewer learns that flannel enforces nothing and who reaches payments on 8443', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(`/clusters/${DEMO_CLUSTER}/isolation`);
  assert.match(await page.locator('.alert-danger').first().innerText(), /flannel/);
  await page.fill('#iso-port', '8443');
  await page.locator('form.filters', { has: page.locator('#iso-port') }).first().locator('button[type=submit]').click();
  await page.waitForLoadState();
  assert.match(await page.locator('#iso-matrix').innerText(), /8443\/TCP/);
  const row = page.locator('.reach-matrix tbody tr', { has: page.locator('th', { hasText: /^shop$/ }) }).first();
  const cells = await row.locator('td').allInnerTexts();
  // columns sorted by name: ... payments, shop; shop -> payments: 66 of 154 pod pairs.
  assert.ok(cells.some((c) => c.trim() === '66 of 154'), `shop reaches payments for 66 of 154 pairs (${cells})`);
  await page.selectOption('#iso-from', 'shop');
  await page.selectOption('#iso-to', 'payments');
  await page.fill('#ask-port', '8443');
  await page.locator('section[aria-labelledby=iso-reach] button[type=submit]').click();
  await page.waitForLoadState();
  assert.match(await page.locator('#reach-answer').innerText(), /Partly[\s\S]*Can shop reach payments on 8443\/TCP\?/);
  assert.match(await page.locator('table[data-export=isolation-reach]').innerText(), /allow-shop-to-payments-api/);
  await screenshot(page, 'isolation-reach-desktop-light');
  const svg = await page.request.get(`/clusters/${DEMO_CLUSTER}/isolation/matrix.svg?port=8443`);
  assert.equal(svg.status(), 200);
  assert.match(await svg.text(), /<svg[\s\S]*42%/);
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('the isolation page fits a phone in the dark and keeps its tables keyboard reachable', async () => {
  const ctx = await context('viewer', { viewport: PHONE, scheme: 'dark' });
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(`/clusters/${DEMO_CLUSTER}/isolation?port=8443`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scroll of the page (${overflow}px)`);
  await page.locator('#iso-port').first().focus();
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement && document.activeElement.id === 'iso-protocol'));
  await screenshot(page, 'isolation-phone-dark');
  assert.deepEqual(problems(), []);
  await ctx.close();
});
