// Offline after one visit (dist/sw.js, registered by sw-register.js): with
// the server stopped, the page and the embed still load, answer a slider
// and show the "Why?" text. The bundle is served from a sub-path to prove
// the relative URLs and the './' scope. A new version waiting to take over
// is offered with a "Reload" button that switches to it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '../support/waits.mjs';
import { moveFirstSliderToAnEnd, openFirstWhy } from '../support/journeys/page.mjs';
import { cspViolations, describeWithBrowser, openPage, serviceWorkerActive, waitForApp } from './dist-helpers.mjs';

const SUB_PATH = 'tools/stackweigh/';

describeWithBrowser('service worker', ['sw.js'], (env) => {
  const serveCopy = () => env.serveCopy(SUB_PATH);

  test('after one visit the page and the embed work with the server stopped', async () => {
    const { server, url } = await serveCopy();
    const g = await openPage(env.browser);
    try {
      await g.page.goto(url, { waitUntil: 'load' });
      await waitForApp(g.app);
      const worker = await serviceWorkerActive(g.page);
      assert.equal(worker.scope, url, 'scope is the bundle folder');
      assert.equal(worker.script, `${url}sw.js`);
      assert.equal(worker.caches.length, 1, `one cache: ${worker.caches}`);
      // The first visit is over once nothing is in flight (its favicon
      // request, not yet through the worker, would be cut off otherwise)
      // and the reader has stayed long enough for the page to fetch the
      // "Why?" text it never asked for (20 s, core::page::effect::DETAILS_AFTER_MS),
      // which the worker keeps on use: not before.
      await g.page.waitForLoadState('networkidle');
      const whyText = (r) => /\/details-[0-9a-f]{16}\.txt$/.test(new URL(r.url()).pathname);
      assert.equal(await g.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/details-/.test(e.name))), false, 'not in the first seconds');
      await g.page.waitForResponse(whyText, { timeout: 40_000 });
      await g.page.waitForLoadState('networkidle');

      await server.close();
      await g.page.reload({ waitUntil: 'load' });
      await g.app.heading();
      await waitForApp(g.app);
      await moveFirstSliderToAnEnd(g.app);
      await openFirstWhy(g.app);

      // The embed, never opened before: its URL differs only by the query.
      await g.page.goto(`${url}index.html?embed=1&preset=ml_ai`, { waitUntil: 'load' });
      await waitForApp(g.app);
      assert.ok(await g.page.evaluate(() => document.documentElement.hasAttribute('data-embed')), 'embed mode');
      await moveFirstSliderToAnEnd(g.app);
      await openFirstWhy(g.app);

      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });

  test('a waiting new version is offered with a Reload button that switches to it', async () => {
    const { dir, server, url } = await serveCopy();
    const g = await openPage(env.browser);
    try {
      await g.page.goto(url, { waitUntil: 'load' });
      await waitForApp(g.app);
      const first = await serviceWorkerActive(g.page);
      // Controlled from the second visit on; a first install offers nothing.
      await g.page.reload({ waitUntil: 'load' });
      await waitForApp(g.app);
      assert.ok(await g.page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled after a reload');
      assert.equal(await g.page.locator('.sw-update').count(), 0, 'no notice without an update');

      // A new release: same files, new cache version.
      const file = path.join(dir, 'sw.js');
      const source = readFileSync(file, 'utf8');
      const updated = source.replace(/const CACHE = PREFIX \+ "([0-9a-f]+)";/, 'const CACHE = PREFIX + "0123456789abcdef";');
      assert.notEqual(updated, source, 'sw.js names its cache version');
      // Same size, so the server's validator (size and mtime in whole seconds) must see a later
      // second, as a real deploy's would: a write within the second the copy was made got a 304.
      const copied = statSync(file).mtimeMs;
      writeFileSync(file, updated);
      utimesSync(file, new Date(), new Date(Math.max(Date.now(), copied + 2000)));

      // The browser looks for it on the next visit.
      await g.page.reload({ waitUntil: 'load' });
      const notice = g.page.getByRole('status').filter({ hasText: 'A new version is available' });
      await notice.waitFor({ state: 'visible' });
      const reload = notice.getByRole('button', { name: 'Reload', exact: true });
      assert.equal(await reload.count(), 1, 'a Reload button in the notice');

      await Promise.all([g.page.waitForNavigation({ waitUntil: 'load' }), reload.click()]);
      await waitForApp(g.app);
      const caches = await waitFor(
        async () => {
          const keys = await g.page.evaluate(() => caches.keys());
          return keys.length === 1 && keys[0].endsWith('0123456789abcdef') ? keys : false;
        },
        { message: 'the old cache to be replaced by the new one' },
      );
      assert.notDeepEqual(caches, first.caches);
      assert.equal(await g.page.locator('.sw-update').count(), 0, 'the notice is gone after the switch');
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
      await server.close();
    }
  });
});
