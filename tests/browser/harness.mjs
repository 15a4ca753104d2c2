// Shared plumbing for the browser tests: the static server over dist/, a
// headless Debian Chromium driven by playwright-core, a guard that fails a
// test on any request leaving 127.0.0.1 or on any console error, and a small
// polling helper (playwright-core has no `expect`).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { startServer } from '../../scripts/static-server.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// $STACKWEIGH_DIST tests another build (e.g. one made with `trunk build --dist`).
export const DIST = process.env.STACKWEIGH_DIST ? path.resolve(process.env.STACKWEIGH_DIST) : path.join(REPO, 'dist');
export const DATA_FILE = path.join(REPO, 'data', 'node-vs-python.toml');
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
export const TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 15000);

/** Launch the Debian Chromium (never a downloaded browser). */
export function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run ./scripts/setup.sh (installs Debian's chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** The matrix data, parsed from data/node-vs-python.toml. */
let dataCache;
export function loadData() {
  if (!dataCache) {
    if (!existsSync(DATA_FILE)) throw new Error(`data file missing: ${DATA_FILE}`);
    const raw = parseToml(readFileSync(DATA_FILE, 'utf8'));
    const options = raw.option ?? [];
    const criteria = raw.criterion ?? [];
    const presets = raw.preset ?? [];
    dataCache = { raw, options, criteria, presets };
  }
  return dataCache;
}

/** The preset whose id or name matches `re`; throws when none does. */
export function findPreset(re) {
  const p = loadData().presets.find((x) => re.test(x.id) || re.test(x.name));
  if (!p) throw new Error(`the data has no preset matching ${re}`);
  return p;
}

/**
 * A share-link round trip from `preset`: a criterion the keyboard raises by
 * 2 (`up`), one it lowers by 1 (`down`), one whose "Why?" is open (`why`),
 * and the weights that leaves (`want`).
 */
export function linkScenario(preset) {
  const { criteria } = loadData();
  const up = criteria.find((c) => preset.weights[c.id] <= 8);
  const down = criteria.find((c) => c !== up && preset.weights[c.id] >= 1);
  const why = criteria.find((c) => c !== up && c !== down);
  const want = { ...preset.weights, [up.id]: preset.weights[up.id] + 2, [down.id]: preset.weights[down.id] - 1 };
  return { up, down, why, want };
}

/** Asserts that share link `link` points at `pageUrl` and carries `scenario` (see linkScenario) from `preset`. */
export function assertScenarioLink(link, pageUrl, preset, { want, why }) {
  const url = new URL(link);
  assert.equal(`${url.origin}${url.pathname}`, pageUrl, `the link points at the page: ${link}`);
  const params = new URLSearchParams(url.hash.slice(1));
  assert.equal(params.get('v'), '1', `version in ${url.hash}`);
  assert.equal(params.get('w'), weightText(want), `weights in ${url.hash}`);
  assert.equal(params.get('p'), preset.id, `preset in ${url.hash}`);
  assert.equal(params.get('o'), why.id, `open criterion in ${url.hash}`);
  return url;
}

/** {criterionId: value} for every criterion. */
export function uniformWeights(value) {
  return Object.fromEntries(loadData().criteria.map((c) => [c.id, value]));
}

/** Share-link weight text of {criterionId: weight}: one character per criterion, 0–9 or "a" for 10. */
export function weightText(weights) {
  return loadData().criteria.map((c) => (weights[c.id] === 10 ? 'a' : String(weights[c.id]))).join('');
}

/** Option name by id ("node" -> "Node.js"). */
export function optionName(id) {
  const opt = loadData().options.find((o) => o.id === id);
  if (!opt) throw new Error(`no option ${id} in the data`);
  return opt.name;
}

/**
 * Independent oracle: weighted sum of scores per option for a weights map
 * {criterionId: weight}. Returns {scores: {optionId: sum}, winner: optionId|null}.
 */
export function weightedWinner(weights) {
  const { options, criteria } = loadData();
  const scores = Object.fromEntries(options.map((o) => [o.id, 0]));
  for (const c of criteria) {
    const w = weights[c.id] ?? 0;
    for (const o of options) scores[o.id] += w * c.scores[o.id].score;
  }
  const sorted = [...options].sort((a, b) => scores[b.id] - scores[a.id]);
  const winner = scores[sorted[0].id] === scores[sorted[1].id] ? null : sorted[0].id;
  return { scores, winner };
}

/**
 * Poll `fn` until it returns a truthy value (returned) or the timeout passes
 * (throws, with the last value / error in the message).
 */
export async function waitFor(fn, { timeout = TIMEOUT_MS, interval = 25, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      lastErr = undefined;
      if (last) return last;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      const detail = lastErr ? `last error: ${lastErr.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * The live app's Recommendation region in `target` (a page or a frame),
 * once the wasm has taken over from the build's prerendered markup
 * (`<main id="stackweigh" data-prerendered>`, whose controls are inert).
 */
export function liveRecommendation(target) {
  return target
    .locator('main#stackweigh:not([data-prerendered])')
    .getByRole('region', { name: 'Recommendation', exact: true });
}

/**
 * One server + one browser per test file.
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
 * A fresh browser context (empty storage) with a network guard and console
 * capture. `problems()` lists everything that should fail a test.
 */
export async function newGuardedPage(env, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await env.browser.newContext({ viewport, serviceWorkers: 'block' });
  context.setDefaultTimeout(TIMEOUT_MS);
  const externalRequests = [];
  const consoleErrors = [];
  const pageErrors = [];
  const failedResponses = [];

  // Anything not addressed to 127.0.0.1 is recorded and aborted.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = (url.protocol === 'http:' || url.protocol === 'ws:') && url.hostname === '127.0.0.1';
    if (local) return route.continue();
    if (!externalRequests.includes(route.request().url())) externalRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Requests the router cannot see (e.g. some preconnects) still show up here.
  context.on('request', (req) => {
    const url = req.url();
    if (/^(data|blob|about):/.test(url)) return;
    let host;
    try {
      host = new URL(url).hostname;
    } catch {
      host = '';
    }
    if (host !== '127.0.0.1' && !externalRequests.includes(url)) externalRequests.push(url);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) failedResponses.push(`${res.status()} ${res.url()}`);
  });

  const page = await context.newPage();
  // Errors and warnings alike: a clean page logs neither. One warning is
  // Playwright's own, not the page's: it blocks service workers in these
  // contexts (serviceWorkers: 'block' above) and says so.
  const playwrightsOwn = (msg) => msg.type() === 'warning' && msg.text() === 'Service Worker registration blocked by Playwright';
  page.on('console', (msg) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && !playwrightsOwn(msg)) {
      const loc = msg.location();
      const kind = msg.type() === 'warning' ? 'warning: ' : '';
      consoleErrors.push(`${kind}${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)));

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
