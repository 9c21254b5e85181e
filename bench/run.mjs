// Benchmark: the dashboard turning a 1,000,000-row records CSV into its cube, in headless
// Chromium, side by side with arquero doing the same 16 group-bys with distinct counts.
// Usage (from the repository root, after `make dist`): node bench/run.mjs [--runs N]
// Writes bench/out/results.md (also printed to stdout) and bench/out/results.json.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

const ROWS = 1_000_000;
const RECORDS = resolve('bench/out/records-1m.csv');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!(RUNS >= 1)) throw new Error('--runs needs a positive number');
const LOAD_TIMEOUT = 300_000; // 1M rows on a slow machine; a hang still ends the run
const log = (...a) => console.error('[bench]', ...a); // progress on stderr, the report on stdout

if (!existsSync('dist/index.html')) throw new Error('dist/ is not built: run `make dist` first');
mkdirSync('bench/out', { recursive: true });
if (!existsSync(RECORDS)) {
  log('generating', RECORDS);
  const r = spawnSync('cargo', ['run', '--release', '-p', 'lta-generate', '--', '--records', String(ROWS), '--out', RECORDS],
    { stdio: 'inherit', env: { ...process.env, PATH: `${os.homedir()}/.cargo/bin:${process.env.PATH}` } });
  if (r.status !== 0) throw new Error('generating the records file failed');
}
const fileBytes = statSync(RECORDS).size;

// One origin for everything: a snapshot of dist/ (others may rebuild dist/ meanwhile) plus the
// records file (arquero fetches it) and arquero itself, so no run makes a foreign request.
const root = mkdtempSync(join(os.tmpdir(), 'lta-bench-'));
cpSync('dist', root, { recursive: true, preserveTimestamps: true }); // serve.mjs sends a .gz not older than its file
copyFileSync(RECORDS, join(root, 'records-1m.csv'));
copyFileSync('node_modules/arquero/dist/arquero.min.js', join(root, 'arquero.min.js'));
writeFileSync(join(root, 'arquero.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script src="arquero.min.js"></script>');

const { server, url } = await serve(root);
const browser = await chromium.launch(launchOptions);
const chromiumVersion = browser.version();
const MiB = (b) => b / 2 ** 20;

/** JS heap of the page from CDP: as the run left it, then after a forced GC (what it retains). */
async function jsHeap(cdp) {
  const get = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await get();
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await get();
  return { usedMiB: MiB(before.JSHeapUsedSize), totalMiB: MiB(before.JSHeapTotalSize), usedAfterGcMiB: MiB(after.JSHeapUsedSize) };
}

/** A fresh context and page with the CDP session that reads its memory. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp, problems };
}

const parseNl = (s) => Number(s.replace(/\./g, '').trim()); // '9.722' → 9722
const figure = (page, title) =>
  page.locator('.figure').filter({ has: page.getByText(title, { exact: true }) }).locator('dd').innerText();

async function runApp() {
  const { context, page, cdp, problems } = await freshPage();
  await context.addInitScript(() => {
    // Keep the wasm memory: its buffer never shrinks, so its size after loading is the wasm peak.
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
    // A file is read by the full app (src/handover.rs), in a wasm memory of its own.
    addEventListener('lta-full-started', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
    // Record when each setTimeout callback was scheduled and ran, to tell how much of the measure
    // is the app yielding to the browser between 50,000-row chunks (a wrapper of a few µs per call).
    const setTimeout0 = window.setTimeout;
    window.__timeouts = [];
    window.setTimeout = function (fn, ...rest) {
      if (typeof fn !== 'function') return setTimeout0.call(this, fn, ...rest);
      const scheduled = performance.now();
      return setTimeout0.call(this, function (...args) { window.__timeouts.push([scheduled, performance.now()]); return fn.apply(this, args); }, ...rest);
    };
  });
  await page.goto(`${url}?view=overzicht`);
  await page.waitForSelector('[data-status]');
  await page.waitForFunction(() => window.__wasmMemory);
  await page.waitForSelector('#pre', { state: 'detached' }); // the app has taken over the written screen
  const wasmBeforeMiB = MiB(await page.evaluate(() => window.__wasmMemory.buffer.byteLength));
  const t0 = Date.now();
  await page.setInputFiles('input[type=file]', RECORDS);
  await page.waitForSelector('[data-status=lokaal]', { timeout: LOAD_TIMEOUT });
  // From Node: includes fetching and starting the full app, reading the file and rendering the view.
  const endToEndMs = Date.now() - t0;
  const m = await page.evaluate(() => {
    const e = performance.getEntriesByName('lta-parse-cube').at(-1);
    if (!e) throw new Error('no performance measure lta-parse-cube: dist/ predates it, rebuild with `make dist`');
    const end = e.startTime + e.duration;
    const pauses = window.__timeouts.filter(([s, r]) => s >= e.startTime && r <= end);
    const yieldedMs = pauses.reduce((t, [s, r]) => t + r - s, 0);
    return { ms: e.duration, yieldedMs, pauses: pauses.length, wasmBytes: window.__wasmMemory.buffer.byteLength };
  });
  const heap = await jsHeap(cdp);
  // The 2023 national figures as the dashboard shows them (the second select is the period):
  // first under its cell-key method (counts within ±5 of the exact ones, its default), then with
  // the method turned off (its checkbox), the exact counts arquero must match.
  const figures2023 = async () => ({ jeugdigen: parseNl(await figure(page, 'Unieke jeugdigen')), trajecten: parseNl(await figure(page, 'Trajecten')) });
  await page.locator('select').nth(1).selectOption('2023');
  await page.waitForFunction(() => location.search.includes('periode=2023'));
  const shown2023 = await figures2023();
  await page.locator('label.rules input[type=checkbox]').uncheck();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // let the view update
  const check2023 = await figures2023();
  await context.close();
  return { ms: m.ms, yieldedMs: m.yieldedMs, pauses: m.pauses, endToEndMs, wasmBeforeMiB, wasmMiB: MiB(m.wasmBytes), heap, shown2023, check2023, problems };
}

async function runArquero() {
  const { context, page, cdp, problems } = await freshPage();
  await page.goto(`${url}arquero.html`);
  await page.waitForFunction(() => window.aq);
  const r = await page.evaluate(async () => {
    // Fetched before the timer starts, as the app has the file's bytes before its measure starts.
    const text = await (await fetch('records-1m.csv')).text();
    const { op } = aq;
    const t0 = performance.now();
    const table = aq.fromCSV(text);
    const t1 = performance.now();
    const withYear = table.derive({ jaar: (d) => op.substring(d.periode, 0, 4) }); // periods are half-years
    const margins = ['landsdeel', 'perceel', 'verwijzer'];
    let cells = 0;
    let nationalYears;
    for (const level of ['periode', 'jaar']) {
      for (let mask = 0; mask < 8; mask++) { // each margin: its own value, or TOTAL (left out of the groupby)
        const keys = [level, ...margins.filter((_, i) => mask & (1 << i))];
        const cube = withYear.groupby(keys)
          .rollup({ trajecten: op.count(), volume: op.sum('volume_eur'), jeugdigen: op.distinct('client') });
        cells += cube.numRows(); // read each result (arquero's rollup is eager; this keeps it honest)
        if (level === 'jaar' && mask === 0) nationalYears = cube;
      }
    }
    const t2 = performance.now();
    const y2023 = nationalYears.objects().find((o) => o.jaar === '2023');
    return { ms: t2 - t0, parseMs: t1 - t0, groupMs: t2 - t1, cells, rows: table.numRows(),
      check2023: { jeugdigen: y2023.jeugdigen, trajecten: y2023.trajecten } };
  });
  const heap = await jsHeap(cdp);
  await context.close();
  return { ...r, heap, problems };
}

// Interleaved, so machine noise hits both contestants alike.
log(`Chromium ${chromiumVersion}, ${RUNS} runs each, file ${fileBytes} bytes`);
const app = [];
const arq = [];
for (let i = 1; i <= RUNS; i++) {
  app.push(await runApp());
  log(`run ${i} app      ${app.at(-1).ms.toFixed(0)} ms (end to end ${app.at(-1).endToEndMs} ms)`);
  arq.push(await runArquero());
  log(`run ${i} arquero  ${arq.at(-1).ms.toFixed(0)} ms (fromCSV ${arq.at(-1).parseMs.toFixed(0)} + group-bys ${arq.at(-1).groupMs.toFixed(0)})`);
}
await browser.close();
server.close();
rmSync(root, { recursive: true, force: true });

// Both must agree on the 2023 national totals, or the comparison means nothing.
const problems = [...app, ...arq].flatMap((r) => r.problems);
const same = (a, b) => a.jeugdigen === b.jeugdigen && a.trajecten === b.trajecten;
const near = (a, b) => Math.abs(a.jeugdigen - b.jeugdigen) <= 5 && Math.abs(a.trajecten - b.trajecten) <= 5; // the cell-key method's largest noise
const exact = arq[0].check2023;
const agree = [...app, ...arq].every((r) => same(r.check2023, exact)) && app.every((r) => near(r.shown2023, exact));
const rowsOk = arq.every((r) => r.rows === ROWS);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const S = {
  app: stats(app.map((r) => r.ms)), appYielded: stats(app.map((r) => r.yieldedMs)), appEndToEnd: stats(app.map((r) => r.endToEndMs)),
  arquero: stats(arq.map((r) => r.ms)), arqueroParse: stats(arq.map((r) => r.parseMs)), arqueroGroup: stats(arq.map((r) => r.groupMs)),
};
const ratio = S.arquero.median / S.app.median;
const targetMet = S.app.median <= 1500 && ratio >= 5;

const f0 = (x) => x.toFixed(0);
const f1 = (x) => x.toFixed(1);
const row = (name, s, unit = 'ms') => `| ${name} | ${f0(s.median)} | ${f0(s.min)} | ${f0(s.max)} | ${unit} |`;
const machine = { cpu: os.cpus()[0].model, cores: os.cpus().length, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version, chromium: chromiumVersion };
const md = `## Benchmark: 1,000,000 records → cube (dashboard vs arquero 7.2.0)

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, ${machine.os}; Chromium ${machine.chromium} headless; Node ${machine.node}.
File: \`bench/out/records-1m.csv\`, ${fileBytes.toLocaleString('en')} bytes, ${ROWS.toLocaleString('en')} rows. ${RUNS} runs each, interleaved, a fresh browser context per run.

| measure | median | min | max | unit |
|---|---:|---:|---:|---|
${row('**dashboard: parse + cube** (`lta-parse-cube`)', S.app)}
${row(`  of which yielding to the browser between chunks (${app[0].pauses} pauses)`, S.appYielded)}
${row('  dashboard end to end (file chosen → view shown)', S.appEndToEnd)}
${row('**arquero: fromCSV + 16 group-bys**', S.arquero)}
${row('  of which `aq.fromCSV`', S.arqueroParse)}
${row('  of which derive + 16 group-bys', S.arqueroGroup)}

**Ratio arquero / dashboard (medians): ${ratio.toFixed(2)}×.** Target (≤ 1500 ms and ≥ 5× faster than arquero (issue #20)): ${targetMet ? 'met' : 'NOT met'} (${f0(S.app.median)} ms, ${ratio.toFixed(2)}×).

Per run (ms):

| run | dashboard | (yielded) | (end to end) | arquero | (fromCSV) | (group-bys) |
|---:|---:|---:|---:|---:|---:|---:|
${app.map((a, i) => `| ${i + 1} | ${f0(a.ms)} | ${f0(a.yieldedMs)} | ${a.endToEndMs} | ${f0(arq[i].ms)} | ${f0(arq[i].parseMs)} | ${f0(arq[i].groupMs)} |`).join('\n')}

Memory (medians over runs, MiB):

| | wasm linear memory | JS heap used | JS heap total | JS heap used after forced GC |
|---|---:|---:|---:|---:|
| dashboard | ${f1(median(app.map((r) => r.wasmMiB)))} (${f1(median(app.map((r) => r.wasmBeforeMiB)))} before the file) | ${f1(median(app.map((r) => r.heap.usedMiB)))} | ${f1(median(app.map((r) => r.heap.totalMiB)))} | ${f1(median(app.map((r) => r.heap.usedAfterGcMiB)))} |
| arquero | – | ${f1(median(arq.map((r) => r.heap.usedMiB)))} | ${f1(median(arq.map((r) => r.heap.totalMiB)))} | ${f1(median(arq.map((r) => r.heap.usedAfterGcMiB)))} |

Check, national totals for 2023 (unique youth / trajectories): arquero counts ${exact.jeugdigen} / ${exact.trajecten}; the dashboard shows ${app[0].check2023.jeugdigen} / ${app[0].check2023.trajecten} with its cell-key method turned off, and ${app[0].shown2023.jeugdigen} / ${app[0].shown2023.trajecten} with it on (within ±5, its default) — ${agree ? 'equal (within ±5, for the default) in every run' : '**DIFFERENT**'}. Arquero's 16 group-bys produced ${arq[0].cells.toLocaleString('en')} cells.${problems.length ? `\n\nPage errors: ${problems.join('; ')}` : ''}

Method:
- **Dashboard**: the page \`?view=overzicht\` gets the file through its file input (\`setInputFiles\`). Timed is the app's own \`performance.measure('lta-parse-cube')\`: from after the file's bytes are in wasm memory to the cube being built — CSV parsing, validation, and every cell (period and year × landsdeel/perceel/verwijzer or TOTAL: rows, euros, exact distinct youth). It includes the app's pauses between 50,000-row chunks (a \`setTimeout\` each, so the page stays responsive and shows progress): that is part of the real cost, and the "yielding" row shows how much of it is waiting for those timeouts to fire (measured by wrapping \`setTimeout\` in an init script). Not timed: reading the file from disk into memory and rendering the view; "end to end" (Node's clock from \`setInputFiles\` to \`[data-status=lokaal]\`) includes them.
- **arquero**: the CSV is fetched into a JS string before the timer starts (as the app has the bytes before its timer). Timed: \`aq.fromCSV(text)\` (default type inference), \`derive\` of \`jaar\` (first 4 characters of the period), and 16 \`groupby(...).rollup({trajecten: op.count(), volume: op.sum('volume_eur'), jeugdigen: op.distinct('client')})\` — {periode, jaar} × each subset of {landsdeel, perceel, verwijzer} (a left-out column is its TOTAL) — each read with \`numRows()\`. One synchronous task, no pauses.
- **Memory**: wasm linear memory is \`memory.buffer.byteLength\` of the exports Trunk's loader hands to \`TrunkApplicationStarted\`, read after loading; it never shrinks, so it is the wasm peak (it includes the copy of the file's bytes). JS heap is CDP \`Performance.getMetrics\` (\`JSHeapUsedSize\`, \`JSHeapTotalSize\`) right after the run, then \`JSHeapUsedSize\` again after \`HeapProfiler.collectGarbage\` (what stays reachable). These are snapshots, not peaks; the file's bytes held as an ArrayBuffer are outside the JS heap, arquero's string of the CSV is inside it.
`;

const results = { machine, file: { path: 'bench/out/records-1m.csv', bytes: fileBytes, rows: ROWS }, runs: RUNS, stats: S, ratio, targetMet, agree, app, arquero: arq };
writeFileSync('bench/out/results.md', md);
writeFileSync('bench/out/results.json', JSON.stringify(results, null, 2));
console.log(md);
if (!agree || !rowsOk) { console.error('[bench] FAIL: dashboard and arquero disagree on the 2023 national totals (or arquero read a different row count)'); process.exit(1); }
