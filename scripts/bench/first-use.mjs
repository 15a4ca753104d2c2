// First use of what the reports worker makes for the page (issue 23: what moved there must answer within
// 300 ms of its first use): on a live page whose worker has not started yet, the time from the click until
// the Markdown table is copied, the chart's SVG is downloaded, or the embed snippets are shown. Each sample
// is a fresh visit (service workers blocked, so the worker's files come from the network), served by the
// bench host (gzip bodies); once on 127.0.0.1 as it is, once under the first-interaction conditions.

import { guardContext, liveRecommendation } from '../../tests/browser/harness.mjs';
import { FIRST_USE_BUDGET_MS, NETWORK } from './conditions.mjs';
import { startHost } from './host.mjs';
import { throttle } from './interaction.mjs';
import { stats } from './stats.mjs';

const WAIT = { timeout: 15_000 };

export const FEATURES = [
  {
    name: 'Markdown table copied',
    button: 'Copy as Markdown table',
    // Polled every frame (a locator's wait polls at growing intervals, which would add to the time).
    done: (page) => page.waitForFunction(() => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.trim() === 'Copied the Markdown table.'), null, WAIT),
  },
  { name: 'chart downloaded as SVG', button: 'Download chart (SVG)', done: (page) => page.waitForEvent('download', WAIT) },
  {
    name: 'embed snippets shown',
    button: 'Embed this',
    done: (page) => page.waitForFunction(() => document.querySelector('#sw-snippet-loader')?.value.length > 0, null, WAIT),
  },
];

/** One fresh visit: the page live and quiet, then one click on `feature`'s button, timed to its result. */
async function oneUse(browser, host, feature, cpuRate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  const external = await guardContext(context);
  try {
    const page = await context.newPage();
    if (cpuRate) await throttle(context, page, cpuRate);
    await page.goto(host.url, { waitUntil: 'load' });
    await liveRecommendation(page).waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const button = page.getByRole('button', { name: feature.button, exact: true });
    await button.scrollIntoViewIfNeeded();
    const done = feature.done(page);
    const started = Date.now();
    await button.click();
    await done;
    if (external.length) throw new Error(`requests leaving 127.0.0.1: ${external.join(', ')}`);
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

/** `runs` first uses of each feature, unthrottled and under the slow-phone conditions. */
export async function measureFirstUse(browser, dist, { runs, cpuRate, log }) {
  const host = await startHost(dist);
  const conditions = [{ label: '127.0.0.1', cpuRate: 0 }, { label: `${cpuRate}× CPU, ${NETWORK.latencyMs} ms RTT, ${NETWORK.downloadMbps} / ${NETWORK.uploadMbps} Mbit/s`, cpuRate }];
  try {
    const out = [];
    for (const condition of conditions) {
      for (const feature of FEATURES) {
        const samples = [];
        for (let i = 0; i < runs; i++) {
          log(`bench: first use ${i + 1}/${runs}: ${feature.name} (${condition.label})`);
          samples.push(await oneUse(browser, host, feature, condition.cpuRate));
        }
        const s = stats(samples);
        out.push({ feature: feature.name, condition: condition.label, budget: condition.cpuRate ? null : FIRST_USE_BUDGET_MS, stats: s });
      }
    }
    return out;
  } finally {
    await host.close();
  }
}
