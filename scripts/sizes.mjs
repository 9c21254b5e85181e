// What a visitor downloads, measured from dist/: raw bytes and the gzip bytes sent, as Markdown:
// a file's precompressed `.gz` (scripts/precompress.mjs), which scripts/serve.mjs sends as it is,
// or gzip level 9 of the file where there is none (a dist/ not built by `make dist`).
// The first table is the first visit to `/` (index.html with its first screen, the app, its
// stylesheets, the default dataset; tests/e2e/first.test.mjs records the same list in the
// browser); the second is what is fetched only on demand (ECharts where a chart is drawn, the
// other views' pages, the map's boundaries on Landsdelen, other datasets, the records file a user
// may download to try "open your own file", the archive worker).
// Usage: node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { precompressed } from './serve.mjs';

const root = process.argv[2] ?? 'dist';
const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
});
const defaultDataset = JSON.parse(readFileSync(join(root, 'data/index.json'), 'utf8')).datasets[0].path;
/** The gzip bytes a browser gets for `p`: the .gz beside it that scripts/serve.mjs sends, if any. */
const gzipSize = (p, raw) => {
  const pre = precompressed(p);
  return pre ? statSync(pre).size : gzipSync(raw, { level: 9 }).length;
};
// The .gz files are the files below, as sent: not rows of their own.
const rows = files(root).filter((p) => !p.endsWith('.gz')).map((p) => {
  const raw = readFileSync(p);
  const name = relative(root, p);
  // The archive worker (lta-xlsx-worker…) is fetched only when a user opens a spreadsheet or a ZIP or saves a publishable cube (src/worker.rs).
  const first = /^(index\.html|favicon\.svg|data\/index\.json|(pre|main|compare|print|start|lta-dashboard)-[0-9a-f]{8,16}.*)$/.test(name) || name.startsWith(`data/${defaultDataset}`);
  return { name: name.replace(/-[0-9a-f]{8,16}(?=[._])/, '-…'), raw: raw.length, gz: gzipSize(p, raw), first };
}).sort((a, b) => b.raw - a.raw);
const fmt = (n) => n.toLocaleString('en-GB');
for (const [title, part] of [['First visit', rows.filter((r) => r.first)], ['On demand', rows.filter((r) => !r.first)]]) {
  console.log(`**${title}**\n\n| file | bytes | gzip bytes |\n|---|---:|---:|`);
  for (const r of part) console.log(`| ${r.name} | ${fmt(r.raw)} | ${fmt(r.gz)} |`);
  const sum = (k) => part.reduce((s, r) => s + r[k], 0);
  console.log(`| **total** | **${fmt(sum('raw'))}** | **${fmt(sum('gz'))}** |\n`);
}
