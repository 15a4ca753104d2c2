// The reports worker (reports: team view, decision record), started from the page as its shell will:
// the boot script tag's data-reports names the worker script; it posts ["ready"], then answers the issue's
// team request (Ana and Ben, pasted as real share links) with a team link and a team view naming both.
// The page's first load fetches none of it; it works on the page, from the single file opened from disk
// (a blob: worker) and offline after one visit that started it (the service worker caches it on first use,
// and a visit that never starts it fetches none of it, service worker included); no CSP violation, no
// console error, no request but the bundle's own.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';
import { askReportsWorker, teamAnswerProblems, teamRequest } from '../support/reports.mjs';
import { TIMEOUT_MS } from '../support/waits.mjs';
import { launchChromium } from './harness.mjs';
import { DIST, copyDist, cspViolations, openPage, requireDist, serviceWorkerActive, waitForApp } from './dist-helpers.mjs';

const WORKER_FILE = /\/reports-[0-9a-f]{16}(?:_bg\.wasm|\.js)$/;

/** The worker's run of the team request in `g`'s page, checked. */
async function askTeam(g) {
  const result = await g.page.evaluate(askReportsWorker, { request: teamRequest(g.page.url()), timeoutMs: TIMEOUT_MS });
  assert.deepEqual(teamAnswerProblems(result), []);
  return result;
}

describe('reports worker', () => {
  let browser;
  const cleanup = [];
  before(async () => {
    requireDist('stackweigh.html', 'sw.js');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

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
    const g = await openPage(browser, { serviceWorkers: 'block' });
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

      // The decision record, the worker's other request.
      const record = await g.page.evaluate(askReportsWorker, { request: ['record', '', g.page.url(), ''], timeoutMs: TIMEOUT_MS });
      assert.equal(record.error, undefined, record.error);
      assert.equal(record.replies[1][0], 'record');
      assert.ok(record.replies[1][1].includes('Node.js') && record.replies[1][1].includes('Python'), 'a record of the two options');
      assert.deepEqual(await cspViolations(g.page), []);
      // Blocked here so that its precache (which fetches the worker too) is not taken for the page's load.
      const playwrights = (p) => p.endsWith('Service Worker registration blocked by Playwright ()');
      assert.deepEqual(g.problems().filter((p) => !playwrights(p)), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  test('the single file opened from disk starts it from a blob: URL, with no request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stackweigh-reports-single-'));
    cleanup.push(dir);
    copyFileSync(path.join(DIST, 'stackweigh.html'), path.join(dir, 'stackweigh.html'));
    const fileUrl = pathToFileURL(path.join(dir, 'stackweigh.html')).href;
    const requests = [];
    const g = await openPage(browser, { allowRequest: (url) => url.startsWith('file:') });
    g.context.on('request', (request) => requests.push(request.url()));
    try {
      await g.page.goto(fileUrl, { waitUntil: 'load' });
      await waitForApp(g.app);
      const { url } = await askTeam(g);
      assert.match(url, /^blob:/);
      const elsewhere = requests.filter((u) => u.replace(/[?#].*$/, '') !== fileUrl && !/^(data|blob):/.test(u));
      assert.deepEqual(elsewhere, [], 'no request but the file itself');
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  /** The cached URLs of the worker's files, in the page's service worker cache. */
  const cachedWorkerFiles = (page, key) =>
    page.evaluate(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url), key).then((urls) => urls.filter((u) => WORKER_FILE.test(new URL(u).pathname)));

  test("a first visit that never starts it fetches none of it, not even through the service worker's install", async () => {
    const served = [];
    const server = await startServer({ root: DIST, port: 0, onResponse: (method, urlPath) => served.push(urlPath) });
    const g = await openPage(browser);
    try {
      await g.page.goto(server.url, { waitUntil: 'load' });
      await waitForApp(g.app);
      const { caches } = await serviceWorkerActive(g.page);
      await g.page.waitForLoadState('networkidle');
      assert.ok(served.includes('/sw.js'), 'the service worker was installed');
      const cached = await g.page.evaluate(async (key) => (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname), caches[0]);
      assert.ok(cached.some((p) => /\/stackweigh-[0-9a-f]{16}_bg\.wasm$/.test(p)), `the app is precached: ${cached}`);
      assert.deepEqual(cached.filter((p) => WORKER_FILE.test(p)), [], 'nothing of the worker in the cache');
      assert.deepEqual(served.filter((p) => /reports/.test(p)), [], 'the server never sent a worker file');
      const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
      assert.match(sw, /const ON_USE = \["reports-[0-9a-f]{16}\.js","reports-[0-9a-f]{16}_bg\.wasm"\];/, 'sw.js knows them, to cache on use');
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  test("started before the service worker takes over (a team link's first visit), it is kept from the browser's cache, not downloaded again", async () => {
    const served = [];
    const server = await startServer({ root: DIST, port: 0, onResponse: (method, urlPath) => served.push(urlPath) });
    const g = await openPage(browser);
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
    const { root } = copyDist('tools/stackweigh/');
    cleanup.push(root);
    const served = [];
    const server = await startServer({ root, port: 0, onResponse: (method, urlPath) => served.push(urlPath) });
    const url = `${server.url}tools/stackweigh/`;
    const g = await openPage(browser);
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
});
