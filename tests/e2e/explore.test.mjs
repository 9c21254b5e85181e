// Explore, share and embed: a click filters every view and lands in the URL; reload and back
// restore it; downloads hold the rows on screen; an embedded view sizes its iframe on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, cell, readCube } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const nl = new Intl.NumberFormat('nl-NL');
const cube = readCube('dist/data/illustratief/cube.csv');
const at = (k) => cube.find((r) => r.periode === (k.periode ?? '2023') && r.landsdeel === (k.landsdeel ?? 'TOTAAL')
  && r.perceel === (k.perceel ?? 'TOTAAL') && r.verwijzer === (k.verwijzer ?? 'TOTAAL'));
let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

test('A click on a bar filters every view; the URL keeps it through reload and back', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023&view=landsdelen&measure=jeugdigen');
  // The bars are sorted, so the first is the landsdeel with the most youth.
  const rows = cube.filter((r) => r.periode === '2023' && r.perceel === 'TOTAAL' && r.verwijzer === 'TOTAAL' && r.landsdeel !== 'TOTAAL');
  const top = rows.sort((a, b) => b.jeugdigen - a.jeugdigen)[0].landsdeel;
  const bar = page.locator('.chart-figure:not(.map) .chart svg path[fill="#01689b"]').first();
  await bar.click();
  await page.waitForFunction((l) => location.search.includes(`landsdeel=${l}`), top);
  assert.equal(await page.locator(`tr.selected[data-code=${top}]`).count(), 1);
  // Percelen now shows the percelen of that landsdeel, with its total.
  await page.getByRole('link', { name: 'Percelen' }).click();
  await page.waitForFunction(() => location.search.includes('view=percelen'));
  const tk = at({ landsdeel: top, perceel: 'TKGGZ' });
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), nl.format(Number(tk.jeugdigen)));
  assert.match(await page.locator('tfoot th').first().innerText(), /Totaal van de selectie/);
  await page.reload();
  await page.waitForSelector('.view');
  assert.equal(await cell(page, 'TKGGZ', 'Unieke jeugdigen'), nl.format(Number(tk.jeugdigen)));
  assert.equal(await page.locator('.chip').count(), 1);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('view=landsdelen'));
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('landsdeel='));
  assert.equal(await page.locator('.chip').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('Keyboard: a row name chooses the filter, a second press clears it; a trend row picks the period', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023&view=verwijzers');
  const button = page.locator('tr[data-code=huisarts] button.pick');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('verwijzer=huisarts'));
  assert.equal(await page.locator('tr[data-code=huisarts] button.pick').getAttribute('aria-pressed'), 'true');
  await page.getByRole('link', { name: 'Overzicht' }).click();
  const youth = at({ verwijzer: 'huisarts' }).jeugdigen;
  assert.match(await page.locator('.figures').innerText(), new RegExp(nl.format(Number(youth)).replace('.', '\\.')));
  await page.getByRole('link', { name: 'Verwijzers' }).click();
  await page.locator('tr[data-code=huisarts] button.pick').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !location.search.includes('verwijzer='));
  await page.getByRole('link', { name: 'Trend' }).click();
  await page.locator('tr[data-code="2022"] button.pick').click();
  await page.waitForFunction(() => location.search.includes('periode=2022'));
  assert.equal(await page.locator('tr.selected').getAttribute('data-code'), '2022');
});

test('The measure choice is in the URL and survives a reload', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=percelen');
  await page.getByRole('radio', { name: 'Trajecten' }).check();
  await page.waitForFunction(() => location.search.includes('measure=trajecten'));
  await page.reload();
  await page.waitForSelector('.view');
  assert.equal(await page.getByRole('radio', { name: 'Trajecten' }).isChecked(), true);
  assert.match(await page.locator('.sentence').innerText(), /trajecten/);
});

test('Unknown or invalid address values are ignored with a notice', async () => {
  const page = await site.open(await site.page(), '?view=percelen&landsdeel=Atlantis&measure=hoogte&perceel=XYZ&periode=1999');
  await page.waitForSelector('.notices:has-text("perceel=XYZ")');
  await page.waitForSelector('.notices:has-text("periode=1999")');
  const notices = await page.locator('.notices').innerText();
  assert.match(notices, /landsdeel=Atlantis/);
  assert.match(notices, /measure=hoogte/);
  assert.equal(await page.locator('tbody tr').count(), 14);
});

test('Downloads: the CSV holds the rows on screen with source and label; SVG and PNG carry title and watermark', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&periode=2023&view=percelen&landsdeel=NN');
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
    return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
  };
  const csv = await save(/Downloaden CSV/);
  assert.equal(csv.name, 'lta-percelen-per-perceel-2023-illustratief.csv');
  const text = csv.body.toString('utf8').replace(/^\uFEFF/, '');
  assert.match(text.split('\n')[0], /^ILLUSTRATIEF/);
  assert.match(text, /Selectie;2023;Noord-Nederland/);
  assert.match(text, /^Bron;"?Synthetische/m);
  const shown = await page.locator('table').first().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('th').innerText.trim()));
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('Perceel;'));
  const csvRows = lines.slice(header + 1, header + 1 + shown.length).map((l) => l.split(';')[0].replace(/^"|"$/g, ''));
  assert.deepEqual(csvRows, shown);
  const nnTk = at({ landsdeel: 'NN', perceel: 'TKGGZ' });
  assert.ok(lines.some((l) => l.startsWith('Topklinische GGz;') && l.includes(`;${nnTk.volume_eur};`)), 'TKGGZ euros of NN');
  const svg = await save(/SVG/);
  const svgText = svg.body.toString('utf8');
  assert.match(svgText, /^<svg xmlns/);
  assert.match(svgText, /Per perceel — 2023, Noord-Nederland/);
  assert.match(svgText, /ILLUSTRATIEF – SYNTHETISCHE GEGEVENS/);
  const png = await save(/PNG/);
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.deepEqual(page.problems, []);
});

test('The map downloads as SVG with its title, the source and the boundaries credit', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=landsdelen');
  await page.waitForSelector('.map svg path');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.map').getByRole('button', { name: /SVG/ }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.equal(download.suggestedFilename(), 'lta-landsdelen-kaart-2024-illustratief.svg');
  assert.match(svg, /Kaart: Per 1\.000 jeugdigen/);
  assert.match(svg, /Grenzen: CBS\/Kadaster/);
  assert.match(svg, /ILLUSTRATIEF/);
});

test('Embed: one view without navigation, on another origin, its iframe sized to its content', async () => {
  const page = await site.open(await site.page(), '?data=illustratief&view=landsdelen');
  await page.getByRole('button', { name: 'Insluiten' }).click();
  const snippet = await page.locator('#embed-code textarea').inputValue();
  assert.match(snippet, /embed=1/);
  const hostDir = mkdtempSync(join(tmpdir(), 'lta-host-'));
  writeFileSync(join(hostDir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Intranet</title></head><body><h1>Intranet</h1>${snippet}</body></html>`);
  const host = await serve(hostDir);
  try {
    assert.notEqual(new URL(host.url).origin, new URL(site.url).origin);
    const hostPage = await site.browser.newPage({ viewport: { width: 800, height: 700 } });
    await hostPage.goto(host.url);
    const frame = hostPage.frameLocator('iframe');
    await frame.locator('.view').waitFor();
    assert.equal(await frame.locator('nav').count(), 0);
    assert.match(await frame.locator('.synthetic').innerText(), /synthetische/);
    assert.match(await frame.getByRole('link', { name: 'Open het volledige dashboard' }).getAttribute('href'), /view=landsdelen/);
    // The host script sets the iframe to the page's height: the content's own scroll height.
    await hostPage.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 1000);
    const inner = await hostPage.frames()[1].evaluate(() => document.documentElement.scrollHeight);
    const outer = await hostPage.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
    assert.ok(Math.abs(inner - outer) <= 2, `iframe ${outer}px, content ${inner}px`);
    await hostPage.close();
  } finally {
    host.server.close();
  }
});
