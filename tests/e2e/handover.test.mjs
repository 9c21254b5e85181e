// Two apps (src/handover.rs): every visitor gets the smaller one; a file of one's own or
// Vergelijken fetches the full one, which takes the page over without a visible change. What is
// fetched when, the same screen across the handover, and a full app that cannot be fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Site, drawn, until } from './harness.mjs';

let site;
before(async () => { site = await Site.start(); });
after(async () => { await site?.stop(); });

const FULL = /\/(full-|lta-dashboard-full-)[0-9a-f]{16}/;

/** Records the paths of the full app's files the page fetches. */
function fullRequests(page) {
  const seen = [];
  page.on('request', (r) => FULL.test(r.url()) && seen.push(new URL(r.url()).pathname));
  return seen;
}

test('The views of the published data never fetch the full app; Vergelijken does, once, and the page follows it', async () => {
  const page = await site.page();
  const seen = fullRequests(page);
  for (const view of ['', 'landsdelen.html', 'percelen.html', 'verwijzers.html', 'profiel.html', 'trend.html']) {
    await site.open(page, view);
    await page.waitForLoadState('networkidle');
  }
  assert.deepEqual(seen, []);
  // From the menu: the smaller app hands over, the full one shows Vergelijken.
  await page.getByRole('link', { name: 'Vergelijken' }).click();
  await page.waitForSelector('#app .compare-with');
  await until(page, () => !document.querySelector('[data-stepped-aside]') && !document.getElementById('pre'));
  assert.equal(seen.length, 3, seen.join(', '));
  assert.match(await page.locator('h2#view-title').innerText(), /^Vergelijken/);
  assert.equal(await page.locator('#app').count(), 1);
  // The full app follows the menu and the address as the smaller one did.
  await page.getByRole('link', { name: 'Landsdelen' }).click();
  await page.waitForFunction(() => location.search.includes('view=landsdelen') || location.pathname.endsWith('landsdelen.html'));
  assert.match(await page.locator('h2#view-title').innerText(), /^Landsdelen/);
  await page.goBack();
  await page.waitForSelector('#app .compare-with');
  assert.equal(seen.length, 3, 'the full app was fetched again');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('The screen is the same before and after the handover', async () => {
  const page = await site.open(await site.page(), '?view=landsdelen&lang=en&landsdeel=ZW');
  await drawn(page);
  const before = await page.locator('#app main').innerText();
  // Vergelijken and back: the full app draws Landsdelen as the smaller one did.
  await page.getByRole('link', { name: 'Compare' }).click();
  await page.waitForSelector('#app .compare-with');
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'landsdelen');
  await page.waitForSelector('#app .view');
  await drawn(page);
  assert.equal(await page.locator('#app main').innerText(), before);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('When the full app cannot be fetched, opening a file says so, names it, keeps the data shown, and a next try works', async () => {
  const page = await site.open(await site.page());
  await page.route(/lta-dashboard-full-.*_bg\.wasm$/, (route) => route.abort());
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-small.csv');
  const alert = page.locator('[role=alert] .error-message');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^\.\/lta-dashboard-full-[0-9a-f]{16}_bg\.wasm: kon niet worden opgehaald \(geen antwoord: offline\?\)$/);
  assert.match(await page.locator('[data-status]').innerText(), /definitief/);
  assert.equal(await page.locator('.figure dd').first().innerText(), '9.722');
  // The progress bar goes with the same update as the alert comes, but may be drawn a frame later.
  await page.locator('progress').waitFor({ state: 'detached', timeout: 2000 });
  // Online again: the same file is read.
  await page.unroute(/lta-dashboard-full-.*_bg\.wasm$/);
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-small.csv');
  await page.waitForSelector('[data-status=lokaal]');
  assert.match(await page.locator('[data-status=lokaal]').innerText(), /records-small\.csv/);
  assert.ok(page.problems.every((p) => /Failed to fetch|ERR_FAILED/.test(p)), page.problems.join('\n'));
  await page.close();
});

test('When the full app is fetched but cannot start, Vergelijken says so and the page stays visible and usable', async () => {
  const page = await site.open(await site.page());
  // A body that is no wasm of the build (a broken upload, a proxy's error page with status 200).
  await page.route(/lta-dashboard-full-.*_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'geen wasm' }));
  await page.getByRole('navigation').getByRole('link', { name: 'Vergelijken', exact: true }).click();
  const alert = page.locator('[role=alert]').filter({ hasText: /lta-dashboard-full/ });
  await alert.waitFor();
  assert.match(await alert.innerText(), /lta-dashboard-full-[0-9a-f]{16}_bg\.wasm: kon niet worden opgehaald/);
  // Nothing is left hidden or stepped aside: the app's own screen is the page again.
  assert.equal(await page.locator('#app').count(), 1);
  assert.ok(await page.locator('#app').isVisible());
  assert.equal(await page.locator('[data-stepped-aside], #app[hidden]').count(), 0);
  // And it still works: another view, with its figures.
  await page.getByRole('navigation').getByRole('link', { name: 'Landsdelen', exact: true }).click();
  await until(page, () => new URLSearchParams(location.search).get('view') === 'landsdelen' || location.pathname.endsWith('landsdelen.html'));
  await page.waitForSelector('tr[data-code="ZW"]');
  assert.ok(await page.locator('tr[data-code="ZW"]').isVisible());
  assert.ok(page.problems.every((p) => /integrity|Failed to fetch|ERR_FAILED|wasm/i.test(p)), page.problems.join('\n'));
  await page.close();
});
