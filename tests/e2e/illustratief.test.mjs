// The illustrative dataset: labelled synthetic on every view, and its records file, opened in the
// browser, gives exactly the tables of its published cube.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Site } from './harness.mjs';

const VIEWS = ['overzicht', 'landsdelen', 'percelen', 'verwijzers', 'profiel', 'trend'];
let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

test('Every view of the illustrative dataset says it is synthetic, in both languages', async () => {
  const page = await site.page();
  for (const view of VIEWS) {
    for (const [lang, words] of [['nl', /synthetische gegevens/], ['en', /synthetic data/]]) {
      await site.open(page, `?data=illustratief&view=${view}&lang=${lang}`);
      assert.match(await page.locator('.synthetic').innerText(), words, `${view} ${lang}`);
      assert.match(await page.locator('[data-status]').innerText(), lang === 'nl' ? /illustratief/ : /illustrative/);
    }
  }
  assert.deepEqual(page.problems, []);
});

test('The illustrative 2023 figures are the published ones (trajectories: the sum of the ratios)', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023');
  const main = await page.locator('.figures').innerText();
  // Trajectories follow the source's ratios per perceel, which sum to 15.384, not its 15.939
  // (the two cannot both hold; public/data/illustratief/README.md).
  for (const figure of ['9.722', '15.384', '€ 194.078.629']) assert.ok(main.includes(figure), figure);
});

/** The texts of every figure and table cell of the current view. */
const tables = (page) => page.locator('.figures dd, table').allInnerTexts();

test('Its records file opened through the file input shows the same numbers as its cube', async () => {
  const published = await site.page();
  const local = await site.open(await site.page(), '?data=illustratief&periode=2023');
  await local.setInputFiles('input[type=file]', 'public/data/illustratief/records-synthetisch.csv');
  await local.waitForSelector('[data-status=lokaal]', { timeout: 60000 });
  // Under the cell-key method (the default for records) the counts are within ±5 of the cube's.
  const figures = (page) => page.locator('.figures dd').evaluateAll((dds) => dds.slice(0, 2).map((d) => Number(d.innerText.replace(/\./g, ''))));
  const [perturbed, exact] = [await figures(local), await figures(await site.open(published, '?data=illustratief&periode=2023'))];
  for (const [i, n] of perturbed.entries()) assert.ok(Math.abs(n - exact[i]) <= 5, `${n} against ${exact[i]}`);
  // Turned off, the records give exactly the published cube.
  await local.getByRole('checkbox', { name: /Cell-key-methode/ }).uncheck();
  for (const view of VIEWS) {
    await site.open(published, `?data=illustratief&periode=2023&view=${view}${view === 'profiel' ? '&landsdeel=BZ' : ''}`);
    // Within the page (no reload): the local file stays loaded.
    await local.evaluate(([v]) => {
      // Each menu link is its view's own page (`percelen.html?…`, Overzicht `./?…`).
      const a = [...document.querySelectorAll('nav a')].find((x) => x.getAttribute('href').startsWith(v === 'overzicht' ? './' : `${v}.html`));
      a.click();
    }, [view]);
    await local.waitForFunction((v) => v === 'overzicht' || location.search.includes(`view=${v}`), view);
    if (view === 'profiel') {
      await local.locator('select').nth(2).selectOption('BZ');
      await local.waitForFunction(() => location.search.includes('landsdeel=BZ'));
    }
    const expected = await tables(published);
    assert.ok(expected.length > 0, view);
    assert.deepEqual(await tables(local), expected, view);
    if (view === 'profiel') {
      // The profile's landsdeel is a filter on every view: its chip removes it.
      await local.getByRole('button', { name: /Brabant, Zeeland/ }).and(local.locator('.chip')).click();
      await local.waitForFunction(() => !location.search.includes('landsdeel='));
    }
  }
  assert.deepEqual(local.problems, []);
});
