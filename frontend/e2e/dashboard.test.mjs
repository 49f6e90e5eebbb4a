// What the operations team does on the dashboard: from the overview to the worst workload and why
// it is bad; exempting a finding and seeing the score change once the rescan lands; filtering the
// findings and downloading them; sorting and exporting a table; the trend chart drawn from its table.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { context, screenshot, watch } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

const scoreOf = async (page) => Number((await page.locator('.stat-value').first().innerText()).match(/\d+/)[0]);

test('from the overview a new user reaches the worst workload of the demo and reads why it is bad', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto('/');
  const card = page.locator('.fleet-card', { has: page.locator(`a[href="/clusters/${DEMO_CLUSTER}"]`) });
  assert.match(await card.locator('.grade').first().innerText(), /^[A-F]$/, 'the card shows a grade');
  const worst = card.locator('dt:has-text("Worst workload") + dd a');
  const target = await worst.getAttribute('href');
  assert.match(target, new RegExp(`^/clusters/${DEMO_CLUSTER}/workloads/`));
  await worst.click();
  assert.equal(new URL(page.url()).pathname, target);
  assert.ok(await scoreOf(page) < 100, 'the worst workload loses points');
  const finding = page.locator('li[data-check]').first();
  assert.ok(await finding.isVisible(), 'its findings are listed');
  await finding.locator('details summary').first().click();
  assert.ok((await finding.innerText()).length > 80, 'a finding says why it matters and how to fix it');
  await screenshot(page, 'flow-worst-workload-desktop-light');
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('an operator exempts a finding and the workload score rises once the rescan lands', async () => {
  const ctx = await context('operator');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  const path = `/clusters/${DEMO_CLUSTER}/workloads/shop/Deployment/checkout`;
  await page.goto(path);
  const before = await scoreOf(page);
  const finding = page.locator('li[data-check]', { has: page.locator('.badge-danger') }).first();
  const check = await finding.getAttribute('data-check');
  await finding.locator('details.exempt summary').click();
  await finding.locator('input[name=reason]').fill('Vendor image, tracked in OPS-42');
  await finding.locator('details.exempt button[type=submit]').click();
  await page.waitForLoadState();
  const progress = page.locator('.alert a[href^="/scans/"]');
  assert.ok(await progress.isVisible(), 'the page links the rescan');
  const scan = (await progress.getAttribute('href')).split('/').pop();
  let state = 'running';
  for (let i = 0; i < 240 && state === 'running'; i++) {
    state = (await (await page.request.get(`/api/v1/scans/${scan}`)).json()).state;
    if (state === 'running') await page.waitForTimeout(500);
  }
  assert.equal(state, 'ok', `the rescan landed (${state})`);
  await page.goto(path);
  const after = await scoreOf(page);
  assert.ok(after > before, `the score rose from ${before} (it was ${after})`);
  assert.ok(await page.locator(`#exempted li[data-check="${check}"]`).isVisible(), 'the finding is listed as exempted');
  await screenshot(page, 'flow-exempted-desktop-light');
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('the findings explorer filters by URL, exports the same filter as CSV, and its table sorts', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto('/findings');
  await page.selectOption('#filter-cluster', DEMO_CLUSTER);
  await page.check('input[name=severity][value=danger]');
  await Promise.all([page.waitForURL(/severity=danger/), page.locator('form.explorer-filters button[type=submit]').click()]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('cluster'), DEMO_CLUSTER, 'the filter is in the shareable URL');
  const rows = page.locator('table.explorer-table tbody tr');
  assert.ok(await rows.count() > 0, 'dangers are found');
  const severities = await page.locator('table.explorer-table tbody tr .badge').allInnerTexts();
  assert.ok(severities.every((s) => /danger/i.test(s)), `only dangers: ${severities.join(', ')}`);

  const csv = await page.request.get(await page.locator('a[download]').first().getAttribute('href'));
  assert.equal(csv.status(), 200);
  const lines = (await csv.text()).trim().split('\n');
  const shown = await rows.count();
  assert.ok(shown < 50 ? lines.length - 1 === shown : lines.length - 1 >= shown,
    `the CSV holds the rows of the filter (${lines.length - 1} lines, ${shown} rows on the page)`);
  assert.ok(lines.slice(1).every((l) => l.includes('danger')), 'the CSV holds only dangers');

  const shared = await ctx.newPage();
  await shared.goto(url.pathname + url.search);
  assert.equal(await shared.locator('table.explorer-table tbody tr').count(), await rows.count(), 'the URL gives the same result');

  const header = page.locator('table.explorer-table thead th').first().locator('button.sort-button');
  await header.click();
  const sort = await page.locator('table.explorer-table thead th').first().getAttribute('aria-sort');
  assert.ok(sort === 'ascending' || sort === 'descending', 'the header tells the order');
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('the cluster page draws its trend from the numbers table and a table downloads as CSV', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(`/clusters/${DEMO_CLUSTER}?range=24h`);
  assert.ok(await page.locator('figure[data-chart] canvas').first().isVisible(), 'the chart is drawn');
  const table = page.locator('table[data-export^="namespaces-"]');
  const wrap = page.locator('.table-wrap', { has: table });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    wrap.locator('xpath=following-sibling::div[contains(@class, "table-tools")][1]').locator('.export-button').click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(text.length - 1, await table.locator('tbody tr:not([hidden])').count(), 'one CSV line per row');
  assert.deepEqual(problems(), []);
  await ctx.close();
});
