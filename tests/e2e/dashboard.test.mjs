// The dashboard in headless Chromium against the built site (dist/), as a visitor meets it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, axeViolations, cell, readCube } from './harness.mjs';

import { VIEWS } from '../../scripts/views.mjs';
const CUBE = 'dist/data/lta-2023/cube.csv';
const nl = new Intl.NumberFormat('nl-NL');
const en = new Intl.NumberFormat('en-GB');
let site;

before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

const text = (page) => page.locator('main').innerText();

test('Overzicht shows the published national totals with their source, in Dutch', async () => {
  const page = await site.open(await site.page());
  const main = await text(page);
  for (const figure of ['9.722', '15.939', '€ 194.078.629', '€ 19.963']) assert.ok(main.includes(figure), figure);
  assert.match(main, /Status: definitief/);
  assert.match(main, /KPMG/);
  assert.match(main, /Q1 – Q4 2023 Jeugd Totaal Rapportage/);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.deepEqual(page.problems, []);
});

test('Landsdelen: youth per landsdeel as in the cube, rates, map with credit, unpublished euros named', async () => {
  const page = await site.open(await site.page(), '?view=landsdelen');
  const rows = readCube(CUBE).filter((r) => r.perceel === 'TOTAAL' && r.verwijzer === 'TOTAAL' && r.landsdeel !== 'TOTAAL');
  assert.equal(rows.length, 8);
  for (const r of rows) {
    assert.equal(await cell(page, r.landsdeel, 'Unieke jeugdigen'), nl.format(Number(r.jeugdigen)), r.landsdeel);
  }
  assert.equal(await cell(page, 'ZW', 'Unieke jeugdigen'), '3.305');
  assert.equal(await cell(page, 'UF', 'Per 1.000 jeugdigen'), '4,4');
  // The national row is the source's 9,722, not the 9,723 the rows add up to.
  assert.equal(await page.locator('tfoot th + td').first().innerText(), '9.722');
  const main = await text(page);
  assert.match(main, /Niet gepubliceerd in deze bron: Volume in euro’s/);
  assert.match(main, /Grenzen: CBS\/Kadaster/);
  // The map drew the eight areas, with their values written on them.
  await page.waitForSelector('.map svg path');
  const mapText = await page.locator('.map svg').textContent();
  assert.ok(mapText.includes('Zuid-West') && mapText.includes('4,4'), mapText);
  assert.deepEqual(page.problems, []);
});

test('Percelen: fourteen percelen, Tabel 1 figures, derived ratios marked ≈', async () => {
  const page = await site.open(await site.page(), '?view=percelen');
  assert.equal(await page.locator('tbody tr').count(), 14);
  assert.equal(await cell(page, 'TKGGZ', 'Volume in euro’s'), '€ 63.932.168');
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), '3.872');
  assert.equal(await cell(page, 'TKGGZ', 'Trajecten per jeugdige'), '≈ 1,44');
  assert.equal(await page.locator('tbody tr th').first().innerText(), 'Topklinische GGz');
  const main = await text(page);
  assert.match(main, /≈ = benaderd of afgeleid/);
  // Tabel 1's youth add up to the national total; the overlap of percelen is in kinds of care.
  assert.match(main, /tellen de unieke jeugdigen per perceel precies op tot het landelijk totaal van 9\.722/);
  assert.match(main, /zowel binnen het perceel UMC’s als binnen ZIKOS/);
  assert.deepEqual(page.problems, []);
});

test('Verwijzers: only the approximate facts, the rest plainly not published', async () => {
  const page = await site.open(await site.page(), '?view=verwijzers');
  // "Circa 3%" in the source: a whole percent, and an amount of two significant digits.
  assert.equal(await cell(page, 'rechter-ovj', 'Aandeel in euro’s'), '≈ 3%');
  assert.equal(await cell(page, 'rechter-ovj', 'Volume in euro’s'), '≈ € 5,8 mln');
  assert.equal(await cell(page, 'geen', 'Volume in euro’s'), '≈ € 1,5 mln');
  assert.equal(await cell(page, 'onbekend', 'Volume in euro’s'), '≈ € 3,7 mln');
  assert.equal(await cell(page, 'medisch-specialist', 'Volume in euro’s'), 'niet gepubliceerd');
  const main = await text(page);
  assert.match(main, /niet als getallen beschikbaar/);
  assert.match(main, /relatief ‘duurste’/);
  assert.doesNotMatch(main, /per traject het duurst/);
  assert.deepEqual(page.problems, []);
});

test('English: the switch translates the page and numbers follow en-GB', async () => {
  const page = await site.open(await site.page());
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(page.url(), /lang=en/);
  const main = await text(page);
  for (const figure of [en.format(9722), '€194,078,629', 'Unique youth', 'Status: final']) assert.ok(main.includes(figure), figure);
  await site.open(page, '?view=landsdelen&lang=en');
  assert.equal(await cell(page, 'UF', 'Per 1,000 youth'), '4.4');
  assert.equal(await cell(page, 'ZW', 'Unique youth'), '3,305');
  assert.deepEqual(page.problems, []);
});

test('Keyboard: the menu is reachable and opens a view; back returns', async () => {
  const page = await site.open(await site.page());
  const link = page.getByRole('link', { name: 'Percelen' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('h2:has-text("Percelen")');
  assert.match(page.url(), /view=percelen/);
  assert.equal(await link.getAttribute('aria-current'), 'page');
  await page.goBack();
  await page.waitForSelector('h2:has-text("Overzicht")');
  // On a fresh page the skip link is the first stop.
  await site.open(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
});

test('Every view of both datasets, desktop and 360 px phone: no horizontal scroll, no serious axe violation', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const page = await site.page(viewport);
    for (const data of ['lta-2023', 'illustratief']) {
      for (const view of VIEWS) {
        for (const lang of data === 'lta-2023' ? ['nl', 'en'] : ['nl']) {
          const where = `${data} ${view} ${lang} ${viewport.width}px`;
          await site.open(page, `?data=${data}&view=${view}&lang=${lang}`);
          await page.waitForTimeout(200); // let the charts lay out
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `${where} is ${width}px wide`);
          assert.deepEqual(await axeViolations(page), [], where);
        }
      }
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('A broken data file shows its error with file, line, column and value', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lta-broken-'));
  cpSync('dist', root, { recursive: true });
  const cube = join(root, 'data/lta-2023/cube.csv');
  const lines = readFileSync(cube, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('2023,ZW,'));
  lines[at] = lines[at].replace('2023,ZW,', '2023,Atlantis,');
  writeFileSync(cube, lines.join('\n'));
  const broken = await Site.start(root);
  try {
    for (const [lang, expected] of [
      ['nl', `data/lta-2023/cube.csv, regel ${at + 1}, kolom ‘landsdeel’, waarde ‘Atlantis’: is geen bekende code of naam`],
      ['en', `data/lta-2023/cube.csv, line ${at + 1}, column ‘landsdeel’, value ‘Atlantis’: is not a known code or name`],
    ]) {
      const page = await broken.open(await broken.page(), `?lang=${lang}`);
      assert.equal(await page.locator('[role=alert] .error-message').innerText(), expected);
    }
  } finally {
    await broken.stop();
  }
});

test('A missing data file is named with its HTTP status', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lta-missing-'));
  cpSync('dist', root, { recursive: true });
  rmSync(join(root, 'data/lta-2023/population.csv'));
  const missing = await Site.start(root);
  try {
    const page = await missing.open(await missing.page());
    assert.equal(await page.locator('[role=alert] .error-message').innerText(),
      'data/lta-2023/population.csv: kon niet worden opgehaald (HTTP 404)');
  } finally {
    await missing.stop();
  }
});

test('Unknown address settings are ignored with a visible notice', async () => {
  const page = await site.open(await site.page(), '?view=kaart&lang=en');
  assert.match(await text(page), /ignored: view=kaart/);
  assert.match(await text(page), /9,722/);
});

test('Filters the 2023 publication has no figures for say so, on every view, without an error', async () => {
  const page = await site.open(await site.page(), '?view=landsdelen');
  await page.locator('tr[data-code=ZW] button.pick').click();
  await page.waitForFunction(() => location.search.includes('landsdeel=ZW'));
  for (const view of ['Percelen', 'Verwijzers', 'Overzicht', 'Landsdeelprofiel', 'Trend']) {
    await page.getByRole('link', { name: view, exact: true }).click();
    await page.waitForSelector('h2#view-title');
  }
  await page.getByRole('link', { name: 'Percelen', exact: true }).click();
  assert.match(await page.locator('main').innerText(), /Deze dataset bevat deze gegevens niet/);
  await site.open(page, '?view=verwijzers&perceel=TKGGZ&measure=euros');
  await site.open(page, '?view=landsdelen&verwijzer=huisarts&measure=per1000');
  assert.match(await page.locator('main').innerText(), /bevat deze gegevens niet|niet gepubliceerd/);
  assert.deepEqual(page.problems, []);
});
