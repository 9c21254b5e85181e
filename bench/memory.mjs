// Memory benchmark: does the dashboard hold on to memory as a user keeps filtering?
// Opens ?data=illustratief&view=landsdelen in headless Chromium and clicks filters 1,000 times:
// the table's row-name buttons (choose a landsdeel, every view redraws), and every tenth click
// the filter chip (clear it). Reports the JS heap and the wasm linear memory, plus DOM nodes and
// event listeners, after loading, after a warm-up, and after each quarter of the clicks, each
// after a forced garbage collection.
// Usage (from the repository root, after `make dist`): node bench/memory.mjs [--clicks N] [--warmup N]
// Writes bench/out/memory.md (also printed to stdout) and bench/out/memory.json.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve, LOCAL_POLICY } from '../scripts/serve.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`${name} needs a positive whole number`);
  return n;
};
const CLICKS = arg('--clicks', 1000);
const WARMUP = arg('--warmup', 100);
const PAGE = '?data=illustratief&view=landsdelen';
const log = (...a) => console.error('[memory]', ...a); // progress on stderr, the report on stdout

if (!existsSync('dist/index.html')) throw new Error('dist/ is not built: run `make dist` first');
mkdirSync('bench/out', { recursive: true });
// A snapshot of dist/ (others may rebuild it meanwhile), served with the site's policy header.
const root = mkdtempSync(join(os.tmpdir(), 'lta-memory-'));
cpSync('dist', root, { recursive: true, preserveTimestamps: true }); // serve.mjs sends a .gz not older than its file
const { server, url } = await serve(root, 0, { policy: LOCAL_POLICY });
const browser = await chromium.launch(launchOptions);
const chromiumVersion = browser.version();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on('pageerror', (e) => problems.push(e.message));
page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
// Trunk's loader hands the wasm exports, its memory among them, to this event.
await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; }));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

/** Memory after a forced GC (twice: the first may only free what finalisers release). */
async function measure(label, clicks) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasm = await page.evaluate(() => window.__wasmMemory.buffer.byteLength);
  return { label, clicks, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasm, nodes: metrics.Nodes, listeners: metrics.JSEventListeners };
}

/**
 * `n` clicks in the page: a row-name button (the next landsdeel), or every tenth click the chip
 * that clears the filter, each followed by two animation frames so the views redraw. Returns
 * the clicks whose address did not change as expected (should be none).
 */
function clickFilters(n, start) {
  return page.evaluate(async ([n, start]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    let missed = 0;
    for (let k = start; k < start + n; k++) {
      const chip = document.querySelector('button.chip');
      const before = location.search;
      if (k % 10 === 9 && chip) chip.click();
      else {
        const picks = document.querySelectorAll('button.pick[aria-pressed="false"]');
        picks[k % picks.length].click();
      }
      await frame();
      if (location.search === before) missed++;
    }
    return missed;
  }, [n, start]);
}

await page.goto(`${url}${PAGE}`);
await page.waitForSelector('.view');
await page.waitForLoadState('networkidle');
await page.waitForFunction(() => window.__wasmMemory && document.querySelector('.map svg path'));
const rows = [await measure('loaded', 0)];
log('loaded; warm-up', WARMUP, 'clicks');
let t0;
let missed = await clickFilters(WARMUP, 0);
rows.push(await measure('after warm-up', WARMUP));
log('measuring', CLICKS, 'clicks');
// Measured at each quarter too: a leak grows steadily, a cache or the JIT levels off.
let ms = 0;
for (let q = 1, done = 0; q <= 4; q++) {
  const n = Math.round((CLICKS * q) / 4) - done;
  t0 = Date.now();
  missed += await clickFilters(n, WARMUP + done);
  ms += Date.now() - t0;
  done += n;
  rows.push(await measure(`warm-up + ${done.toLocaleString('en')}`, WARMUP + done));
}
await browser.close();
server.close();

const MiB = (b) => (b / 2 ** 20).toFixed(1);
const [warm, end] = [rows[1], rows.at(-1)];
const md = `Memory after filter clicks on \`${PAGE}\` (${os.cpus()[0].model.trim()}, ${os.cpus().length} cores, Chromium ${chromiumVersion}), each after a forced garbage collection:

| state | clicks | JS heap used (MiB) | JS heap total (MiB) | wasm memory (MiB) | DOM nodes | JS event listeners |
|---|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.label} | ${r.clicks.toLocaleString('en')} | ${MiB(r.jsHeapUsed)} | ${MiB(r.jsHeapTotal)} | ${MiB(r.wasm)} | ${r.nodes} | ${r.listeners} |`).join('\n')}

From the warm-up to the end (${CLICKS.toLocaleString('en')} clicks, ${(ms / CLICKS).toFixed(0)} ms each): JS heap ${signed(end.jsHeapUsed - warm.jsHeapUsed)} bytes (${signed(((end.jsHeapUsed - warm.jsHeapUsed) / CLICKS))} per click), wasm memory ${signed(end.wasm - warm.wasm)} bytes, DOM nodes ${signed(end.nodes - warm.nodes)}, listeners ${signed(end.listeners - warm.listeners)}. Clicks that did not change the address: ${missed}.${problems.length ? `\n\nPage errors: ${problems.join('; ')}` : ''}
`;
function signed(n) { return `${n >= 0 ? '+' : ''}${Math.round(n).toLocaleString('en')}`; }
writeFileSync('bench/out/memory.md', md);
writeFileSync('bench/out/memory.json', JSON.stringify({ page: PAGE, warmup: WARMUP, clicks: CLICKS, msPerClick: ms / CLICKS, missed, rows, problems }, null, 2));
console.log(md);
if (missed || problems.length) process.exit(1);
