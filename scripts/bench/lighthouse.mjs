// Lighthouse scores (mobile with its default emulation and simulated throttling, then desktop) of the page,
// on Debian Chromium through chrome-launcher with every host but 127.0.0.1 unresolvable.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/browser/harness.mjs';
import { REPO } from '../../tests/support/paths.mjs';
import { startServer } from '../static-server.mjs';
import { LIGHTHOUSE_CATEGORIES as CATEGORIES } from './conditions.mjs';

/** The numbers worth keeping from one Lighthouse result. */
function summarise(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)])),
    metrics: {
      firstContentfulPaint: audit('first-contentful-paint'),
      largestContentfulPaint: audit('largest-contentful-paint'),
      totalBlockingTime: audit('total-blocking-time'),
      cumulativeLayoutShift: audit('cumulative-layout-shift'),
      interactive: audit('interactive'),
    },
    // Scored audits below 0.9, for the curious.
    failing: Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
      .filter((a) => a && typeof a.score === 'number' && a.score < 0.9)
      .map((a) => `${a.id} (${a.score})`),
    runtimeError: lhr.runtimeError?.message ?? null,
  };
}

/** One Lighthouse run of `url` in a fresh Chromium profile. */
async function run(url, config, { lighthouse, launch }) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-lh-'));
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    userDataDir: profile,
    logLevel: 'silent',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, config);
    if (!result?.lhr) throw new Error('Lighthouse returned no result');
    return summarise(result.lhr);
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Mobile and desktop runs over a static server of `dist`. */
export async function measureLighthouse(dist, log) {
  let tools;
  try {
    const [{ default: lighthouse }, { launch }, { default: desktop }] = await Promise.all([
      import('lighthouse'),
      import('chrome-launcher'),
      import('lighthouse/core/config/desktop-config.js'),
    ]);
    tools = { lighthouse, launch, desktop };
  } catch {
    throw new Error('lighthouse / chrome-launcher missing: run ./scripts/setup.sh (npm ci)');
  }
  const version = JSON.parse(readFileSync(path.join(REPO, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  const server = await startServer({ root: dist, port: 0 });
  const runs = {};
  try {
    for (const [formFactor, config] of [['mobile', undefined], ['desktop', tools.desktop]]) {
      log(`bench: Lighthouse ${version} (${formFactor})`);
      runs[formFactor] = await run(server.url, config, tools);
    }
  } finally {
    await server.close();
  }
  return { version, runs };
}
