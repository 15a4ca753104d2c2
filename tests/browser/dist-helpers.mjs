// Shared plumbing for the tests of what the release build adds around the
// app (offline.test.mjs, csp.test.mjs, single-file.test.mjs): which dist/
// to test ($STACKWEIGH_DIST, else REPO/dist), throw-away copies of it,
// and pages that record CSP violations in every frame, console errors,
// failed responses and any request the test does not allow. Unlike
// harness.mjs's guarded pages these let service workers run.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData } from '../support/data.mjs';
import { DIST } from '../support/paths.mjs';
import { TIMEOUT_MS, waitFor } from '../support/waits.mjs';
import { AppPage } from './page.mjs';

export { DIST };

export function requireDist(...files) {
  for (const file of ['index.html', ...files]) {
    const full = path.join(DIST, file);
    if (!existsSync(full)) throw new Error(`${full} missing: build first with \`trunk build --release --offline\``);
  }
}

/** A copy of dist/ in a temp dir, under `subPath` (e.g. 'tools/stackweigh'). */
export function copyDist(subPath = '') {
  requireDist();
  const root = mkdtempSync(path.join(tmpdir(), 'stackweigh-dist-'));
  const dir = path.join(root, subPath);
  mkdirSync(dir, { recursive: true });
  cpSync(DIST, dir, { recursive: true, dereference: true });
  return { root, dir };
}

/** Only the local test server. */
export const localHttp = (url) => /^http:\/\/127\.0\.0\.1[:/]/.test(url);

/**
 * A fresh context and page. `allowRequest(url)` says which requests are
 * fine (anything else is a problem); service workers run unless blocked.
 */
export async function openPage(browser, { allowRequest = localHttp, serviceWorkers = 'allow', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers, acceptDownloads: true });
  context.setDefaultTimeout(TIMEOUT_MS);
  const disallowed = [];
  const consoleErrors = [];
  const pageErrors = [];
  const failedResponses = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob|about):/.test(url) && !allowRequest(url) && !disallowed.includes(url)) disallowed.push(url);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
  });
  // Every frame, before any of its scripts: the CSP report of each violation.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    // Errors and warnings alike (service workers run here, so Playwright adds none of its own).
    if (msg.type() === 'error' || msg.type() === 'warning') {
      consoleErrors.push(`${msg.type() === 'warning' ? 'warning: ' : ''}${msg.text()} (${msg.location()?.url ?? ''})`);
    }
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)));
  const guarded = {
    context,
    page,
    problems: () => [
      ...disallowed.map((u) => `request not allowed: ${u}`),
      ...consoleErrors.map((t) => `console error: ${t}`),
      ...pageErrors.map((t) => `page error: ${t}`),
      ...failedResponses.map((t) => `failed response: ${t}`),
    ],
    close: () => context.close().catch(() => {}),
  };
  guarded.app = new AppPage(guarded, '');
  return guarded;
}

/** CSP violations recorded so far in every frame of the page. */
export async function cspViolations(page) {
  const all = [];
  for (const frame of page.frames()) {
    // A lazy iframe that has not loaded (the embed dialog's preview while
    // the dialog is closed) has no document to ask, and would never answer.
    if (!frame.url() || frame.url() === 'about:blank') continue;
    const list = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    all.push(...list);
  }
  return all;
}

/** Waits until the app has rendered its recommendation (page or embed). */
export async function waitForApp(app) {
  await app.recommendation().waitFor({ state: 'visible' });
  await app.radar().waitFor({ state: 'visible' });
}

/** Moves the first criterion's slider to an end and waits for the chart to follow. */
export async function moveSlider(app) {
  await app.openPanels();
  const { name } = loadData().criteria[0];
  const before = await app.sliderValue(name);
  const radar = await app.radarPoints();
  await app.pressOnSlider(name, before < 10 ? 'End' : 'Home');
  const after = await app.sliderValue(name);
  assert.notEqual(after, before, `slider "${name}" moved`);
  await app.waitForRadarChange(radar, `the radar to follow slider "${name}"`);
}

/** Opens the first criterion's "Why?" and waits for its text (not an error). */
export async function openWhy(app) {
  await app.openPanels();
  const { name } = loadData().criteria[0];
  const button = app.whyButton(name);
  await button.click();
  const id = await button.getAttribute('aria-controls');
  const region = app.page.locator(`[id="${id}"]`);
  return waitFor(
    async () => {
      const text = (await region.innerText()).trim();
      if (/could not be loaded|does not match/.test(text)) throw new Error(`Why? failed: ${text}`);
      return text.length > 40 && !text.startsWith('Loading') ? text : false;
    },
    { message: `the Why? text of "${name}"` },
  );
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
