// The boot script (assets/boot.js), written once for both engines: an embed in a host page costs nothing
// (no glue, no wasm, no service worker, at most 15 kB gzip in all) until the reader shows intent, a pointer
// over it or a Tab into it; the page itself starts its app right after its first paint, without any input.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../paths.mjs';
import { ACAO, embedSnippet, hostPage, makeSiteRoot, siteSet } from '../sites.mjs';
import { embedIframe, waitForFit } from './embeds.mjs';

// What an untouched embed may cost its host page, gzip: HTML, CSS, boot script and everything else the
// iframe fetched, plus embed.js. 15 kB as README counts it (1 kB = 1000 bytes).
export const BUDGET = 15_000;

/** The app's JS glue and wasm, as the built page's boot script tag names them. */
export function appFiles() {
  const page = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const named = (attribute) => {
    const found = new RegExp(`${attribute}=["']?\\.?/?([^"'\\s>]+)`).exec(page);
    assert.ok(found, `dist/index.html has a ${attribute} attribute`);
    return found[1];
  };
  return [named('data-glue'), named('data-wasm')];
}

/** The URLs among `urls` whose file name is one of `names`. */
export const named = (urls, names) => urls.filter((url) => names.includes(path.posix.basename(new URL(url).pathname)));

/** The widget (dist/ and embed.js, CORS for all) on one port, and a blog post embedding it (ML / AI) on another. */
export async function bootSite() {
  const sites = siteSet();
  const siteRoot = makeSiteRoot();
  const widget = await sites.serve(siteRoot, { headers: ACAO });
  const embed = embedSnippet(widget.url, { attributes: ' data-preset="ml_ai"' });
  const host = await sites.host({ 'post.html': hostPage(`<h1>A blog post</h1>${embed}`, { messages: true }) });
  return { postUrl: `${host}post.html`, widgetOrigin: new URL(widget.url).origin, siteRoot, close: () => sites.close() };
}

/** Resolves once what the engine sees requested (app.requestsSeen) has not grown for `quietMs` (longer than the page's one-second start timer). */
async function quiet(app, iframe, quietMs = 1500) {
  let count = -1;
  let since = Date.now();
  let seen = [];
  await app.waitFor(async () => {
    seen = await app.requestsSeen(iframe);
    if (seen.length !== count) [count, since] = [seen.length, Date.now()];
    return Date.now() - since >= quietMs;
  }, { message: `no new request for ${quietMs} ms` });
  return seen;
}

/** No service worker registered for the embed, and (where the engine can tell) none running. */
async function assertNoServiceWorker(app, iframe) {
  const registrations = await app.inFrame(iframe, (frame) => frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)));
  assert.equal(registrations, 0, 'no service worker registration');
  if (app.runningServiceWorkers) assert.equal(app.runningServiceWorkers(), 0, 'no service worker running');
}

/** The host page with its embed loaded and left alone, once nothing more is requested: its iframe and what was requested. */
async function untouchedEmbed(app, postUrl) {
  await app.goto(postUrl);
  const iframe = await embedIframe(app, 0);
  await app.inFrame(iframe, (frame) =>
    frame.waitFor(() => frame.evaluate(() => document.readyState === 'complete' && document.documentElement.hasAttribute('data-embed')), {
      message: 'the embed document, marked as an embed',
    }),
  );
  return { iframe, seen: await quiet(app, iframe) };
}

/** Waits for the live app in the embed, then for glue and wasm to have been requested once each. */
async function assertStarted(app, iframe, because) {
  await app.inFrame(iframe, (frame) => frame.waitForLive(`the live app in the embed ${because}`));
  const started = named(await app.requestsSeen(iframe), appFiles());
  assert.equal(started.length, 2, `glue and wasm, once each: ${started}`);
}

export const embedBootJourneys = [
  {
    name: `before intent: embed layout, its height posted, no glue, no wasm, no service worker, at most ${BUDGET / 1000} kB gzip`,
    open: { load: false },
    async run(app, { postUrl, widgetOrigin, siteRoot, t }) {
      const { iframe, seen } = await untouchedEmbed(app, postUrl);
      await waitForFit(app, iframe, { message: ' (the boot script posts the height before the app runs)' });
      assert.deepEqual(named(seen, appFiles()), [], `no glue or wasm before intent: ${seen}`);
      assert.deepEqual(named(seen, ['sw.js']), [], 'no service worker script request');
      await assertNoServiceWorker(app, iframe);
      assert.equal((await app.inFrame(iframe, (frame) => frame.css('main#stackweigh[data-prerendered]'))).length, 1, 'the prerendered view is still there');

      const sizes = [...new Set(seen)].filter((url) => new URL(url).origin === widgetOrigin).map((url) => {
        const { pathname } = new URL(url);
        const file = path.join(siteRoot, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
        return [pathname, gzipSync(readFileSync(file)).length];
      });
      const total = sizes.reduce((sum, [, size]) => sum + size, 0);
      t.diagnostic(`untouched embed: ${total} bytes gzip in all (${sizes.map(([p, s]) => `${p} ${s}`).join(', ')})`);
      assert.ok(total <= BUDGET, `an untouched embed costs ${total} bytes gzip, budget ${BUDGET}: ${JSON.stringify(sizes)}`);
    },
  },
  {
    name: 'a pointer over the embed starts the app, still without a service worker',
    open: { load: false },
    async run(app, { postUrl }) {
      const { iframe, seen } = await untouchedEmbed(app, postUrl);
      assert.deepEqual(named(seen, appFiles()), [], 'nothing before the pointer');
      await iframe.hover();
      await assertStarted(app, iframe, 'after the pointer came over it');
      await quiet(app, iframe);
      await assertNoServiceWorker(app, iframe);
    },
  },
  {
    name: 'focus from the keyboard (Tab from the host page into the embed) starts the app',
    open: { load: false },
    async run(app, { postUrl }) {
      const { iframe, seen } = await untouchedEmbed(app, postUrl);
      assert.deepEqual(named(seen, appFiles()), [], 'nothing before the key');
      await app.press('Tab');
      await assertStarted(app, iframe, 'after a Tab into it');
    },
  },
];

export const pageBootJourney = {
  name: 'the page loads the app without any input',
  open: { load: false },
  async run(app, { url }) {
    await app.goto(url);
    await app.waitForLive();
    assert.equal(named(await app.requestsSeen(), appFiles()).length, 2, 'glue and wasm, once each');
  },
};
