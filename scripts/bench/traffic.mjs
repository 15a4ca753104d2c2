// Counts what hosts sent (see host.mjs) the way a reader pays for it: each body gzip and brotli compressed,
// 304 revalidations as header bytes only.

import path from 'node:path';
import { waitFor } from '../../tests/support/waits.mjs';
import { compressedSizes } from './sizes.mjs';

/** Waits until no host has had a request in flight for `quietMs` (timers that fetch later are then over). */
export function networkQuiet(hosts, quietMs, timeout = 60000) {
  return waitFor(() => hosts.every((h) => h.inflight <= 0 && Date.now() - h.lastActivity >= quietMs), {
    timeout,
    interval: 50,
    message: `no request in flight for ${quietMs} ms`,
  });
}

/** Responses `host` sent since `mark`, priced: header bytes plus the body's raw / gzip / brotli size. */
export function priced(host, root, label, mark = 0) {
  return host.responses.slice(mark).map((r) => {
    const file = r.status === 200 ? path.join(root, r.path.endsWith('/') ? `${r.path}index.html` : r.path) : null;
    const body = file ? compressedSizes(file) : { raw: 0, gzip: 0, brotli: 0 };
    return { host: label, path: r.path, status: r.status, headers: r.headerBytes, ...body };
  });
}

/** Totals of priced responses: each with its headers, so a 304 costs what it really costs. */
export function sum(rows) {
  const t = { requests: rows.length, revalidated: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) {
    if (r.status === 304) t.revalidated++;
    t.raw += r.headers + r.raw;
    t.gzip += r.headers + r.gzip;
    t.brotli += r.headers + r.brotli;
  }
  return t;
}
