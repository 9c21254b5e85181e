// Trunk post-build hook: makes the built index.html work under the site's Content Security
// Policy (scripts/csp.mjs) and ships that policy in it.
// - Trunk 0.21 writes its wasm loader as an inline <script type="module"> (its create_nonce needs
//   a server filling in a nonce per request; its pattern_script can name the hashed files only in
//   HTML). The policy allows no inline script, so each inline script moves to a file named by its
//   content hash (`start-<hash>.js`), referenced with an SRI integrity.
// - ECharts gets a content-hashed name and is named, with its integrity, in a <meta> the app
//   reads when a chart is first drawn (it is not loaded before). The archive worker's files get
//   content-hashed names too, its loader named in a <meta> the app reads when it starts it.
// - The apps' wasm-bindgen glue is minified (esbuild), its preload's integrity written anew.
// - Every other same-site <script src> without an integrity gets one, as Trunk gives its own
//   assets; Trunk's preloads and their integrities are left as they are.
// - The policy goes in as the first element after <meta charset>: a meta policy covers only what
//   follows it.
// The build fails (exit 1, with the reason) if the page would still break the policy.
// Trunk runs it with TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL set; by hand:
//   node scripts/csp-post-build.mjs <folder with index.html> [public url]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { META_POLICY } from './csp.mjs';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

const digest = (algorithm, bytes, encoding) => createHash(algorithm).update(bytes).digest(encoding);
const integrity = (bytes) => `sha384-${digest('sha384', bytes, 'base64')}`;
const attr = (attrs, name) => attrs.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Moves every inline script to its own file in `dir`, starting after the page's load event;
 * returns the rewritten HTML. Trunk's preload of the wasm goes (it would fetch the app early):
 * the loader fetches the wasm itself, with the preload's integrity. */
export function externaliseInlineScripts(html, dir, base) {
  const wasm = [];
  html = html.replace(/<link rel="preload" href="([^"]+)"[^>]*\bintegrity="([^"]+)"[^>]*type="application\/wasm">/g, (_, href, sri) => {
    wasm.push([href, sri]);
    return '';
  });
  return html.replace(SCRIPT, (whole, attrs, body) => {
    for (const [href, sri] of wasm) body = body.replace(`module_or_path: '${href}'`, `module_or_path: fetch('${href}', { integrity: '${sri}' })`);
    if (attr(attrs, 'src')) return whole;
    if (!body.trim()) throw new Error(`index.html: an empty inline <script${attrs}>`);
    // The first screen is already in the HTML: the app is fetched once the page has loaded, so
    // on a slow phone line its wasm does not compete with the page's own bytes for the first paint.
    body = `if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));\n${body}`;
    const name = `start-${digest('sha256', body, 'hex').slice(0, 16)}.js`;
    writeFileSync(join(dir, name), body);
    return `<script${attrs} src="${escapeAttr(base + name)}" integrity="${integrity(body)}"></script>`;
  });
}

/** Gives each <script src> of this site that has no integrity one, from the file in `dir`. */
export function addScriptIntegrity(html, dir, base) {
  return html.replace(SCRIPT, (whole, attrs, body) => {
    const src = attr(attrs, 'src');
    if (!src || attr(attrs, 'integrity')) return whole;
    const url = src[1] ?? src[2] ?? src[3];
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) throw new Error(`index.html: a script from elsewhere (${url}): the policy allows only the site's own`);
    const path = url.startsWith(base) ? url.slice(base.length) : url;
    const bytes = readFileSync(join(dir, decodeURIComponent(path.split(/[?#]/)[0])));
    return `<script${attrs} integrity="${integrity(bytes)}">${body}</script>`;
  });
}

/** Puts the policy right after <meta charset>, before anything it must cover. */
export function insertPolicy(html, policy = META_POLICY) {
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) throw new Error('index.html already has a Content-Security-Policy meta tag');
  const charset = html.match(/<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i);
  if (!charset) throw new Error('index.html: no <meta charset="utf-8"> to put the policy after');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}\n  <meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}">${html.slice(at)}`;
}

/** What the policy would refuse in the page itself; an empty list when there is nothing. */
export function violations(html) {
  const found = [];
  for (const [, attrs] of html.matchAll(SCRIPT)) if (!attr(attrs, 'src')) found.push('an inline <script>');
  for (const [, attrs] of html.matchAll(SCRIPT)) if (attr(attrs, 'src') && !attr(attrs, 'integrity')) found.push(`a script without integrity: <script${attrs}>`);
  if (/<style\b/i.test(html)) found.push('a <style> element');
  for (const [tag] of html.matchAll(/<[a-z][^>]*\s(?:on[a-z]+|style)\s*=[^>]*>/gi)) found.push(`an inline handler or style attribute: ${tag}`);
  if (/javascript:/i.test(html)) found.push('a javascript: URL');
  return found;
}

/** Renames `plain` in `dir` to `name(hash)`, the hash the first 16 hex digits of its SHA-256;
 * returns the new name and the bytes. */
function hashName(dir, plain, name) {
  const bytes = readFileSync(join(dir, plain));
  const file = name(digest('sha256', bytes, 'hex').slice(0, 16));
  renameSync(join(dir, plain), join(dir, file));
  return { file, bytes };
}

/** Puts `meta` (naming a file the app fetches on demand, `what`) before `</head>`. */
function addMeta(html, meta, what) {
  if (!html.includes('</head>')) throw new Error(`index.html: no </head> to put the ${what} reference before`);
  return html.replace('</head>', `  ${meta}\n</head>`);
}

/**
 * Gives ECharts a content-hashed name (Trunk's copy-file does not hash), so it can be cached for
 * good, and names it with its integrity in `<meta name="lta-echarts">`: the app adds the script
 * only when a chart is about to be drawn (src/chart.rs), so a view without charts never loads it.
 */
export function hashEcharts(html, dir, base) {
  const plain = join(dir, 'echarts.min.js');
  if (!existsSync(plain)) throw new Error(`${plain}: missing (scripts/build-echarts.mjs builds it)`);
  const { file, bytes } = hashName(dir, 'echarts.min.js', (h) => `echarts-${h}.js`);
  return addMeta(html, `<meta name="lta-echarts" content="${escapeAttr(base + file)}" data-integrity="${integrity(bytes)}">`, 'ECharts');
}

/**
 * Gives the archive worker's files content-hashed names (Trunk does not hash a worker's files),
 * and names its loader in `<meta name="lta-worker">`, which the app reads when a user opens a
 * spreadsheet or a ZIP or saves a publishable cube (src/worker.rs). The loader names the other
 * two, so it is written anew with their hashed names and hashed itself.
 */
export function hashWorker(html, dir, base) {
  const hashed = (plain, name) => hashName(dir, plain, name).file;
  const loader = join(dir, 'lta-xlsx-worker_loader.js');
  if (!existsSync(loader)) throw new Error(`${loader}: missing (index.html builds the worker with data-loader-shim)`);
  const wasm = hashed('lta-xlsx-worker_bg.wasm', (h) => `lta-xlsx-worker-${h}_bg.wasm`);
  const js = hashed('lta-xlsx-worker.js', (h) => `lta-xlsx-worker-${h}.js`);
  const expected = 'importScripts("./lta-xlsx-worker.js");wasm_bindgen("./lta-xlsx-worker_bg.wasm");';
  if (readFileSync(loader, 'utf8').trim() !== expected) throw new Error(`${loader}: not Trunk's loader as this hook knows it`);
  // Started with wasm-bindgen's current argument (an object: the bare path is deprecated). A wasm
  // that fails to load is thrown again outside the promise: an uncaught error in a worker reaches
  // the page as an `error` event on the Worker, where a rejected promise alone would leave the app
  // waiting for an answer forever.
  const start = `wasm_bindgen({ module_or_path: "./${wasm}" }).catch((e) => setTimeout(() => { throw e; }));`;
  writeFileSync(loader, `importScripts("./${js}");${start}`);
  const name = hashed('lta-xlsx-worker_loader.js', (h) => `lta-xlsx-worker_loader-${h}.js`);
  return addMeta(html, `<meta name="lta-worker" content="${escapeAttr(base + name)}">`, 'worker');
}

/**
 * The full app (the BEN toolkit; `lta-dashboard-full`, built by Trunk as a worker-type asset, so
 * not started by the page) gets content-hashed names and a start script, named with its
 * integrity in `<meta name="lta-full">`: the app every visitor loads adds that script only when a
 * user opens a file of their own or Vergelijken (src/handover.rs). A wasm that cannot be fetched
 * or started is told to the page as the `lta-full-failed` event; the app shows it, naming the
 * wasm (`data-wasm`). One that started is told as `lta-full-started`, with the wasm's exports
 * (its memory, which bench/run.mjs reads, as it reads the first app's from Trunk's event).
 */
export function hashFullApp(html, dir, base) {
  if (!existsSync(join(dir, 'lta-dashboard-full.js'))) throw new Error(`${dir}: no lta-dashboard-full.js (index.html builds it)`);
  const { file: wasm, bytes: wasmBytes } = hashName(dir, 'lta-dashboard-full_bg.wasm', (h) => `lta-dashboard-full-${h}_bg.wasm`);
  const { file: js } = hashName(dir, 'lta-dashboard-full.js', (h) => `lta-dashboard-full-${h}.js`);
  const start = `import init from './${js}';
init({ module_or_path: fetch(new URL('./${wasm}', import.meta.url), { integrity: '${integrity(wasmBytes)}' }) })
  .then((wasm) => dispatchEvent(new CustomEvent('lta-full-started', { detail: { wasm } })),
    () => dispatchEvent(new Event('lta-full-failed')));
`;
  const name = `full-${digest('sha256', start, 'hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), start);
  return addMeta(html, `<meta name="lta-full" content="${escapeAttr(base + name)}" data-integrity="${integrity(start)}" data-wasm="${escapeAttr(base + wasm)}">`, 'full app');
}

/**
 * Minifies the apps' wasm-bindgen glue (whitespace and local names only; exports and the names
 * the wasm imports stay): 53 KB of JavaScript a first visit fetches, 2 KB gzip less. A preload's
 * integrity is written anew. The file keeps Trunk's name, whose hash is of the glue as written.
 */
export function minifyGlue(html, dir) {
  // Trunk's hash has no leading zeros: 15 digits one time in 16.
  const glue = /^lta-dashboard-(?:full|[0-9a-f]{8,16})\.js$/;
  for (const file of readdirSync(dir).filter((f) => glue.test(f))) {
    const path = join(dir, file);
    const before = readFileSync(path);
    const after = transformSync(before.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' }).code;
    writeFileSync(path, after);
    html = html.replaceAll(`integrity="${integrity(before)}"`, `integrity="${integrity(after)}"`);
  }
  return html;
}

/** The whole hook, on the index.html in `dir`. */
export function secure(dir, base) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  html = minifyGlue(html, dir);
  html = hashEcharts(html, dir, base);
  html = hashWorker(html, dir, base);
  html = hashFullApp(html, dir, base);
  html = externaliseInlineScripts(html, dir, base);
  html = addScriptIntegrity(html, dir, base);
  html = insertPolicy(html);
  const found = violations(html);
  if (found.length) throw new Error(`${file} would break its Content Security Policy:\n- ${found.join('\n- ')}`);
  writeFileSync(file, html);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  const base = process.env.TRUNK_PUBLIC_URL ?? process.argv[3] ?? './';
  try {
    if (!dir) throw new Error('usage: node scripts/csp-post-build.mjs <folder with index.html> [public url]');
    secure(dir, base);
  } catch (e) {
    console.error(`csp-post-build: ${e.message}`);
    process.exit(1);
  }
}
