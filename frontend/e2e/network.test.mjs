// The CIDR page answers "when do we run out of pod IPs?" on the demo cluster (kubeadm podSubnet
// 10.244.0.0/20 with /26 node blocks: 2^(26−20) = 64 blocks, 12 held → 52 nodes can still join);
// the planner is a bookmarkable GET form with field errors; an administrator's override changes the
// answer without a rescan and can be removed again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, screenshot, watch, PHONE } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

const PATH = `/clusters/${DEMO_CLUSTER}/cidr`;

test('a viewer reads how many nodes can still join and how it is computed', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(PATH);
  assert.match(await page.locator('.cidr-answer .lead').first().innerText(), /52 more nodes can join/);
  const stats = await page.locator('.cidr-answer .stat-value').allInnerTexts();
  assert.deepEqual(stats.slice(0, 3), ['52', '12 / 64', '60 / 732']);
  assert.ok(await page.locator('#cidr-how-title').isVisible(), 'the computation is explained');
  assert.match(await page.locator('section:has(#cidr-how-title)').innerText(), /64 − 0 carved − 12 held by nodes = 52/);
  assert.equal(await page.locator('section:has(#cidr-nodes-title) tbody tr').count(), 12, 'one row per node');
  assert.equal(await page.locator('form[action$="/cidr/overrides"]').count(), 0, 'a viewer cannot override');
  await screenshot(page, 'flow-cidr-desktop-light');
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('the planner plans by URL and refuses what is not a number', async () => {
  const ctx = await context('viewer', { viewport: PHONE, scheme: 'dark' });
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(PATH);
  await page.fill('#nodes', '60');
  await page.fill('#podsPerNode', '30');
  await Promise.all([page.waitForURL(/nodes=60/), page.locator('#planner button[type=submit]').click()]);
  // 30 pods → /26 (2 × 30 ≤ 64); 60 × 2 = 120 blocks → 2^7 → /19; the demo's /20 holds only 64
  assert.match(await page.locator('[data-cidr-plan] .lead').innerText(), /A \/19 cluster CIDR with \/26 node blocks: 128 nodes/);
  assert.match(await page.locator('[data-cidr-plan]').innerText(), /holds only 64 nodes/);
  await screenshot(page, 'flow-cidr-plan-phone-dark');
  await page.fill('#nodes', 'lots');
  await Promise.all([page.waitForURL(/nodes=lots/), page.locator('#planner button[type=submit]').click()]);
  assert.match(await page.locator('#planner .field-error').first().innerText(), /whole number from 1 to 100,000/);
  assert.equal(await page.locator('#nodes').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(problems(), []);
  await ctx.close();
});

test('an administrator overrides the pod range, sees the answer change without a rescan, and removes it', async () => {
  const ctx = await context('admin');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(PATH);
  await page.locator('#overrides summary').click();
  await page.fill('#podCidrs', '10.244.0.1/19');
  await Promise.all([page.waitForLoadState(), page.locator('#overrides button[value=save]').click()]);
  assert.match(await page.locator('#overrides .field-error').innerText(), /host bits are set; the block is 10\.244\.0\.0\/19/);
  await page.fill('#podCidrs', '10.244.0.0/19');
  await Promise.all([page.waitForURL(new RegExp(`${PATH}$`)), page.locator('#overrides button[value=save]').click()]);
  // a /19 with /26 blocks: 2^7 = 128 − 12 = 116
  assert.match(await page.locator('.cidr-answer .lead').first().innerText(), /116 more nodes can join/);
  await page.locator('#overrides summary').click();
  await Promise.all([page.waitForURL(new RegExp(`${PATH}$`)), page.locator('#overrides button[value=clear]').click()]);
  assert.match(await page.locator('.cidr-answer .lead').first().innerText(), /52 more nodes can join/);
  assert.deepEqual(problems(), []);
  await ctx.close();
});
