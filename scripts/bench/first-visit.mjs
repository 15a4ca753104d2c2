// The page's first visit with its service worker allowed, priced as a real host answers: the worker's
// precache requests for files the page already fetched come back 304, headers only.

import { guardContext } from '../../tests/browser/harness.mjs';
import { startHost } from './host.mjs';
import { networkQuiet, priced, sum } from './traffic.mjs';

/** One fresh-profile visit of dist/index.html; every response until the network is quiet. */
export async function measureFirstVisit(browser, dist, { quietMs, log }) {
  const host = await startHost(dist);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
  const external = await guardContext(context, { abort: false });
  try {
    log('bench: first visit of the page, service worker allowed');
    const page = await context.newPage();
    await page.goto(host.url, { waitUntil: 'load' });
    await networkQuiet([host], quietMs);
    const rows = priced(host, dist, 'page');
    return {
      quietMs,
      responses: rows,
      total: sum(rows),
      serviceWorkers: context.serviceWorkers().map((w) => new URL(w.url()).pathname),
      externalRequests: external,
    };
  } finally {
    await context.close();
    await host.close();
  }
}
