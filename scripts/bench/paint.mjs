// Paint and start-up timings of the page over fresh loads, and the same page with JavaScript off as the floor
// its first paint is compared with (same HTML, CSS and prerendered content; nothing runs, so no LCP there).

import { guardContext } from '../../tests/browser/harness.mjs';
import { RECOMMENDATION } from '../../tests/support/phrases.mjs';
import { INTERACTIVE_PROBE, READY_PROBE, READ_OBSERVED, READ_PAINT } from './probes.mjs';
import { FCP_NOISE_MS } from './conditions.mjs';
import { stats } from './stats.mjs';
const METRICS = ['firstPaint', 'firstContentfulPaint', 'largestContentfulPaint', 'appRendered', 'domContentLoaded', 'loadEvent', 'cumulativeLayoutShift', 'layoutShifts'];

/** A fresh context and page (service workers blocked: what a reader waits for), CPU slowed by `cpuRate`. */
export async function freshPage(browser, { cpuRate = 1, javaScript = true, probes = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', javaScriptEnabled: javaScript });
  const external = await guardContext(context);
  for (const [probe, arg] of probes) await context.addInitScript(probe, arg);
  const page = await context.newPage();
  if (cpuRate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  return { context, page, external };
}

/** One paint load; for the app it also waits for the live Recommendation and the take-over, so the shift sum covers the swap. */
async function paintLoad(browser, url, { cpuRate, app, record }) {
  const { context, page, external } = await freshPage(browser, { cpuRate, javaScript: app, probes: app ? [[READY_PROBE, RECOMMENDATION]] : [] });
  try {
    if (record) record.attach(page);
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    const settled = !app || (await page
      .waitForFunction(() => window.__swReady !== null && !document.querySelector('[data-prerendered]'), null, { timeout: 30000 })
      .then(() => true, () => false));
    await page.waitForLoadState('networkidle').catch(() => {});
    const t = { ...(await page.evaluate(READ_PAINT)), ...(app ? await page.evaluate(READ_OBSERVED) : {}) };
    // A shift sum that stopped before the app took over would flatter it: leave it out.
    if (!settled) t.cumulativeLayoutShift = t.layoutShifts = null;
    return { t, settled, external };
  } finally {
    await context.close();
  }
}

/** One load until the first live slider answers an input (see INTERACTIVE_PROBE); ms or null. */
async function interactiveLoad(browser, url, cpuRate) {
  const { context, page } = await freshPage(browser, { cpuRate, probes: [[INTERACTIVE_PROBE]] });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
    return await page
      .waitForFunction(() => window.__swInteractive, null, { timeout: 60000, polling: 50 })
      .then((h) => h.jsonValue(), () => null);
  } finally {
    await context.close();
  }
}

/** URL paths and console errors of a page's requests, for the first load of a series. */
export function recorder(origin) {
  const rec = { requested: new Set(), consoleErrors: [] };
  rec.attach = (page) => {
    page.on('requestfinished', (req) => {
      const u = new URL(req.url());
      if (u.origin === origin) rec.requested.add(decodeURIComponent(u.pathname));
    });
    page.on('console', (msg) => msg.type() === 'error' && rec.consoleErrors.push(msg.text()));
  };
  return rec;
}

/** `loads` paint loads (and, for the app, `loads` interactive loads) at one CPU rate; medians and spread per metric. */
export async function paintSeries(browser, url, { loads, cpuRate, app, log, record = null }) {
  const samples = Object.fromEntries([...METRICS, 'interactive'].map((k) => [k, []]));
  const tag = `${app ? 'page' : 'page with JavaScript off'}, ${cpuRate > 1 ? `${cpuRate}x CPU` : 'no throttling'}`;
  for (let i = 0; i < loads; i++) {
    log(`bench: paint load ${i + 1}/${loads} (${tag})`);
    const { t, settled } = await paintLoad(browser, url, { cpuRate, app, record: i === 0 ? record : null });
    if (!settled) log('bench: the app did not take over within 30 s; this load\'s layout shift is not counted');
    for (const k of METRICS) samples[k].push(t[k]);
  }
  for (let i = 0; app && i < loads; i++) {
    log(`bench: interactive load ${i + 1}/${loads} (${tag})`);
    samples.interactive.push(await interactiveLoad(browser, url, cpuRate));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
}

/** The page's median FCP against the JavaScript-off page's: "no slower" within one frame. */
export function compareFcp(page, plain, cpuRate) {
  const pageMs = page.firstContentfulPaint.median ?? null;
  const plainMs = plain.firstContentfulPaint.median ?? null;
  if (typeof pageMs !== 'number' || typeof plainMs !== 'number') return { cpuRate, pageMs, plainMs, diffMs: null, noSlower: null, verdict: 'n/a' };
  const diffMs = pageMs - plainMs;
  const noSlower = diffMs <= FCP_NOISE_MS;
  return { cpuRate, pageMs, plainMs, diffMs, noSlower, verdict: noSlower ? 'no slower' : `slower by ${Math.round(diffMs)} ms` };
}
