// Plumbing for the Chromium embed tests (tests/browser/embed.test.mjs): the sites of support/sites.mjs
// served to one browser, guarded host pages that also record every message the host page receives, one
// helper that opens, checks and closes such a page, and reads of an embed iframe's size and colours.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { recordMessages } from '../support/sites.mjs';
import { waitFor } from '../support/waits.mjs';
import { guardedPage, launchChromium } from './harness.mjs';

export {
  ACAO,
  BLOG_POST,
  EMBED_DIST,
  EMBED_SOURCE,
  blogPostFor,
  embedScriptPath,
  hostPage,
  makePagesRoot,
  makeSiteRoot,
  makeStubWidgetRoot,
} from '../support/sites.mjs';

/**
 * One browser for `servers` (already started; closed with it) and temp dirs
 * to remove afterwards. Extra fields (`urls`) are copied onto the result.
 */
export async function launchEnv({ servers = [], cleanup = [], ...urls }) {
  const closeAll = async (browser) => {
    await browser?.close().catch(() => {});
    for (const s of servers) await s.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  };
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await closeAll(undefined);
    throw err;
  }
  return { ...urls, browser, close: () => closeAll(browser) };
}

/**
 * The guarded page (harness.mjs) on the host page `url`, that also records, on the top page, every
 * `message` event (support/sites.mjs recordMessages) and every request the top frame itself makes
 * (`topRequests`), and counts the requests in flight (see networkQuiet).
 */
export async function openGuarded(env, url, { viewport = { width: 1280, height: 900 }, colorScheme } = {}) {
  const guarded = await guardedPage(env.browser, { viewport, colorScheme, init: recordMessages });
  const { page } = guarded;
  guarded.topRequests = [];
  page.on('request', (req) => {
    if (req.frame() === page.mainFrame()) guarded.topRequests.push(req.url());
  });
  // Requests in flight in any frame, and when the last one started or ended.
  guarded.network = { inflight: 0, last: Date.now() };
  const touch = (delta) => {
    guarded.network.inflight += delta;
    guarded.network.last = Date.now();
  };
  page.on('request', () => touch(1));
  page.on('requestfinished', () => touch(-1));
  page.on('requestfailed', () => touch(-1));
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (err) {
    await guarded.close();
    throw err;
  }
  return guarded;
}

/**
 * Runs `fn(page, g)` on the host page `url` (openGuarded, with `options`), then fails on what `problems(g)` lists
 * (default: every problem; null when `fn` checks them itself), and closes the page.
 */
export async function withHostPage(env, url, fn, { problems = (g) => g.problems(), ...options } = {}) {
  const g = await openGuarded(env, url, options);
  try {
    await fn(g.page, g);
    if (problems) assert.deepEqual(problems(g), []);
  } finally {
    await g.close();
  }
}

/**
 * Waits until no request of any frame has been in flight for `quietMs`.
 * Playwright's own "networkidle" is not used for pages with embeds: a frame
 * that was idle once and then requests again (an off-screen embed starts
 * its app on a timer) never counts as idle again there.
 */
export async function networkQuiet(g, quietMs = 1500) {
  await waitFor(() => g.network.inflight <= 0 && Date.now() - g.network.last >= quietMs, {
    message: `no request in flight for ${quietMs} ms`,
  });
}

/**
 * `g.problems()` minus the console errors located in the frame at `frameUrl`
 * (harness.mjs appends each console message's location): lets the tests of
 * one embed leave out another embed that has tests of its own.
 */
export function problemsExcept(g, frameUrl) {
  return g.problems().filter((p) => !(p.startsWith('console error:') && p.endsWith(`(${frameUrl}:0)`)));
}

/** Adds an iframe of another document (a srcdoc) to the host page; returns its Frame once loaded. */
export async function addForeignFrame(page) {
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.title = 'foreign';
    f.srcdoc = '<p>foreign</p>';
    document.body.append(f);
    return new Promise((r) => f.addEventListener('load', r, { once: true }));
  });
  return page.frames().find((f) => f.url() === 'about:srcdoc');
}

/** The embed divs on the host page (the class is the embed's public API). */
export function embedDiv(page, index) {
  return page.locator('.stackweigh-embed').nth(index);
}

/** The loader's iframe inside the index-th embed div. */
export function embedIframe(page, index) {
  return embedDiv(page, index).locator('iframe');
}

/** Waits for the index-th embed's iframe and its Frame (whose document has loaded). */
export async function embedFrame(page, index) {
  const iframe = embedIframe(page, index);
  await iframe.waitFor({ state: 'attached' });
  return waitFor(
    async () => {
      const frame = await (await iframe.elementHandle()).contentFrame();
      if (!frame || frame.url() === 'about:blank') return false;
      await frame.waitForLoadState('load');
      return frame;
    },
    { message: `embed ${index}'s iframe document` },
  );
}

/**
 * The blog post's plain `<iframe class="plain-embed" sandbox>`, scrolled to, once its document
 * has fired `load` (every stylesheet and script of it has loaded or failed,
 * so console errors about them have been reported).
 */
export async function sandboxedFrame(page) {
  const iframe = page.locator('iframe.plain-embed');
  await iframe.scrollIntoViewIfNeeded();
  const frame = await waitFor(
    async () => {
      const f = await (await iframe.elementHandle()).contentFrame();
      return f && f.url() !== 'about:blank' ? f : false;
    },
    { message: 'the sandboxed iframe document' },
  );
  await frame.waitForLoadState('load');
  return frame;
}

/** Parsed query of an embed iframe's src (and the raw src). */
export async function embedSrc(page, index) {
  const raw = await embedIframe(page, index).getAttribute('src');
  const url = new URL(raw);
  return { raw, url, params: Object.fromEntries(url.searchParams) };
}

/** The iframe's rendered height on the host page and its document's size. */
export async function frameMetrics(page, index, frame) {
  const iframeHeight = await embedIframe(page, index).evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  return { iframeHeight, ...inner };
}

/** Waits until the iframe is as tall as its document (±2px) with no vertical scrollbar. */
export async function waitForFit(page, index, frame, { extra = () => true, message = '' } = {}) {
  let last;
  try {
    return await waitFor(
      async () => {
        last = await frameMetrics(page, index, frame);
        const fits = Math.abs(last.iframeHeight - last.scrollHeight) <= 2 && last.scrollHeight <= last.clientHeight + 1;
        return fits && extra(last) ? last : false;
      },
      { message: `embed ${index} to fit its content${message}` },
    );
  } catch (err) {
    err.message += ` — last metrics ${JSON.stringify(last)}`;
    throw err;
  }
}

/** Height messages the top page has received so far. */
export function messages(page) {
  return page.evaluate(() => window.__swMessages.slice());
}

/**
 * Waits until the top page has seen the message tagged `tag`: the loader's
 * listener runs in the same dispatch, so by then it has handled it.
 */
export async function waitForMessageTag(page, tag) {
  await waitFor(async () => (await messages(page)).some((m) => m.tag === tag || m.raw?.includes(tag)), { message: `message "${tag}" to arrive` });
}

/** Relative luminance (0 = black, 1 = white) of the first opaque background among body, html. */
export async function backgroundLuminance(frame) {
  const colours = await frame.evaluate(() => [document.body, document.documentElement].map((el) => getComputedStyle(el).backgroundColor));
  for (const c of colours) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
      const s = Number(v) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return { luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b, colour: c, colours };
  }
  return { luminance: null, colours };
}
