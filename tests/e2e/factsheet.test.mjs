// The Landsdeelprofiel factsheet: "Afdrukken / PDF" prints it, and Chromium's PDF of the page (print
// stylesheet) has at most two A4 pages with the figures, charts as vectors, notes and source, and
// no controls. The PDF is read with poppler-utils (pdfinfo, pdftotext, pdfimages).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, drawn, readCube } from './harness.mjs';

const ILLUSTRATIEF = readCube('dist/data/illustratief/cube.csv');
const nl = new Intl.NumberFormat('nl-NL');
const TITLE = JSON.parse(readFileSync('dist/data/illustratief/manifest.json', 'utf8')).title.nl;
let site;
let dir;

before(async () => {
  site = await Site.start('dist');
  dir = mkdtempSync(join(tmpdir(), 'lta-factsheet-'));
});
after(async () => {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Prints the page as Chromium does for "Opslaan als PDF"; returns its page count and text. */
async function printed(page, name) {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  if (process.env.FACTSHEET_OUT) {
    mkdirSync(process.env.FACTSHEET_OUT, { recursive: true });
    writeFileSync(join(process.env.FACTSHEET_OUT, `${name}.pdf`), readFileSync(file));
  }
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info).slice(1).map(Number);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // pdfimages lists raster images: a header of two lines, then one line per image.
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;
  return { pages, size, text, images };
}

test('"Afdrukken / PDF" opens the print dialog', async () => {
  const page = await site.open(await site.page(), '?view=profiel&landsdeel=ZW');
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'Afdrukken / PDF' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.deepEqual(page.problems, []);
});

test('The Zuid-West factsheet of the illustrative 2023 data prints on at most two A4 pages', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023&view=profiel&landsdeel=ZW');
  await drawn(page);
  const { pages, size, text, images } = await printed(page, 'zuid-west-illustratief');
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  // A4 is 595 × 842 points.
  assert.deepEqual(size.map(Math.round), [595, 842]);
  const flat = text.replace(/\s+/g, ' ');
  const zw = ILLUSTRATIEF.find((r) => r.periode === '2023' && r.landsdeel === 'ZW' && r.perceel === 'TOTAAL' && r.verwijzer === 'TOTAAL');
  for (const expected of [
    'Zuid-West — 2023', TITLE, 'illustratief (synthetische gegevens)', 'Afgedrukt op',
    'Kerncijfers naast het landelijke cijfer', nl.format(Number(zw.jeugdigen)), nl.format(9722),
    'Aandeel van elk perceel in de euro’s', 'Aandeel van elke verwijzer in de euro’s', 'Euro’s per jeugdige per perceel',
    'Toelichting', 'Bron:', 'BREN Zuid-Holland',
  ]) assert.ok(flat.includes(expected), `missing: ${expected}`);
  // The charts are vectors: their labels are text in the PDF, and there is no raster image.
  assert.equal(images, 0);
  const legend = (flat.match(/Nederland/g) ?? []).length;
  assert.ok(legend >= 6, `"Nederland" ${legend}× (table headings and chart legends)`);
  // No navigation or controls on paper.
  for (const control of ['Eigen bestand openen', 'Insluiten', 'Afdrukken / PDF', 'Verberg tabel', 'Downloaden', 'Kies een landsdeel', 'Naar de inhoud']) {
    assert.ok(!flat.includes(control), `printed a control: ${control}`);
  }
  assert.deepEqual(page.problems, []);
});

test('The factsheet of every other landsdeel of the illustrative 2023 data fits on two pages, and Zuid-West in English', async () => {
  const page = await site.page();
  for (const [l, lang] of [['NH', 'nl'], ['UF', 'nl'], ['BZ', 'nl'], ['LI', 'nl'], ['GE', 'nl'], ['OV', 'nl'], ['NN', 'nl'], ['ZW', 'en']]) {
    await site.open(page, `?data=illustratief&periode=2023&view=profiel&landsdeel=${l}&lang=${lang}`);
    await drawn(page);
    const { pages, text } = await printed(page, `profiel-${l}-${lang}`);
    assert.ok(pages >= 1 && pages <= 2, `${l} ${lang}: ${pages} pages`);
    const name = await page.locator('.factsheet-title').textContent();
    assert.ok(text.replace(/\s+/g, ' ').includes(name), `${l}: ${name}`);
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(page.problems, []);
});

test('The published 2023 factsheet prints too, in English, saying what was not published', async () => {
  const page = await site.open(await site.page(), '?view=profiel&landsdeel=ZW&lang=en');
  await drawn(page);
  const { pages, text } = await printed(page, 'zuid-west-published-en');
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  const flat = text.replace(/\s+/g, ' ');
  for (const expected of ['Zuid-West — 2023', 'final', 'Printed on', '3,305', 'This dataset does not contain these figures.', 'KPMG']) {
    assert.ok(flat.includes(expected), `missing: ${expected}`);
  }
  assert.deepEqual(page.problems, []);
});
