// A small static file server for dist/ (or another folder): the real HTTP a static host gives,
// with the MIME types browsers need (application/wasm for streaming compilation) and, for the
// dashboard, its Content Security Policy as a header (scripts/csp.mjs), which adds what a meta
// tag cannot say: who may frame the site. Here that is any page on this machine (the embed test's
// host page runs on another port); a real host names its embedding origins (docs/security.md).
// Other folders (a test's host page, the benchmark's arquero page) are served without a policy.
// Text and wasm go out gzipped when the browser accepts it, as any real static host does, so
// Lighthouse (bench/lighthouse.mjs) measures the bytes a visitor downloads: the file's `.gz`
// beside it as it is, where `make dist` wrote one (scripts/precompress.mjs, zopfli) and it is not
// older than the file, as nginx's `gzip_static on;` does; otherwise gzipped here (level 6).
// Usage: node scripts/serve.mjs [folder] [port]   (port 0 picks a free one)
import { createServer } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { headerPolicy } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.gz': 'application/gzip',
};

/** Already compressed: sent as they are (a `.gz` asked for by its own name too). */
const STORED = new Set(['.png', '.ico', '.gz']);

/** Whether `file` goes out gzipped to a browser that accepts it (and gets a `.gz` from
 * scripts/precompress.mjs). */
export const compressible = (file) => !STORED.has(extname(file));
/** Bodies gzipped here, by file and modification time, so a large file is compressed once. */
const cache = new Map();

/** The precompressed `.gz` of `file` that goes out as it is, if there is one not older than the
 * file (a file changed since `make dist` is gzipped anew); else undefined. scripts/sizes.mjs
 * counts the same. */
export function precompressed(file) {
  const gz = `${file}.gz`;
  const pre = existsSync(gz) ? statSync(gz) : null;
  return pre?.isFile() && pre.mtimeMs >= statSync(file).mtimeMs ? gz : undefined;
}

/** The gzip body of `file`: its precompressed `.gz`, else gzipped here once. */
async function gzipped(file) {
  const pre = precompressed(file);
  if (pre) return readFile(pre);
  const { mtimeMs } = await stat(file);
  const key = `${file}@${mtimeMs}`;
  if (!cache.has(key)) cache.set(key, gzipSync(await readFile(file)));
  return cache.get(key);
}

/** The dashboard's policy on this server: framed by pages from 127.0.0.1, on any port. */
export const LOCAL_POLICY = headerPolicy("'self' http://127.0.0.1:*");

/** A folder's page: its index.html, or for an old link with just `?view=X` the view's own
 * prerendered page `X.html` (scripts/prerender.mjs), so that link's first screen is in the HTML
 * too. The app reads the view from the query either way. */
async function pageFor(folder, search) {
  const view = search.match(/^\?view=([a-z]+)$/)?.[1];
  if (view) {
    const page = join(folder, `${view}.html`);
    if (await stat(page).then((s) => s.isFile(), () => false)) return page;
  }
  return join(folder, 'index.html');
}

/** Serves `root` on localhost; resolves to { server, url }. `policy`: a CSP header value, if any. */
export function serve(root, port = 0, { policy } = {}) {
  const base = resolve(root);
  const headers = policy ? { 'content-security-policy': policy } : {};
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = await pageFor(file, new URL(req.url, 'http://x').search);
      const gzip = compressible(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? await gzipped(file) : await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache',
        'content-length': body.length, vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => {
    ok({ server, url: `http://127.0.0.1:${server.address().port}/` });
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await serve(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 8080), { policy: LOCAL_POLICY });
  console.log(`LTA-dashboard: ${url}  (Ctrl+C stops)`);
}
