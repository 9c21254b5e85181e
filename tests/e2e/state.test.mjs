// One source of truth: the address bar always equals the screen (a value the data lacks is
// left out of both, replacing the entry rather than adding one), and a change of the selection
// updates the charts and tables where they are (the same ECharts instance and table rows).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Site, cell, drawn, readCube, until } from './harness.mjs';

const nl = new Intl.NumberFormat('nl-NL');
const cube = readCube('dist/data/illustratief/cube.csv');
const at = (periode, perceel) => cube.find((r) => r.periode === periode && r.landsdeel === 'TOTAAL'
  && r.perceel === perceel && r.verwijzer === 'TOTAAL');
let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

test('The address bar equals the screen: values the data lacks leave the address too, without a new history entry', async () => {
  // The history a page opened without corrections has (the blank page the browser starts on, then the site).
  const plain = await site.open(await site.page(), '?view=percelen');
  const entries = await plain.evaluate(() => history.length);
  const page = await site.open(await site.page(), '?view=percelen&data=bestaat-niet&perceel=XYZ&periode=1999');
  await page.waitForSelector('.notices:has-text("perceel=XYZ")');
  const notices = await page.locator('.notices').innerText();
  assert.match(notices, /data=bestaat-niet/);
  assert.match(notices, /periode=1999/);
  await until(page, () => location.search === '?view=percelen');
  assert.equal(await page.evaluate(() => history.length), entries);
  // A click starts from what is shown: the notice goes, the address gains the choice.
  await page.locator('tr[data-code=TKGGZ] button.pick').click();
  await until(page, () => location.search === '?view=percelen&perceel=TKGGZ');
  assert.equal(await page.locator('.notices').count(), 0);
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  assert.deepEqual(page.problems, []);
});

test('A new period updates the chart and the table in place, with the new figures', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023&view=percelen');
  await drawn(page);
  // Marks on the nodes: they survive only if the nodes are kept, not re-created.
  await page.evaluate(() => {
    document.querySelector('.chart').dataset.mark = 'kept';
    document.querySelector('.chart svg').dataset.mark = 'kept';
    document.querySelector('tr[data-code=TKGGZ]').dataset.mark = 'kept';
  });
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), nl.format(Number(at('2023', 'TKGGZ').jeugdigen)));
  await page.getByRole('combobox', { name: 'Periode' }).selectOption('2022');
  await until(page, () => location.search.includes('periode=2022'));
  const want = nl.format(Number(at('2022', 'TKGGZ').jeugdigen));
  for (let i = 0; i < 100 && await cell(page, 'TKGGZ', 'Unieke jeugdigen') !== want; i++) await page.waitForTimeout(50);
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), want);
  const kept = await page.evaluate(() => ({
    chart: document.querySelector('.chart').dataset.mark,
    svg: document.querySelector('.chart svg').dataset.mark,
    row: document.querySelector('tr[data-code=TKGGZ]').dataset.mark,
    // The bar chart writes each value on its bar; its first column is the table's first.
    euros: document.querySelector('tr[data-code=TKGGZ] td').textContent.trim(),
    labels: [...document.querySelector('.chart svg').querySelectorAll('text')].map((t) => t.textContent),
  }));
  assert.deepEqual([kept.chart, kept.svg, kept.row], ['kept', 'kept', 'kept']);
  assert.equal(kept.euros.replace(/\s/g, ' '), `€ ${nl.format(Number(at('2022', 'TKGGZ').volume_eur))}`);
  assert.ok(kept.labels.includes(kept.euros), `the bars show ${kept.euros}: ${kept.labels.join(' | ')}`);
  assert.deepEqual(page.problems, []);
});
