// Node sizing: a viewer reads the legacy pool's reserve beside TKE's model, finds the workloads
// whose replicas all sit on one node, and packs the legacy pool onto another shape with the
// keyboard-free GET form to see what does not fit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, screenshot, watch } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

test('a viewer reads the reserve, the blast radius and packs the legacy pool onto 1 and 4 cores', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  const { problems } = watch(page);
  await page.goto(`/clusters/${DEMO_CLUSTER}/sizing`);
  const legacy = page.locator('table[data-export="sizing-reserve"] tr', { hasText: 'legacy' });
  assert.match(await legacy.innerText(), /748 MiB \(36\.5 %\)/, 'the 1-core / 2 GiB node keeps back 748 MiB');
  assert.match(await legacy.innerText(), /612 MiB \(29\.9 %\)/, "TKE's model predicts 612 MiB");
  const exposed = page.locator('#sizing-blast');
  assert.match(await exposed.innerText(), /logging\/StatefulSet\/elasticsearch/);

  await page.selectOption('#whatif-pool', 'legacy');
  await page.selectOption('#preset0', '1x2');
  await page.selectOption('#preset1', '4x16');
  await page.fill('#cores2', '');
  await page.fill('#memory2', '');
  await page.click('.sizing-whatif-form button[type=submit]');
  await page.waitForLoadState();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('pool'), 'legacy', 'the what-if is a bookmarkable GET');
  const table = page.locator('table.sizing-whatif');
  assert.equal(await table.locator('thead th').count(), 3, 'two shapes side by side');
  const nodes = table.locator('tbody tr').first().locator('td');
  assert.equal(await nodes.nth(0).innerText(), '2', '1 core / 2 GiB needs 2 nodes');
  assert.equal(await nodes.nth(1).innerText(), '1', '4 cores / 16 GiB needs 1 node');
  const doesNotFit = table.locator('tr', { hasText: 'Does not fit' }).locator('td');
  assert.match(await doesNotFit.nth(0).innerText(), /image-resizer/, 'image-resizer fits no 1-core node');
  assert.match(await doesNotFit.nth(1).innerText(), /none/);
  await screenshot(page, 'flow-sizing-what-if-desktop-light');

  await page.fill('#cores0', 'lots');
  await page.selectOption('#preset0', '');
  await page.click('.sizing-whatif-form button[type=submit]');
  await page.waitForLoadState();
  assert.ok(await page.locator('#cores0[aria-invalid="true"]').isVisible(), 'a bad value is marked');
  assert.match(await page.locator('#cores0-error').innerText(), /Cores: a number from 0\.5 to 1024/);
  assert.deepEqual(problems(), []);
  await ctx.close();
});
