// The first view (issue #11, items 3–5): on a 360 × 740 phone the view's first figures are on the
// first screen; nothing moves while the page loads (CLS); and what a first visit to `/` fetches
// stays under the byte budget, measured from the requests Chromium makes, not from a list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Site, drawn } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
import { VIEWS } from '../../scripts/views.mjs';
/** The budget (issue #21; 300,000 in issue #11): the gzip bytes of everything a first visit to
 * `/` fetches, as they go over the wire (the precompressed files of `make dist`, scripts/precompress.mjs). */
const BUDGET = 290_000;

let site;
before(async () => { site = await Site.start(); });
after(async () => { await site?.stop(); });

/** The bounding box of the first element of `selector` whose own text is `text`. */
async function boxOf(page, selector, text) {
  const el = page.locator(selector, { hasText: text }).first();
  await el.waitFor();
  return el.boundingBox();
}

test('On a 360 × 740 phone, 9.722 on Overzicht and 3.305 on Landsdelen are on the first screen', async () => {
  const page = await site.page(PHONE);
  await site.open(page, '');
  const figure = await boxOf(page, '.figure dd', '9.722');
  assert.ok(figure.y + figure.height <= PHONE.height, `9.722 ends at y = ${figure.y + figure.height}`);
  // The menu is one row: every link at the height of the first.
  const tops = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top));
  assert.equal(new Set(tops).size, 1, `menu rows at ${tops}`);
  await site.open(page, 'landsdelen.html');
  const said = await boxOf(page, '.sentence', '3.305');
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.ok(said.y + said.height <= PHONE.height, `the sentence with 3.305 ends at y = ${said.y + said.height}`);
  assert.match(await page.locator('.sentence', { hasText: '3.305' }).first().textContent(), /Zuid-West/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('On a phone the data choices fold into one line that opens, and a file dropped anywhere is read', async () => {
  const page = await site.page(PHONE);
  await site.open(page, '');
  assert.equal(await page.locator('select').first().isVisible(), false);
  const summary = page.locator('.data-choice > summary');
  assert.match(await summary.textContent(), /^Gegevens: 2023, LTA 2023 — gepubliceerde cijfers$/);
  await summary.press('Enter');
  assert.equal(await page.locator('select').first().isVisible(), true);
  await summary.press('Enter');
  const transfer = await page.evaluateHandle((csv) => {
    const t = new DataTransfer();
    t.items.add(new File([csv], 'records-small.csv', { type: 'text/csv' }));
    return t;
  }, readFileSync('tests/e2e/fixtures/records-small.csv', 'utf8'));
  await page.dispatchEvent('h2#view-title', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('h2#view-title', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('[data-status="lokaal"]');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('On a wide screen the data choices stay open without a line to open them', async () => {
  const page = await site.open(await site.page(), '');
  assert.equal(await page.locator('select').first().isVisible(), true);
  assert.equal(await page.locator('.data-choice > summary').isVisible(), false);
  await page.close();
});

/** Each view's own page, as the menu links it: its first screen is in the HTML. */
const PAGES = VIEWS.map((v) => (v === 'overzicht' ? '' : `${v}.html`));

test('With JavaScript off, / shows the key figures and the Landsdelen link shows 3.305 for Zuid-West', async () => {
  const page = await site.page(PHONE, { javaScriptEnabled: false });
  await page.goto(site.url);
  const main = await page.locator('main').innerText();
  assert.match(main, /9\.722/);
  assert.match(main, /€\s194\.078\.629/);
  assert.match(await page.locator('noscript').evaluate((n) => n.textContent), /Grafieken en filters werken alleen met JavaScript\. Charts and filters need JavaScript\./);
  assert.equal(await page.locator('.noscript').isVisible(), true);
  await page.locator('nav a', { hasText: 'Landsdelen' }).click();
  await page.waitForURL(/landsdelen\.html$/);
  const said = await page.locator('.sentence', { hasText: '3.305' }).first().innerText();
  assert.match(said, /Zuid-West/);
  // Tables, notes and source are there too.
  assert.ok(await page.locator('table tr[data-code="ZW"]').count() > 0);
  assert.ok(await page.locator('.notes li').count() > 0);
  assert.match(await page.locator('.source').first().innerText(), /KPMG/);
  // An old ?view= link: the project's server answers it with the view's own page.
  await page.goto(`${site.url}?view=landsdelen`);
  assert.match(await page.locator('.sentence', { hasText: '3.305' }).first().innerText(), /Zuid-West/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** The text of the page's main part, without what ECharts draws (the build leaves charts empty). */
const shownText = (page) => page.locator('main').evaluate((m) => {
  const copy = m.cloneNode(true);
  for (const chart of copy.querySelectorAll('.chart')) chart.replaceChildren();
  // The day of printing is the app's alone (the build would write the day it ran).
  for (const day of copy.querySelectorAll('.printed-on')) day.remove();
  return copy.textContent.replace(/\s+/g, ' ');
});

test('Every view page shows, without JavaScript, the same screen the app then draws', async () => {
  const off = await site.page(undefined, { javaScriptEnabled: false });
  const on = await site.page();
  for (const path of PAGES) {
    await off.goto(`${site.url}${path}`);
    await site.open(on, path);
    const [without, withJs] = [await shownText(off), await shownText(on)];
    assert.ok(without.length > 200, `${path || '/'}: ${without}`);
    assert.equal(without, withJs, path || '/');
    assert.equal(await off.title(), await on.title(), path || '/');
  }
  assert.deepEqual([...off.problems, ...on.problems], []);
  await off.close();
  await on.close();
});

test('The view pages and old ?view= links show the same view, with JavaScript', async () => {
  const page = await site.page();
  for (const [i, path] of PAGES.entries()) {
    await site.open(page, path);
    const fromPage = await page.locator('h2#view-title').innerText();
    await site.open(page, `?view=${VIEWS[i]}`);
    assert.equal(await page.locator('h2#view-title').innerText(), fromPage, VIEWS[i]);
  }
  // A query on a view's page asks for another screen: the app draws it (English here).
  await site.open(page, 'landsdelen.html?lang=en');
  assert.match(await page.locator('h2#view-title').innerText(), /^Regions/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** The layout shifts of loading a view, summed as CLS counts them (no input came first). */
async function layoutShift(viewport, query) {
  const page = await site.page(viewport);
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await site.open(page, query);
  await drawn(page);
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__cls);
  await page.close();
  return cls;
}

test('No view shifts its layout while it loads (CLS ≤ 0.01): view pages and ?view= links, phone and wide screen', async () => {
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    // A view page takes over its written first screen; a ?view= link is drawn by the app alone.
    for (const path of [...PAGES, ...VIEWS.map((v) => `?view=${v}`)]) {
      const cls = await layoutShift(viewport, path);
      assert.ok(cls <= 0.01, `${path || '/'} at ${viewport.width} px: CLS ${cls.toFixed(4)}`);
    }
  }
});

/** Every response of a first visit to `/`: its path and the bytes of its body on the wire, as
 * Chromium received them (encoded: the precompressed `.gz` of `make dist` the server sent,
 * scripts/precompress.mjs). Each must be its Content-Length, so what is counted is the body. */
async function firstVisit() {
  const page = await site.page();
  const got = [];
  const origin = new URL(site.url).origin;
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin || r.status() !== 200) return;
    got.push((async () => ({
      path: decodeURIComponent(u.pathname),
      wire: (await r.request().sizes()).responseBodySize,
      length: Number(await r.headerValue('content-length')),
      encoding: await r.headerValue('content-encoding'),
    }))());
  });
  await site.open(page, '');
  await drawn(page);
  const files = await Promise.all(got);
  await page.close();
  for (const f of files) assert.equal(f.wire, f.length, `${f.path}: ${f.wire} bytes received, Content-Length ${f.length}`);
  return files;
}

test('A first visit to / fetches no ECharts, and every script, style and wasm has a content hash', async () => {
  const files = await firstVisit();
  assert.ok(files.length > 3, `requests: ${files.map((f) => f.path)}`);
  assert.ok(!files.some((f) => /echarts/.test(f.path)), `ECharts fetched: ${files.map((f) => f.path)}`);
  // Trunk writes its hashes in hex without leading zeros: 15 digits one time in 16.
  for (const { path } of files.filter((f) => /\.(js|css|wasm)$/.test(f.path))) {
    assert.match(path, /-[0-9a-f]{8,16}(_bg)?\.(js|css|wasm)$/, `${path} has no content hash`);
  }
});

/** The bytes on the wire of a first visit to `/`, and what they are. */
async function firstVisitBytes() {
  const files = await firstVisit();
  return { total: files.reduce((s, f) => s + f.wire, 0), list: files.map((f) => `${f.path} ${f.wire} ${f.encoding ?? 'plain'}`).join(', ') };
}

// Met since the BEN toolkit went into an app of its own, fetched on demand (src/handover.rs).
test(`A first visit to / fetches at most ${BUDGET.toLocaleString('en-GB')} bytes (gzip, on the wire)`, async () => {
  const { total, list } = await firstVisitBytes();
  assert.ok(total <= BUDGET, `${total} bytes on the wire: ${list}`);
});

test('A view that draws charts loads ECharts, under its hashed name, with its integrity', async () => {
  const page = await site.page(undefined, { bypassCSP: false });
  const scripts = [];
  page.on('request', (r) => r.url().includes('echarts') && scripts.push(new URL(r.url()).pathname));
  await site.open(page, '?view=percelen');
  await drawn(page);
  assert.equal(scripts.length, 1, `${scripts}`);
  assert.match(scripts[0], /^\/echarts-[0-9a-f]{16}\.js$/);
  assert.ok(await page.locator('.chart svg').count() > 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});
