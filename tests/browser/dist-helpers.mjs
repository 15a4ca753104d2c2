// Plumbing for the Chromium tests of what the release build adds around the app (offline, CSP, the
// reports worker, deploy): pages that let service workers run and keep the HTTP cache on (the one
// guarded page of harness.mjs, watching requests instead of routing them), and the service worker's state.

import { guardedPage, cspViolations } from './harness.mjs';
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

/** Waits until the app has rendered its recommendation and its radar, visible (page or embed). */
export async function waitForApp(app) {
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
