// The taint map on the demo cluster: what runs where and why, from the matrix to a node's page;
// the filters by namespace, effect and pool; a field error for a pool that does not exist; the
// matrix downloaded as CSV, SVG and PNG; the page on a phone, in the dark, without JavaScript.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { context, screenshot, watch, PHONE } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

const MAP = `/clusters/${DEMO_CLUSTER}/taints`;

test('the matrix says where a GPU workload may run and why, and its node page agrees', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(MAP);
  const header = page.locator('table.taints-matrix thead');
  assert.ok((await header.innerText()).includes('just-for-gpu-application=true:NoExecute'), 'the taint in its real text');
  const row = page.locator('table.taints-matrix tbody tr', { has: page.locator('a:has-text("ml/model-serving")') });
  const cells = row.locator('td');
  // groups: general, gpu (untainted gpu-1), gpu (tainted gpu-2), highio, legacy
  assert.match(await cells.nth(0).innerText(), /selector/, 'the selector rules out the general pool');
  assert.match(await cells.nth(2).innerText(), /may run[\s\S]*runs 1/, 'it may run, and runs, on the fenced GPU node');
  assert.match(await cells.nth(2).getAttribute('title'), /tolerates just-for-gpu-application=true:NoExecute/);
  assert.match(await cells.nth(3).innerText(), /taint[\s\S]*dedicated=mysql:NoSchedule/);
  await screenshot(page, 'taints-desktop-light');
  await page.locator('a[href$="/taints/nodes/gpu-2"]').first().click();
  assert.equal(new URL(page.url()).pathname, `${MAP}/nodes/gpu-2`);
  const runs = page.locator('table[data-export="taints-node-gpu-2"] tbody tr', { has: page.locator('a:has-text("ml/model-serving")') });
  assert.match(await runs.innerText(), /May run here: tolerates just-for-gpu-application=true:NoExecute/);
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('filters narrow the matrix, an unknown pool is a field error, and the matrix exports', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(MAP);
  await page.fill('#taints-namespace', 'ml');
  await page.selectOption('#taints-pool', 'gpu');
  await Promise.all([page.waitForURL(/namespace=ml/), page.locator('form.taints-filters button[type=submit]').click()]);
  assert.equal(await page.locator('table.taints-matrix thead th').count(), 3, 'the workload column and two gpu groups');
  const rows = await page.locator('table.taints-matrix tbody tr').count();
  assert.equal(rows, 5, 'the five ml workloads');
  const table = page.locator('table.taints-matrix');
  const wrap = page.locator('.table-wrap', { has: table });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    wrap.locator('xpath=following-sibling::div[contains(@class, "table-tools")][1]').locator('.export-button').click(),
  ]);
  assert.equal(readFileSync(await download.path(), 'utf8').trim().split('\n').length - 1, rows, 'one CSV line per row');
  const svg = await page.request.get(await page.locator('.taints-exports a:has-text("SVG")').getAttribute('href'));
  assert.equal(svg.status(), 200);
  assert.match(await svg.text(), /^<svg[\s\S]*ml\/Deployment\/model-serving/);
  const png = await page.request.get(await page.locator('.taints-exports a:has-text("PNG")').getAttribute('href'));
  assert.deepEqual([...(await png.body()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  await page.goto(`${MAP}?pool=nowhere`);
  assert.equal(await page.locator('#taints-pool').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#taints-pool-error').innerText(), /nowhere/);
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('the page works on a phone in the dark and without JavaScript', async () => {
  const ctx = await context('viewer', { viewport: PHONE, scheme: 'dark', javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(MAP);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling (${width}px)`);
  assert.ok(await page.locator('a[href$="/taints/nodes/gpu-1"]').first().isVisible(), 'the node links are there');
  assert.match(await page.locator('#findings-title').innerText(), /Findings/);
  await screenshot(page, 'taints-phone-dark-nojs');
  await ctx.close();
});
