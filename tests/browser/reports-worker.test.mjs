// The reports worker (reports: team view, decision record), started from the page as its shell will. The
// journeys both engines run (tests/support/journeys/files.mjs): the page's first load fetches none of it,
// then it answers a team and a record and the service worker caches it on that first use; the single file
// starts it from a blob: URL. What only Chromium checks here: the page names it once; every request the
// page and the worker make (Playwright sees the worker's own, WebDriver classic sees none); no CSP
// violation (recorded by an init script, which WebDriver classic cannot add); a service worker install
// that fetches none of it; a worker started before the service worker takes over is kept from the
// browser's cache; and it works offline after one visit that started it, the exports it makes (Markdown
// table, chart file, embed snippets) included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { reportsWorkerJourneys, singleFileSite } from '../support/journeys/files.mjs';
import { askTeam as askWorker } from '../support/reports.mjs';
import { DIST, cspViolations, describeWithBrowser, localHttp, openPage, serviceWorkerActive, waitForApp } from './dist-helpers.mjs';
import { describeJourneys } from './runner.mjs';

const WORKER_FILE = /\/reports-[0-9a-f]{16}(?:_bg\.wasm|\.js)$/;

/** The worker's run of the team request in `g`'s page, checked. */
const askTeam = (g) => askWorker(g.app, g.page.url());

const noCspViolation = async (app) => assert.deepEqual(await cspViolations(app.page), []);
const [pageJourney, singleFileJourney] = reportsWorkerJourneys;
// Service workers run, and no route: the HTTP cache and the worker's cache work as for a reader.
describeJourneys('reports worker, on the page', [pageJourney], {
  open: { serviceWorkers: 'allow', abortExternal: false, allowRequest: localHttp },
  check: noCspViolation,
});
describeJourneys('reports worker, in the single file', [singleFileJourney], {
  setup: singleFileSite,
  // No request but the file itself, and the data: and blob: URLs it makes.
  open: ({ fileUrl }) => ({ serviceWorkers: 'allow', abortExternal: false, allowRequest: (u) => u.replace(/[?#].*$/, '') === fileUrl }),
  check: noCspViolation,
});

describeWithBrowser('reports worker', ['stackweigh.html', 'sw.js'], (env) => {

  test('the page names it once, in the boot tag, and preloads nothing of it', () => {
    const page = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const mentions = page.match(/reports-[^"'\s>]*/g) ?? [];
    assert.equal(mentions.length, 1, `one mention: ${mentions}`);
    assert.match(page, /<script data-reports=\.\/reports-[0-9a-f]{16}\.js [^>]*data-wasm=[^>]*src=\.\/boot\.js>/);
    const script = mentions[0];
    const wasm = script.replace(/\.js$/, '_bg.wasm');
    for (const file of [script, wasm]) assert.ok(readFileSync(path.join(DIST, file)).length > 0, `${file} in dist/`);
  });

  test("the page's first load fetches none of it; started from the page, it answers a team", async () => {
    const server = await startServer({ root: DIST, port: 0 });
    const g = await openPage(env.browser, { serviceWorkers: 'block' });
    const requests = [];
    g.context.on('request', (request) => requests.push(request.url()));
    try {
      await g.page.goto(server.url, { waitUntil: 'load' });
      await waitForApp(g.app);
      await g.page.waitForLoadState('networkidle');
      assert.deepEqual(requests.filter((url) => /reports/.test(url)), [], 'no worker file on the first load');

      const { url } = await askTeam(g);
      assert.match(url, /^\.\/reports-[0-9a-f]{16}\.js$/, 'a relative URL, as the page names its other files');
      const fetched = requests.filter((u) => /reports/.test(u)).map((u) => new URL(u).pathname);
      assert.equal(fetched.length, 2, `the script and its wasm, once each: ${fetched}`);
      assert.ok(fetched.every((p) => WORKER_FILE.test(p)), `${fetched}`);

      assert.deepEqual(await cspViolations(g.page), []);
      // Service workers blocked here so that its precache (which fetches the worker too) is not taken for the page's load.
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  /** The cached URLs of the worker's files, in the page's service worker cache. */
  const cachedWorkerFiles = (page, key) =>
    page.evaluate(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url), key).then((urls) => urls.filter((u) => WORKER_FILE.test(new URL(u).pathname)));

  test("a first visit that never starts it fetches none of it, not even through the service worker's install", async () => {
    const served = [];
    const server = await startServer({ root: DIST, port: 0, onResponse: (method, urlPath) => served.push(urlPath) });
    const g = await openPage(env.browser);
    try {
      await g.page.goto(server.url, { waitUntil: 'load' });
      await waitForApp(g.app);
      const { caches } = await serviceWorkerActive(g.page);
      await g.page.waitForLoadState('networkidle');
      assert.ok(served.includes('/sw.js'), 'the service worker was installed');
      const cached = await g.page.evaluate(async (key) => (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname), caches[0]);
      assert.ok(cached.some((p) => /\/stackweigh-[0-9a-f]{12,16}_bg\.wasm$/.test(p)), `the app is precached: ${cached}`);
      assert.deepEqual(cached.filter((p) => WORKER_FILE.test(p)), [], 'nothing of the worker in the cache');
      assert.deepEqual(served.filter((p) => /reports/.test(p)), [], 'the server never sent a worker file');
      const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
      const onUse = JSON.parse(sw.match(/^const ON_USE = (\[.*\]);$/m)?.[1] ?? 'null');
      assert.deepEqual(onUse?.filter((f) => /^reports-/.test(f)).map((f) => f.replace(/[0-9a-f]{16}/, 'H')), ['reports-H.js', 'reports-H_bg.wasm'], 'sw.js knows them, to cache on use');
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  test("started before the service worker takes over (a team link's first visit), it is kept from the browser's cache, not downloaded again", async () => {
    const served = [];
    const server = await startServer({ root: DIST, port: 0, onResponse: (method, urlPath) => served.push(urlPath) });
    const g = await openPage(env.browser);
    // The page registers its service worker only once the test lets it.
    await g.context.addInitScript(() => {
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        return new Promise((resolve) => (window.__registerNow = () => resolve(register.apply(this, args))));
      };
    });
    try {
      await g.page.goto(server.url, { waitUntil: 'load' });
      await waitForApp(g.app);
      await askTeam(g);
      assert.equal(await g.page.evaluate(() => navigator.serviceWorker.controller), null, 'no service worker yet');
      await g.page.waitForFunction(() => typeof window.__registerNow === 'function');
      await g.page.evaluate(() => window.__registerNow());
      const { caches } = await serviceWorkerActive(g.page);
      await g.page.waitForFunction(() => !!navigator.serviceWorker.controller);
      assert.equal((await cachedWorkerFiles(g.page, caches[0])).length, 2, 'script and wasm in the cache');
      assert.equal(served.filter((p) => /reports/.test(p)).length, 2, `downloaded once each: ${served.filter((p) => /reports/.test(p))}`);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  test('after one visit in which it was started, it works with the server stopped (cached on first use)', async () => {
    const { server, sent: served, url } = await env.serveCopy('tools/stackweigh/');
    const g = await openPage(env.browser);
    try {
      await g.page.goto(url, { waitUntil: 'load' });
      await waitForApp(g.app);
      const { caches } = await serviceWorkerActive(g.page);
      // The service worker takes over the page that installed it.
      await g.page.waitForFunction(() => !!navigator.serviceWorker.controller);
      assert.deepEqual(await cachedWorkerFiles(g.page, caches[0]), [], 'not precached');

      await askTeam(g);
      await g.page.waitForFunction(
        async ([key, source]) => (await (await caches.open(key)).keys()).filter((r) => new RegExp(source).test(new URL(r.url).pathname)).length === 2,
        [caches[0], WORKER_FILE.source],
      );
      assert.equal((await cachedWorkerFiles(g.page, caches[0])).length, 2, 'script and wasm cached on their first use');
      assert.equal(served.filter((p) => /reports/.test(p)).length, 2, `fetched once each: ${served.filter((p) => /reports/.test(p))}`);

      await server.close();
      await g.page.reload({ waitUntil: 'load' });
      await waitForApp(g.app);
      await askTeam(g);
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  test('the exports are made by it on first use, and work with the server stopped after one visit that used one', async () => {
    const { server, sent: served, url } = await env.serveCopy('tools/stackweigh/');
    const g = await openPage(env.browser);
    const download = async (name) => {
      const [file] = await Promise.all([g.page.waitForEvent('download'), (await g.app.button(name)).click()]);
      assert.equal(await file.failure(), null, `${name}: the download completed`);
      return file;
    };
    try {
      await g.page.goto(url, { waitUntil: 'load' });
      await waitForApp(g.app);
      const { caches } = await serviceWorkerActive(g.page);
      await g.page.waitForFunction(() => !!navigator.serviceWorker.controller);
      await g.page.waitForLoadState('networkidle');
      assert.deepEqual(served.filter((p) => /reports/.test(p)), [], 'no worker file before an export');

      // The first use starts the worker; its answer is timed from the click.
      const started = Date.now();
      const svg = await download('Download chart (SVG)');
      const firstUse = Date.now() - started;
      assert.match(svg.suggestedFilename(), /\.svg$/);
      assert.equal(served.filter((p) => /reports/.test(p)).length, 2, `the worker's script and wasm, once each: ${served.filter((p) => /reports/.test(p))}`);
      console.log(`# first chart download, worker started: ${firstUse} ms`);
      await g.page.waitForFunction(
        async ([key, source]) => (await (await caches.open(key)).keys()).filter((r) => new RegExp(source).test(new URL(r.url).pathname)).length === 2,
        [caches[0], WORKER_FILE.source],
      );

      await server.close();
      await g.page.reload({ waitUntil: 'load' });
      await waitForApp(g.app);
      const png = await download('Download chart (PNG)');
      assert.match(png.suggestedFilename(), /\.png$/);
      const bytes = readFileSync(await png.path());
      assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG, offline');
      await (await g.app.button('Embed this')).click();
      const loader = g.page.getByRole('textbox', { name: 'Auto-sizing widget (recommended)' });
      await g.page.waitForFunction(() => document.querySelector('#sw-snippet-loader')?.value.includes('data-state='));
      assert.match(await loader.inputValue(), /^<div class="stackweigh-embed"/, 'the snippets, offline');
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });
});
