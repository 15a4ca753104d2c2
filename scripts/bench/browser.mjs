// Every measurement that needs Chromium, one browser for all; a section that fails is reported, not fatal.

import { launchChromium } from '../../tests/browser/harness.mjs';
import { startServer } from '../static-server.mjs';
import { measureEmbedBytes, startBlog } from './embed.mjs';
import { measureFirstUse } from './first-use.mjs';
import { measureFirstVisit } from './first-visit.mjs';
import { measureInteraction } from './interaction.mjs';
import { measureSliderLatency } from './latency.mjs';
import { compareFcp, paintSeries, recorder } from './paint.mjs';

/** Page and JavaScript-off page at each CPU rate, alternating so both meet the machine in the same state. */
async function paint(browser, url, opts, log) {
  const record = recorder(new URL(url).origin);
  const rates = opts.throttle > 1 ? [1, opts.throttle] : [1];
  const out = { requested: null, consoleErrors: record.consoleErrors, rates: [] };
  for (const cpuRate of rates) {
    const page = await paintSeries(browser, url, { loads: opts.loads, cpuRate, app: true, log, record: cpuRate === 1 ? record : null });
    const plain = await paintSeries(browser, url, { loads: opts.loads, cpuRate, app: false, log });
    out.rates.push({ cpuRate, page, plain, fcp: compareFcp(page, plain, cpuRate) });
  }
  out.requested = [...record.requested];
  return out;
}

/** Runs `fn`, storing its result or its error under `name`. */
async function section(result, name, fn) {
  try {
    result[name] = await fn();
  } catch (err) {
    result.errors[name] = err.message;
  }
}

export async function measureInBrowser(dist, opts, log) {
  const result = { errors: {} };
  const browser = await launchChromium();
  const server = await startServer({ root: dist, port: 0 });
  const blog = await startBlog(dist);
  try {
    result.chromium = browser.version();
    await section(result, 'paint', () => paint(browser, server.url, opts, log));
    await section(result, 'slider', () => measureSliderLatency(browser, server.url, { moves: opts.moves, log }));
    if (opts.throttle > 1) {
      await section(result, 'sliderThrottled', () => measureSliderLatency(browser, server.url, { moves: opts.moves, log, cpuRate: opts.throttle }));
    }
    await section(result, 'embed', () => measureEmbedBytes(browser, blog, { quietMs: opts.quietMs, log }));
    await section(result, 'firstVisit', () => measureFirstVisit(browser, dist, { quietMs: opts.quietMs, log }));
    const interactionOpts = { runs: opts.loads, cpuRate: opts.throttle, quietMs: opts.quietMs, log };
    await section(result, 'interaction', () => measureInteraction(browser, blog, interactionOpts));
    await section(result, 'firstUse', () => measureFirstUse(browser, dist, { runs: opts.loads, cpuRate: opts.throttle, log }));
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    await blog.close();
  }
  return result;
}
