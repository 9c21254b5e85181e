// Vergelijken: the compare view's numbers checked against the cube files (read here with the
// test's own reader), for two periods of the illustrative data and for the published 2023
// figures against the illustrative 2023 slice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Site, axeViolations, cell, drawn, readCube, until } from './harness.mjs';

const ILLUSTRATIEF = readCube('dist/data/illustratief/cube.csv');
const PUBLISHED = readCube('dist/data/lta-2023/cube.csv');
const LANDSDELEN = ['NH', 'UF', 'BZ', 'LI', 'ZW', 'GE', 'OV', 'NN'];
const nl = new Intl.NumberFormat('nl-NL');
/** A dataset's title as its manifest gives it: the compare view names another dataset's side by it. */
const title = (id) => JSON.parse(readFileSync(`dist/data/${id}/manifest.json`, 'utf8')).title.nl;
let site;

before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** The cube row of a period and landsdeel or perceel (the other dimensions TOTAAL). */
function at(cube, periode, { landsdeel = 'TOTAAL', perceel = 'TOTAAL' } = {}) {
  return cube.find((r) => r.periode === periode && r.landsdeel === landsdeel && r.perceel === perceel && r.verwijzer === 'TOTAAL');
}
/** A whole number as the page writes it in Dutch: `1.234`, `-56`. */
const count = (n) => (n < 0 ? '-' : '') + nl.format(Math.abs(n));
const euro = (n) => `€ ${count(n)}`;

test('2023 against 2022 of the illustrative data: both values and the difference, per landsdeel and perceel', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=vergelijk&periode=2023&tov=2022');
  await drawn(page);
  for (const l of LANDSDELEN) {
    const [a, b] = [at(ILLUSTRATIEF, '2022', { landsdeel: l }), at(ILLUSTRATIEF, '2023', { landsdeel: l })];
    assert.equal(await cell(page, l, 'Unieke jeugdigen: 2022'), count(Number(a.jeugdigen)), l);
    assert.equal(await cell(page, l, 'Unieke jeugdigen: 2023'), count(Number(b.jeugdigen)), l);
    assert.equal(await cell(page, l, 'Verschil'), count(b.jeugdigen - a.jeugdigen), l);
  }
  const percelen = [...new Set(ILLUSTRATIEF.filter((r) => r.periode === '2023' && r.perceel !== 'TOTAAL').map((r) => r.perceel))];
  for (const p of percelen) {
    const [a, b] = [at(ILLUSTRATIEF, '2022', { perceel: p }), at(ILLUSTRATIEF, '2023', { perceel: p })];
    assert.equal(await cell(page, p, 'Verschil'), count(b.jeugdigen - a.jeugdigen), p);
  }
  // The sentence names the national change and the landsdeel with the largest rise.
  const rises = LANDSDELEN.map((l) => [l, at(ILLUSTRATIEF, '2023', { landsdeel: l }).jeugdigen - at(ILLUSTRATIEF, '2022', { landsdeel: l }).jeugdigen]);
  const [top] = rises.sort((x, y) => y[1] - x[1])[0];
  const topName = await page.locator(`tr[data-code="${top}"] th`).first().innerText();
  const said = await page.locator('.sentence').innerText();
  const [na, nb] = [at(ILLUSTRATIEF, '2022'), at(ILLUSTRATIEF, '2023')];
  assert.ok(said.startsWith(`2023 tegenover 2022: unieke jeugdigen ${count(Number(nb.jeugdigen))} tegenover ${count(Number(na.jeugdigen))}`), said);
  assert.ok(said.includes(`Per landsdeel: de grootste stijging is ${topName.replace(/^▶ /, '')}`), said);
  // Paired bars: one chart per dimension, each with both periods in its legend.
  assert.equal(await page.locator('.chart svg').count(), 3);
  assert.match(await page.locator('.chart svg').first().textContent(), /2022[\s\S]*2023/);
  assert.deepEqual(page.problems, []);
});

test('Euros and euros per youth are compared too, with the change in percent', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=vergelijk&periode=2023&tov=2022&measure=euros');
  const [a, b] = [at(ILLUSTRATIEF, '2022', { landsdeel: 'ZW' }), at(ILLUSTRATIEF, '2023', { landsdeel: 'ZW' })];
  assert.equal(await cell(page, 'ZW', 'Volume in euro’s: 2023'), euro(Number(b.volume_eur)));
  assert.equal(await cell(page, 'ZW', 'Verschil'), euro(b.volume_eur - a.volume_eur));
  const pct = (((b.volume_eur - a.volume_eur) / a.volume_eur) * 100).toFixed(1).replace('.', ',');
  assert.equal(await cell(page, 'ZW', 'Verandering'), `${pct}%`);
  await page.getByRole('radio', { name: 'Euro’s per jeugdige' }).check();
  await until(page, () => location.search.includes('measure=europerjeugdige'));
  const perYouth = Math.round(b.volume_eur / b.jeugdigen);
  assert.equal(await cell(page, 'ZW', 'Euro’s per jeugdige: 2023'), euro(perYouth));
  assert.deepEqual(page.problems, []);
});

test('The published 2023 figures against the illustrative 2023 slice: equal where they must be', async () => {
  const page = await site.open(await site.page(), '?view=vergelijk&periode=2023&tovdata=illustratief&tov=2023');
  await page.waitForSelector('tr[data-code="ZW"]');
  const name = (p) => `2023, ${title(p === 'pub' ? 'lta-2023' : 'illustratief')}`;
  for (const l of LANDSDELEN) {
    const published = at(PUBLISHED, '2023', { landsdeel: l }).jeugdigen;
    assert.equal(published, at(ILLUSTRATIEF, '2023', { landsdeel: l }).jeugdigen, `the files themselves, ${l}`);
    assert.equal(await cell(page, l, `Unieke jeugdigen: ${name('pub')}`), count(Number(published)), l);
    assert.equal(await cell(page, l, `Unieke jeugdigen: ${name('ill')}`), count(Number(published)), l);
    assert.equal(await cell(page, l, 'Verschil'), '0', l);
  }
  // Trajectories are where the two differ: the published 15,939 against the ratios' 15,384.
  await site.open(page, '?view=vergelijk&periode=2023&tovdata=illustratief&tov=2023&measure=trajecten');
  await page.waitForSelector('tr[data-code="TKGGZ"]');
  const [pub, ill] = [at(PUBLISHED, '2023'), at(ILLUSTRATIEF, '2023')];
  const figures = await page.locator('.compare-figures').innerText();
  assert.ok(figures.includes(`Verschil: +${count(pub.trajecten - ill.trajecten)}`), figures);
  // Derived per perceel from the published ratios (≈) and equal to the slice: ≈ 0, never exact.
  assert.equal(await cell(page, 'TKGGZ', 'Verschil'), '≈ 0');
  // Euros per landsdeel are not published: no difference is made up for them.
  await site.open(page, '?view=vergelijk&periode=2023&tovdata=illustratief&tov=2023&measure=euros');
  await page.waitForSelector('tr[data-code="ZW"]');
  // The published side has none at all, so there is no column of differences: the legend says so.
  assert.equal(await cell(page, 'ZW', 'Verschil'), null);
  assert.ok(await cell(page, 'ZW', `Volume in euro’s: ${name('ill')}`));
  const legends = await page.locator('.legend.not-published').allInnerTexts();
  assert.ok(legends.includes(`Niet gepubliceerd in deze bron: Volume in euro’s: ${name('pub')}, Verschil, Verandering.`), legends.join('\n'));
  assert.equal(await cell(page, 'TKGGZ', 'Verschil'), '€ 0');
  assert.deepEqual(page.problems, []);
});

test('The other side is chosen in the view and kept in the address; the view passes axe at both widths', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=vergelijk&periode=2024');
  await drawn(page);
  // By default the latest year (2024) is compared with the year before.
  assert.ok(await cell(page, 'ZW', 'Unieke jeugdigen: 2023'));
  assert.ok(await cell(page, 'ZW', 'Unieke jeugdigen: 2024'));
  await page.locator('select[name=tov]').selectOption('2021');
  await until(page, () => location.search.includes('tov=2021'));
  await page.waitForSelector('th:has-text("Unieke jeugdigen: 2021")');
  await page.locator('select[name=tovdata]').selectOption('lta-2023');
  await until(page, () => location.search.includes('tovdata=lta-2023'));
  await page.waitForSelector(`th:has-text("${title('lta-2023')}")`);
  assert.deepEqual(await axeViolations(page), []);
  const phone = await site.open(await site.page({ width: 360, height: 740 }), '?data=illustratief&view=vergelijk&lang=en');
  await drawn(phone);
  assert.match(await phone.locator('.sentence').innerText(), /^2024 against 2023: unique youth/);
  assert.deepEqual(await axeViolations(phone), []);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual([...page.problems, ...phone.problems], []);
});

test('A period the other dataset lacks is said, and the nearest is compared instead; embedded, the view has no controls', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=vergelijk&periode=2023&tovdata=lta-2023&tov=2021');
  await page.waitForSelector('tr[data-code="ZW"]');
  assert.equal(await page.locator('.view .notice').first().innerText(),
    'Deze periode staat niet in de dataset om mee te vergelijken: 2021. Vergeleken wordt met 2023.');
  await site.open(page, '?data=illustratief&view=vergelijk&periode=2023&tov=2022&embed=1');
  await page.waitForSelector('tr[data-code="ZW"]');
  assert.equal(await page.locator('fieldset.compare-with').isVisible(), false);
  assert.ok(await cell(page, 'ZW', 'Unieke jeugdigen: 2022'));
  assert.deepEqual(page.problems, []);
});

test('A filter click gives Vergelijken new figures in the same charts: no chart is made anew', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=vergelijk&periode=2023&tov=2022');
  await drawn(page);
  const instances = () => page.evaluate(() => [...document.querySelectorAll('.chart')].map((c) => c.getAttribute('_echarts_instance_')));
  const before = await instances();
  assert.equal(before.length, 3);
  assert.ok(before.every(Boolean), before.join());
  const percelen = await page.locator('figure.chart-figure').nth(1).locator('svg').textContent();
  // Zuid-West chosen from its row name: the percelen and referrers of Zuid-West, in the same charts.
  await page.locator('tr[data-code="ZW"] button.pick').click();
  await until(page, () => location.search.includes('landsdeel=ZW'));
  await drawn(page);
  await until(page, (old) => document.querySelectorAll('figure.chart-figure')[1].querySelector('svg').textContent !== old, percelen);
  const zw = at(ILLUSTRATIEF, '2023', { landsdeel: 'ZW', perceel: 'TKGGZ' });
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen: 2023'), count(Number(zw.jeugdigen)));
  assert.deepEqual(await instances(), before);
  assert.deepEqual(page.problems, []);
});
