// Print (issue 14): "Print or save as PDF" places the print appendix that the
// reports worker draws (core::print_html) and prints; Chromium's PDF of the
// page then fits at most two A4 pages and holds the verdict, the
// contributions table, the weights, the team when there is one, and the
// sources with their addresses written out, without the controls. The dark
// theme prints light (styles/print.css).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { findPreset, loadData, weightText } from '../support/data.mjs';
import { LEADS_BY } from '../support/phrases.mjs';
import { normalise } from '../support/reading.mjs';
import { waitFor } from '../support/waits.mjs';
import { describeWithEnv, withApp } from './runner.mjs';

const PRINT_BUTTON = 'Print or save as PDF';
const A4_PAGES = 2;

/** Before the page's scripts: window.print() counted instead of opening a dialog. */
function countPrints() {
  window.__printCalls = 0;
  window.print = () => {
    window.__printCalls += 1;
  };
}

/** Clicks the print button, as a reader does, and waits until the page has called print(). */
async function printFromButton(app) {
  await app.page.getByRole('button', { name: PRINT_BUTTON, exact: true }).click();
  await waitFor(() => app.page.evaluate(() => window.__printCalls > 0), { message: 'the page to call window.print()' });
  // The appendix is aria-hidden (the screen has it all already), so it is found by its class.
  const appendix = app.page.locator('.sw-print-appendix');
  assert.equal(await appendix.getAttribute('aria-hidden'), 'true');
  assert.equal(await appendix.locator('table').count(), 1, 'the contributions table is in place before print()');
  return appendix;
}

/** Page count and text of a PDF (whitespace collapsed), and how far down its last page the text goes. */
async function readPdf(bytes) {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  const pages = [];
  let lastFill = 0;
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const { items } = await page.getTextContent();
    pages.push(normalise(items.map((item) => `${item.str}${item.hasEOL ? ' ' : ''}`).join('')));
    // PDF y runs upwards from the page's foot.
    const lowest = Math.min(...items.map((item) => item.transform[5]));
    lastFill = 1 - lowest / page.view[3];
  }
  await document.destroy();
  return { count: pages.length, text: pages.join(' '), lastFill };
}

/** Text without any whitespace: a long address may wrap anywhere on paper. */
const squeezed = (text) => text.replace(/\s+/g, '');

/** The source addresses the appendix writes out, each checked against the data's sources. */
async function printedUrls(appendix) {
  const urls = (await appendix.locator('.sw-print-url').allInnerTexts()).map((u) => u.trim());
  const known = new Set(loadData().raw.source.map((s) => s.url).filter(Boolean));
  assert.ok(urls.length >= 3, `the deciding sources are listed: ${urls}`);
  for (const url of urls) assert.ok(known.has(url), `${url} is one of the data's sources`);
  return urls;
}

function assertPrinted(t, pdf, { headline, urls, also = [] }) {
  t.diagnostic(`${pdf.count} A4 pages, the last filled to ${Math.round(pdf.lastFill * 100)}% of its height`);
  assert.ok(pdf.count >= 1 && pdf.count <= A4_PAGES, `${pdf.count} A4 pages, at most ${A4_PAGES}`);
  for (const text of [headline, 'Contributions: what each criterion adds', 'Total, out of 100', 'The weights, from 0 to 10', 'Sources', ...also]) {
    assert.ok(pdf.text.includes(text), `the PDF has “${text}”: ${pdf.text.slice(0, 400)}…`);
  }
  const all = squeezed(pdf.text);
  for (const { name } of loadData().criteria) assert.ok(all.includes(squeezed(name)), `the PDF names ${name} (its weight)`);
  for (const url of urls) assert.ok(all.includes(url), `the PDF writes out ${url}`);
  assert.ok(!pdf.text.includes(PRINT_BUTTON), 'the controls are not printed');
}

/** Share of the pixels of a PNG that are near white, read in a blank page's canvas. */
async function lightShare(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let light = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.min(data[i], data[i + 1], data[i + 2]) >= 230) light += 1;
      return light / (data.length / 4);
    }, `data:image/png;base64,${png.toString('base64')}`);
  } finally {
    await page.close();
  }
}

describeWithEnv('print', (env) => {
  test('one person: the verdict, contributions, weights and sources on at most two A4 pages', async (t) => {
    const preset = findPreset(/automation/);
    await withApp(env, async (app) => {
      const headline = normalise(await (await app.recommendation()).evaluate((region) => region.querySelector('.sw-headline').innerText));
      assert.ok(headline.includes(LEADS_BY), headline);
      const appendix = await printFromButton(app);
      const pdf = await readPdf(await app.page.pdf({ format: 'A4' }));
      assertPrinted(t, pdf, { headline, urls: await printedUrls(appendix) });
    }, { path: `?preset=${preset.id}`, init: countPrints });
  });

  test('a team of three: the team table is printed too, still on at most two A4 pages', async (t) => {
    const names = ['Ana', 'Ben', 'Cal'];
    const presets = [/automation/, /chat/, /ML/].map(findPreset);
    const people = names.map((name, i) => `n=${name}&w=${weightText(presets[i].weights)}&p=${presets[i].id}`);
    await withApp(env, async (app) => {
      await app.page.getByRole('heading', { name: "The team's verdict", exact: true }).waitFor();
      const headline = normalise(await (await app.recommendation()).evaluate((region) => region.querySelector('.sw-headline').innerText));
      const appendix = await printFromButton(app);
      const pdf = await readPdf(await app.page.pdf({ format: 'A4' }));
      assertPrinted(t, pdf, { headline, urls: await printedUrls(appendix), also: ["The team's verdict", "Each person's verdict", ...names] });
    }, { path: `#t=1&${people.join('&')}`, init: countPrints });
  });

  test('the dark theme prints light, and the controls are hidden', async () => {
    await withApp(env, async (app) => {
      await app.load(`${env.url}?theme=dark`);
      await app.page.emulateMedia({ colorScheme: 'dark', media: 'screen' });
      const onScreen = await lightShare(env.browser, await app.page.screenshot({ fullPage: true }));
      assert.ok(onScreen < 0.5, `the dark theme is dark on screen (${onScreen} of the pixels light)`);

      await app.page.emulateMedia({ colorScheme: 'dark', media: 'print' });
      const printed = await lightShare(env.browser, await app.page.screenshot({ fullPage: true }));
      assert.ok(printed > 0.8, `printed, the page is light (${printed} of the pixels light)`);
      const background = await app.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(background, 'rgb(255, 255, 255)');
      for (const role of ['button', 'slider', 'textbox']) {
        const shown = await app.page.getByRole(role).filter({ visible: true }).count();
        assert.equal(shown, 0, `no ${role} is printed`);
      }
    }, { viewport: { width: 794, height: 1123 } });
  });
});
