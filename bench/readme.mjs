// Writes the benchmarks' latest tables (bench/out/) into docs/performance.md, each between its pair
// of markers `<!-- bench:NAME -->` … `<!-- /bench:NAME -->`, so the docs show what `make bench`
// measured. A missing result or marker is an error: nothing is left silently stale.
// Usage: node bench/readme.mjs [docs/performance.md] [NAME …] (only those tables: e.g. `records`
// after `node bench/run.mjs` alone).
import { readFileSync, writeFileSync } from 'node:fs';

const README = process.argv[2] ?? 'docs/performance.md';
const today = new Date().toISOString().slice(0, 10);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mib = (xs) => median(xs).toFixed(1);

/** The records benchmark's summary table, from bench/run.mjs's raw results. */
function records() {
  const r = JSON.parse(readFileSync('bench/out/results.json', 'utf8'));
  const n = (x) => Math.round(x).toLocaleString('en');
  const row = (name, s) => `| ${name} | ${n(s.median)} ms | ${n(s.min)} ms | ${n(s.max)} ms |`;
  return [
    `${r.machine.cpu}, ${r.machine.cores} cores, Chromium ${r.machine.chromium}; ${r.runs} runs each; ${today}.`,
    '',
    '| measure | median | min | max |',
    '|---|---:|---:|---:|',
    row('dashboard: parse + cube (`performance.measure(\'lta-parse-cube\')`)', r.stats.app),
    row('  of which pauses between 50,000-row chunks (keeps the page responsive)', r.stats.appYielded),
    row('dashboard end to end (file chosen → view shown, incl. fetching the full app, reading the file and the cell-key method)', r.stats.appEndToEnd),
    row('arquero 7.2.0: `fromCSV` + 16 group-bys', r.stats.arquero),
    '',
    `arquero / dashboard: **${r.ratio.toFixed(1)}×** (medians); target ≤ 1.5 s and ≥ 5×: ${r.targetMet ? 'met' : 'NOT met'}; `
      + `same 2023 totals: ${r.agree ? 'yes' : 'NO'}.`,
    `Memory (medians): the dashboard's wasm linear memory peaks at ${mib(r.app.map((a) => a.wasmMiB))} MiB `
      + `(${mib(r.app.map((a) => a.wasmBeforeMiB))} MiB before the file), its JS heap ${mib(r.app.map((a) => a.heap.usedMiB))} MiB used; `
      + `arquero's JS heap ${mib(r.arquero.map((a) => a.heap.usedMiB))} MiB used.`,
  ].join('\n');
}

const blocks = {
  lighthouse: () => readFileSync('bench/out/lighthouse.md', 'utf8').trim(),
  filter: () => readFileSync('bench/out/filter.md', 'utf8').trim(),
  records,
};

const only = process.argv.slice(3);
let text = readFileSync(README, 'utf8');
for (const [name, make] of Object.entries(blocks).filter(([name]) => !only.length || only.includes(name))) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const [a, b] = [text.indexOf(open), text.indexOf(close)];
  if (a < 0 || b < a) throw new Error(`${README}: markers ${open} … ${close} not found`);
  text = `${text.slice(0, a + open.length)}\n${make()}\n${text.slice(b)}`;
}
writeFileSync(README, text);
console.error(`[bench] tables written into ${README}`);
