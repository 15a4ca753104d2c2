// The reports worker (reports) in the second engine, on its main path: the page loads none of it,
// nor does its service worker's install; then the page starts it from the boot tag's data-reports, it
// posts ["ready"] and answers the team request (Ana and Ben, pasted as real share links), and
// the service worker caches its two files on that first use; the single file opened from disk does the same
// from its blob: URL. No console error, no request leaving 127.0.0.1. The Chromium counterpart (with the
// CSP and offline checks) is tests/browser/reports-worker.test.mjs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { askReportsWorker, teamAnswerProblems, teamRequest } from '../support/reports.mjs';
import { DIST, TIMEOUT_MS, startFirefoxEnv, waitFor } from './harness.mjs';

/** Every resource the page has fetched, by URL. */
const resources = (session) => session.execute(() => performance.getEntriesByType('resource').map((e) => e.name));

/** The live app, not the prerendered markup. */
const live = (session) =>
  waitFor(() => session.execute(() => !!document.querySelector('main#stackweigh:not([data-prerendered])')), {
    message: 'the live app to replace the prerendered markup',
  });

describe('Firefox: the reports worker', () => {
  let env;
  let dir;
  before(async () => {
    const single = path.join(DIST, 'stackweigh.html');
    if (!existsSync(single)) throw new Error(`${single} missing: build first with \`trunk build --release --offline\``);
    dir = mkdtempSync(path.join(tmpdir(), 'stackweigh-ff-reports-'));
    copyFileSync(single, path.join(dir, 'stackweigh.html'));
    env = await startFirefoxEnv();
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The worker's run of the team request in the current page, checked. */
  async function askTeam(pageUrl) {
    const result = await env.session.execute(askReportsWorker, { request: teamRequest(pageUrl), timeoutMs: TIMEOUT_MS });
    assert.deepEqual(teamAnswerProblems(result), []);
    return result;
  }

  /** The worker's files in the page's service worker cache (the session's first page: a fresh profile). */
  const cachedWorkerFiles = (session) =>
    session.execute(async () => {
      const urls = [];
      for (const key of await caches.keys()) urls.push(...(await (await caches.open(key)).keys()).map((r) => r.url));
      return urls.filter((u) => /\/reports-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u));
    });

  test('the page loads none of it, then starts it and gets a team back; its service worker caches it then, not before', async () => {
    const { session } = env;
    await session.navigate(env.url);
    await live(session);
    await waitFor(() => session.execute(() => document.readyState === 'complete'), { message: 'the load' });
    const loaded = await resources(session);
    assert.ok(loaded.some((u) => /\/stackweigh-[0-9a-f]{16}_bg\.wasm$/.test(u)), 'the app has loaded');
    assert.deepEqual(loaded.filter((u) => /reports/.test(u)), [], 'no worker file on the first load');
    // The service worker installs, takes over this page, and precaches nothing of the worker.
    await waitFor(() => session.execute(() => !!navigator.serviceWorker.controller), { message: 'the service worker to control the page' });
    assert.deepEqual(await cachedWorkerFiles(session), [], 'not precached');

    const { url } = await askTeam(env.url);
    assert.match(url, /^\.\/reports-[0-9a-f]{16}\.js$/);
    const cached = await waitFor(async () => ((await cachedWorkerFiles(session)).length === 2 ? cachedWorkerFiles(session) : false), {
      message: 'the script and its wasm to be cached on their first use',
    });
    assert.deepEqual(cached.map((u) => new URL(u).pathname.replace(/[0-9a-f]{16}/, 'H')).sort(), ['/reports-H.js', '/reports-H_bg.wasm']);
    assert.deepEqual(env.problems(), []);
  });

  test('the single file opened from disk starts it from a blob: URL', async () => {
    const { session } = env;
    const fileUrl = pathToFileURL(path.join(dir, 'stackweigh.html')).href;
    await session.navigate(fileUrl);
    await live(session);
    const { url } = await askTeam(fileUrl);
    assert.match(url, /^blob:/);
    assert.deepEqual(env.problems([fileUrl]), []);
  });
});
