// Puts the first screen of every view into the HTML (after `trunk build`, from the Makefile's
// dist target): the built site is opened in headless Chromium (Debian's, never a downloaded
// one) for each view with the default dataset, and what the app drew (title, sentence, key
// figures, tables, notes, source) is written into `index.html` (Overzicht) and `<view>.html`
// beside it, inside `<div id="pre">`. So the page shows its figures before the wasm has arrived,
// and without JavaScript at all; the app then takes the screen over (src/prerendered.rs).
// - Charts are left as empty boxes of their size: ECharts draws them when it has loaded.
// - The policy allows no style="" attributes, so the styles the app set through the CSSOM (chart
//   heights, heat-map colours) become classes of a small stylesheet, `pre-<hash>.css`.
// - `pre-<hash>.js` hides the written screen when the address has a query (another language,
//   dataset, filter, embed or an old `?view=` link): the app draws that one.
// - Every page is checked against the Content Security Policy; the build fails if it breaks it.
// Usage: node scripts/prerender.mjs [dist]
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { violations } from './csp-post-build.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

import { VIEWS } from './views.mjs';
const PRE_JS = `// The first screen in this page was written at build time for its address without a query, or
// with just ?view= and its own view (scripts/prerender.mjs; the project's server answers an old
// ?view= link with the view's page). Any other query asks for another screen (language, dataset,
// filter, embed): the written one is hidden now, removed once the page is parsed, and the app
// draws the one asked for.
if (location.search.length > 1 && location.search !== '?view=' + document.documentElement.getAttribute('data-view')) {
  document.documentElement.classList.add('pre-other');
  document.addEventListener('DOMContentLoaded', function () {
    var pre = document.getElementById('pre');
    if (pre) pre.remove();
  });
}
// A file dropped before the app has started would be opened by the browser itself, leaving the
// page: it is kept in a hidden file input instead, which the app reads when it takes over
// (src/prerendered.rs). Once the app is there (#app), its own listener reads drops.
function earlyFiles(e) {
  return !document.getElementById('app') && e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0;
}
window.addEventListener('dragover', function (e) {
  if (earlyFiles(e)) e.preventDefault();
});
window.addEventListener('drop', function (e) {
  if (!earlyFiles(e)) return;
  e.preventDefault();
  var input = document.getElementById('early-file');
  if (!input) {
    input = document.createElement('input');
    input.type = 'file';
    input.id = 'early-file';
    input.hidden = true;
    document.body.appendChild(input);
  }
  input.files = e.dataTransfer.files;
});
`;

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** The app's screen in the open page, with charts emptied and styles turned into classes. */
function capture() {
  const app = document.getElementById('app').cloneNode(true);
  // A printed factsheet's "printed on" day is the day of printing, which the build cannot know.
  for (const day of app.querySelectorAll('.printed-on')) day.remove();
  for (const chart of app.querySelectorAll('.chart')) {
    chart.replaceChildren();
    for (const a of [...chart.attributes]) if (a.name.startsWith('_echarts')) chart.removeAttribute(a.name);
  }
  const styles = [];
  for (const el of app.querySelectorAll('[style]')) {
    const style = el.getAttribute('style');
    let i = styles.indexOf(style);
    if (i < 0) i = styles.push(style) - 1;
    el.removeAttribute('style');
    el.classList.add(`pre-s${i}`);
  }
  return { html: app.innerHTML, styles, title: document.title };
}

/** Opens a view and waits until it is drawn: data, map boundaries and every chart. */
async function render(page, url, view) {
  await page.goto(`${url}?view=${view}`);
  await page.waitForSelector('#app .view', { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  const end = Date.now() + 30000;
  // Vergelijken is drawn by the full app, which takes the page over (src/handover.rs).
  while (!(await page.evaluate(() => !document.querySelector('.map-pending, [data-stepped-aside], #app .view > p.loading') &&
      [...document.querySelectorAll('.chart')].every((c) => c.querySelector('svg'))))) {
    if (Date.now() > end) throw new Error(`prerender: ${view} not drawn within 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return page.evaluate(capture);
}

/** Class names are per view: the same style gets the same class on every page. */
function classes(shots) {
  const all = [...new Set(shots.flatMap((s) => s.styles))];
  for (const s of shots) {
    s.html = s.html.replace(/\bpre-s(\d+)\b/g, (_, i) => `pre-s${all.indexOf(s.styles[Number(i)])}`);
  }
  return all.map((style, i) => `.pre-s${i} { ${style} }`).join('\n') + '\n';
}

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One page: the template with the stylesheet, the script and the screen. */
function page(template, shot, css, js, view) {
  if (!template.includes('<body>') || !template.includes('</head>')) throw new Error('prerender: index.html has no <body> or </head>');
  const head = `  <link rel="stylesheet" href="./${css.name}" integrity="${sri(css.text)}">\n` +
    `  <script src="./${js.name}" integrity="${sri(js.text)}"></script>\n</head>`;
  const html = template
    .replace(/<html\b/, `<html data-view="${view}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(shot.title)}</title>`)
    .replace('</head>', head)
    .replace(/(<body>\s*(?:<noscript>[\s\S]*?<\/noscript>)?)/, `$1\n  <div id="pre">${shot.html}</div>`);
  const found = violations(html);
  if (found.length) throw new Error(`prerender: the page would break its Content Security Policy:\n- ${found.join('\n- ')}`);
  return html;
}

const dir = process.argv[2] ?? 'dist';
const template = readFileSync(join(dir, 'index.html'), 'utf8');
if (template.includes('id="pre"')) throw new Error(`prerender: ${dir}/index.html is prerendered already (run trunk build first)`);
const { server, url } = await serve(dir);
const browser = await chromium.launch(launchOptions);
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  tab.on('pageerror', (e) => problems.push(e.message));
  const shots = [];
  for (const view of VIEWS) shots.push(await render(tab, url, view));
  if (problems.length) throw new Error(`prerender: the app reported errors:\n- ${problems.join('\n- ')}`);
  const cssText = classes(shots);
  const css = { name: `pre-${hash(cssText)}.css`, text: cssText };
  const js = { name: `pre-${hash(PRE_JS)}.js`, text: PRE_JS };
  writeFileSync(join(dir, css.name), css.text);
  writeFileSync(join(dir, js.name), js.text);
  VIEWS.forEach((view, i) => {
    const file = view === 'overzicht' ? 'index.html' : `${view}.html`;
    writeFileSync(join(dir, file), page(template, shots[i], css, js, view));
  });
  console.log(`prerender: ${VIEWS.length} pages, ${css.name}, ${js.name}`);
} finally {
  await browser.close();
  server.close();
}
