// Markup in what a file's author controls (perceel values, which a local file may define freely,
// and the file's name) is shown as text: in every view, its tables, charts, filter chips, error
// messages and the SVG download. Run twice: with the Content Security Policy switched off, so
// only the app's own escaping stands between the markup and the page (a slip would run the
// script), and with the policy on, where nothing may even try (no violation).
// Referrer codes are a closed set (a value outside it is an error, checked here too); referrer
// and perceel labels of published data come from the publisher's manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, drawn, until } from './harness.mjs';

import { VIEWS } from '../../scripts/views.mjs';
// Each sets window.__pwned if it ever runs; the fixtures hold them as perceel values.
const MARKUP = {
  img: '<img src=x onerror=window.__pwned=1>',
  svg: '<svg onload=window.__pwned=2>',
  script: '"><script>window.__pwned=3</script>',
  link: '<a href="javascript:window.__pwned=4">link</a>',
  entities: '&lt;b&gt;&amp;',
};
const CUBE_MARKUP = ['<svg onload=window.__pwned=11>', '"><script>window.__pwned=12</script>'];
const FILE_NAME = '<img src=x onerror=window.__pwned=9>.csv';
const RECORDS = readFileSync('tests/e2e/fixtures/records-markup.csv');
const CUBE = readFileSync('tests/e2e/fixtures/cube-markup.csv');

let site;
let published; // dist/ with markup in a publisher's files (see publisherCopy)
before(async () => {
  site = await Site.start('dist');
  published = await Site.start(publisherCopy());
});
after(async () => { await site.stop(); await published.stop(); });

/**
 * A copy of dist/ as a careless or hostile publisher could make it: markup in the illustrative
 * manifest's perceel, referrer and landsdeel labels, title, note and citation, and in the
 * dataset list; plus a dataset `js-url` whose source link is a javascript: URL.
 */
function publisherCopy() {
  const root = mkdtempSync(join(tmpdir(), 'lta-publisher-'));
  cpSync('dist', root, { recursive: true });
  const edit = (file, change) => {
    const path = join(root, 'data', file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    change(json);
    writeFileSync(path, JSON.stringify(json));
  };
  edit('illustratief/manifest.json', (m) => {
    m.labels.perceel.TKGGZ.nl = MARKUP.img;
    m.labels.verwijzer.huisarts.nl = MARKUP.svg;
    m.labels.landsdeel.NN.nl = MARKUP.script;
    m.title.nl = MARKUP.link;
    m.notes[0].nl = MARKUP.img;
    m.source.citation.nl = MARKUP.svg;
  });
  cpSync(join(root, 'data/lta-2023'), join(root, 'data/js-url'), { recursive: true });
  edit('js-url/manifest.json', (m) => { m.id = 'js-url'; m.source.url = 'javascript:window.__pwned=31'; });
  edit('index.json', (index) => {
    index.datasets.find((d) => d.id === 'illustratief').title.nl = MARKUP.svg;
    index.datasets.push({ ...index.datasets[0], id: 'js-url', path: 'js-url/' });
  });
  return root;
}

/** A page that records every element or attribute that could run script, as it appears. */
async function watchedPage(bypassCSP, on = site) {
  const page = await on.page(undefined, { bypassCSP });
  await page.addInitScript(() => {
    window.__violations = [];
    window.__suspects = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const suspect = (el) => (el.localName === 'script' && !el.src) || (el.localName === 'img' && el.getAttribute('src') === 'x')
      || ['iframe', 'object', 'embed', 'foreignobject'].includes(el.localName)
      || [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value));
    const look = (node) => {
      if (node.nodeType !== 1) return;
      for (const el of [node, ...node.querySelectorAll('*')]) if (suspect(el)) window.__suspects.push(el.outerHTML.slice(0, 120));
    };
    new MutationObserver((records) => {
      for (const r of records) r.type === 'attributes' ? look(r.target) : r.addedNodes.forEach(look);
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  return page;
}

/** Nothing ran, nothing that could run was created, and (with the policy) nothing was refused. */
async function assertInert(page, where) {
  const state = await page.evaluate(() => ({ pwned: window.__pwned, suspects: window.__suspects, violations: window.__violations }));
  assert.equal(state.pwned, undefined, `${where}: injected script ran`);
  assert.deepEqual(state.suspects, [], `${where}: elements that could run script`);
  assert.deepEqual(state.violations, [], `${where}: policy violations`);
  assert.equal(await page.locator('img[src="x"], svg[onload], script:not([src])').count(), 0, `${where}: injected elements`);
}

/** Opens a file through the file input under an attacker's name and turns the disclosure rules off. */
async function openFile(page, buffer) {
  await page.setInputFiles('input[type=file]', { name: FILE_NAME, mimeType: 'text/csv', buffer });
  await page.waitForSelector('[data-status=lokaal]');
  assert.ok((await page.locator('[data-status=lokaal]').innerText()).includes(FILE_NAME), 'the file name is shown as text');
  const rules = page.locator('label.rules input[type=checkbox]');
  if (await rules.count()) await rules.uncheck(); // records: exact numbers, so every chart draws bars
}

/** Visits every view through the menu (keeping the local data) and checks each. */
async function everyView(page, where, shown) {
  for (const [i, view] of VIEWS.entries()) {
    await page.locator('nav a').nth(i).click();
    await until(page, (v) => (new URLSearchParams(location.search).get('view') ?? 'overzicht') === v, view);
    await drawn(page);
    await assertInert(page, `${where} ${view}`);
  }
  await page.locator('nav a').nth(VIEWS.indexOf('percelen')).click();
  await drawn(page);
  const text = await page.locator('main').innerText();
  for (const s of shown) assert.ok(text.includes(s), `${where}: ${s} is shown as text`);
  const chartText = await page.locator('.chart svg').first().textContent();
  assert.ok(shown.some((s) => chartText.includes(s)), `${where}: the chart labels carry the markup as text`);
}

/** The first chart's SVG download: the markup is in it as escaped text, with nothing that runs. */
async function svgDownload(page, expected) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /SVG/ }).first().click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.ok(svg.includes('&lt;img src=x onerror=window.__pwned=1&gt;') || !expected.includes(MARKUP.img), 'escaped <img> in the SVG');
  assert.doesNotMatch(svg, /<(img|script|iframe|foreignObject|a)\b/i);
  assert.doesNotMatch(svg, /<[^>]*\son[a-z]+\s*=[^>]*>/i); // a handler attribute in a tag, not in text
  // As a browser reads it: well-formed, the markup is text, not elements. Parsed on a blank page:
  // parsing it in the dashboard's page would count its style attributes against the dashboard's CSP.
  const blank = await site.browser.newPage();
  const parsed = await blank.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      elements: [...new Set([...doc.querySelectorAll('*')].map((e) => e.localName))],
      handlers: [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      text: doc.documentElement.textContent,
    };
  }, svg);
  await blank.close();
  assert.equal(parsed.error, null);
  assert.deepEqual(parsed.elements.filter((n) => !['svg', 'g', 'path', 'rect', 'text', 'tspan', 'title', 'defs', 'clippath', 'clipPath', 'line', 'polyline', 'polygon', 'circle', 'style'].includes(n)), []);
  assert.deepEqual(parsed.handlers, []);
  assert.ok(expected.some((s) => parsed.text.includes(s)), 'the markup is in the SVG as text');
}

for (const bypassCSP of [true, false]) {
  const mode = bypassCSP ? 'without the CSP (escaping alone)' : 'with the CSP';

  test(`Control, ${mode}: the watch sees markup inserted as HTML`, async () => {
    const page = await watchedPage(bypassCSP);
    await site.open(page, '?view=overzicht');
    await page.evaluate((m) => { document.querySelector('main').insertAdjacentHTML('beforeend', m); }, MARKUP.img);
    await until(page, () => window.__suspects.length > 0);
    // Without the policy the handler runs; with it, it is refused and reported.
    await until(page, (b) => (b ? window.__pwned === 1 : window.__violations.length > 0), bypassCSP);
    assert.equal(await page.evaluate(() => window.__pwned), bypassCSP ? 1 : undefined);
    await page.close();
  });

  test(`A records file with markup in perceel values and its name, ${mode}: every view, a filter, the SVG`, async () => {
    const page = await watchedPage(bypassCSP);
    await site.open(page, '?view=overzicht');
    await openFile(page, RECORDS);
    await everyView(page, 'records', Object.values(MARKUP));
    // Choose the <img> perceel as a filter: its name goes into the chip, the sentences, the URL.
    await page.locator('button.pick').filter({ hasText: MARKUP.img }).first().click();
    await until(page, () => new URLSearchParams(location.search).has('perceel'));
    assert.equal(new URL(page.url()).searchParams.get('perceel'), MARKUP.img);
    assert.ok((await page.locator('.chips').innerText()).includes(MARKUP.img), 'the filter chip names the perceel as text');
    await everyView(page, 'records, filtered', [MARKUP.img]);
    await svgDownload(page, Object.values(MARKUP));
    await assertInert(page, 'records, after the download');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test(`A cube file with markup in perceel values, ${mode}: every view and the SVG`, async () => {
    const page = await watchedPage(bypassCSP);
    await site.open(page, '?view=overzicht');
    await openFile(page, CUBE);
    await everyView(page, 'cube', CUBE_MARKUP);
    await svgDownload(page, CUBE_MARKUP);
    await assertInert(page, 'cube, after the download');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test(`Markup where a closed code set is expected is an error shown as text, ${mode}`, async () => {
    const page = await watchedPage(bypassCSP);
    await site.open(page, '?view=overzicht');
    const bad = `client,periode,landsdeel,perceel,verwijzer,volume_eur\np1,2023-H1,NN,UMC,${MARKUP.img},100\n`;
    await page.setInputFiles('input[type=file]', { name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const alert = page.locator('[role=alert] .error-message');
    await alert.waitFor();
    const message = await alert.innerText();
    assert.ok(message.includes(FILE_NAME) && message.includes(MARKUP.img), `the error names file and value as text: ${message}`);
    await assertInert(page, 'error message');
    await page.close();
  });

  test(`Markup in a publisher's labels, title, notes, citation and dataset list, ${mode}: every view and the SVG`, async () => {
    const page = await watchedPage(bypassCSP, published);
    let text = '';
    for (const view of VIEWS) {
      await published.open(page, `?data=illustratief&view=${view}`);
      await drawn(page);
      await assertInert(page, `publisher ${view}`);
      text += await page.locator('body').innerText();
    }
    for (const m of Object.values(MARKUP).slice(0, 3)) assert.ok(text.includes(m), `${m} is shown as text`);
    assert.ok(await page.locator('option').filter({ hasText: MARKUP.svg }).count(), 'the dataset list shows the title as text');
    await published.open(page, '?data=illustratief&view=percelen');
    await drawn(page);
    await svgDownload(page, [MARKUP.img]);
    await assertInert(page, 'publisher, after the download');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('A javascript: source link in a manifest is never made a link (and the CSP would refuse it)', async () => {
  for (const bypassCSP of [true, false]) {
    const page = await watchedPage(bypassCSP, published);
    await published.open(page, '?data=js-url&view=overzicht');
    assert.match(await page.locator('#notes').innerText(), /KPMG/);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.close();
  }
  // The policy itself: a javascript: link that did reach the page would be refused.
  const page = await watchedPage(false, published);
  await published.open(page, '?data=js-url&view=overzicht');
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'javascript:window.__pwned=31';
    a.textContent = 'x';
    document.body.append(a);
  });
  await page.locator('a[href^="javascript:"]').click();
  await until(page, () => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations)).join(), /script-src/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('The fixtures hold every markup value the tests look for', () => {
  const records = RECORDS.toString('utf8');
  const csvField = (s) => (/[",;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const m of Object.values(MARKUP)) assert.ok(records.includes(csvField(m)), m);
  for (const m of CUBE_MARKUP) assert.ok(CUBE.toString('utf8').includes(csvField(m)), m);
});
