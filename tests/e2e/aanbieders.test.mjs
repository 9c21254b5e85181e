// Aanbieders: every provider of Limburg and of Zuid-Limburg in 2023, checked against counts made
// here from the illustrative records (not through the app); a referrer chosen is said not to
// apply; a phone; the published 2023 data says it names no providers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Site, axeViolations, cell, drawn, readCube } from './harness.mjs';

const RECORDS = readCube('dist/data/illustratief/records-synthetisch.csv');
const JEUGDREGIO = Object.fromEntries(readCube('core/data/gemeente_jeugdregio_2025.csv').map((g) => [g.gemeente_code, g.jeugdregio_code]));
const nl = new Intl.NumberFormat('nl-NL');
let site;

before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** Distinct youth, trajectories and whole euros per provider of the 2023 records that pass `keep`. */
function perProvider(keep) {
  const out = {};
  for (const r of RECORDS.filter((r) => r.periode.startsWith('2023') && keep(r))) {
    const g = (out[r.aanbieder] ??= { youth: new Set(), trajecten: 0, cents: 0 });
    g.youth.add(r.client);
    g.trajecten += 1;
    g.cents += Math.round(Number(r.volume_eur) * 100);
  }
  return out;
}

test('Limburg and Zuid-Limburg: every provider with its youth, trajectories and euros as counted here', async () => {
  for (const [query, keep] of [
    ['landsdeel=LI', (r) => r.landsdeel === 'LI'],
    ['landsdeel=LI&regio=JZ41', (r) => JEUGDREGIO[r.gemeente] === 'JZ41'],
  ]) {
    const page = await site.open(await site.page(), `?data=illustratief&view=aanbieders&periode=2023&${query}`);
    await drawn(page);
    const want = perProvider(keep);
    assert.ok(Object.keys(want).length > 10, query);
    assert.equal(await page.locator('tbody tr[data-code^="aanbieder-"]').count(), Object.keys(want).length, query);
    for (const [code, f] of Object.entries(want)) {
      assert.equal(await cell(page, code, 'Unieke jeugdigen'), nl.format(f.youth.size), `${query} ${code}`);
      assert.equal(await cell(page, code, 'Trajecten'), nl.format(f.trajecten), `${query} ${code}`);
      assert.equal(await cell(page, code, 'Volume in euro’s'), `€ ${nl.format(Math.round(f.cents / 100))}`, `${query} ${code}`);
    }
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, []);
  }
});

test('A referrer chosen is said not to apply; on a phone it fits; the published data names no providers', async () => {
  const page = await site.open(await site.page({ width: 360, height: 740 }), '?data=illustratief&view=aanbieders&verwijzer=huisarts');
  await drawn(page);
  assert.match(await page.locator('.view .notice').first().innerText(), /niet naar verwijzer uitgesplitst/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
  const published = await site.open(await site.page(), '?view=aanbieders');
  await published.waitForSelector('.view .notice');
  assert.match(await published.locator('.view .notice').innerText(), /noemen geen aanbieders/);
  assert.deepEqual([...page.problems, ...published.problems], []);
});
