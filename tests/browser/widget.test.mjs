// The widget as a blog reader and a page visitor meet it: the answer on the
// first screen, an embed one screen tall that grows on demand, and a
// prerendered page that is a live form whose input the app adopts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/static-server.mjs';
import { findPreset, loadData } from '../support/data.mjs';
import { waitFor } from '../support/waits.mjs';
import { newGuardedPage, startEnv } from './harness.mjs';
import { ACAO, blogPostFor, embedFrame, embedIframe, launchEnv, makePagesRoot, makeSiteRoot, openGuarded, waitForFit } from './embed-helpers.mjs';

const live = (page) => page.waitForFunction(() => !document.querySelector('[data-prerendered]'));

/** Bottom and top of an element, in page coordinates. */
function box(page, selector) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
}

describe('the page: the first screen is the answer', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('at 1280 × 800 the verdict and the radar are both above the fold', async () => {
    const g = await newGuardedPage(env, { viewport: { width: 1280, height: 800 } });
    try {
      await g.page.goto(env.url, { waitUntil: 'load' });
      await live(g.page);
      const verdict = await box(g.page, '.sw-verdict');
      const radar = await box(g.page, '.sw-radar-svg');
      assert.ok(verdict.bottom <= 800, `verdict ends at ${verdict.bottom}px`);
      assert.ok(radar.bottom <= 800, `radar ends at ${radar.bottom}px`);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  test('at 360 × 800 the use cases and the verdict are on the first screen, the radar starts within the second', async () => {
    const g = await newGuardedPage(env, { viewport: { width: 360, height: 800 } });
    try {
      await g.page.goto(env.url, { waitUntil: 'load' });
      await live(g.page);
      const picker = await box(g.page, '.sw-presets');
      const verdict = await box(g.page, '.sw-verdict');
      const radar = await box(g.page, '.sw-radar-svg');
      assert.ok(picker.bottom <= 800, `use cases end at ${picker.bottom}px`);
      assert.ok(verdict.bottom <= 800, `verdict ends at ${verdict.bottom}px`);
      assert.ok(radar.top < 1600, `radar starts at ${radar.top}px`);
      const width = await g.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `no sideways scroll of the page (${width}px)`);
    } finally {
      await g.close();
    }
  });
});

describe('the embed in a blog post: one screen tall, grows on demand', () => {
  let env;
  let postUrl;
  before(async () => {
    const siteRoot = makeSiteRoot();
    const widget = await startServer({ root: siteRoot, port: 0, headers: ACAO });
    const hostRoot = makePagesRoot({ 'post.html': blogPostFor(widget.url) });
    const host = await startServer({ root: hostRoot, port: 0 });
    env = await launchEnv({ servers: [widget, host], cleanup: [siteRoot, hostRoot] });
    postUrl = host.url + 'post.html';
  });
  after(async () => {
    await env?.close();
  });

  for (const [width, most] of [[720, 700], [360, 900]]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`at ${width} px wide (${colorScheme}) the embed is at most ${most} px tall, and opening the weights grows it without a scroll bar`, async () => {
        const g = await openGuarded(env, postUrl, { viewport: { width, height: 900 }, colorScheme });
        const { page } = g;
        try {
          await page.locator('.stackweigh-embed').first().scrollIntoViewIfNeeded();
          const frame = await embedFrame(page, 0);
          await frame.getByRole('region', { name: 'Recommendation', exact: true }).waitFor({ state: 'visible' });
          const fit = await waitForFit(page, 0, frame);
          assert.ok(fit.iframeHeight <= most, `embed is ${fit.iframeHeight}px tall`);
          const scrollBefore = await page.evaluate(() => window.scrollY);
          await frame.getByText('Adjust the weights', { exact: true }).click();
          await frame.getByRole('slider').first().waitFor({ state: 'visible' });
          const grown = await waitForFit(page, 0, frame, { extra: (m) => m.iframeHeight > fit.iframeHeight + 200, message: ' after opening the weights' });
          assert.ok(grown.iframeHeight > fit.iframeHeight);
          assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the host page did not jump');
          assert.deepEqual(g.problems(), []);
        } finally {
          await g.close();
        }
      });
    }
  }

  test('"Open the full comparator" carries the current state', async () => {
    const g = await openGuarded(env, postUrl, { viewport: { width: 720, height: 900 } });
    const { page } = g;
    try {
      await page.locator('.stackweigh-embed').first().scrollIntoViewIfNeeded();
      const frame = await embedFrame(page, 0);
      const preset = findPreset(/chat|real-time/i);
      await frame.getByRole('button', { name: preset.name, exact: true }).click();
      await waitFor(async () => (await frame.getByRole('button', { name: preset.name, exact: true }).getAttribute('aria-pressed')) === 'true', { message: 'the preset is chosen' });
      await frame.waitForFunction(() => !document.querySelector('[data-prerendered]'));
      const href = await frame.getByRole('link', { name: 'Open the full comparator' }).getAttribute('href');
      assert.match(href, new RegExp(`[#&]p=${preset.id}(&|$)`), href);
      assert.equal(await embedIframe(page, 0).count(), 1);
    } finally {
      await g.close();
    }
  });
});

describe('the prerendered page is a live form', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  for (const query of ['', '?embed=1']) {
    test(`a use case picked and a slider moved before the app is live are what the app shows (${query || 'page'})`, async () => {
      const g = await newGuardedPage(env);
      const { page } = g;
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route('**/*.wasm', async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goto(env.url + query, { waitUntil: 'load' });
        assert.ok(await page.locator('[data-prerendered]').count(), 'still the prerendered page');
        const preset = findPreset(/^ml_ai$/);
        await page.getByRole('button', { name: preset.name, exact: true }).click();
        const weights = page.getByText('Adjust the weights', { exact: true });
        if (!(await page.getByRole('slider').first().isVisible())) await weights.click();
        const { criteria } = loadData();
        const first = page.getByRole('slider', { name: criteria[0].name, exact: true });
        await first.focus();
        await page.keyboard.press('End');
        assert.equal(await first.inputValue(), '10', 'a range input moves without the app');
        release();
        await live(page);
        const liveSlider = page.getByRole('slider', { name: criteria[0].name, exact: true });
        await waitFor(async () => (await liveSlider.inputValue()) === '10', { message: 'the moved slider kept in the live app' });
        const second = page.getByRole('slider', { name: criteria[1].name, exact: true });
        assert.equal(await second.inputValue(), String(preset.weights[criteria[1].id]), 'the picked use case set the other weights');
        await page.getByText(`Compared with “${preset.name}”:`, { exact: true }).waitFor({ state: 'visible' });
        assert.deepEqual(g.problems(), []);
      } finally {
        release();
        await g.close();
      }
    });
  }
});
