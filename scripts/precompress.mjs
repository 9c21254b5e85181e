// Writes `<file>.gz` beside every file of the built site that scripts/serve.mjs sends gzipped, so
// a host serves those bytes as they are (scripts/serve.mjs; nginx `gzip_static on;`) instead of
// gzipping on the fly: zopfli (npm @gfx/zopfli, wasm, 15 iterations) finds a deflate stream about
// 4–5% smaller than zlib's level 9 on the wasm and scripts (12% on the illustrative cube), and
// is still plain gzip for every browser. It is slow: about 3 s for the 0.8 MB app wasm, 12 s of
// CPU for the whole site (fewer iterations gain little time: 1.9 s for the wasm at 5, 14 bytes
// larger). Files over ZOPFLI_MAX get zlib level 9: the 2.8 MB records CSV that a user may download
// would take 9.5 s more for 60 KB less, and no visit fetches it by itself.
// The files are compressed in worker threads, one per core (the largest first), so the 12 s of CPU
// take about half that on two cores; each file's bytes are the same as in one thread.
// Runs last in the Makefile's dist target, after everything that writes into dist/ (Trunk, then
// scripts/prerender.mjs, which rewrites the pages). Deterministic (zopfli and zlib with no time in
// the header), and a rerun gives the same files: every .gz is written anew, a .gz is written only
// where it is smaller than its file (otherwise none, and an old one is removed), and a .gz whose
// file is gone is removed. The site ships no .gz files of its own, so every .gz in dist/ is ours.
// Usage: node scripts/precompress.mjs [dist]
import zopfli from '@gfx/zopfli';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { compressible } from './serve.mjs';

/** Above this many bytes, zlib level 9 instead of zopfli (build time; see the header). */
export const ZOPFLI_MAX = 2_000_000;

const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
});

/** The gzip bytes of `raw`, and how they were made. */
async function gzipOf(raw) {
  if (raw.length > ZOPFLI_MAX) return { gz: gzipSync(raw, { level: 9 }), how: 'zlib' };
  return { gz: Buffer.from(await zopfli.gzipAsync(raw, { numiterations: 15 })), how: 'zopfli' };
}

/** Gzips `paths` in worker threads of this file, one per core; resolves to `path → { gz, how }`. */
async function gzipAll(paths) {
  const queue = [...paths].sort((a, b) => statSync(b).size - statSync(a).size);
  const out = new Map();
  const worker = () => new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url));
    const next = () => (queue.length ? w.postMessage(queue.shift()) : w.terminate().then(resolve));
    w.on('message', ({ path, gz, how }) => { out.set(path, { gz: Buffer.from(gz), how }); next(); });
    w.on('error', reject);
    next();
  });
  const threads = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(Array.from({ length: threads }, worker));
  return out;
}

/** Precompresses `root`; returns what it did, per file, for the summary. */
export async function precompress(root) {
  const done = [];
  const todo = [];
  for (const file of files(root)) {
    const name = relative(root, file);
    if (file.endsWith('.gz')) {
      // Ours from an earlier run: rewritten below if its file is still there to be compressed.
      const of = file.slice(0, -3);
      if (!existsSync(of) || !compressible(of)) { rmSync(file); done.push({ name, how: 'stale, removed' }); }
      continue;
    }
    if (compressible(file)) todo.push(file);
  }
  const gzipped = await gzipAll(todo);
  for (const file of todo) {
    const name = relative(root, file);
    const raw = readFileSync(file);
    const { gz, how } = gzipped.get(file);
    if (gz.length < raw.length) {
      writeFileSync(`${file}.gz`, gz);
      done.push({ name, how, raw: raw.length, gz: gz.length });
    } else {
      rmSync(`${file}.gz`, { force: true });
      done.push({ name, how: 'not smaller, none', raw: raw.length });
    }
  }
  return done;
}

if (!isMainThread) {
  parentPort.on('message', async (path) => {
    const { gz, how } = await gzipOf(readFileSync(path));
    parentPort.postMessage({ path, gz, how });
  });
}

if (isMainThread && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? 'dist';
  const start = performance.now();
  const done = await precompress(root);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const count = (how) => done.filter((d) => d.how === how).length;
  const written = done.filter((d) => d.gz);
  const sum = (k) => written.reduce((s, d) => s + d[k], 0).toLocaleString('en-GB');
  console.log(`precompress: ${written.length} .gz files in ${root}/ (${count('zopfli')} zopfli, ${count('zlib')} zlib -9), `
    + `${sum('raw')} → ${sum('gz')} bytes, in ${seconds} s; none where not smaller: ${count('not smaller, none')}`
    + `; stale removed: ${count('stale, removed')}`);
  for (const d of done.filter((d) => !d.gz)) console.log(`  ${d.name}: ${d.how}`);
}
