// What a visitor downloads, measured from dist/: raw and gzip (level 9) bytes, as a Markdown table.
// Usage: node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
});
const rows = files(root).map((p) => {
  const raw = readFileSync(p);
  return { name: relative(root, p).replace(/-[0-9a-f]{16}(?=[._])/, '-…'), raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
}).sort((a, b) => b.raw - a.raw);
const fmt = (n) => n.toLocaleString('en-GB');
console.log('| file | bytes | gzip bytes |\n|---|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.raw)} | ${fmt(r.gz)} |`);
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
console.log(`| **total** | **${fmt(sum('raw'))}** | **${fmt(sum('gz'))}** |`);
