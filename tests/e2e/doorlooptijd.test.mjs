// Doorlooptijd: trajectories started per period and their Kaplan–Meier quartiles, checked against
// figures made here from the illustrative records with this test's own reading of what a
// trajectory is and its own life table (not through the app); a jeugdregio chosen from the
// keyboard; the referrer notice; a phone; the published 2023 data says it has no dates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Site, axeViolations, cell, drawn, readCube, until } from './harness.mjs';

const RECORDS = readCube('dist/data/illustratief/records-synthetisch.csv');
const JEUGDREGIO = Object.fromEntries(readCube('core/data/gemeente_jeugdregio_2025.csv').map((g) => [g.gemeente_code, g.jeugdregio_code]));
const nl = new Intl.NumberFormat('nl-NL');
const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const LAST = day('2024-12-31');
let site;

before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** The trajectories: a client's lines with the same perceel, provider and begin date; ending at
 * their latest end, running (end null) when a line has none or ends after the data's last day. */
function trajectories() {
  const byKey = new Map();
  for (const r of RECORDS) {
    const key = [r.client, r.perceel, r.aanbieder, r.begindatum].join('|');
    const t = byKey.get(key) ?? { client: r.client, landsdeel: r.landsdeel, jeugdregio: JEUGDREGIO[r.gemeente], perceel: r.perceel, begin: day(r.begindatum), ends: [] };
    t.ends.push(r.einddatum && day(r.einddatum) <= LAST ? day(r.einddatum) : null);
    byKey.set(key, t);
  }
  return [...byKey.values()].map((t) => ({ ...t, end: t.ends.includes(null) ? null : Math.max(...t.ends) }));
}
const ALL = trajectories();

/** The median in whole weeks (half a week up) from a life table: the first day with endings at
 * which the share still running is at most a half; "niet bereikt" if it never is. */
function median(group) {
  const length = (t) => (t.end ?? LAST) - t.begin + 1;
  const days = [...new Set(group.filter((t) => t.end !== null).map(length))].sort((a, b) => a - b);
  let share = 1;
  for (const d of days) {
    const atRisk = group.filter((t) => length(t) >= d).length;
    const ended = group.filter((t) => t.end !== null && length(t) === d).length;
    share *= 1 - ended / atRisk;
    if (share <= 0.5 + 1e-9) return nl.format(Math.floor(d / 7 + 0.5));
  }
  return 'niet bereikt';
}
const youth = (group) => nl.format(new Set(group.map((t) => t.client)).size);
const started = (group, from, to) => nl.format(group.filter((t) => t.begin >= day(from) && t.begin <= day(to)).length);

test('Limburg: its four jeugdregio\'s with medians and youth as a life table made here gives them; a jeugdregio chosen from the keyboard', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=doorlooptijd&landsdeel=LI');
  await drawn(page);
  const limburg = ALL.filter((t) => t.landsdeel === 'LI');
  const regions = [...new Set(limburg.map((t) => t.jeugdregio))].sort();
  assert.deepEqual(regions, ['JZ37', 'JZ41', 'JZ42', 'JZ43']);
  for (const code of regions) {
    const group = limburg.filter((t) => t.jeugdregio === code);
    assert.equal(await cell(page, code, 'Mediaan (weken)'), median(group), code);
    assert.equal(await cell(page, code, 'Unieke jeugdigen'), youth(group), code);
  }
  const total = page.locator('table:has(tr[data-code="JZ41"]) tfoot tr');
  assert.match(await total.innerText(), new RegExp(`^Limburg\\s+${youth(limburg)}`));
  // Started per half-year, in Limburg.
  assert.equal(await cell(page, '2023-H1', 'Gestart'), started(limburg, '2023-01-01', '2023-06-30'));
  assert.equal(await cell(page, '2024-H2', 'Gestart'), started(limburg, '2024-07-01', '2024-12-31'));
  // Per perceel: Limburg's own percelen, Topklinische GGz with its median.
  const tkggz = limburg.filter((t) => t.perceel === 'TKGGZ');
  assert.equal(await cell(page, 'TKGGZ', 'Mediaan (weken)'), new Set(tkggz.map((t) => t.client)).size >= 20 ? median(tkggz) : 'geheim');
  // Three charts: the movements, the medians per jeugdregio and per perceel.
  assert.equal(await page.locator('.chart svg').count(), 3);
  assert.deepEqual(await axeViolations(page), []);

  // Zuid-Limburg from the keyboard: the movements follow it; it is marked among its neighbours.
  await page.locator('tr[data-code="JZ41"] button.pick').focus();
  await page.keyboard.press('Enter');
  await until(page, () => location.search.includes('regio=JZ41'));
  const zuid = limburg.filter((t) => t.jeugdregio === 'JZ41');
  await until(page, (want) => [...document.querySelectorAll('tr[data-code="2023-H1"] td')][0]?.textContent.trim() === want, started(zuid, '2023-01-01', '2023-06-30'));
  assert.equal(await page.locator('tr[data-code="JZ41"].selected').count(), 1);
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), youth(zuid.filter((t) => t.perceel === 'TKGGZ')));
  assert.deepEqual(page.problems, []);
});

test('The nation: the eight landsdelen; a referrer chosen is said not to apply', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=doorlooptijd&verwijzer=huisarts');
  await drawn(page);
  for (const l of ['NH', 'UF', 'BZ', 'LI', 'ZW', 'GE', 'OV', 'NN']) {
    assert.equal(await cell(page, l, 'Mediaan (weken)'), median(ALL.filter((t) => t.landsdeel === l)), l);
  }
  assert.match(await page.locator('.view .notice').innerText(), /niet naar verwijzer uitgesplitst/);
  // A landsdeel chosen in the table: its jeugdregio's beside it, each chosen in turn.
  await page.locator('tr[data-code="NN"] button.pick').click();
  await until(page, () => location.search.includes('landsdeel=NN'));
  await page.waitForSelector('tr[data-code="JZ01"]');
  const groningen = ALL.filter((t) => t.jeugdregio === 'JZ01');
  assert.equal(await cell(page, 'JZ01', 'Mediaan (weken)'), median(groningen));
  await page.locator('tr[data-code="JZ01"] button.pick').click();
  await until(page, () => location.search.includes('regio=JZ01'));
  assert.deepEqual(page.problems, []);
});

test('A records file of one\'s own: its durations are computed once, not again on a language switch', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=doorlooptijd');
  await drawn(page);
  await page.setInputFiles('input[type=file]', 'dist/data/illustratief/records-synthetisch.csv');
  await page.waitForSelector('[data-status=lokaal]');
  await page.waitForSelector('tr[data-code="LI"]');
  // Each part made (a file read, or computed from records) is a performance measure.
  const made = () => page.evaluate(() => performance.getEntriesByName('lta-part').length);
  const before = await made();
  assert.ok(before >= 1, 'the own file\'s durations were made');
  for (const lang of ['en', 'nl']) {
    await page.locator('button.lang-switch').click();
    await until(page, (l) => document.documentElement.lang === l, lang);
    await page.waitForSelector('tr[data-code="LI"]');
  }
  assert.equal(await made(), before, 'not made again');
  assert.equal(await page.locator('[data-status=lokaal]').count(), 1);
  assert.deepEqual(page.problems, []);
});

test('On a phone the view fits and passes axe; the published 2023 data says it has no dates', async () => {
  const page = await site.open(await site.page({ width: 360, height: 740 }), '?data=illustratief&view=doorlooptijd&landsdeel=LI&regio=JZ41');
  await drawn(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
  const published = await site.open(await site.page(), '?view=doorlooptijd');
  await published.waitForSelector('.view .notice');
  assert.match(await published.locator('.view .notice').innerText(), /geen begin- en einddatums/);
  assert.deepEqual([...page.problems, ...published.problems], []);
});
