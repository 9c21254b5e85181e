// Regio: the jeugdregio's of a landsdeel and the gemeenten of a jeugdregio, checked against counts
// made here from the illustrative records, with the reference table read here too (gemeente →
// jeugdregio), not through the app; a records file of one's own with gemeenten, under the
// cell-key method; keyboard, axe and a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, axeViolations, cell, drawn, readCube, until } from './harness.mjs';

const CUBE = readCube('dist/data/illustratief/cube.csv');
const RECORDS = readCube('dist/data/illustratief/records-synthetisch.csv');
const JEUGDREGIO = Object.fromEntries(readCube('core/data/gemeente_jeugdregio_2025.csv').map((g) => [g.gemeente_code, g.jeugdregio_code]));
const nl = new Intl.NumberFormat('nl-NL');
const count = (n) => nl.format(n);
let site;

before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** Distinct youth, trajectories and whole euros of the 2023 records that pass `keep`, grouped by `by`. */
function figures(keep, by) {
  const out = {};
  for (const r of RECORDS.filter((r) => r.periode.startsWith('2023') && keep(r))) {
    const g = (out[by(r)] ??= { youth: new Set(), trajecten: 0, cents: 0 });
    g.youth.add(r.client);
    g.trajecten += 1;
    g.cents += Math.round(Number(r.volume_eur) * 100);
  }
  return out;
}
const cubeCell = (landsdeel, perceel = 'TOTAAL') =>
  CUBE.find((r) => r.periode === '2023' && r.landsdeel === landsdeel && r.perceel === perceel && r.verwijzer === 'TOTAAL');

test('Limburg: its four jeugdregio\'s with their figures, beside Limburg and the nation; a click shows a jeugdregio\'s gemeenten', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=regio&landsdeel=LI&periode=2023');
  await drawn(page);
  const want = figures((r) => r.landsdeel === 'LI', (r) => JEUGDREGIO[r.gemeente]);
  const limburg = readCube('core/data/jeugdregio_landsdeel_2025.csv').filter((j) => j.lta_landsdeel === 'Limburg').map((j) => j.jeugdregio_code);
  assert.deepEqual(Object.keys(want).sort(), limburg.sort());
  const names = await page.locator('table:has(tr[data-code="JZ41"]) tbody th').allInnerTexts();
  assert.deepEqual(names.map((n) => n.replace(/^▶ /, '')).sort(), ['Midden-Limburg Oost', 'Midden-Limburg West', 'Noord-Limburg', 'Zuid-Limburg']);
  for (const [code, f] of Object.entries(want)) {
    assert.equal(await cell(page, code, 'Unieke jeugdigen'), count(f.youth.size), code);
    assert.equal(await cell(page, code, 'Trajecten'), count(f.trajecten), code);
    assert.equal(await cell(page, code, 'Volume in euro’s'), `€ ${count(Math.round(f.cents / 100))}`, code);
  }
  // Beside them: Limburg and the nation, as the cube has them (never a sum of the rows).
  assert.equal(await cell(page, 'LI', 'Unieke jeugdigen'), count(Number(cubeCell('LI').jeugdigen)));
  // The map of Limburg's jeugdregio's (each area with its value) and the bars.
  assert.equal(await page.locator('.chart svg').count(), 2);
  const map = await page.locator('figure.map .chart svg').textContent();
  for (const [, f] of Object.entries(want)) assert.ok(map.includes(count(f.youth.size)), `the map shows ${f.youth.size}`);
  // Zuid-Limburg's gemeenten, from the keyboard.
  await page.locator('tr[data-code="JZ41"] button.pick').focus();
  await page.keyboard.press('Enter');
  await until(page, () => location.search.includes('regio=JZ41'));
  await page.waitForSelector('tr[data-code="GM0935"]');
  const gemeenten = figures((r) => JEUGDREGIO[r.gemeente] === 'JZ41', (r) => r.gemeente);
  for (const [code, f] of Object.entries(gemeenten)) {
    assert.equal(await cell(page, code, 'Unieke jeugdigen'), count(f.youth.size), code);
  }
  assert.equal(await page.locator('h3.regio-heading').innerText(), 'Gemeenten van Zuid-Limburg');
  await drawn(page);
  assert.equal(await page.locator('.chart svg').count(), 3);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
});

test('Cross-filtering: within a perceel the jeugdregio\'s follow it, and the gemeenten say they have totals only', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=regio&landsdeel=LI&periode=2023&perceel=TKGGZ&regio=JZ41');
  const want = figures((r) => r.landsdeel === 'LI' && r.perceel === 'TKGGZ', (r) => JEUGDREGIO[r.gemeente]);
  await page.waitForSelector('tr[data-code="JZ41"]');
  for (const [code, f] of Object.entries(want)) {
    assert.equal(await cell(page, code, 'Unieke jeugdigen'), count(f.youth.size), code);
  }
  assert.equal(await cell(page, 'LI', 'Unieke jeugdigen'), count(Number(cubeCell('LI', 'TKGGZ').jeugdigen)));
  assert.equal(await page.locator('tr[data-code="GM0935"]').count(), 0);
  // The gemeenten hold totals only (the dataset's note says so): within a perceel, none.
  assert.match(await page.locator('section.view').innerText(), /Gemeenten van Zuid-Limburg[\s\S]*Deze dataset bevat deze gegevens niet\./);
  assert.deepEqual(page.problems, []);
});

test('A jeugdregio the landsdeel does not hold, or no jeugdregio at all, is left out and said', async () => {
  // Groningen (JZ01) lies in Noord-Nederland, not Limburg; JZ99 is in no reference table.
  for (const regio of ['JZ01', 'JZ99']) {
    const page = await site.open(await site.page(), `?data=illustratief&view=regio&landsdeel=LI&regio=${regio}`);
    await page.waitForSelector(`.notices:has-text("regio=${regio}")`);
    await page.waitForSelector('tr[data-code="JZ41"]');
    assert.equal(await page.locator('h3.regio-heading').count(), 0, regio);
    await until(page, () => !location.search.includes('regio='));
    assert.match(await page.evaluate(() => location.search), /landsdeel=LI/);
    assert.deepEqual(page.problems, []);
  }
});

test('On a phone the view fits and passes axe; the published 2023 data says it has no regions', async () => {
  const page = await site.open(await site.page({ width: 360, height: 740 }), '?data=illustratief&view=regio&landsdeel=LI&regio=JZ41');
  await drawn(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
  const published = await site.open(await site.page(), '?view=regio');
  await published.waitForSelector('.view .notice');
  assert.match(await published.locator('.view .notice').innerText(), /geen cijfers onder het landsdeel/);
  assert.deepEqual([...page.problems, ...published.problems], []);
});

test('A records file of one\'s own with gemeenten: its jeugdregio\'s, under the cell-key method', async () => {
  // Gemeenten in the forms an export has them: a GM code, four digits, a name.
  const table = readCube('core/data/gemeente_jeugdregio_2025.csv');
  const byName = (name) => table.find((g) => g.gemeente_naam === name);
  const places = ['Maastricht', 'Heerlen', 'Venlo', 'Venray', 'Roermond'].map(byName);
  const written = [places[0].gemeente_code, places[1].gemeente_code.slice(2), 'Venlo', places[3].gemeente_code, 'Roermond'];
  const rows = ['client;periode;gemeente;perceel;verwijzer;volume_eur'];
  for (let i = 0; i < 400; i++) rows.push(`k${i % 150};2023-H${1 + (i % 2)};${written[i % 5]};UMC;huisarts;${100 + i}`);
  const file = join(mkdtempSync(join(tmpdir(), 'lta-regio-')), 'gemeenten.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  const page = await site.open(await site.page(), '?view=regio&landsdeel=LI&periode=2023');
  await page.waitForSelector('.view .notice'); // the full app's "no regions" for the published data
  await page.setInputFiles('input[type=file]', file);
  // The dashboard's own columns with a gemeente for the landsdeel: read at once, no dialog.
  const zuid = places[0].jeugdregio_code;
  await page.waitForSelector(`tr[data-code="${zuid}"]`, { timeout: 30000 });
  for (const code of new Set(places.map((p) => p.jeugdregio_code))) {
    const exact = new Set(rows.slice(1).filter((_, i) => places[i % 5].jeugdregio_code === code).map((r) => r.split(';')[0])).size;
    const shown = Number((await cell(page, code, 'Unieke jeugdigen')).replace(/\./g, ''));
    // Within the method's ±5 of the exact count, and never 1 or 2.
    assert.ok(Math.abs(shown - exact) <= 5 && shown > 2, `${code}: ${shown} against ${exact}`);
  }
  assert.deepEqual(page.problems, []);
});
