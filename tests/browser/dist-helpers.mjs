// Plumbing for the Chromium tests of what the release build adds around the app (offline, CSP, the
// reports worker, deploy): pages that let service workers run and keep the HTTP cache on (the one
// guarded page of harness.mjs, watching requests instead of routing them), and the service worker's state.

import { rmSync } from 'node:fs';
import { startServer } from '../../scripts/static-server.mjs';
import { after, before, describe } from 'node:test';
import { guardedPage, cspViolations, launchChromium } from './harness.mjs';
import { AppPage } from './page.mjs';
import { DIST } from '../support/paths.mjs';
import { RECOMMENDATION } from '../support/phrases.mjs';
import { copyDist, requireDist } from '../support/sites.mjs';

export { DIST, copyDist, cspViolations, requireDist };

/** Only the local test server. */
export const localHttp = (url) => /^http:\/\/127\.0\.0\.1[:/]/.test(url);

/**
 * guardedPage with service workers running (unless `serviceWorkers: 'block'`) and no route, so the HTTP
 * cache stays on; `allowRequest(url)` says which requests are fine (default: the local test server).
 * `g.app` is its page object (for `url`-less use: no clearStorage).
 */
export async function openPage(browser, { allowRequest = localHttp, serviceWorkers = 'allow', ...options } = {}) {
  const guarded = await guardedPage(browser, { allowRequest, serviceWorkers, abortExternal: false, ...options });
  guarded.app = new AppPage(guarded, '');
  return guarded;
}

/**
 * A copy of dist/ under `subPath` (e.g. 'tools/stackweigh/'), served: { dir (the copy), server, url (of
 * the copy), sent (the path of every response the server sent, in order), close() (server and copy gone) }.
 */
export async function serveDistCopy(subPath) {
  const { root, dir } = copyDist(subPath);
  const sent = [];
  const server = await startServer({ root, port: 0, onResponse: (method, urlPath) => sent.push(urlPath) });
  return {
    dir,
    server,
    sent,
    url: `${server.url}${subPath}`,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Waits until the live app (not the prerendered markup) has rendered its recommendation and its radar, visible (page or embed). */
export async function waitForApp(app) {
  await app.waitFor(() => app.isLive(), { message: 'the live app' });
  await app.target.getByRole('region', { name: RECOMMENDATION, exact: true }).waitFor({ state: 'visible' });
  await app.target.getByRole('img', { name: /^Radar chart/ }).waitFor({ state: 'visible' });
}

/** Waits for the active service worker of the page's registration. */
export async function serviceWorkerActive(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    return { scope: registration.scope, script: worker.scriptURL, caches: await caches.keys() };
  });
}

/**
 * A describe() whose tests share one browser (`env.browser`) and may serve copies of dist/
 * (`env.serveCopy(subPath)`, see serveDistCopy), all closed after them; dist/ must hold `files`.
 */
export function describeWithBrowser(title, files, body) {
  describe(title, () => {
    const copies = [];
    const env = {
      async serveCopy(subPath) {
        const copy = await serveDistCopy(subPath);
        copies.push(copy);
        return copy;
      },
    };
    before(async () => {
      requireDist(...files);
      env.browser = await launchChromium();
    });
    after(async () => {
      await env.browser?.close().catch(() => {});
      for (const copy of copies) await copy.close();
    });
    body(env);
  });
}
