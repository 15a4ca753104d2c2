// README's Layout screenshots (docs/screenshots/): the page at 1280 × 800 and 360 × 800 with a slider
// moved far down the weights, and the embed at 720 and 360 px with the weights open. Run after a build:
//   node scripts/screenshots.mjs            (serves dist/ on 127.0.0.1, Debian's Chromium)

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/browser/harness.mjs';
import { startServer } from './static-server.mjs';

const OUT = path.resolve('docs/screenshots');
mkdirSync(OUT, { recursive: true });
const server = await startServer({ root: 'dist', port: 0 });
const browser = await launchChromium();
try {
  for (const [width, height] of [[1280, 800], [360, 800]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(server.url);
    await page.waitForSelector('main#stackweigh:not([data-prerendered])');
    const slider = page.getByRole('slider').nth(9);
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(OUT, `page-${width}.png`) });
    await page.close();
  }
  for (const width of [720, 360]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}embed.html`);
    await page.getByText('Adjust the weights', { exact: true }).click();
    await page.waitForSelector('main#stackweigh:not([data-prerendered])');
    await page.waitForTimeout(700);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`embed at ${width} px, weights open: ${height} px tall`);
    await page.screenshot({ path: path.join(OUT, `embed-weights-${width}.png`), fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
