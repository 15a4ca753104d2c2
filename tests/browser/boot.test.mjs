// The boot script (assets/boot.js). The journeys both engines run (tests/support/journeys/boot.mjs): an
// embed in a host page costs nothing (no glue, no wasm, no service worker, at most 15 kB gzip) until the
// reader shows intent; the page starts its app without any input. Chromium's alone: every spelling of
// `embed` paints the embed layout first (read at the first animation frame by an init script, which
// WebDriver classic cannot add), and the page's service worker precaches the page once, under the URL
// it was loaded from (the server's log of what it sent, with service workers that Playwright can wait for).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootSite, embedBootJourneys, pageBootJourney } from '../support/journeys/boot.mjs';
import { waitFor } from '../support/waits.mjs';
import { liveRecommendation } from './harness.mjs';
import { describeWithBrowser, localHttp, openPage, serviceWorkerActive } from './dist-helpers.mjs';
import { describeJourneys, describeWithEnv, withApp } from './runner.mjs';

describeJourneys('an embed in a host page starts at the first intent', embedBootJourneys, {
  setup: bootSite,
  // Service workers allowed (none may register) and no route, as for a reader.
  open: { serviceWorkers: 'allow', abortExternal: false, allowRequest: localHttp },
});
describeJourneys('the page starts by itself', [pageBootJourney]);

/** Resolves once `seen` has not grown for `quietMs` (longer than the page's one-second start timer). */
async function quiet(seen, quietMs = 1500) {
  let count = -1;
  let since = Date.now();
  await waitFor(
    () => {
      if (seen.length !== count) {
        count = seen.length;
        since = Date.now();
      }
      return Date.now() - since >= quietMs;
    },
    { message: `no new request for ${quietMs} ms` },
  );
}

describeWithEnv('the first paint', (env) => {
  /** Before any of the page's scripts: <html>'s attributes at the first animation frame, and whether the app had been requested by then. */
  function recordFirstFrame() {
    requestAnimationFrame(() => {
      const html = document.documentElement;
      window.__firstFrame = {
        embed: html.hasAttribute('data-embed'),
        theme: html.getAttribute('data-theme'),
        wasm: performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')),
      };
    });
  }

  /** What recordFirstFrame saw for `index.html${query}`; a top-level page starts the app by itself, embed or not. */
  async function firstFrame(query) {
    let first;
    await withApp(env, async (app) => {
      first = await waitFor(() => app.evaluate(() => window.__firstFrame), { message: 'the first frame' });
      await app.waitForLive();
    }, { path: `index.html${query}`, init: recordFirstFrame });
    return first;
  }

  for (const query of ['?embed', '?embed=1', '?embed=true', '?preset=ml_ai&embed=&theme=dark']) {
    test(`${query} paints the embed layout first`, async () => {
      const first = await firstFrame(query);
      assert.equal(first.embed, true, `data-embed before the first paint: ${JSON.stringify(first)}`);
      assert.equal(first.wasm, false, 'before the app was requested');
    });
  }

  test('?embed=0 and ?theme=purple paint the page in the system colours; ?theme=light paints it light', async () => {
    assert.deepEqual(await firstFrame('?embed=0&theme=purple'), { embed: false, theme: null, wasm: false });
    assert.deepEqual(await firstFrame('?theme=light'), { embed: false, theme: 'light', wasm: false });
  });
});

describeWithBrowser('service worker registration', ['sw.js'], (env) => {
  const SUB_PATH = 'tools/stackweigh/';
  /** dist/ under SUB_PATH, on a server that notes the path of every file it sends. */
  const serveCopy = () => env.serveCopy(SUB_PATH);

  test("the page's worker fetches the page once more, at the URL the page was loaded from, and caches it as index.html", async () => {
    const { sent, url } = await serveCopy();
    const g = await openPage(env.browser);
    try {
      await g.page.goto(url, { waitUntil: 'load' });
      await liveRecommendation(g.page).waitFor({ state: 'visible' });
      const worker = await serviceWorkerActive(g.page);
      const pages = sent.filter((p) => p === `/${SUB_PATH}` || p === `/${SUB_PATH}index.html`);
      assert.deepEqual(pages, [`/${SUB_PATH}`, `/${SUB_PATH}`], 'the navigation, then the worker revalidating the same URL; never index.html besides');
      const cached = await g.page.evaluate(
        async ([name, page]) => (await (await caches.open(name)).match(page)) !== undefined,
        [worker.caches[0], `${url}index.html`],
      );
      assert.ok(cached, 'the page is cached as index.html');
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  test('an embed opened on its own never registers the worker', async () => {
    const { sent, url } = await serveCopy();
    const g = await openPage(env.browser);
    try {
      await g.page.goto(`${url}index.html?embed=1`, { waitUntil: 'load' });
      await liveRecommendation(g.page).waitFor({ state: 'visible' });
      await quiet(g.requests);
      assert.equal(await g.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
      assert.ok(!sent.includes(`/${SUB_PATH}sw.js`), 'sw.js never requested');
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });
});
