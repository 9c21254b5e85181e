// Shared set-up for the browser tests: serve a built site over real HTTP, open pages in
// headless Chromium, and record what a test must check on every page: console errors, page
// errors and requests to any host other than the site's own.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, LOCAL_POLICY } from '../../scripts/serve.mjs';
import { launchOptions } from './browser.mjs';

export class Site {
  /** Serves `root`, with the site's Content Security Policy as a header, and starts the browser. */
  static async start(root = 'dist') {
    const site = new Site();
    ({ server: site.server, url: site.url } = await serve(root, 0, { policy: LOCAL_POLICY }));
    site.browser = await chromium.launch(launchOptions);
    return site;
  }

  /**
   * A new page with its problems recorded in `page.problems`; `options`: Playwright's context
   * options. The site's Content Security Policy is bypassed unless `options.bypassCSP` is false
   * (the CSP tests): Playwright's `waitForFunction` polls with an eval the policy refuses.
   */
  async page(viewport = { width: 1280, height: 900 }, options = {}) {
    const page = await this.browser.newPage({ viewport, bypassCSP: true, ...options });
    page.problems = [];
    const origin = new URL(this.url).origin;
    page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') page.problems.push(`foreign request: ${r.url()}`);
    });
    return page;
  }

  /** Opens a view (query string, or a page such as `landsdelen.html`) and waits until the app
   * shows the data or an error, having taken over the screen the build wrote into the page. */
  async open(page, query = '') {
    await page.goto(`${this.url}${query}`);
    await page.waitForSelector('#app .view, #app .error', { timeout: 20000 });
    await until(page, () => !document.getElementById('pre'));
    return page;
  }

  async stop() {
    await this.browser?.close();
    this.server?.close();
  }
}

/** Waits until the page is quiet and every chart is drawn (and laid out: two frames). */
export async function drawn(page) {
  await page.waitForLoadState('networkidle');
  await until(page, () => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('svg')));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function axeViolations(page) {
  // Evaluated through the driver, not added as a <script>: the site's CSP refuses inline scripts.
  await page.evaluate(`${readFileSync('node_modules/axe-core/axe.min.js', 'utf8')};void 0`);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The text of a table cell: the row whose `data-code` is `code`, the column headed `heading`. */
export async function cell(page, code, heading) {
  return page.evaluate(([code, heading]) => {
    const table = document.querySelector(`tr[data-code="${code}"]`)?.closest('table');
    if (!table) return null;
    const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const col = headings.indexOf(heading);
    if (col < 0) return null;
    return table.querySelector(`tr[data-code="${code}"]`).children[col].textContent.trim();
  }, [code, heading]);
}

/** Reads a cube CSV into rows of objects (the test's own reader, independent of the app's). */
export function readCube(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const delim = header.includes(';') ? ';' : ',';
  const keys = header.split(delim);
  return lines.map((l) => Object.fromEntries(l.split(delim).map((v, i) => [keys[i], v])));
}

/** Polls `fn(arg)` in the page (or frame) until it is true: unlike `waitForFunction`, this
 * evaluates through the driver, which a Content Security Policy without 'unsafe-eval' allows. */
export async function until(page, fn, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`until: timed out: ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A key file of the cell-key method with this key (32 hexadecimal digits), as the app saves one. */
export function keyFile(hex) {
  const file = join(mkdtempSync(join(tmpdir(), 'lta-key-')), 'lta-sleutel.txt');
  writeFileSync(file, `# LTA-dashboard: geheime sleutel (test)\n${hex}\n`);
  return file;
}

/** Opens a key file through "Sleutel openen" (a records file must be open), so that pages in
 * different browser profiles perturb alike. */
export async function useKey(page, hex) {
  await page.setInputFiles('.key-open input[type=file]', keyFile(hex));
  await page.locator('.key-said').filter({ hasText: /Sleutel geopend|Key opened/ }).waitFor();
}
