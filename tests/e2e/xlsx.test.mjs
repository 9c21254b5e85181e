// Excel: the illustrative records as an .xlsx workbook (written in the set-up by
// `cargo run -p lta-xlsx --example csv_to_xlsx`) give the same screen as their CSV twin; the
// spreadsheet reader is fetched only when a spreadsheet is opened; errors name sheet and cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, useKey } from './harness.mjs';

const CSV = 'public/data/illustratief/records-synthetisch.csv';
const VIEWS = ['overzicht', 'landsdelen', 'percelen', 'verwijzers', 'trend'];
let site;
let dir;

/** Writes a CSV file as a workbook with the project's own example writer. */
function workbook(csv, xlsx, ...args) {
  execFileSync('cargo', ['run', '--offline', '-q', '-p', 'lta-xlsx', '--example', 'csv_to_xlsx', '--', csv, xlsx, ...args], { stdio: 'inherit' });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lta-xlsx-'));
  workbook(CSV, join(dir, 'records-synthetisch.xlsx'));
  // Euros stored as text, and one that is not a number at all on the sheet's row 17.
  const rows = ['client;periode;landsdeel;perceel;verwijzer;volume_eur'];
  for (let i = 0; i < 20; i++) rows.push(`c${i};2023;ZW;TKGGZ;huisarts;${i === 15 ? 'veel' : '1234,5'}`);
  writeFileSync(join(dir, 'fout.csv'), rows.join('\n'));
  workbook(join(dir, 'fout.csv'), join(dir, 'fout.xlsx'), '--text', 'volume_eur');
  site = await Site.start('dist');
});
after(async () => {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a file through the input on a fresh page of the illustrative data, 2023. */
async function opened(file) {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023');
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  await page.setInputFiles('input[type=file]', file);
  await page.waitForSelector('[data-status=lokaal], .error', { timeout: 60000 });
  return page;
}

/** The texts of every figure and table cell of the current view. */
const tables = (page) => page.locator('.figures dd, table').allInnerTexts();

async function show(page, view) {
  await page.evaluate((v) => {
    // The menu links each view's own page (`landsdelen.html?…`, Overzicht `./?…`).
    const a = [...document.querySelectorAll('nav a')].find((x) => x.getAttribute('href').startsWith(v === 'overzicht' ? './' : `${v}.html`));
    a.click();
  }, view);
  await page.waitForFunction((v) => v === 'overzicht' || location.search.includes(`view=${v}`), view);
}

test('The illustrative records as .xlsx give the same screen as their CSV twin, rules on and off', async () => {
  const [csv, xlsx] = [await opened(CSV), await opened(join(dir, 'records-synthetisch.xlsx'))];
  assert.match(await xlsx.locator('[data-status]').innerText(), /records-synthetisch\.xlsx/);
  // Only now, with a spreadsheet opened, is its reader fetched.
  assert.ok(xlsx.requested.some((p) => /\/lta-xlsx-worker-[0-9a-f]{16}_bg\.wasm$/.test(p)), xlsx.requested.join(' '));
  // Its loader, script and wasm each have a content hash (scripts/csp-post-build.mjs).
  const worker = xlsx.requested.filter((p) => p.includes('lta-xlsx'));
  assert.equal(worker.length, 3, worker.join(' '));
  for (const p of worker) assert.match(p, /-[0-9a-f]{16}(_bg)?\.(js|wasm)$/);
  assert.ok(!csv.requested.some((p) => p.includes('lta-xlsx')), csv.requested.join(' '));
  // Two browser profiles: the same key file in both, so the cell-key method perturbs alike.
  for (const page of [csv, xlsx]) await useKey(page, '00112233445566778899aabbccddeeff');
  for (const rulesOn of [true, false]) {
    if (!rulesOn) {
      for (const page of [csv, xlsx]) await page.getByRole('checkbox', { name: /Cell-key-methode/ }).uncheck();
    }
    for (const view of VIEWS) {
      await show(csv, view);
      await show(xlsx, view);
      const expected = await tables(csv);
      assert.ok(expected.length > 0, view);
      assert.deepEqual(await tables(xlsx), expected, `${view}, rules ${rulesOn ? 'on' : 'off'}`);
    }
  }
  assert.deepEqual([...csv.problems, ...xlsx.problems], []);
});

test('A spreadsheet error names the sheet and the cell; the data on screen stays', async () => {
  const page = await opened(join(dir, 'fout.xlsx'));
  const error = await page.locator('.error-message').innerText();
  assert.equal(error, 'fout.xlsx, Blad1!F17, kolom ‘volume_eur’, waarde ‘veel’: is geen getal (of leeg, x of ~getal)');
  assert.match(await page.locator('[data-status]').innerText(), /illustratief/);
  assert.deepEqual(page.problems, []);
});

test('A file named .xlsx that is no workbook says so, naming the file', async () => {
  const file = join(dir, 'kapot.xlsx');
  writeFileSync(file, 'dit is geen werkmap');
  const page = await opened(file);
  assert.match(await page.locator('.error-message').innerText(), /^kapot\.xlsx: is geen leesbaar Excel- of ODS-bestand \(.+\)$/);
  assert.deepEqual(page.problems, []);
});
