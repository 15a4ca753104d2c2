// What the release build adds around the app, written once for both engines: the single file
// (dist/stackweigh.html) copied alone into an empty folder and opened from disk comes alive there; the
// reports worker is fetched on first use only, answers a team and a record, and is cached by the service
// worker then, not before; the single file starts it from a blob: URL.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { loadData } from '../data.mjs';
import { askReportsWorker, askTeam } from '../reports.mjs';
import { copySingleFile } from '../sites.mjs';
import { TIMEOUT_MS } from '../waits.mjs';
import { moveFirstSliderToAnEnd, openFirstWhy } from './page.mjs';

/** The copy of the single file the journeys open (their runners' setup): { fileUrl, close }. */
export function singleFileSite() {
  const { dir, fileUrl } = copySingleFile();
  return { fileUrl, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Opens `url` (the document is at that address at once) and waits for the live app; on time-out says what
 * the page logged (a wasm that fails to compile does).
 */
async function openLive(app, url) {
  await app.goto(url);
  assert.equal(await app.currentUrl(), url, `the document is ${url}`);
  await app.waitForLive(`the live app at ${url}`).catch((err) => {
    err.message += `; problems: ${JSON.stringify(app.problems())}`;
    throw err;
  });
}

export const singleFileJourneys = [
  {
    name: 'opened from disk it works: recommendation, a slider by keyboard, Why?, no service worker, no request but itself, no console error',
    open: { load: false },
    async run(app, { fileUrl }) {
      await openLive(app, fileUrl);
      await app.heading();
      // Role region, accessible name "Recommendation", as the engine computes them.
      await app.recommendation();
      const textBefore = await app.recommendationText();
      assert.ok(loadData().options.some((o) => textBefore.includes(o.name)), `the recommendation names an option: "${textBefore}"`);
      assert.doesNotMatch(textBefore, /\bNaN\b|undefined/);
      const radarBefore = await app.radarPoints();
      assert.ok(Object.keys(radarBefore).length >= 2, 'the radar chart draws both options');

      // A slider, focused, answers the keyboard.
      const [slider] = await app.roles('slider');
      assert.ok(slider, 'a slider with role slider');
      await slider.focus();
      assert.ok(await slider.evaluate((el) => document.activeElement === el), 'the slider has focus');
      const valueBefore = Number(await slider.value());
      const atMax = valueBefore >= Number(await slider.evaluate((el) => el.max));
      await app.press(atMax ? 'ArrowLeft' : 'ArrowRight');
      const valueAfter = await app.waitFor(async () => {
        const v = Number(await slider.value());
        return v !== valueBefore ? v : false;
      }, { message: `the slider to move from ${valueBefore}` });
      assert.equal(valueAfter, valueBefore + (atMax ? -1 : 1));
      await app.waitFor(async () => {
        if ((await app.recommendationText()) !== textBefore) return true;
        const now = await app.radarPoints();
        return Object.keys(now).some((k) => now[k] !== radarBefore[k]);
      }, { message: 'the recommendation text or the radar polygons to change after the slider moved' });

      await moveFirstSliderToAnEnd(app);
      await openFirstWhy(app);
      await app.settled();
      assert.ok(await app.evaluate(() => !navigator.serviceWorker?.controller), 'no service worker controls it');
    },
  },
];

/** The worker's two files in the page's service worker caches, by URL. */
const cachedWorkerFiles = (app) =>
  app.evaluate(async () => {
    const urls = [];
    for (const key of await caches.keys()) urls.push(...(await (await caches.open(key)).keys()).map((r) => r.url));
    return urls.filter((u) => /\/reports-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u));
  });

/** Every resource the document has fetched, by URL. */
const resources = (app) => app.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

export const reportsWorkerJourneys = [
  {
    name: 'the page loads none of it, then starts it and gets a team and a record back; its service worker caches it then, not before',
    open: { load: false },
    async run(app, { url }) {
      await openLive(app, url);
      await app.waitFor(() => app.evaluate(() => document.readyState === 'complete'), { message: 'the load' });
      const loaded = await resources(app);
      assert.ok(loaded.some((u) => /\/stackweigh-[0-9a-f]{12,16}_bg\.wasm$/.test(u)), 'the app has loaded');
      assert.deepEqual(loaded.filter((u) => /reports/.test(u)), [], 'no worker file on the first load');
      // The service worker installs, takes over this page, and precaches nothing of the worker.
      await app.waitFor(() => app.evaluate(() => !!navigator.serviceWorker.controller), { message: 'the service worker to control the page' });
      assert.deepEqual(await cachedWorkerFiles(app), [], 'not precached');

      const { url: worker } = await askTeam(app, url);
      assert.match(worker, /^\.\/reports-[0-9a-f]{16}\.js$/, 'a relative URL, as the page names its other files');
      // The decision record, the worker's other request.
      const record = await app.evaluate(askReportsWorker, { request: ['record', '', url, ''], timeoutMs: app.poll.timeout ?? TIMEOUT_MS });
      assert.equal(record.error, undefined, record.error);
      assert.equal(record.replies[1][0], 'record');
      assert.ok(record.replies[1][1].includes('Node.js') && record.replies[1][1].includes('Python'), 'a record of the two options');
      const cached = await app.waitFor(async () => {
        const files = await cachedWorkerFiles(app);
        return files.length === 2 ? files : false;
      }, { message: 'the script and its wasm to be cached on their first use' });
      assert.deepEqual(cached.map((u) => new URL(u).pathname.replace(/[0-9a-f]{16}/, 'H')).sort(), ['/reports-H.js', '/reports-H_bg.wasm']);
    },
  },
  {
    name: 'the single file opened from disk starts it from a blob: URL',
    open: { load: false },
    async run(app, { fileUrl }) {
      await openLive(app, fileUrl);
      const { url } = await askTeam(app, fileUrl);
      assert.match(url, /^blob:/);
    },
  },
];
