// Every embed answers at first sight (issue 20), in Chromium: in a blog post on another origin, 720 and
// 360 px wide, with the app's wasm held back, an embed asking for a use case shows that use case's verdict
// and both totals before any interaction (its own prerendered document), within 15 kB gzip, as tall as it is
// once live; an embed asking for a shared state far below the fold loads no wasm until it is scrolled to,
// then shows "Loading this comparison…" over the radar's rings and labels and draws its verdict without a
// touch; a source link in an embed's "Why?" opens in a new tab; and the page opened with ?preset=ml_ai
// shows Python's verdict at first paint, with JavaScript off too, on the static server with dist/_redirects,
// and from the service worker on a host that cannot rewrite.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../scripts/static-server.mjs';
import { loadData, optionName, weightedWinner, weightText } from '../support/data.mjs';
import { LEADS_BY, OUT_OF, RECOMMENDATION } from '../support/phrases.mjs';
import { waitFor } from '../support/waits.mjs';
import { launchChromium, liveRecommendation, newGuardedPage } from './harness.mjs';
import { openPage } from './dist-helpers.mjs';
import { embedDiv, embedFrame, embedIframe, hostPage, makePagesRoot, makeSiteRoot, waitForFit } from './embed-helpers.mjs';

// What an untouched embed may cost its host page, gzip (README, Embedding; 1 kB = 1000 bytes).
const BUDGET = 15_000;
const LOADING = 'Loading this comparison…';
const WIDTHS = [720, 360];
const PRESETS = [
  ['ml_ai', 'Python'],
  ['realtime_chat', 'Node.js'],
];

/** A shared state the build cannot prerender: every weight 1 but the criterion that favours Python most. */
function sharedState() {
  const { criteria } = loadData();
  const lead = (c) => c.scores.python.score - c.scores.node.score;
  const top = [...criteria].sort((a, b) => lead(b) - lead(a))[0];
  const weights = Object.fromEntries(criteria.map((c) => [c.id, c === top ? 10 : 1]));
  const { winner } = weightedWinner(weights);
  assert.ok(winner, 'the shared state picks a winner');
  return { state: `v=1&w=${weightText(weights)}`, leader: optionName(winner) };
}

/** A blog post: a column `width` px wide holding `embeds` (HTML), after `above` px of text. */
function post(widgetUrl, embeds, { above = 0 } = {}) {
  const spacer = above ? `<div class="long-read" style="height:${above}px">A long read.</div>` : '';
  return hostPage(
    `<article style="max-width:44rem;margin:0 auto;padding:0 1rem"><h1>Node.js or Python?</h1>${spacer}${embeds}` +
      `<p>More of the post.</p><div style="height:1200px"></div></article><script async src="${widgetUrl}embed.js"></script>`,
  );
}

const embedHtml = (attributes) => `<div class="stackweigh-embed" ${attributes}><a href="https://example.invalid/">Comparator</a></div>`;

/**
 * Requests of `context` as URLs, and the app's wasm held back until `release()` (later ones pass at once):
 * registered after the guard's route, so it is asked first.
 */
async function watchAndHold(context) {
  const seen = [];
  const held = [];
  let holding = true;
  context.on('request', (request) => seen.push(request.url()));
  await context.route(/\/stackweigh-[0-9a-f]{12,16}_bg\.wasm$/, (route) => (holding ? held.push(route) : route.fallback()));
  return {
    seen,
    wasmRequested: () => seen.some((url) => /\/stackweigh-[0-9a-f]{12,16}_bg\.wasm$/.test(url)),
    release() {
      holding = false;
      for (const route of held.splice(0)) route.fallback();
    },
  };
}

/** Whether a reader's intent (pointer, touch, focus, key) reached any frame: recorded in each before its scripts. */
async function recordIntent(context) {
  await context.addInitScript(() => {
    window.__intent = [];
    for (const kind of ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown']) {
      document.addEventListener(kind, () => window.__intent.push(kind), { capture: true, passive: true });
    }
  });
}

/** The Recommendation region of a frame or page, prerendered or live. */
const region = (target) => target.getByRole('region', { name: RECOMMENDATION, exact: true });

/** Gzip bytes of every file the widget's origin served, by path. */
function widgetBytes(seen, widgetOrigin, root) {
  const files = seen.filter((url) => new URL(url).origin === widgetOrigin).map((url) => new URL(url).pathname);
  const sizes = files.map((p) => [p, gzipSync(readFileSync(path.join(root, p)), { level: 9 }).length]);
  return { total: sizes.reduce((sum, [, size]) => sum + size, 0), sizes };
}

describe('embeds answer at first sight (Chromium, blog on another origin)', () => {
  let browser;
  let widget;
  let blog;
  let siteRoot;
  let blogRoot;
  let widgetOrigin;
  const { state, leader } = sharedState();
  before(async () => {
    siteRoot = makeSiteRoot();
    widget = await startServer({ root: siteRoot, port: 0, headersFile: path.join(siteRoot, '_headers') });
    widgetOrigin = new URL(widget.url).origin;
    const pages = {
      'state.html': post(widget.url, embedHtml(`data-state="${state}" data-theme="light"`), { above: 3000 }),
      'loading.html': post(widget.url, embedHtml(`data-state="${state}" data-theme="light"`)),
      'why.html': post(widget.url, embedHtml('data-preset="ml_ai"')),
    };
    for (const [preset] of PRESETS) pages[`${preset}.html`] = post(widget.url, embedHtml(`data-preset="${preset}" data-theme="light"`));
    blogRoot = makePagesRoot(pages);
    blog = await startServer({ root: blogRoot, port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await widget?.close();
    await blog?.close();
    for (const dir of [siteRoot, blogRoot]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const width of WIDTHS) {
    for (const [preset, name] of PRESETS) {
      test(`at ${width} px, data-preset="${preset}" shows "${name} leads" and both totals before any interaction, within ${BUDGET / 1000} kB, as tall as once live`, async (t) => {
        const g = await newGuardedPage({ browser }, { viewport: { width, height: 900 } });
        try {
          const net = await watchAndHold(g.context);
          await g.page.goto(`${blog.url}${preset}.html`, { waitUntil: 'load' });
          const frame = await embedFrame(g.page, 0);
          const before = await waitForFit(g.page, 0, frame);
          const shown = await region(frame).innerText();
          assert.match(shown, new RegExp(`${name}${LEADS_BY}`), shown);
          for (const option of ['Node.js', 'Python']) assert.match(shown, new RegExp(`${option}\\s+\\d+(\\.\\d)?${OUT_OF}`), `${option}'s total: ${shown}`);
          const html = await frame.evaluate(() => ({ answers: document.documentElement.dataset.answers, pending: document.documentElement.hasAttribute('data-pending') }));
          assert.deepEqual(html, { answers: preset, pending: false }, 'its own prerendered document, not waiting');
          assert.equal(new URL(frame.url()).pathname, `/embed-${preset}.html`);
          assert.equal(net.wasmRequested(), false, 'no wasm before the reader touches it');
          const { total, sizes } = widgetBytes(net.seen, widgetOrigin, siteRoot);
          t.diagnostic(`data-preset="${preset}" at ${width} px before interaction: ${total} bytes gzip (${sizes.map(([p, s]) => `${p} ${s}`).join(', ')})`);
          assert.ok(total <= BUDGET, `${total} bytes gzip, budget ${BUDGET}`);
          assert.ok(!sizes.some(([p]) => /\/print-/.test(p)), 'no print stylesheet');

          const box = await embedIframe(g.page, 0).boundingBox();
          await g.page.mouse.move(box.x + box.width / 2, box.y + 20);
          await waitFor(() => net.wasmRequested(), { message: 'the pointer starts the app' });
          net.release();
          await liveRecommendation(frame).waitFor({ state: 'visible' });
          const live = await waitForFit(g.page, 0, frame);
          assert.ok(Math.abs(live.iframeHeight - before.iframeHeight) <= 8, `prerendered ${before.iframeHeight} px, live ${live.iframeHeight} px`);
          assert.match(await region(frame).innerText(), new RegExp(`${name}${LEADS_BY}`));
          assert.deepEqual(g.problems(), []);
        } finally {
          await g.close();
        }
      });
    }

    test(`at ${width} px, a data-state embed far below the fold loads no wasm until scrolled to, then draws its verdict without a touch`, async () => {
      const g = await newGuardedPage({ browser }, { viewport: { width, height: 900 } });
      try {
        await recordIntent(g.context);
        const net = await watchAndHold(g.context);
        await g.page.goto(`${blog.url}state.html`, { waitUntil: 'load' });
        await waitFor(() => g.page.evaluate(() => !!window.stackweighEmbed), { message: 'the loader' });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.equal(await embedIframe(g.page, 0).count(), 0, 'no frame far below the fold');
        assert.equal(net.wasmRequested(), false, 'no wasm before it is scrolled to');

        await embedDiv(g.page, 0).evaluate((div) => div.scrollIntoView({ block: 'center' }));
        const frame = await embedFrame(g.page, 0);
        await waitFor(() => net.wasmRequested(), { message: 'the embed in view starts its app' });
        const waiting = await waitForFit(g.page, 0, frame);
        assert.equal(await frame.locator('.sw-pending-note').innerText(), LOADING);
        assert.deepEqual(await frame.evaluate(() => window.__intent), [], 'no pointer, touch, focus or key reached it');
        net.release();
        await liveRecommendation(frame).waitFor({ state: 'visible' });
        assert.match(await region(frame).innerText(), new RegExp(`${leader}${LEADS_BY}`));
        const live = await waitForFit(g.page, 0, frame);
        assert.ok(Math.abs(live.iframeHeight - waiting.iframeHeight) <= 8, `waiting ${waiting.iframeHeight} px, live ${live.iframeHeight} px`);
        assert.deepEqual(await frame.evaluate(() => window.__intent), []);
        assert.deepEqual(g.problems(), []);
      } finally {
        await g.close();
      }
    });

    test(`at ${width} px, until its app has drawn it a shared state shows "${LOADING}" over the radar's rings and labels, never the default's verdict`, async () => {
      const g = await newGuardedPage({ browser }, { viewport: { width, height: 900 } });
      try {
        const net = await watchAndHold(g.context);
        await g.page.goto(`${blog.url}loading.html`, { waitUntil: 'load' });
        const frame = await embedFrame(g.page, 0);
        await waitFor(() => net.wasmRequested(), { message: 'an embed in view starts its app' });
        await waitForFit(g.page, 0, frame);
        const seen = await frame.evaluate(() => {
          const visible = (selector) => [...document.querySelectorAll(selector)].map((el) => getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().height > 0);
          return {
            pending: document.documentElement.hasAttribute('data-pending'),
            note: visible('.sw-pending-note'),
            headline: visible('.sw-headline'),
            totals: visible('.sw-totals'),
            shapes: visible('.radar-shape'),
            rings: visible('.sw-radar-grid polygon').every(Boolean),
            labels: visible('.sw-radar-labels text').every(Boolean),
          };
        });
        assert.deepEqual(seen, { pending: true, note: [true], headline: [false], totals: [false], shapes: [false, false], rings: true, labels: true });
        net.release();
        await liveRecommendation(frame).waitFor({ state: 'visible' });
        assert.match(await region(frame).innerText(), new RegExp(`${leader}${LEADS_BY}`));
        assert.deepEqual(g.problems(), []);
      } finally {
        await g.close();
      }
    });
  }

  test("a source link in an embed's Why? opens in a new tab and the embed stays", async () => {
    const g = await newGuardedPage({ browser }, { viewport: { width: 720, height: 900 } });
    try {
      const stub = (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>a source</title><p>a source' });
      await g.context.route((url) => url.protocol === 'https:', stub);
      await g.page.goto(`${blog.url}why.html`, { waitUntil: 'load' });
      const frame = await embedFrame(g.page, 0);
      assert.equal(await frame.locator('a[href^="#"]').count(), 0, 'no in-page anchor for a new tab to break');
      const widgetAddress = () => frame.url().split('#')[0];
      const before = widgetAddress();
      await frame.getByText('Adjust the weights').click();
      await liveRecommendation(frame).waitFor({ state: 'visible' });
      const { name } = loadData().criteria[0];
      const why = frame.getByRole('button', { name: `Why? ${name}`, exact: true });
      await why.click();
      const text = frame.locator(`[id="${await why.getAttribute('aria-controls')}"]`);
      const source = text.locator('a[href^="https://"]').first();
      await source.waitFor({ state: 'visible' });
      const href = await source.getAttribute('href');
      const [tab] = await Promise.all([g.context.waitForEvent('page'), source.click()]);
      await tab.waitForLoadState('load');
      assert.equal(tab.url(), href, 'the source opened in a tab of its own');
      assert.equal(widgetAddress(), before, 'the embed still shows the widget');
      assert.ok(await liveRecommendation(frame).isVisible());
      const problems = g.problems().filter((p) => p !== `external request: ${href}`);
      assert.deepEqual(problems, []);
    } finally {
      await g.close();
    }
  });
});

describe('the page asked for a use case (?preset=ml_ai) answers at first paint', () => {
  let browser;
  let rewriting;
  let plain;
  before(async () => {
    browser = await launchChromium();
    const dist = makeSiteRoot();
    rewriting = await startServer({ root: dist, port: 0, headersFile: path.join(dist, '_headers'), redirectsFile: path.join(dist, '_redirects') });
    plain = await startServer({ root: dist, port: 0 });
    rewriting.dir = dist;
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await rewriting?.close();
    await plain?.close();
    if (rewriting?.dir) rmSync(rewriting.dir, { recursive: true, force: true });
  });

  /** The Recommendation region and <html>'s marks when the document was parsed, before any app ran. */
  const firstPaint = () => {
    document.addEventListener('DOMContentLoaded', () => {
      const html = document.documentElement;
      window.__first = {
        answers: html.dataset.answers ?? null,
        pending: html.hasAttribute('data-pending'),
        headline: document.querySelector('.sw-headline')?.textContent ?? null,
      };
    });
  };

  test('with JavaScript off, on the static server with dist/_redirects, for the folder and index.html', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const address of ['?preset=ml_ai', 'index.html?preset=ml_ai', '?id=1&preset=ml_ai&theme=dark']) {
        await page.goto(`${rewriting.url}${address}`, { waitUntil: 'load' });
        assert.match(await region(page).innerText(), /Python leads, by/, address);
        assert.equal(new URL(page.url()).search.includes('preset=ml_ai'), true, 'the address stays (a rewrite, not a redirect)');
      }
      await page.goto(`${rewriting.url}?preset=nope`, { waitUntil: 'load' });
      assert.doesNotMatch(await region(page).innerText(), /Python leads/, 'an unknown use case gets the default page');
    } finally {
      await context.close();
    }
  });

  test('with JavaScript on and the wasm held back: its verdict, not pending', async () => {
    const g = await newGuardedPage({ browser });
    try {
      const net = await watchAndHold(g.context);
      await g.page.addInitScript(firstPaint);
      await g.page.goto(`${rewriting.url}?preset=ml_ai`, { waitUntil: 'load' });
      const first = await g.page.evaluate(() => window.__first);
      assert.deepEqual({ ...first, headline: undefined }, { answers: 'ml_ai', pending: false, headline: undefined });
      assert.match(first.headline, /^Python leads, by/);
      assert.match(await region(g.page).innerText(), /Python leads, by/, 'shown while the app is held back');
      await waitFor(() => net.wasmRequested(), { message: 'the page starts its app after the first paint' });
      net.release();
      await liveRecommendation(g.page).waitFor({ state: 'visible' });
      assert.match(await region(g.page).innerText(), /Python leads, by/);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  test('a host that cannot rewrite: the default page says it is loading rather than show its own verdict, then the service worker serves the use case from the second visit on', async () => {
    const g = await openPage(browser);
    try {
      await g.page.addInitScript(firstPaint);
      await g.page.goto(`${plain.url}?preset=ml_ai`, { waitUntil: 'load' });
      const first = await g.page.evaluate(() => window.__first);
      assert.equal(first.answers, null, 'the default page');
      assert.equal(first.pending, true, `its verdict waits for the app ("${first.headline}" is the default's)`);
      await liveRecommendation(g.page).waitFor({ state: 'visible' });
      assert.match(await region(g.page).innerText(), /Python leads, by/);
      await g.page.evaluate(() => navigator.serviceWorker.ready);

      const again = await g.context.newPage();
      await again.addInitScript(firstPaint);
      await again.goto(`${plain.url}?preset=ml_ai`, { waitUntil: 'load' });
      assert.equal(await again.evaluate(() => !!navigator.serviceWorker.controller), true, 'served by the worker');
      const second = await again.evaluate(() => window.__first);
      assert.equal(second.answers, 'ml_ai', "the use case's own page, from the worker");
      assert.equal(second.pending, false);
      assert.match(second.headline, /^Python leads, by/);
      assert.equal(new URL(again.url()).search, '?preset=ml_ai', 'the address stays: no redirect');
      await liveRecommendation(again).waitFor({ state: 'visible' });
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });
});
