// A declaration-style export, as a gemeente's system and Excel on Windows write it (Windows-1252,
// Dutch headers, begin dates, 4-digit gemeente codes, iJw referrer codes, € amounts, a D/C
// column), is read after the user says which column is which, from the keyboard; it then shows
// the same landsdeel figures as the plain records file under the same key. The mapping is
// remembered for the next file with the same header; Escape cancels and keeps the data shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Site, cell, useKey } from './harness.mjs';

let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

const KEY = '0123456789abcdef0123456789abcdef';
const LANDSDELEN = ['NH', 'UF', 'BZ', 'LI', 'ZW', 'GE', 'OV', 'NN'];
const REGION = { 'Noord-Holland': 'NH', 'Utrecht+Flevoland': 'UF', 'Brabant+Zeeland': 'BZ', Limburg: 'LI', 'Zuid-West': 'ZW', Gelderland: 'GE', Overijssel: 'OV', 'Noord-Nederland': 'NN' };
const CODES = { gemeente: '01', huisarts: '02', jeugdarts: '03', gi: '04', 'medisch-specialist': '05', geen: '06', onbekend: '07', 'rechter-ovj': '08' };

/** The gemeenten of each landsdeel, from the reference table the app ships (parsed here). */
function gemeenten() {
  const out = {};
  for (const line of readFileSync('core/data/gemeente_jeugdregio_2025.csv', 'utf8').trim().split('\n').slice(1)) {
    const code = line.slice(0, 6);
    // The landsdeel is the column after the jeugdregio's code and name (not the province: Mook
    // en Middelaar lies in Limburg and in landsdeel Gelderland).
    const landsdeel = line.match(/,JZ\d\d,[^,]*,([^,]+),/)[1];
    (out[REGION[landsdeel]] ??= []).push(code.slice(2));
  }
  return out;
}

/** The first 6,000 illustrative records, plain and as a declaration export. */
function files() {
  const lines = readFileSync('public/data/illustratief/records-synthetisch.csv', 'utf8').trim().split('\n').slice(0, 6001);
  const plain = `${lines.join('\n')}\n`;
  const of = gemeenten();
  let text = 'Cliëntnummer;Gem.;Perceel;Begindatum;Verwijzer;Bedrag;D/C;Aanbieder\r\n';
  lines.slice(1).forEach((line, i) => {
    // The records' own gemeente is left out: the export states one of its own, in four digits.
    const [client, period, landsdeel, , perceel, verwijzer, eur] = line.split(',');
    const month = (period.endsWith('H1') ? 1 : 7) + (i % 6);
    const date = `${String(1 + (i % 28)).padStart(2, '0')}-${String(month).padStart(2, '0')}-${period.slice(0, 4)}`;
    const [whole, cents = '00'] = eur.replace('-', '').split('.');
    const amount = `€ ${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${cents.padEnd(2, '0')}`;
    const gemeente = of[landsdeel][i % of[landsdeel].length];
    text += `${client};${gemeente};${perceel};${date};${CODES[verwijzer]};${amount};${eur.startsWith('-') ? 'C' : 'D'};Cliëntgerichte Zorg\r\n`;
  });
  // Windows-1252: Latin-1 for every character here but the euro sign, which is byte 0x80.
  const cp1252 = Buffer.from(text.replace(/€/g, '\u0080'), 'latin1');
  return {
    plain: { name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from(plain) },
    exported: { name: 'declaraties.csv', mimeType: 'text/csv', buffer: cp1252 },
  };
}

/** The youth and trajectories per landsdeel in the Landsdelen view. */
async function perLandsdeel(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Landsdelen', exact: true }).click();
  await page.waitForSelector('.view tr[data-code="NH"]');
  const out = {};
  for (const l of LANDSDELEN) out[l] = [await cell(page, l, 'Unieke jeugdigen'), await cell(page, l, 'Trajecten'), await cell(page, l, 'Volume in euro’s')];
  return out;
}

/** Tabs until the focus is on the element `selector` picks (at most 40 steps). */
async function tabTo(page, selector) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no focus on ${selector}`);
}

test('A declaration export is read after its columns are chosen from the keyboard, with the landsdeel figures of the plain file', async () => {
  const { plain, exported } = files();
  const page = await site.open(await site.page(), '?data=illustratief');
  await page.setInputFiles('input[type=file]', plain);
  await page.waitForSelector('[data-status=lokaal]');
  await useKey(page, KEY);
  const expected = await perLandsdeel(page);

  await page.setInputFiles('.data-bar input[type=file]', exported);
  const dialog = page.getByRole('dialog', { name: /Welke kolom is wat/ });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Gelezen als Windows-1252/);
  // Every column but the gemeente's is recognised; reading waits for it.
  assert.match(await dialog.locator('.missing').innerText(), /Nog nodig: landsdeel of jeugdregio of gemeente/);
  assert.ok(await dialog.getByRole('button', { name: 'Inlezen' }).isDisabled());
  assert.equal(await dialog.getByLabel('cliëntnummer', { exact: true }).inputValue(), 'client');
  assert.equal(await dialog.getByLabel('d/c', { exact: true }).inputValue(), 'debet_credit');
  assert.match(await dialog.locator('tr', { hasText: 'gem.' }).innerText(), /\d{4}/, 'the first values are shown');
  // From the keyboard: to the gemeente column's choice, type the choice, Tab to Inlezen, Enter.
  await tabTo(page, 'dialog select[id^=kolom-67656d2e]');
  await page.keyboard.type('gemeente');
  assert.equal(await dialog.getByLabel('gem.', { exact: true }).inputValue(), 'gemeente');
  assert.equal(await dialog.locator('.missing').innerText(), '');
  await tabTo(page, 'dialog button:not([disabled])');
  await page.keyboard.press('Enter');
  await page.locator('[data-status=lokaal]', { hasText: 'declaraties.csv' }).waitFor();
  assert.equal(await dialog.count(), 0);
  assert.match(await page.locator('body').innerText(), /declaraties\.csv: is geen UTF-8 en is gelezen als Windows-1252/);
  assert.deepEqual(await perLandsdeel(page), expected);
  // Periods came from begin dates: the note says how.
  assert.match(await page.locator("body").innerText(), /halfjaar van zijn begindatum/);
  assert.match(await page.locator("body").innerText(), /Gemeenten en jeugdregio.s: CBS, indeling 2025/);

  // The same header again: the choice is remembered; Escape cancels and the file shown stays.
  await page.setInputFiles('.data-bar input[type=file]', exported);
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /de keuze die u eerder maakte/);
  assert.equal(await dialog.getByLabel('gem.', { exact: true }).inputValue(), 'gemeente');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match(await page.locator('[data-status=lokaal]').innerText(), /declaraties\.csv/);
  assert.deepEqual(await perLandsdeel(page), expected);
  assert.deepEqual(page.problems, []);
});

test('Product codes are mapped to percelen in the dialog, jeugdregio names give the landsdeel, and a wrong line waits', async () => {
  // 30 youth: product 54001 (TKGGZ) for all, 54002 (UMC) for every third; regions by turn.
  const regions = [['Zuid-Limburg', 'LI'], ['Food Valley', 'GE'], ['JZ13', 'NH']];
  let text = 'Clientnr,Jeugdregio,Productcode,Periode,Verwijzer,Kosten\n';
  const youth = { TKGGZ: new Set(), UMC: new Set(), LI: new Set(), GE: new Set(), NH: new Set() };
  for (let i = 0; i < 30; i++) {
    const [region, l] = regions[i % 3];
    for (const [product, perceel] of i % 3 === 0 ? [['54001', 'TKGGZ'], ['54002', 'UMC']] : [['54001', 'TKGGZ']]) {
      text += `j${i},${region},${product},2023-H1,huisarts,1000\n`;
      youth[perceel].add(i);
      youth[l].add(i);
    }
  }
  const page = await site.open(await site.page());
  await page.setInputFiles('input[type=file]', { name: 'producten.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const dialog = page.getByRole('dialog', { name: /Welke kolom is wat/ });
  await dialog.waitFor();
  const products = dialog.getByLabel(/Productcodes en hun perceel/);
  await products.fill('54001 = TKGGZ\n54002 UMC');
  assert.match(await dialog.locator('.missing').innerText(), /niet ‘productcode = perceel’: ‘54002 UMC’/);
  assert.ok(await dialog.getByRole('button', { name: 'Inlezen' }).isDisabled());
  await products.fill("54001 = TKGGZ\n54002 = UMC's (universitaire medische centra)");
  await dialog.getByRole('button', { name: 'Inlezen' }).click();
  await page.locator('[data-status=lokaal]', { hasText: 'producten.csv' }).waitFor();
  await page.getByRole('checkbox', { name: /Cell-key-methode/ }).uncheck();
  await page.getByRole('navigation').getByRole('link', { name: 'Percelen', exact: true }).click();
  await page.waitForSelector('.view tr[data-code="TKGGZ"]');
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), String(youth.TKGGZ.size));
  assert.equal(await cell(page, 'UMC', 'Unieke jeugdigen'), String(youth.UMC.size));
  await page.getByRole('navigation').getByRole('link', { name: 'Landsdelen', exact: true }).click();
  for (const l of ['LI', 'GE', 'NH']) assert.equal(await cell(page, l, 'Unieke jeugdigen'), String(youth[l].size), l);
  assert.deepEqual(page.problems, []);
});
