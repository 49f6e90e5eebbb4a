// What a person does in the browser: signs in (and mistypes), finds the demo cluster, opens the
// pages of their role, switches language and theme, moves by keyboard, uses the navigation on a
// phone and tries a custom check's expression on a sample.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, axeViolations, context, credentials, screenshot, scrollsSideways, signIn, watch } from './support.mjs';
import { DEMO_CLUSTER } from './pages.mjs';

const CJK = /[\u4e00-\u9fff]/;

test('a wrong password shows an error; the right one opens the overview with the demo cluster', async () => {
  const ctx = await context(null);
  const page = await ctx.newPage();
  const viewer = credentials('viewer');
  await signIn(page, { username: viewer.username, password: `${viewer.password}-wrong` });
  assert.equal(new URL(page.url()).pathname, '/login');
  const error = page.locator('[role=alert]');
  assert.equal(await error.innerText(), 'Wrong username or password.');
  assert.deepEqual(await axeViolations(page), [], 'the error is accessible');
  await screenshot(page, 'login-failed-desktop-light');

  await signIn(page, viewer);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.locator(`main a[href="/clusters/${DEMO_CLUSTER}"]`).first().click();
  assert.equal(new URL(page.url()).pathname, `/clusters/${DEMO_CLUSTER}`);
  assert.equal(await page.locator('h1').count(), 1);
  await ctx.close();
});

test('each role sees what it may do and is refused the rest', async () => {
  const ctx = { viewer: await context('viewer'), operator: await context('operator'), admin: await context('admin') };
  const scanNow = `form[action="/clusters/${DEMO_CLUSTER}/scan"]`;
  const viewer = await ctx.viewer.newPage();
  await viewer.goto('/scans');
  assert.equal(await viewer.locator(scanNow).count(), 0, 'a viewer cannot scan');
  assert.equal((await viewer.goto('/settings/users')).status(), 403, 'a viewer cannot manage users');
  assert.equal((await viewer.goto('/checks/custom/new')).status(), 403, 'a viewer cannot write custom checks');

  const operator = await ctx.operator.newPage();
  await operator.goto('/scans');
  assert.ok(await operator.locator(scanNow).first().isVisible(), 'an operator can scan');
  assert.equal((await operator.goto('/clusters/new')).status(), 403, 'an operator cannot register clusters');

  const admin = await ctx.admin.newPage();
  assert.equal((await admin.goto('/settings/users')).status(), 200);
  assert.ok(await admin.locator(`main td:has-text("${credentials('viewer').username}")`).first().isVisible(),
    'the admin sees the users');
  await Promise.all(Object.values(ctx).map((c) => c.close()));
});

test('switching to 中文 and back changes the texts and the lang attribute', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  await page.goto('/checks');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const english = await page.locator('h1').innerText();

  await Promise.all([page.waitForURL(/lang=zh-CN/), page.selectOption('#lang-select', 'zh-CN')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const chinese = await page.locator('h1').innerText();
  assert.notEqual(chinese, english);
  assert.match(chinese, CJK);
  assert.match(await page.locator('nav#primary-nav').innerText(), CJK, 'the navigation is translated');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'checks-desktop-light-zh-CN');

  await page.goto('/scans'); // the choice is remembered
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.setViewportSize(PHONE);
  await screenshot(page, 'scans-phone-light-zh-CN');

  await Promise.all([page.waitForURL(/lang=en/), page.selectOption('#lang-select', 'en')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.goto('/checks');
  assert.equal(await page.locator('h1').innerText(), english);
  await ctx.close();
});

test('the theme toggle switches light and dark and the choice survives a reload', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  await page.goto('/scans');
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
  const toggle = page.locator('[data-theme-toggle]');
  assert.equal(await theme(), 'system');
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    await toggle.click();
    seen.push(await theme());
    assert.equal(await toggle.getAttribute('aria-label'), await toggle.locator('[data-theme-label]').innerText(),
      'the button says the theme in force');
  }
  assert.deepEqual(seen, ['light', 'dark', 'system']);

  await toggle.click();
  await toggle.click();
  assert.equal(await theme(), 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.reload();
  assert.equal(await theme(), 'dark', 'remembered across a reload');
  assert.equal(await background(), dark);
  await toggle.click();
  await toggle.click();
  await page.reload();
  assert.equal(await theme(), 'light');
  assert.notEqual(await background(), dark);
  await ctx.close();
});

test('keyboard: the skip link comes first and leads to the content; focus is always visible', async () => {
  const ctx = await context('viewer');
  const page = await ctx.newPage();
  await page.goto('/scans');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.ok(await skip.evaluate((e) => e === document.activeElement), 'the first Tab reaches the skip link');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0 && box.x >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'the content has the focus');

  const unseen = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      // WCAG 1.4.11: the ring stands out from what is around it by 3:1
      const rgb = (c) => c.match(/[\d.]+/g).map(Number);
      const luminance = (c) => rgb(c).slice(0, 3).map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, k) => sum + v * [0.2126, 0.7152, 0.0722][k], 0);
      let around = e.parentElement;
      while (around && rgb(getComputedStyle(around).backgroundColor)[3] === 0) around = around.parentElement;
      const background = around ? getComputedStyle(around).backgroundColor : 'rgb(255, 255, 255)';
      const [light, dark] = [luminance(s.outlineColor), luminance(background)].sort((a, b) => b - a);
      const name = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return { what: `${e.tagName.toLowerCase()} ${name}`,
        inMain: !!e.closest('main'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        contrast: (light + 0.05) / (dark + 0.05), visible: r.width > 0 && r.height > 0 };
    });
    if (i === 0) assert.ok(focused.inMain, `after the skip link, Tab stays in the content (${focused.what})`);
    if (!focused.outline || !focused.visible || focused.contrast < 3) {
      unseen.push(`${focused.what}: ring ${focused.outline}, contrast ${focused.contrast.toFixed(2)}`);
    }
  }
  assert.deepEqual(unseen, [], 'every focused element shows a focus ring');
  await ctx.close();
});

test('on a phone the navigation opens and closes with its button, by mouse and by keyboard', async () => {
  const ctx = await context('viewer', { viewport: PHONE });
  const page = await ctx.newPage();
  await page.goto('/scans');
  const toggle = page.locator('[data-nav-toggle]');
  const nav = page.locator('#primary-nav');
  assert.ok(await toggle.isVisible());
  assert.ok(!(await nav.isVisible()), 'closed at first');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await nav.locator('a[href="/checks"]').isVisible());
  await screenshot(page, 'navigation-phone-light');
  assert.ok(!(await page.evaluate(() => document.scrollingElement.scrollWidth > window.innerWidth)));
  await toggle.click();
  assert.ok(!(await nav.isVisible()));

  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.ok(await nav.isVisible(), 'Enter opens it');
  await page.keyboard.press('Space');
  assert.ok(!(await nav.isVisible()), 'Space closes it');
  await ctx.close();
});

test('without JavaScript a phone shows the navigation and no buttons that need a script', async () => {
  const ctx = await context('viewer', { viewport: PHONE, javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/scans');
  assert.ok(await page.locator('#primary-nav a[href="/checks"]').isVisible(), 'the navigation is there');
  for (const needsScript of ['[data-nav-toggle]', '[data-theme-toggle]']) {
    assert.ok(!(await page.locator(needsScript).isVisible()), `${needsScript} is hidden`);
  }
  assert.ok(await page.locator('#lang-select + noscript button, form:has(#lang-select) button').first().isVisible(),
    'the language has an Apply button');
  assert.ok(!(await page.evaluate(() => document.scrollingElement.scrollWidth > window.innerWidth)));
  await screenshot(page, 'scans-phone-light-no-script');
  await ctx.close();
});

test('the custom check editor tests an expression on the sample and shows compiler errors', async () => {
  const ctx = await context('operator');
  const page = await ctx.newPage();
  const watcher = watch(page);
  await page.goto('/checks/custom/new');
  await page.fill('#id', 'team-label');
  await page.fill('#title', 'Workloads carry a team label');
  await page.fill('#kinds', 'Deployment');
  await page.fill('#message', 'add a team label');
  await page.fill('#expression', "has(object.metadata.labels) && 'team' in object.metadata.labels");
  const testIt = () => Promise.all([page.waitForNavigation(), page.click('button[name=action][value=test]')]);

  await page.fill('#sample', 'metadata:\n  labels:\n    team: shop\n');
  await testIt();
  const outcome = page.locator('#test-outcome');
  assert.match(await outcome.innerText(), /passes/);

  await page.fill('#sample', 'metadata:\n  labels:\n    app: shop\n');
  await testIt();
  assert.match(await outcome.innerText(), /fails/);

  await page.fill('#expression', "object.metadata.labels['team'] ==");
  await testIt();
  assert.match(await outcome.locator('[role=alert]').innerText(), /does not compile \(line 1, column \d+\)/);
  assert.equal(await page.getAttribute('#expression', 'aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'the compiler error is accessible');
  const inside = () => page.evaluate(() => document.querySelector('#expression').getBoundingClientRect().right
    <= document.querySelector('form.card').getBoundingClientRect().right);
  assert.ok(await inside(), 'a long compiler message does not push the fields out of the form');
  await screenshot(page, 'custom-check-invalid-desktop-light');
  await page.setViewportSize(PHONE);
  assert.ok(await inside());
  assert.ok(!(await scrollsSideways(page)), 'nor the page sideways on a phone');
  await screenshot(page, 'custom-check-invalid-phone-light');
  assert.deepEqual(watcher.problems(), []);
  await ctx.close();
});
