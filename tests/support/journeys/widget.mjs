// The widget as a page visitor and a blog reader meet it, written once for both engines: the answer on the
// page's first screen; an embed in a blog post one screen tall that grows on demand without moving the host
// page; "Open the full comparator" carries the embed's state.

import assert from 'node:assert/strict';
import { findPreset } from '../data.mjs';
import { ACAO, blogPostFor, makeSiteRoot, siteSet } from '../sites.mjs';
import { embedIframe, scrollEmbedToSummary, scrollToEmbed, waitForFit } from './embeds.mjs';

/** The widget served from one 127.0.0.1 port with CORS for all, and the example blog post from another. */
export async function blogSite() {
  const sites = siteSet();
  const widget = await sites.serve(makeSiteRoot(), { headers: ACAO });
  const host = await sites.host({ 'post.html': blogPostFor(widget.url, { messages: true }) });
  return { postUrl: `${host}post.html`, close: () => sites.close() };
}

/** Top and bottom of the first element matching `selector`, in page coordinates, and the viewport's height. */
const box = (app, selector) =>
  app.evaluate((css) => {
    const r = document.querySelector(css).getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, fold: innerHeight };
  }, selector);

/** The page at `width` × 800: the viewport is at most 800 px tall (Firefox's is shorter than its window). */
async function firstScreen(app, width) {
  const fold = await app.evaluate(() => innerHeight);
  assert.ok(fold <= 800, `the viewport is at most 800 px tall (${fold})`);
  return { verdict: await box(app, '.sw-verdict'), radar: await box(app, '.sw-radar-svg'), picker: await box(app, '.sw-presets'), fold, width };
}

export const firstScreenJourneys = [
  {
    name: 'at 1280 × 800 the verdict and the radar are both above the fold',
    open: { viewport: { width: 1280, height: 800 } },
    async run(app) {
      const { verdict, radar, fold } = await firstScreen(app, 1280);
      assert.ok(verdict.bottom <= fold, `verdict ends at ${verdict.bottom}px of ${fold}`);
      assert.ok(radar.bottom <= fold, `radar ends at ${radar.bottom}px of ${fold}`);
    },
  },
  {
    name: 'at 360 × 800 the use cases and the verdict are on the first screen, the radar starts within the second',
    open: { viewport: { width: 360, height: 800 } },
    async run(app) {
      const { picker, verdict, radar, fold } = await firstScreen(app, 360);
      assert.ok(picker.bottom <= fold, `use cases end at ${picker.bottom}px of ${fold}`);
      assert.ok(verdict.bottom <= fold, `verdict ends at ${verdict.bottom}px of ${fold}`);
      assert.ok(radar.top < 2 * fold, `radar starts at ${radar.top}px`);
      const sideways = await app.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
      assert.ok(sideways.scroll <= sideways.width, `no sideways scroll of the page (${sideways.scroll}px in ${sideways.width}px)`);
    },
  },
];

/** The blog post's first embed, one screen tall at `width`, grows when the reader opens the weights (`colorScheme` where the runner can emulate it). */
function oneScreenJourney(width, most, openMost, colorScheme) {
  return {
    name: `at ${width} px wide${colorScheme ? ` (${colorScheme})` : ''} the embed is at most ${most} px tall, and opening the weights grows it to at most ${openMost} px (compact rows) without a scroll bar`,
    open: { load: false, viewport: { width, height: 900 }, ...(colorScheme ? { colorScheme } : {}) },
    async run(app, { postUrl }) {
      await app.goto(postUrl);
      await scrollToEmbed(app, 0);
      const iframe = await embedIframe(app, 0);
      await app.inFrame(iframe, (frame) => frame.recommendation());
      // embed.js starts at 640 px until the widget posts its own height.
      const posted = await app.waitFor(async () => {
        const h = await iframe.evaluate((f) => f.getBoundingClientRect().height);
        return h > 0 && h !== 640 ? h : false;
      }, { message: 'the embed to post its height' });
      assert.ok(posted <= most, `embed is ${posted}px tall`);
      const fit = await waitForFit(app, iframe);
      assert.ok(fit.iframeHeight <= most, `embed is ${fit.iframeHeight}px tall`);
      await scrollEmbedToSummary(app, iframe, 'Adjust the weights');
      const scrollBefore = await app.evaluate(() => window.scrollY);
      await app.inFrame(iframe, async (frame) => {
        await (await frame.summary('Adjust the weights')).click();
        const [slider] = await frame.waitFor(async () => {
          const found = await frame.roles('slider');
          return found.length && (await found[0].isVisible()) ? found : false;
        }, { message: 'a slider to show' });
        assert.ok(slider);
      });
      const grown = await waitForFit(app, iframe, { extra: (m) => m.iframeHeight > fit.iframeHeight + 200, message: ' after opening the weights' });
      assert.ok(grown.iframeHeight > fit.iframeHeight);
      assert.ok(grown.iframeHeight <= openMost, `with the weights open the embed is ${grown.iframeHeight}px tall`);
      assert.equal(await app.evaluate(() => window.scrollY), scrollBefore, 'the host page did not jump');
    },
  };
}

/** One screen tall at 720 and 360 px, in each of `colorSchemes` (none: the engine's default). */
export const oneScreenJourneys = (colorSchemes = [undefined]) =>
  [[720, 700, 1200], [360, 900, 1900]].flatMap(([width, most, openMost]) => colorSchemes.map((scheme) => oneScreenJourney(width, most, openMost, scheme)));

export const fullComparatorJourney = {
  name: '"Open the full comparator" carries the current state',
  open: { load: false, viewport: { width: 720, height: 900 } },
  async run(app, { postUrl }) {
    await app.goto(postUrl);
    await scrollToEmbed(app, 0);
    const iframe = await embedIframe(app, 0);
    const preset = findPreset(/chat|real-time/i);
    await app.inFrame(iframe, async (frame) => {
      // The click is the intent that starts the app, which adopts it: ask for the button anew.
      await (await frame.role('button', preset.name)).click();
      await frame.waitFor(async () => (await (await frame.role('button', preset.name)).attribute('aria-pressed')) === 'true', { message: 'the preset is chosen' });
      await frame.waitFor(() => frame.isLive(), { message: 'the live embed' });
      const href = await (await frame.role('link', /Open the full comparator/i)).attribute('href');
      assert.match(href, new RegExp(`[#&]p=${preset.id}(&|$)`), href);
    });
    assert.equal((await (await app.css('.stackweigh-embed'))[0].css('iframe')).length, 1);
  },
};
