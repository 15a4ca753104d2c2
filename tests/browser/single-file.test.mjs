// dist/stackweigh.html: the whole product in one file. Copied alone into an
// empty folder and opened from disk (file://), it renders the
// recommendation, answers a slider and shows "Why?" with no request but for
// itself (and data:/blob: URLs it makes), and registers no service worker.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadData } from '../support/data.mjs';
import { launchChromium } from './harness.mjs';
import { DIST, cspViolations, moveSlider, openPage, openWhy, requireDist, waitForApp } from './dist-helpers.mjs';

describe('single-file bundle', () => {
  let browser;
  let dir;
  let fileUrl;
  before(async () => {
    requireDist('stackweigh.html');
    dir = mkdtempSync(path.join(tmpdir(), 'stackweigh-single-'));
    copyFileSync(path.join(DIST, 'stackweigh.html'), path.join(dir, 'stackweigh.html'));
    fileUrl = pathToFileURL(path.join(dir, 'stackweigh.html')).href;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('is one file that names nothing to load beside it', () => {
    const html = readFileSync(path.join(DIST, 'stackweigh.html'), 'utf8');
    // (assert.ok, not match: a failure must not print half a megabyte.)
    const head = html.slice(0, html.indexOf('<body>'));
    const loads = head.match(/\s(?:src|href)=(?!"?data:)[^\s>]*/gi);
    assert.equal(loads, null, 'every src/href in the head is a data: URL');
    assert.ok(!/sw-register|manifest\.webmanifest|\.wasm\b/.test(head), 'no service worker, manifest or wasm file named');
    assert.ok(html.includes('<script type="text/plain" id="sw-details">'), 'the Why? text inline');
    assert.ok(head.includes('<style>'), 'the stylesheet inline');
  });

  test('opened from disk it works: recommendation, slider, Why?, only file: requests', async () => {
    const requests = [];
    const g = await openPage(browser, { allowRequest: (url) => url.startsWith('file:') });
    g.context.on('request', (request) => requests.push(request.url()));
    try {
      await g.page.goto(fileUrl, { waitUntil: 'load' });
      await g.app.heading().waitFor({ state: 'visible' });
      await waitForApp(g.app);
      const text = await g.app.recommendationText();
      assert.ok(loadData().options.some((o) => text.includes(o.name)), `the recommendation names an option: ${text}`);
      await moveSlider(g.app);
      await openWhy(g.app);
      await g.page.waitForLoadState('networkidle');

      // The file itself, also as the embed dialog's preview (?embed=1).
      const elsewhere = requests.filter((url) => url.replace(/[?#].*$/, '') !== fileUrl && !/^(data|blob):/.test(url));
      assert.deepEqual(elsewhere, [], 'no request but the file itself');
      assert.ok(await g.page.evaluate(() => !navigator.serviceWorker?.controller), 'no service worker controls it');
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });
});
