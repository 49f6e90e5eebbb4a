// RBAC of the demo cluster: asking "who can delete namespace shop?" with the keyboard, following an
// answer to the subject's permissions, showing Kubernetes' own subjects, and downloading the risky
// subjects as CSV.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { context, screenshot, watch, PHONE, scrollsSideways } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

const RBAC = `/clusters/${DEMO_CLUSTER}/isolation/rbac`;

test('a viewer asks who can delete namespace shop and follows the answer to the subject', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(RBAC);
  await page.locator('#who-verb').focus();
  await page.keyboard.type('delete');
  await page.keyboard.press('Tab'); // API group: empty, the core group
  await page.keyboard.press('Tab');
  await page.keyboard.type('namespaces');
  await page.locator('#who-name').fill('shop');
  await Promise.all([page.waitForURL(/verb=delete/), page.locator('#who-name').press('Enter')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('resource'), 'namespaces', 'the question is in the shareable URL');
  const table = page.locator('table[data-export="rbac-who-can"]');
  const subjects = await table.locator('tbody tr td:first-child .mono').allInnerTexts();
  // system:masters (no binding), gitlab-ci (ClusterRoleBinding gitlab-ci-deployer), alice (cluster-admin)
  assert.deepEqual(subjects, ['Group/system:masters', 'ServiceAccount/default/gitlab-ci', 'User/alice@example.com']);
  assert.match(await table.locator('tbody tr').nth(1).innerText(), /ClusterRoleBinding\/gitlab-ci-deployer/);
  await screenshot(page, 'rbac-who-can-desktop-light');

  await table.locator('a', { hasText: 'gitlab-ci' }).click();
  const detail = page.locator('#subject');
  assert.match(await detail.locator('h2').innerText(), /ServiceAccount\/default\/gitlab-ci/);
  assert.match(await detail.innerText(), /namespaces/, 'its rules include deleting namespaces');
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('the risky subjects download as CSV and Kubernetes\' own appear on demand', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(RBAC);
  const table = page.locator('table[data-export="rbac-risky-subjects"]');
  assert.equal(await table.locator('tbody tr').count(), 3, 'alice, gitlab-ci and registry-puller');
  assert.ok(!(await table.innerText()).includes('system:masters'), 'system:masters is hidden by default');
  const wrap = page.locator('.table-wrap', { has: table });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    wrap.locator('xpath=following-sibling::div[contains(@class, "table-tools")][1]').locator('.export-button').click(),
  ]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length - 1, 3, 'one CSV line per risky subject');
  assert.ok(lines.some((l) => l.includes('registry-puller')));

  await page.locator('a', { hasText: /Show Kubernetes/ }).click();
  assert.ok((await table.innerText()).includes('Group/system:masters'), 'system:masters is listed when asked');
  assert.equal(await table.locator('tbody tr').count(), 4);
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('on a phone in the dark the page does not scroll sideways', async () => {
  const ctx = await context('viewer', { viewport: PHONE, scheme: 'dark' });
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(`${RBAC}?subject=ServiceAccount/shop/registry-puller`);
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'rbac-subject-phone-dark');
  assert.deepEqual(problems(), []);
  await ctx.close();
});
