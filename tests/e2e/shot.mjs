// Screenshots of every view, desktop and a 360 px phone, for looking at: node tests/e2e/shot.mjs [out]
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions } from './browser.mjs';
import { VIEWS } from '../../scripts/views.mjs';

const out = process.argv[2] ?? 'tests/e2e/out';
const { server, url } = await serve('dist');
const browser = await chromium.launch(launchOptions);
for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  for (const data of ['lta-2023', 'illustratief']) {
    for (const view of VIEWS) {
      for (const lang of ['nl', 'en']) {
        await page.goto(`${url}?view=${view}&lang=${lang}&data=${data}`);
        await page.waitForSelector('.view');
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${out}/${name}-${data}-${view}-${lang}.png`, fullPage: true });
      }
    }
  }
  await page.close();
}
await browser.close();
server.close();
