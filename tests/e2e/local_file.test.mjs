// Opening one's own file: read in the browser, numbers as in the file, errors keep the data shown,
// and no request carries (or follows) the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, until } from './harness.mjs';

let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** A drag's data in the page: the small records file under `name`. */
const dragged = (page, name) => page.evaluateHandle(([t, n]) => {
  const dt = new DataTransfer();
  dt.items.add(new File([t], n, { type: 'text/csv' }));
  return dt;
}, [readFileSync('tests/e2e/fixtures/records-small.csv', 'utf8'), name]);

const figure = (page, title) =>
  page.locator('.figure').filter({ has: page.getByText(title, { exact: true }) }).locator('dd').innerText();

test('A records file opened through the file input is counted in the browser, without sending it anywhere', async () => {
  const page = await site.open(await site.page());
  await page.waitForLoadState('networkidle');
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-small.csv');
  await page.waitForSelector('[data-status=lokaal]');
  assert.match(await page.locator('[data-status=lokaal]').innerText(), /lokaal bestand.*records-small\.csv/);
  // The first file fetches the full app (src/handover.rs), which reads the published dataset
  // again for its labels: its own files and the dataset's, all GETs without a body. After that
  // nothing more is requested.
  const fetched = requests.splice(0).map((r) => r.replace(site.url, '').replace(/-[0-9a-f]{16}/, '-…'));
  assert.deepEqual(fetched.sort(), [
    'GET full-….js', 'GET lta-dashboard-full-….js', 'GET lta-dashboard-full-…_bg.wasm', 'GET data/index.json',
    'GET data/lta-2023/manifest.json', 'GET data/lta-2023/cube.csv', 'GET data/lta-2023/population.csv',
  ].sort());
  // Records follow the cell-key method unless the user turns it off: 3 youth and 4 trajectories
  // are shown within ±5, never as 1 or 2; the euros in thousands.
  for (const [name, truth] of [['Unieke jeugdigen', 3], ['Trajecten', 4]]) {
    const n = Number(await figure(page, name));
    assert.ok(Number.isInteger(n) && Math.abs(n - truth) <= 5 && n !== 1 && n !== 2, `${name}: ${n}`);
  }
  assert.match(await figure(page, 'Volume in euro’s'), /^€ \d+(\.000)?$/);
  await page.getByRole('checkbox', { name: /Cell-key-methode/ }).uncheck();
  // p1 has two trajectories in 2023 (two halves) and counts once: 3 youth, 4 trajectories.
  assert.equal(await figure(page, 'Unieke jeugdigen'), '3');
  assert.equal(await figure(page, 'Trajecten'), '4');
  assert.equal(await figure(page, 'Volume in euro’s'), '€ 4.000');
  // The period list is the file's: the years and their halves.
  const periods = await page.locator('select').nth(1).locator('option').allInnerTexts();
  assert.deepEqual(periods, ['2023-H2', '2023-H1', '2023', '2022-H2', '2022']);
  await page.locator('select').nth(1).selectOption('2023-H1');
  await page.waitForFunction(() => location.search.includes('periode=2023-H1'));
  assert.equal(await figure(page, 'Unieke jeugdigen'), '2');
  // Chromium fetches the favicon again when the address changes (the period is in the URL);
  // nothing else may be requested.
  assert.deepEqual(requests.filter((r) => r !== `GET ${site.url}favicon.svg`), [], 'opening a local file made requests');
  assert.deepEqual(page.problems, []);
});

test('A file chosen on the written first screen, before the app has loaded, is read when it takes over', async () => {
  const page = await site.page();
  // Hold the app's wasm until the file is chosen: until then only the build's written screen is there.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(site.url);
  await page.setInputFiles('#pre input[type=file]', 'tests/e2e/fixtures/records-small.csv');
  assert.equal(await page.locator('[data-status=lokaal]').count(), 0, 'the app was there before the wasm');
  release();
  await page.waitForSelector('[data-status=lokaal]');
  assert.match(await page.locator('[data-status=lokaal]').innerText(), /records-small\.csv/);
  assert.equal(await page.locator('#pre').count(), 0);
  assert.deepEqual(page.problems, []);
});

// Before the wasm has arrived only the build's script is there: a file dropped then must not
// make the browser leave the page to open it, and is read when the app takes over; also on an
// address with a query, whose written screen is hidden at once.
for (const query of ['', '?view=landsdelen&lang=en']) {
  test(`A file dropped before the app has loaded is read when it takes over (${query || 'no query'})`, async () => {
    const page = await site.page();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(site.url + query);
    const transfer = await dragged(page, 'vroeg.csv');
    // Both events must be cancelled, or the browser opens the file itself.
    const cancelled = await page.evaluate((dt) => ['dragover', 'drop'].map((type) => {
      const e = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    }), transfer);
    assert.deepEqual(cancelled, [true, true]);
    assert.equal(await page.locator('[data-status=lokaal]').count(), 0, 'the app was there before the wasm');
    assert.equal(await page.evaluate(() => document.getElementById('early-file')?.files[0]?.name), 'vroeg.csv');
    release();
    await page.waitForSelector('[data-status=lokaal]');
    assert.match(await page.locator('[data-status=lokaal]').innerText(), /vroeg\.csv/);
    assert.equal(await page.locator('#early-file').count(), 0);
    assert.deepEqual(page.problems, []);
  });
}

test('A bad file names file, line, column and value, and the data shown stays', async () => {
  const page = await site.open(await site.page());
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-bad.csv');
  const alert = page.locator('[role=alert] .error-message');
  await alert.waitFor();
  assert.equal(await alert.innerText(), 'records-bad.csv, regel 3, kolom ‘landsdeel’, waarde ‘Atlantis’: is geen bekende code of naam');
  assert.match(await page.locator('[role=alert]').innerText(), /blijven staan/);
  assert.equal(await figure(page, 'Unieke jeugdigen'), '9.722');
  assert.match(await page.locator('[data-status]').innerText(), /definitief/);
});

test('A ZIP is unzipped by the archive worker: a broken one is named, and the data shown stays', async () => {
  const page = await site.open(await site.page());
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const alert = page.locator('[role=alert] .error-message');
  const broken = { name: 'kubus.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04 broken', 'latin1') };
  await page.setInputFiles('input[type=file]', broken);
  await alert.waitFor();
  assert.match(await alert.innerText(), /^kubus\.zip: is geen leesbaar ZIP-bestand \(.+\)$/);
  assert.ok(fetched.some((p) => /\/lta-xlsx-worker-[0-9a-f]{16}_bg\.wasm$/.test(p)), fetched.join(' '));
  assert.equal(await figure(page, 'Unieke jeugdigen'), '9.722');
  assert.deepEqual(page.problems, []);
});

test('A records file with only a header, or with too many percelen, is refused and the data shown stays', async () => {
  const page = await site.open(await site.page());
  const alert = page.locator('[role=alert] .error-message');
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-header-only.csv');
  await alert.waitFor();
  assert.equal(await alert.innerText(), 'records-header-only.csv: bevat geen gegevensrijen, alleen een kopregel');
  assert.equal(await figure(page, 'Unieke jeugdigen'), '9.722');
  assert.match(await page.locator('[data-status]').innerText(), /definitief/);
  // 20,000 distinct percelen in 100,000 rows (issue #9): refused, naming column, limit and count.
  let csv = 'client,periode,landsdeel,perceel,verwijzer,volume_eur\n';
  for (let i = 0; i < 100000; i++) csv += `c${i % 9000},2023-H1,ZW,P${i % 20000},huisarts,10\n`;
  await page.setInputFiles('input[type=file]', { name: 'veel-percelen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await alert.filter({ hasText: /^veel-percelen\.csv/ }).waitFor();
  assert.equal(await alert.innerText(),
    'veel-percelen.csv, regel 42, kolom ‘perceel’, waarde ‘P40’: heeft te veel verschillende waarden (20.000); de grens is 40');
  assert.equal(await figure(page, 'Unieke jeugdigen'), '9.722');
  assert.match(await page.locator('[data-status]').innerText(), /definitief/);
  assert.deepEqual(page.problems, []);
});

test('The switcher returns from a local file to the published data', async () => {
  const page = await site.open(await site.page());
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-small.csv');
  await page.waitForSelector('[data-status=lokaal]');
  await page.locator('select').first().selectOption('lta-2023');
  await page.waitForSelector('[data-status=definitief]');
  assert.equal(await figure(page, 'Unieke jeugdigen'), '9.722');
});

test('A file dropped on the drop zone is read like a chosen one', async () => {
  const page = await site.open(await site.page());
  const transfer = await dragged(page, 'gesleept.csv');
  await page.dispatchEvent('.file-open', 'dragover', { dataTransfer: transfer });
  assert.equal(await page.locator('.file-open.dragging').count(), 1);
  await page.dispatchEvent('.file-open', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('[data-status=lokaal]');
  assert.match(await page.locator('[data-status=lokaal]').innerText(), /gesleept\.csv/);
  // Under the cell-key method the euros are perturbed and in thousands; exact without it.
  assert.match(await figure(page, 'Volume in euro’s'), /^€ \d+(\.000)?$/);
  await page.getByRole('checkbox', { name: /Cell-key-methode/ }).uncheck();
  assert.equal(await figure(page, 'Volume in euro’s'), '€ 4.000');
});

test('The cell-key box and the figures always agree: files in a row, the box turned off, a language switch', async () => {
  // Two files of 20 youth and 21 trajectories: € 9,500 and € 9,700 in truth. Under the method
  // the euros are shown in whole thousands, so the euro figure tells which the screen shows.
  const dir = mkdtempSync(join(tmpdir(), 'lta-rules-'));
  const file = (name, last) => {
    const rows = ['client,periode,landsdeel,perceel,verwijzer,volume_eur'];
    for (let i = 0; i < 20; i++) rows.push(`c${i},2023,ZW,TKGGZ,huisarts,450`);
    rows.push(`c0,2023-H2,ZW,TKGGZ,huisarts,${last}`);
    writeFileSync(join(dir, name), rows.join('\n'));
    return join(dir, name);
  };
  const [a, b] = [file('a.csv', 500), file('b.csv', 700)];
  const page = await site.open(await site.page(), '?periode=2023');
  const box = () => page.getByRole('checkbox', { name: /cell-key[- ]method/i });
  const euros = () => page.locator('.figure dd').filter({ hasText: '€' }).first().innerText();
  /** The box and the euros agree: ticked and whole thousands, or not and the exact euros. */
  const agree = async (exact, why) => {
    const [ticked, shown] = [await box().isChecked(), await euros()];
    const thousands = /[.,]000$/.test(shown);
    assert.equal(ticked, thousands, `${why}: box ${ticked ? 'ticked' : 'not ticked'}, euros ${shown}`);
    if (!ticked) assert.match(shown, new RegExp(`^€\\s?9[.,]${exact}$`), why);
    return ticked;
  };
  const open = async (path) => {
    await page.setInputFiles('input[type=file]', path);
    await until(page, (n) => document.querySelector('[data-status=lokaal]')?.textContent.includes(n), path.split('/').pop());
  };
  await open(a);
  assert.equal(await agree('500', 'file a'), true, 'a new file is shown under the method');
  await box().uncheck();
  await until(page, () => !/[.,]000$/.test([...document.querySelectorAll('.figure dd')].find((d) => d.textContent.includes('€')).textContent));
  assert.equal(await agree('500', 'file a, box turned off'), false);
  await open(b);
  await agree('700', 'file b after a with the box off');
  await box().uncheck();
  await agree('700', 'file b, box turned off');
  await page.locator('button.lang-switch').click();
  await page.getByRole('checkbox', { name: /cell-key method/i }).waitFor();
  await agree('700', 'file b in English');
  await open(a);
  await agree('500', 'file a again, in English');
  assert.deepEqual(page.problems, []);
  rmSync(dir, { recursive: true, force: true });
});
