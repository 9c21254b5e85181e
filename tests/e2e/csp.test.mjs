// The Content Security Policy: the built page carries it and needs nothing it forbids. Every
// view of both datasets, a local file, downloads and the embed run without one
// `securitypolicyviolation` event or console error; only the origins it names may frame it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site, drawn, until } from './harness.mjs';
import { serve, LOCAL_POLICY } from '../../scripts/serve.mjs';
import { META_POLICY, headerPolicy } from '../../scripts/csp.mjs';
import { addScriptIntegrity, externaliseInlineScripts, insertPolicy, violations } from '../../scripts/csp-post-build.mjs';

import { VIEWS } from '../../scripts/views.mjs';
let site;
before(async () => { site = await Site.start('dist'); });
after(async () => { await site.stop(); });

/** A page that records policy violations (from its first script on) and the app's start. */
async function watchedPage() {
  const page = await site.page(undefined, { bypassCSP: false });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
    addEventListener('TrunkApplicationStarted', () => { window.__started = true; });
  });
  return page;
}

/** Fails on any violation or console error; `where` names the page in the message. */
async function assertClean(page, where) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], `${where}: policy violations`);
  assert.deepEqual(page.problems, [], `${where}: console errors`);
  // (The publish button's alert paragraph is always there, empty until a failure: empty is no error.)
  assert.equal(await page.locator('.error:not(:empty)').count(), 0, `${where}: an error is shown`);
  // Styles set through the CSSOM are allowed: the charts have the height the app gave them.
  const heights = await page.locator('.chart').evaluateAll((cs) => cs.map((c) => [c.style.height, `${c.offsetHeight}px`]));
  for (const [set, shown] of heights) assert.equal(shown, set, `${where}: chart height`);
  // And the heat-map cells their colours.
  const heat = await page.locator('td').evaluateAll((ts) => ts.filter((t) => t.style.backgroundColor)
    .map((t) => [t.style.backgroundColor, getComputedStyle(t).backgroundColor]));
  for (const [set, shown] of heat) assert.equal(shown, set, `${where}: heat cell colour`);
  return heat.length;
}

const integrity = (file) => `sha384-${createHash('sha384').update(readFileSync(join('dist', file))).digest('base64')}`;

test('Every built page carries the policy first, has no inline script, and every integrity matches its file', () => {
  for (const page of ['index.html', ...VIEWS.filter((v) => v !== 'overzicht').map((v) => `${v}.html`)]) {
    const html = readFileSync(join('dist', page), 'utf8');
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    assert.match(head, /^<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.equal(head.match(/content-security-policy" content="([^"]*)"/i)[1], META_POLICY);
    assert.deepEqual(violations(html), [], page);
    // Trunk's stylesheets and module preload, the moved loader, and the first screen's
    // stylesheet and script (scripts/prerender.mjs). No preload of the wasm (the loader fetches
    // it after the page has loaded, with its integrity) or of the spreadsheet worker (fetched
    // only when a spreadsheet is opened).
    const refs = [...head.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+)"[^>]*\bintegrity="([^"]+)"/g)];
    const files = refs.map(([, file]) => file.replace(/-[0-9a-f]{8,16}/, '-…'));
    assert.deepEqual(files.sort(), ['compare-….css', 'lta-dashboard-….js', 'main-….css', 'pre-….css', 'pre-….js', 'print-….css', 'start-….js'], page);
    for (const [, file, sri] of refs) assert.equal(sri, integrity(file), `${page}: ${file}`);
    const start = refs.find(([, file]) => file.startsWith('start-'))[1];
    const [, wasm, wasmSri] = readFileSync(join('dist', start), 'utf8').match(/fetch\('\.\/([^']+_bg\.wasm)', \{ integrity: '([^']+)' \}\)/);
    assert.equal(wasmSri, integrity(wasm), `${page}: ${wasm}`);
    // The full app (src/handover.rs): its start script and the wasm that script fetches, each
    // under a hashed name with its integrity.
    const [, full, fullSri, fullWasm] = head.match(/<meta name="lta-full" content="\.\/(full-[0-9a-f]{16}\.js)" data-integrity="([^"]+)" data-wasm="\.\/(lta-dashboard-full-[0-9a-f]{16}_bg\.wasm)">/);
    assert.equal(fullSri, integrity(full), `${page}: ${full}`);
    const [, started, startedSri] = readFileSync(join('dist', full), 'utf8').match(/new URL\('\.\/([^']+_bg\.wasm)', import\.meta\.url\), \{ integrity: '([^']+)' \}/);
    assert.equal(started, fullWasm);
    assert.equal(startedSri, integrity(fullWasm), `${page}: ${fullWasm}`);
    // ECharts, loaded by the app when a chart is drawn, under a hashed name with its integrity.
    const [, echarts, sri] = head.match(/<meta name="lta-echarts" content="\.\/(echarts-[0-9a-f]{16}\.js)" data-integrity="([^"]+)">/);
    assert.equal(sri, integrity(echarts), `${page}: ${echarts}`);
  }
});

test('The post-build hook moves inline scripts out and refuses what the policy would break', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lta-hook-'));
  const moved = externaliseInlineScripts('<head><script type="module">import init from "./a.js";</script></head>', dir, './');
  const [, name, sri] = moved.match(/<script type="module" src="\.\/(start-[0-9a-f]{16}\.js)" integrity="(sha384-[^"]+)"><\/script>/);
  const body = readFileSync(join(dir, name), 'utf8');
  assert.match(body, /addEventListener\('load'[^\n]*\nimport init from "\.\/a\.js";$/);
  assert.equal(sri, `sha384-${createHash('sha384').update(body).digest('base64')}`);
  assert.throws(() => addScriptIntegrity('<script src="https://cdn.example/x.js"></script>', dir, './'), /from elsewhere/);
  assert.throws(() => insertPolicy('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="x">'), /already/);
  assert.throws(() => insertPolicy('<head><title>x</title>'), /charset/);
  const found = violations('<p style="color:red">a</p><b onclick="x()">b</b><style>p{}</style><a href="javascript:x()">c</a><script>x()</script>');
  assert.deepEqual(found.map((f) => f.replace(/:.*/, '')), ['an inline <script>', 'a <style> element',
    'an inline handler or style attribute', 'an inline handler or style attribute', 'a javascript']);
});

test('The server sends the policy as a header, with who may frame the site', async () => {
  const response = await fetch(site.url);
  assert.equal(response.headers.get('content-security-policy'), LOCAL_POLICY);
  assert.equal(LOCAL_POLICY, `${META_POLICY}; frame-ancestors 'self' http://127.0.0.1:*`);
  assert.throws(() => headerPolicy("'self'; script-src *"), /frame-ancestors/);
});

test('docs/security.md documents the policy the build ships', () => {
  const readme = readFileSync('docs/security.md', 'utf8');
  assert.ok(readme.includes(META_POLICY), 'docs/security.md has the meta policy verbatim');
  assert.ok(readme.includes(headerPolicy("'self' https://www.example.nl")), 'docs/security.md has the header with frame-ancestors');
});

test('The listener sees a violation: an inline script added to the page is refused and reported', async () => {
  const page = await watchedPage();
  await site.open(page, '?view=overzicht');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 1';
    document.head.append(s);
  });
  await until(page, () => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations))[0], /^script-src-elem blocked inline/);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
});

test('Every view of both datasets runs under the policy', async () => {
  for (const data of ['lta-2023', 'illustratief']) {
    for (const view of VIEWS) {
      const page = await watchedPage();
      await site.open(page, `?data=${data}&view=${view}`);
      await drawn(page);
      assert.equal(await page.evaluate(() => window.__started), true, `${data} ${view}: the wasm loader ran`);
      const heat = await assertClean(page, `${data} ${view}`);
      if (data === 'illustratief' && view === 'percelen') assert.ok(heat > 0, 'illustratief percelen: the heat map is drawn');
      await page.close();
    }
  }
});

test('A local file, every view of it, and the SVG and PNG downloads run under the policy', async () => {
  const page = await watchedPage();
  await site.open(page, '?view=overzicht');
  await page.setInputFiles('input[type=file]', 'tests/e2e/fixtures/records-small.csv');
  await page.waitForSelector('[data-status=lokaal]');
  // The menu, in the order of VIEWS, keeps the local data (a reload would drop it).
  for (const [i, view] of VIEWS.entries()) {
    await page.locator('nav a').nth(i).click();
    await until(page, (v) => (new URLSearchParams(location.search).get('view') ?? 'overzicht') === v, view);
    await drawn(page);
    assert.equal(await page.locator('[data-status=lokaal]').count(), 1, `local file ${view}: still the local data`);
    await assertClean(page, `local file ${view}`);
  }
  await page.locator('nav a').nth(1).click(); // landsdelen: a chart with SVG and PNG downloads
  // The downloads of the exact figures (the method off, the user's own choice).
  await page.getByRole('checkbox', { name: /Cell-key-methode/ }).uncheck();
  await drawn(page);
  for (const name of [/SVG/, /PNG/]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
    assert.ok(readFileSync(await download.path()).length > 0);
  }
  await assertClean(page, 'local file downloads');
});

test('Every view embedded (embed=1) runs under the policy, also in a frame on another port', async () => {
  for (const view of VIEWS) {
    const page = await watchedPage();
    await site.open(page, `?data=illustratief&view=${view}&embed=1`);
    await drawn(page);
    await assertClean(page, `embed ${view}`);
    await page.close();
  }
  const hostDir = mkdtempSync(join(tmpdir(), 'lta-csp-host-'));
  writeFileSync(join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><iframe src="${site.url}?data=illustratief&amp;view=percelen&amp;embed=1" title="LTA"></iframe>`);
  const host = await serve(hostDir);
  try {
    const page = await watchedPage();
    await page.goto(host.url);
    const frame = page.frames()[1];
    await frame.waitForSelector('.view');
    await until(frame, () => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('svg')));
    assert.deepEqual(await frame.evaluate(() => window.__violations), [], 'framed embed: policy violations');
    // The host page is "foreign" to the harness, which watches the site's own origin.
    assert.deepEqual(page.problems.filter((p) => p !== `foreign request: ${host.url}`), [], 'framed embed: console errors');
    await page.close();
  } finally {
    host.server.close();
  }
});

test('frame-ancestors: a page on an origin the header does not name cannot frame the site', async () => {
  const hostDir = mkdtempSync(join(tmpdir(), 'lta-csp-host-'));
  const host = await serve(hostDir);
  // Same machine, other host name: http://localhost:… is not http://127.0.0.1:*.
  const hostUrl = host.url.replace('127.0.0.1', 'localhost');
  writeFileSync(join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Host</title><iframe src="${site.url}?view=overzicht&amp;embed=1" title="LTA"></iframe>`);
  try {
    const page = await site.page(undefined, { bypassCSP: false });
    await page.goto(hostUrl);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    const frame = page.frames()[1];
    assert.equal(await frame.locator('.view').count(), 0, 'the framed site rendered');
    assert.ok(page.problems.some((p) => /frame-ancestors/.test(p)), `refusal reported: ${page.problems}`);
    await page.close();
  } finally {
    host.server.close();
  }
});
