// Benchmark: how long a filter click takes to settle, per view, in headless Chromium with the CPU
// slowed down by CDP `Emulation.setCPUThrottlingRate` (4: what Lighthouse's mobile preset uses;
// 1: this machine as it is). For each run a fresh page opens `?data=D&view=X`, waits until every
// chart is drawn and the page has been quiet, then clicks the first row-name button of the first
// table body that has one. The time is from the click to the last DOM mutation before 400 ms of
// quiet; long tasks (≥ 50 ms, PerformanceObserver `longtask`) after the click are reported too.
// Usage (after `make dist`): node bench/filter.mjs [--runs N] [--rates 4,1] [--data illustratief,lta-2023]
//   [--views overzicht,landsdelen,…] [--out bench/out/filter]
// Writes OUT.md (also printed) and OUT.json.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve, LOCAL_POLICY } from '../scripts/serve.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '5'));
const RATES = arg('rates', '4,1').split(',').map(Number);
const DATA = arg('data', 'illustratief,lta-2023').split(',');
const VIEWS = arg('views', 'overzicht,landsdelen,percelen,verwijzers,profiel,trend').split(',');
const OUT = arg('out', 'bench/out/filter');
const QUIET_MS = 400;
const log = (...a) => console.error('[filter]', ...a);

/** In the page before any script: the time of the last DOM mutation and the long tasks. */
function recorder() {
  window.__lastMutation = 0;
  window.__longTasks = [];
  new MutationObserver(() => { window.__lastMutation = performance.now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: waits for `quiet` ms without a mutation (checked every 50 ms). */
function waitQuiet(quiet) {
  return new Promise((done) => {
    const check = () => (performance.now() - window.__lastMutation >= quiet ? done() : setTimeout(check, 50));
    check();
  });
}

/** In the page: clicks the first row-name button of the first table body with one; times it. */
async function clickAndTime(quiet) {
  const button = document.querySelector('tbody button.pick');
  if (!button) return null;
  const before = location.search;
  const start = performance.now();
  button.click();
  await new Promise((done) => {
    const check = () => (performance.now() - Math.max(window.__lastMutation, start) >= quiet ? done() : setTimeout(check, 20));
    setTimeout(check, 20);
  });
  const tasks = window.__longTasks.filter((t) => t.start + t.duration >= start);
  return {
    ms: Math.max(0, window.__lastMutation - start),
    longTasks: tasks.length,
    longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
    changedAddress: location.search !== before,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function oneRun(browser, url, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(url);
    await page.waitForSelector('.view', { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    await page.evaluate(waitQuiet, QUIET_MS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const result = await page.evaluate(clickAndTime, QUIET_MS);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
    if (result && !result.changedAddress) throw new Error('the click did not change the address');
    return result;
  } finally {
    await context.close();
  }
}

const root = mkdtempSync(join(os.tmpdir(), 'lta-filter-'));
// A snapshot (others may rebuild dist/ meanwhile), its times kept: serve.mjs sends a .gz only
// if it is not older than its file (scripts/precompress.mjs).
cpSync('dist', root, { recursive: true, preserveTimestamps: true });
const { server, url } = await serve(root, 0, { policy: LOCAL_POLICY });
const browser = await chromium.launch(launchOptions);
const chromiumVersion = browser.version();
const rows = [];
try {
  for (const data of DATA) {
    for (const view of VIEWS) {
      for (const rate of RATES) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, `${url}?data=${data}&view=${view}`, rate));
        const timed = runs.filter(Boolean);
        const row = {
          data, view, rate,
          median: timed.length ? median(timed.map((r) => r.ms)) : null,
          min: timed.length ? Math.min(...timed.map((r) => r.ms)) : null,
          max: timed.length ? Math.max(...timed.map((r) => r.ms)) : null,
          longTasks: timed.length ? median(timed.map((r) => r.longTasks)) : null,
          longestTask: timed.length ? Math.max(...timed.map((r) => r.longestTask)) : null,
          runs,
        };
        log(data, view, `${rate}×`, row.median === null ? 'no row button' : `${row.median.toFixed(0)} ms`);
        rows.push(row);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

const f = (x) => (x === null ? '—' : x.toFixed(0));
const lines = [
  `Filter click to settled screen (median of ${RUNS} runs, ms; long tasks after the click: median count, longest ms).`,
  `Chromium ${chromiumVersion}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores.`,
  '',
  '| data | view | CPU | median | min–max | long tasks | longest task |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => r.median === null
    ? `| ${r.data} | ${r.view} | ${r.rate}× | no row button | | | |`
    : `| ${r.data} | ${r.view} | ${r.rate}× | ${f(r.median)} | ${f(r.min)}–${f(r.max)} | ${r.longTasks} | ${f(r.longestTask)} |`),
];
const md = lines.join('\n');
mkdirSync(join(OUT, '..'), { recursive: true });
writeFileSync(`${OUT}.md`, `${md}\n`);
writeFileSync(`${OUT}.json`, JSON.stringify({ chromium: chromiumVersion, runs: RUNS, rows }, null, 2));
console.log(md);
