// What each file in dist/ weighs raw, gzip (level 9) and brotli (quality 11), as a host would serve it compressed.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';

const cache = new Map();

/** {raw, gzip, brotli} bytes of `file` (memoised: the bench asks for the same files many times). */
export function compressedSizes(file) {
  if (!cache.has(file)) {
    const buf = readFileSync(file);
    cache.set(file, {
      raw: buf.length,
      gzip: gzipSync(buf, { level: zc.Z_BEST_COMPRESSION }).length,
      brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    });
  }
  return cache.get(file);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(p);
    return entry.isFile() ? [p] : [];
  });
}

/** Every file of `dist`, largest gzip first, with its dist-relative path. */
export function distFiles(dist) {
  return walk(dist)
    .map((f) => ({ file: path.relative(dist, f).split(path.sep).join('/'), ...compressedSizes(f) }))
    .sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));
}

/** Sums of raw, gzip and brotli bytes over `rows`. */
export function totals(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** The dist files whose URL paths are in `requested` (a page load's requests), marked `firstLoad`. */
export function markFirstLoad(files, requested) {
  const wanted = new Set([...requested].map((p) => (p.endsWith('/') ? `${p}index.html` : p).replace(/^\/+/, '')));
  for (const f of files) f.firstLoad = wanted.has(f.file);
  const loaded = files.filter((f) => f.firstLoad);
  return { files: loaded.map((f) => f.file), ...totals(loaded) };
}
