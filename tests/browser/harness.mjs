// The Playwright side of the tests (and of the bench): Debian Chromium driven by playwright-core, the
// static server over dist/, and the one guarded page: a fresh context that fails a test on any request
// leaving 127.0.0.1, any console error or warning, any uncaught error and any failed response.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';
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

/** Opens every closed panel of a page or frame (an embed starts with them closed), as a reader clicks each summary. */
export async function openPanels(target) {
  const closed = target.locator('details[data-panel]:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n--) {
    await closed.first().click();
  }
}

/**
 * One server over dist/ and one browser per test file.
 * Usage:  const env = await startEnv(); ... await env.close();
 */
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
 * Records (and, with `abort`, aborts) every request of `context` that `allowRequest` refuses; returns the
 * list of those URLs as it grows. Without `abort` no route is set, so the HTTP cache stays on (Playwright
 * turns it off for routed contexts) and revalidations and service workers work as for a reader.
 */
export async function guardContext(context, { abort = true, allowRequest = isLocalUrl } = {}) {
  const externalRequests = [];
  const allowed = (url) => /^(data|blob|about):/.test(url) || allowRequest(url);
  const note = (url) => {
    if (!externalRequests.includes(url)) externalRequests.push(url);
  };
  if (abort) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (allowed(url)) return route.continue();
      note(url);
      return route.abort('blockedbyclient');
    });
  }
  // Requests the router cannot see (e.g. some preconnects) still show up here.
  context.on('request', (req) => {
    if (!allowed(req.url())) note(req.url());
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

/** Every frame, before any of its scripts: the report of each CSP violation (read by cspViolations). */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
  });
}

/**
 * The one guarded page: a fresh context (empty storage) and page that record every request `allowRequest`
 * refuses (and abort it, with `abortExternal`), console errors and warnings, uncaught errors, failed
 * responses and CSP violations in every frame; `requests` lists every request it makes. `problems()` lists everything that should fail a test.
 *   serviceWorkers  'block' (default) or 'allow'
 *   abortExternal   route and abort refused requests (default true; false keeps the HTTP cache on)
 *   allowRequest    which URLs are fine (default: 127.0.0.1 over http and ws)
 *   colorScheme, reducedMotion   media emulation; clipboard: grant clipboard read and write to `origin`
 *   init            a script (or [script, arg]) run in every document before its own
 */
export async function guardedPage(
  browser,
  { viewport = { width: 1280, height: 900 }, serviceWorkers = 'block', abortExternal = true, allowRequest = isLocalUrl, colorScheme, reducedMotion, clipboard, init } = {},
) {
  const context = await browser.newContext({ viewport, serviceWorkers, acceptDownloads: true, colorScheme, reducedMotion });
  try {
    context.setDefaultTimeout(TIMEOUT_MS);
    if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(clipboard).origin });
    const externalRequests = await guardContext(context, { abort: abortExternal, allowRequest });
    const requests = [];
    context.on('request', (req) => requests.push(req.url()));
    const failedResponses = [];
    context.on('response', (res) => {
      if (res.status() >= 400) failedResponses.push(`${res.status()} ${res.url()}`);
    });
    await context.addInitScript(recordCspViolations);
    if (init) await context.addInitScript(...(Array.isArray(init) ? init : [init]));
    const page = await context.newPage();
    const { consoleErrors, pageErrors } = captureConsole(page);
    return {
      context,
      page,
      requests,
      externalRequests,
      consoleErrors,
      pageErrors,
      failedResponses,
      clipboard: Boolean(clipboard),
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
  } catch (err) {
    await context.close().catch(() => {});
    throw err;
  }
}

/** guardedPage on the browser of `env` (startEnv's, or any `{ browser }`). */
export function newGuardedPage(env, options) {
  return guardedPage(env.browser, options);
}

/** CSP violations recorded so far in every frame of the page (see guardedPage). */
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
