// Disclosure in the browser, and the publishable cube: the example file shows no
// recoverable value, and the ZIP the dashboard writes opens again with exactly the same numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, cell } from './harness.mjs';

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

const VIEWS = ['Overzicht', 'Landsdelen', 'Percelen', 'Verwijzers'];

/** The text of every table and key figure on each view, as a visitor reads them. */
async function screens(page) {
  const out = {};
  for (const v of VIEWS) {
    await page.getByRole('navigation').getByRole('link', { name: v, exact: true }).click();
    await page.waitForSelector('.view');
    out[v] = await page.locator('.view table, .view .figures').allInnerTexts();
  }
  return out;
}

test('The example file: the small and the empty landsdelen are secret for youth, euros and shares', async () => {
  const page = await site.open(await site.page(), '?view=landsdelen');
  await page.setInputFiles('input[type=file]', exampleFile());
  await page.waitForSelector('[data-status=lokaal]');
  for (const l of ['NN', 'UF', 'LI', 'GE', 'OV']) {
    for (const col of ['Unieke jeugdigen', 'Volume in euro’s', 'Aandeel in de jeugdigen', 'Aandeel in de euro’s']) {
      const text = await cell(page, l, col);
      if (text !== null) assert.equal(text, 'geheim', `${l} ${col}`);
    }
  }
  // The rules are told in words beside the figures.
  assert.match(await page.locator('.view').innerText(), /Door afronding tellen totalen niet altijd op/);
  assert.deepEqual(page.problems, []);
});

test('The publishable cube opens again with the numbers the screen showed', async () => {
  const page = await site.open(await site.page());
  const records = readdirSync('public/data/illustratief').find((f) => /^records.*\.csv$/.test(f));
  await page.setInputFiles('input[type=file]', join('public/data/illustratief', records));
  await page.waitForSelector('[data-status=lokaal]');
  const before = await screens(page);
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
  // What was compared is the disclosed screen: euros in whole thousands, counts in fives.
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
