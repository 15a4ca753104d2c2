// Retiring the service worker (README, Deploy): a reader whose browser runs stackweigh's worker gets the
// page from its cache; once the host serves assets/sw-retire.js in place of sw.js, the reader's next visit
// installs it, it deletes the old caches and unregisters, the tab reloads, and from then on the page
// comes from the network.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST, REPO } from '../support/paths.mjs';
import { waitFor } from '../support/waits.mjs';
import { launchChromium, liveRecommendation } from './harness.mjs';

/** What the page's origin holds: its controller, registrations and stackweigh's caches (null mid-navigation). */
const workerState = (page) =>
  page
    .evaluate(async () => ({
      controlled: !!navigator.serviceWorker.controller,
      registrations: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).filter((key) => key.startsWith('stackweigh ')).length,
    }))
    .catch(() => null);

describe('retiring the service worker', () => {
  let root;
  let server;
  let browser;
  const pageRequests = [];
  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'stackweigh-retire-'));
    cpSync(DIST, root, { recursive: true });
    const record = (method, urlPath, status) => urlPath === '/index.html' && pageRequests.push(status);
    server = await startServer({ root, port: 0, headersFile: path.join(root, '_headers'), onResponse: record });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('sw-retire.js in place of sw.js unregisters the old worker, deletes its caches, and the page then loads from the network', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      const url = `${server.url}index.html`;
      await page.goto(url);
      await liveRecommendation(page).waitFor({ state: 'visible' });
      await waitFor(async () => {
        const state = await workerState(page);
        return state?.controlled && state.caches === 1;
      }, { message: 'the service worker in control, its cache filled' });

      // While it runs, a visit is answered from its cache: the server never sees the page.
      pageRequests.length = 0;
      await page.reload();
      await liveRecommendation(page).waitFor({ state: 'visible' });
      assert.deepEqual(pageRequests, [], 'the page came from the cache');

      copyFileSync(path.join(REPO, 'assets', 'sw-retire.js'), path.join(root, 'sw.js'));
      // The reader comes back: the browser checks sw.js, installs the retiring worker, which reloads the tab.
      await page.reload();
      await waitFor(async () => {
        const state = await workerState(page);
        return state && !state.controlled && state.registrations === 0 && state.caches === 0;
      }, { message: 'no controller, no registration, no stackweigh cache' });
      assert.ok(pageRequests.length >= 1, 'the retiring worker reloaded the tab from the network');

      pageRequests.length = 0;
      await page.reload();
      await liveRecommendation(page).waitFor({ state: 'visible' });
      assert.equal(pageRequests.length, 1, 'the next visit asks the server for the page');
      await waitFor(async () => {
        const state = await workerState(page);
        return state && !state.controlled && state.registrations === 0 && state.caches === 0;
      }, { message: 'still nothing installed after the page registered sw.js (the retiring worker) again' });
    } finally {
      await context.close();
    }
  });
});
