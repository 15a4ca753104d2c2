// The Playwright side of the tests (and of the bench): Debian Chromium driven by playwright-core, the
// static server over dist/, and a guard that fails a test on any request leaving 127.0.0.1 or any console error.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';
import { axeSource } from '../support/axe.mjs';
import { DIST } from '../support/paths.mjs';
import { isLocalUrl } from '../support/guard.mjs';
import { RECOMMENDATION } from '../support/phrases.mjs';
import { TIMEOUT_MS } from '../support/waits.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch the Debian Chromium (never a downloaded browser). */
export function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run ./scripts/setup.sh (installs Debian's chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The live app's Recommendation region in `target` (a page or a frame),
 * once the wasm has taken over from the build's prerendered markup.
 */
export function liveRecommendation(target) {
  return target.locator('main#stackweigh:not([data-prerendered])').getByRole('region', { name: RECOMMENDATION, exact: true });
}

/**
 * One server + one browser per test file.
 * Usage:  const env = await startEnv(); ... await env.close();
 */
/** Opens every closed panel of a page or frame (an embed starts with them closed), as a reader clicks each summary. */
export async function openPanels(target) {
  const closed = target.locator('details[data-panel]:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n--) {
    await closed.first().click();
  }
}

export async function startEnv() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html missing: build first with \`trunk build --release --offline\``);
  }
  const server = await startServer({ root: DIST, port: 0 });
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * Records (and, with `abort`, aborts) every request of `context` that leaves 127.0.0.1; returns the list of
 * those URLs as it grows. Without `abort` no route is set, so the HTTP cache stays on (Playwright turns it
 * off for routed contexts) and revalidations happen as for a reader.
 */
export async function guardContext(context, { abort = true } = {}) {
  const externalRequests = [];
  const note = (url) => {
    if (!externalRequests.includes(url)) externalRequests.push(url);
  };
  if (abort) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocalUrl(url)) return route.continue();
      note(url);
      return route.abort('blockedbyclient');
    });
  }
  // Requests the router cannot see (e.g. some preconnects) still show up here.
  context.on('request', (req) => {
    if (!isLocalUrl(req.url())) note(req.url());
  });
  return externalRequests;
}

/** Console errors and warnings of `page`, except Playwright's own note that it blocks service workers. */
function captureConsole(page) {
  const consoleErrors = [];
  const pageErrors = [];
  const playwrightsOwn = (msg) => msg.type() === 'warning' && msg.text() === 'Service Worker registration blocked by Playwright';
  page.on('console', (msg) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && !playwrightsOwn(msg)) {
      const loc = msg.location();
      const kind = msg.type() === 'warning' ? 'warning: ' : '';
      consoleErrors.push(`${kind}${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)));
  return { consoleErrors, pageErrors };
}

/**
 * A fresh browser context (empty storage) with a network guard and console
 * capture. `problems()` lists everything that should fail a test.
 */
export async function newGuardedPage(env, { viewport = { width: 1280, height: 900 }, serviceWorkers = 'block' } = {}) {
  const context = await env.browser.newContext({ viewport, serviceWorkers });
  context.setDefaultTimeout(TIMEOUT_MS);
  const externalRequests = await guardContext(context);
  const failedResponses = [];
  context.on('response', (res) => {
    if (res.status() >= 400) failedResponses.push(`${res.status()} ${res.url()}`);
  });
  const page = await context.newPage();
  const { consoleErrors, pageErrors } = captureConsole(page);
  return {
    context,
    page,
    externalRequests,
    consoleErrors,
    pageErrors,
    failedResponses,
    problems() {
      return [
        ...externalRequests.map((u) => `external request: ${u}`),
        ...consoleErrors.map((t) => `console error: ${t}`),
        ...pageErrors.map((t) => `page error: ${t}`),
        ...failedResponses.map((t) => `failed response: ${t}`),
      ];
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/**
 * axe-core's violations on `page`. Evaluated through the DevTools protocol, not as a <script> tag:
 * the page's Content-Security-Policy rightly refuses inline scripts.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource());
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations;
}
