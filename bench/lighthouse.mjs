// Benchmark: Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown) on the built site,
// served with gzip and the site's CSP by scripts/serve.mjs, with Debian's Chromium.
// Usage (after `make dist`): node bench/lighthouse.mjs [--runs N] [--out bench/out/lighthouse]
// Writes OUT.md (also printed), OUT.json and each run's full report as OUT-<page>-<run>.json.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { serve, LOCAL_POLICY } from '../scripts/serve.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
// Five runs: on this 2-core machine one page's TBT varies by ±30% from run to run.
const RUNS = Number(arg('runs', '5'));
const OUT = resolve(arg('out', 'bench/out/lighthouse'));
const PAGES = [['/', ''], ['?view=landsdelen', '?view=landsdelen']];
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update';
const log = (...a) => console.error('[lighthouse]', ...a);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One Lighthouse run; the figures the README reports. Not spawnSync: the server runs in this process. */
async function lighthouse(url, file) {
  const child = spawn('node_modules/.bin/lighthouse', [
    url, '--only-categories=performance', '--output=json', `--output-path=${file}`, '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
  ], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
  const status = await new Promise((done) => child.on('close', done));
  if (status !== 0) throw new Error(`lighthouse failed on ${url}`);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const audit = (id) => report.audits[id].numericValue;
  return {
    performance: report.categories.performance.score,
    lcpMs: audit('largest-contentful-paint'),
    fcpMs: audit('first-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbtMs: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
    version: report.lighthouseVersion,
  };
}

mkdirSync(join(OUT, '..'), { recursive: true });
const root = mkdtempSync(join(os.tmpdir(), 'lta-lighthouse-'));
// A snapshot (others may rebuild dist/ meanwhile), its times kept: serve.mjs sends a .gz only
// if it is not older than its file (scripts/precompress.mjs).
cpSync('dist', root, { recursive: true, preserveTimestamps: true });
const { server, url } = await serve(root, 0, { policy: LOCAL_POLICY });
const rows = [];
try {
  for (const [name, query] of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const slug = name === '/' ? 'root' : query.replace(/\W+/g, '-').replace(/^-|-$/g, '');
      runs.push(await lighthouse(`${url}${query}`, `${OUT}-${slug}-${i + 1}.json`));
      log(name, `run ${i + 1}:`, JSON.stringify(runs.at(-1)));
    }
    rows.push({ name, runs });
  }
} finally {
  server.close();
}

const range = (xs, f) => {
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
};
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const ms = (x) => `${Math.round(x)} ms`;
const kb = (b) => `${Math.round(b / 1000)} KB`;
const md = [
  `Lighthouse ${rows[0].runs[0].version}, mobile preset, ${RUNS} run(s) per page: median (range).`,
  '',
  '| URL | performance | LCP | CLS | TBT | bytes (gzip) |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows.map(({ name, runs }) => {
    const col = (k) => runs.map((r) => r[k]);
    return `| \`${name}\` | ${median(col('performance')).toFixed(2)} | ${sec(median(col('lcpMs')))} | `
      + `${median(col('cls')).toFixed(3)} | ${ms(median(col('tbtMs')))} (${range(col('tbtMs'), ms)}) | ${kb(median(col('bytes')))} |`;
  }),
].join('\n');
writeFileSync(`${OUT}.md`, `${md}\n`);
writeFileSync(`${OUT}.json`, JSON.stringify(rows, null, 2));
console.log(md);
