// The precompressed gzip files of `make dist` (scripts/precompress.mjs) and how scripts/serve.mjs
// sends them: as they are to a client that accepts gzip, the plain file to one that does not, and
// gzipped anew where a file changed after its .gz was written. Raw HTTP (node:http), so the bytes
// checked are the bytes sent, not what a client decoded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { serve, compressible } from '../../scripts/serve.mjs';
import { precompress } from '../../scripts/precompress.mjs';

let site;
before(async () => { site = await serve('dist'); });
after(() => site?.server.close());

/** GET `url` with these request headers; resolves to { headers, body } as received. */
const fetchRaw = (url, headers = {}) => new Promise((ok, fail) => {
  get(url, { headers }, (res) => {
    const parts = [];
    res.on('data', (c) => parts.push(c));
    res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
  }).on('error', fail);
});

const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
});
const wasm = readdirSync('dist').find((f) => /^lta-dashboard-[0-9a-f]+_bg\.wasm$/.test(f));

test('Every compressible file of dist/ has a smaller .gz beside it that gunzips to the file, and no .gz is left without its file', () => {
  const all = files('dist');
  const plain = all.filter((f) => !f.endsWith('.gz'));
  assert.ok(plain.length > 20, `${plain.length} files`);
  for (const file of plain.filter(compressible)) {
    assert.ok(existsSync(`${file}.gz`), `${file}.gz missing: make dist runs scripts/precompress.mjs last`);
    const [raw, gz] = [readFileSync(file), readFileSync(`${file}.gz`)];
    assert.ok(gz.length < raw.length, `${file}: ${gz.length} gzip bytes of ${raw.length}`);
    assert.ok(gunzipSync(gz).equals(raw), `${file}.gz is not ${file}`);
  }
  for (const gz of all.filter((f) => f.endsWith('.gz'))) {
    assert.ok(plain.includes(gz.slice(0, -3)), `${gz} has no file`);
  }
  // The point of zopfli: the app's wasm smaller than zlib's best.
  const raw = readFileSync(join('dist', wasm));
  assert.ok(statSync(join('dist', `${wasm}.gz`)).size < gzipSync(raw, { level: 9 }).length);
});

test('precompress writes the same .gz files again on a rerun, none where gzip is not smaller, and removes stale ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lta-precompress-'));
  mkdirSync(join(dir, 'data'));
  const csv = Array.from({ length: 400 }, (_, i) => `${i},${(i * 7919) % 1000},Noord\n`).join('');
  writeFileSync(join(dir, 'data', 'cube.csv'), csv);
  writeFileSync(join(dir, 'tiny.txt'), 'x');
  writeFileSync(join(dir, 'tiny.txt.gz'), gzipSync('x'));
  writeFileSync(join(dir, 'icon.png'), csv);
  writeFileSync(join(dir, 'gone.js.gz'), gzipSync('a file no longer built'));
  writeFileSync(join(dir, 'icon.png.gz'), gzipSync(csv));
  await precompress(dir);
  const first = readFileSync(join(dir, 'data', 'cube.csv.gz'));
  assert.ok(gunzipSync(first).equals(Buffer.from(csv)));
  assert.ok(first.length < gzipSync(csv, { level: 9 }).length, 'zopfli is not smaller than zlib -9');
  assert.deepEqual(files(dir).map((f) => f.slice(dir.length + 1)).sort(), ['data/cube.csv', 'data/cube.csv.gz', 'icon.png', 'tiny.txt']);
  await precompress(dir);
  assert.ok(readFileSync(join(dir, 'data', 'cube.csv.gz')).equals(first));
});

for (const [path, file, type] of [[wasm, wasm, 'application/wasm'], ['', 'index.html', 'text/html; charset=utf-8']]) {
  test(`/${path}: its .gz as it is to a client that accepts gzip, the plain file to one that does not`, async () => {
    const gz = readFileSync(join('dist', `${file}.gz`));
    const zipped = await fetchRaw(`${site.url}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers['content-type'], type);
    assert.equal(zipped.headers.vary, 'accept-encoding');
    assert.equal(Number(zipped.headers['content-length']), gz.length);
    assert.ok(zipped.body.equals(gz), 'the body is not the .gz file');
    assert.ok(gunzipSync(zipped.body).equals(readFileSync(join('dist', file))));

    const plain = await fetchRaw(`${site.url}${path}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['content-type'], type);
    assert.ok(plain.body.equals(readFileSync(join('dist', file))), 'the body is not the file');
    const refused = await fetchRaw(`${site.url}${path}`, { 'accept-encoding': 'br' });
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.equal(refused.body.length, plain.body.length);
  });
}

test('A file changed after its .gz was written is gzipped anew; a .gz asked for by name is sent as a plain file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lta-gzip-'));
  writeFileSync(join(dir, 'a.txt'), 'the file as it is now\n'.repeat(20));
  writeFileSync(join(dir, 'a.txt.gz'), gzipSync('what the file was before\n'));
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'a.txt.gz'), old, old);
  const other = await serve(dir);
  try {
    const res = await fetchRaw(`${other.url}a.txt`, { 'accept-encoding': 'gzip' });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(res.body).toString(), readFileSync(join(dir, 'a.txt'), 'utf8'));
    const named = await fetchRaw(`${other.url}a.txt.gz`, { 'accept-encoding': 'gzip' });
    assert.equal(named.headers['content-encoding'], undefined);
    assert.equal(named.headers['content-type'], 'application/gzip');
    assert.ok(named.body.equals(readFileSync(join(dir, 'a.txt.gz'))));
  } finally {
    other.server.close();
  }
});
