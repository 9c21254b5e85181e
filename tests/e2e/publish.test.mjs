// The cell-key method in the browser, and the publishable cube: the example file shows
// every cell, perturbed as records_to_cube perturbs it with the same key, and the ZIP the
// dashboard writes opens again with exactly the same numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, cell, readCube, useKey } from './harness.mjs';

let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** One perceel, one referrer, 2023-H1, one youth per row: 12 ZW, 12 BZ, 17 NH, 7 NN. */
function exampleFile() {
  let csv = 'client,periode,landsdeel,perceel,verwijzer,volume_eur\n';
  let n = 0;
  for (const [l, rows] of [['ZW', 12], ['BZ', 12], ['NH', 17], ['NN', 7]]) {
    for (let i = 0; i < rows; i++) {
      n += 1;
      csv += `k${n},2023-H1,${l},IBA,huisarts,${5000 + ((n * 1371) % 50000)}\n`;
    }
  }
  return { name: 'voorbeeld.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
}

const VIEWS = ['Overzicht', 'Landsdelen', 'Percelen', 'Verwijzers', 'Doorlooptijd', 'Aanbieders'];

/** The text of every table and key figure on each view, as a visitor reads them. */
async function screens(page) {
  const out = {};
  for (const v of VIEWS) {
    await page.getByRole('navigation').getByRole('link', { name: v, exact: true }).click();
    await page.waitForSelector('.view');
    // Doorlooptijd and Aanbieders compute their part from the records when they open.
    await page.waitForSelector('.view p.loading', { state: 'detached' });
    out[v] = await page.locator('.view table, .view .figures').allInnerTexts();
  }
  return out;
}

/** The cube `records_to_cube` writes for these records with this key (the CLI of the core). */
function cliCube(csv, hex) {
  const dir = mkdtempSync(join(tmpdir(), 'lta-cli-'));
  const manifest = JSON.parse(readFileSync('public/data/lta-2023/manifest.json', 'utf8'));
  manifest.files.records = 'r.csv';
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'population.csv'), readFileSync('public/data/lta-2023/population.csv'));
  writeFileSync(join(dir, 'r.csv'), csv);
  writeFileSync(join(dir, 'sleutel.txt'), `${hex}\n`);
  execFileSync('cargo', ['run', '--offline', '-q', '-p', 'lta-xlsx', '--bin', 'records_to_cube', '--', dir, '--sleutel', join(dir, 'sleutel.txt')], { stdio: 'pipe' });
  return readCube(join(dir, 'publiceerbaar', 'cube.csv'));
}

/** The youth and trajectories per landsdeel of the Landsdelen table, as numbers. */
async function perLandsdeel(page) {
  const out = {};
  for (const l of ['NH', 'UF', 'BZ', 'LI', 'ZW', 'GE', 'OV', 'NN']) {
    const youth = await cell(page, l, 'Unieke jeugdigen');
    out[l] = Number(youth.replace(/\./g, ''));
  }
  return out;
}

test('The example file under the cell-key method: every cell shown, the same as records_to_cube with the same key, again after a reload', async () => {
  const page = await site.open(await site.page(), '?view=landsdelen');
  await page.setInputFiles('input[type=file]', exampleFile());
  await page.waitForSelector('[data-status=lokaal]');
  // Nothing is hidden: every landsdeel has a number, within ±5 of its true count, never 1 or 2.
  const truth = { ZW: 12, BZ: 12, NH: 17, NN: 7, UF: 0, LI: 0, GE: 0, OV: 0 };
  const shown = await perLandsdeel(page);
  for (const [l, n] of Object.entries(shown)) {
    assert.ok(Number.isInteger(n) && Math.abs(n - truth[l]) <= 5 && n !== 1 && n !== 2, `${l}: ${n}`);
    if (truth[l] === 0) assert.equal(n, 0, l);
  }
  // The method is told in words beside the figures.
  assert.match(await page.locator('.view').innerText(), /totalen zijn apart verstoord en hoeven niet op te tellen/);
  // The browser's key, saved as a file, gives records_to_cube the same cube.
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Sleutel opslaan' }).click()]);
  assert.equal(saved.suggestedFilename(), 'lta-sleutel.txt');
  const hex = readFileSync(await saved.path(), 'utf8').trim().split('\n').pop();
  assert.match(hex, /^[0-9a-f]{32}$/);
  const cli = cliCube(exampleFile().buffer.toString(), hex);
  const period = new URLSearchParams(await page.evaluate(() => location.search)).get('periode') ?? '2023';
  for (const l of Object.keys(truth)) {
    const row = cli.find((r) => r.periode === period && r.landsdeel === l && r.perceel === 'TOTAAL' && r.verwijzer === 'TOTAAL');
    assert.equal(shown[l], Number(row.jeugdigen), `${l}: browser ${shown[l]}, records_to_cube ${row.jeugdigen}`);
  }
  // The key is in no URL and in no stored text but its own.
  assert.ok(!(await page.evaluate(() => location.href)).includes(hex));
  // A reload keeps the key (the browser's storage): the same file shows the same figures.
  await site.open(page, '?view=landsdelen');
  await page.setInputFiles('input[type=file]', exampleFile());
  await page.waitForSelector('[data-status=lokaal]');
  assert.deepEqual(await perLandsdeel(page), shown);
  // Another key, opened from a file, perturbs anew: as records_to_cube does with it.
  const other = 'ffeeddccbbaa99887766554433221100';
  await useKey(page, other);
  const again = cliCube(exampleFile().buffer.toString(), other);
  const now = await perLandsdeel(page);
  for (const l of Object.keys(truth)) {
    const row = again.find((r) => r.periode === period && r.landsdeel === l && r.perceel === 'TOTAAL' && r.verwijzer === 'TOTAAL');
    assert.equal(now[l], Number(row.jeugdigen), l);
  }
  assert.deepEqual(page.problems, []);
});

test('The publishable cube opens again with the numbers the screen showed', async () => {
  const page = await site.open(await site.page());
  const records = readdirSync('public/data/illustratief').find((f) => /^records.*\.csv$/.test(f));
  await page.setInputFiles('input[type=file]', join('public/data/illustratief', records));
  await page.waitForSelector('[data-status=lokaal]');
  const before = await screens(page);
  // The durations and providers, computed from the records when their view opened, are on screen.
  assert.ok(before.Doorlooptijd.length >= 3 && before.Aanbieders.length >= 1, JSON.stringify(before.Doorlooptijd));
  await page.getByLabel('Status van de kubus').selectOption('definitief');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Publiceerbare kubus downloaden' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^publiceerbare-kubus-\d{4}-\d\d-\d\d\.zip$/);
  const path = join(mkdtempSync(join(tmpdir(), 'lta-')), download.suggestedFilename());
  await download.saveAs(path);
  const zip = readFileSync(path);
  assert.equal(zip.subarray(0, 4).toString('latin1'), 'PK\x03\x04');

  await page.setInputFiles('input[type=file]', path);
  await page.waitForFunction((name) => document.querySelector('[data-status=lokaal]')?.innerText.includes(name), download.suggestedFilename());
  const after = await screens(page);
  assert.deepEqual(after, before);
  // What was compared is the perturbed screen: euros in whole thousands.
  const millions = before.Landsdelen.join('\n').match(/€ \d+\.\d{3}\.\d{3}/g);
  assert.ok(millions.length >= 8 && millions.every((e) => e.endsWith('.000')), millions.join(' '));
  assert.deepEqual(page.problems, []);
});

// The network fails for the worker's loader, or for its wasm only (real failures a visitor can
// meet offline): the button says so on screen, names what failed, and the file stays open.
for (const [what, files, said] of [
  ['loader', /lta-xlsx-worker_loader/, /lta-xlsx-worker_loader-[0-9a-f]{16}\.js: kon niet worden opgehaald \(geen antwoord: offline\?\)/],
  ['wasm', /lta-xlsx-worker-.*\.wasm/, /Failed to fetch/],
]) {
  test(`When the archive worker's ${what} cannot be fetched, the publish button says so on screen and the data stays`, async () => {
    const page = await site.open(await site.page());
    await page.setInputFiles('input[type=file]', exampleFile());
    await page.waitForSelector('[data-status=lokaal]');
    await page.route(files, (route) => route.abort());
    await page.getByRole('button', { name: 'Publiceerbare kubus downloaden' }).click();
    const alert = page.locator('.publish [role=alert]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /^De publiceerbare kubus kon niet worden gemaakt: /);
    assert.match(text, said);
    assert.match(await page.locator('[data-status=lokaal]').innerText(), /voorbeeld\.csv/);
    // The worker's own words reach the page as an error too; nothing else went wrong.
    assert.ok(page.problems.every((p) => /Failed to fetch/.test(p)), page.problems.join('\n'));
  });
}
