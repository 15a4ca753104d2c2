// Servers the bench loads pages from: the project's static server, answering conditional requests with 304
// as a real host does, and logging every response it sent so bytes are counted where they are paid.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mimeType, startServer } from '../static-server.mjs';

const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|svg|wasm|txt|webmanifest)$/i;
const gzipped = new Map();

/** A strong validator from size and mtime, as common hosts derive theirs. */
function etagOf(file) {
  const st = statSync(file);
  return `"${createHash('sha1').update(`${st.size}-${st.mtimeMs}`).digest('hex').slice(0, 16)}"`;
}

/** The file under `root` a GET for `pathname` would serve, or null. */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.join(root, path.posix.normalize(`/${decoded}`), decoded.endsWith('/') ? 'index.html' : '');
  try {
    return file.startsWith(root) && statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** True when the request's validators still match `file`. */
function notModified(req, file) {
  const tag = req.headers['if-none-match'];
  if (tag) return tag.split(',').some((t) => t.trim().replace(/^W\//, '') === etagOf(file));
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(statSync(file).mtimeMs / 1000) * 1000 <= since;
}

/** Answers a GET for `file` gzip-encoded, as production hosts do for text and wasm (browsers send br only over https). */
function sendGzip(res, file, headers) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
  const body = gzipped.get(file);
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Encoding': 'gzip',
    'Content-Length': body.length,
    Vary: 'Accept-Encoding',
    'Last-Modified': statSync(file).mtime.toUTCString(),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** The response's size on the wire, headers and body apart (304: headers only). */
function recordResponse(log, req, res, started) {
  res.on('finish', () => {
    const length = Number(res.getHeader('content-length') ?? 0);
    log.push({
      path: decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname),
      status: res.statusCode,
      headerBytes: Buffer.byteLength(res._header ?? ''),
      bodyBytes: req.method === 'HEAD' || res.statusCode === 304 ? 0 : length,
      ms: Date.now() - started,
    });
  });
}

/**
 * Serves `root` on 127.0.0.1 with ETag + Last-Modified, 304 for revalidations, gzip when asked, and `extraHeaders`.
 * `responses` lists what was sent; `inflight`/`lastActivity` tell when the server has gone quiet.
 */
export async function startHost(root, extraHeaders = {}) {
  const rootDir = path.resolve(root);
  const headers = (_req, file) => (file ? { ETag: etagOf(file), ...extraHeaders } : extraHeaders);
  const server = await startServer({ root: rootDir, port: 0, headers });
  const host = { url: server.url, responses: [], inflight: 0, lastActivity: Date.now(), close: server.close };
  const [serve] = server.server.listeners('request');
  server.server.removeAllListeners('request');
  server.server.on('request', (req, res) => {
    host.inflight++;
    host.lastActivity = Date.now();
    res.on('close', () => {
      host.inflight--;
      host.lastActivity = Date.now();
    });
    recordResponse(host.responses, req, res, Date.now());
    const file = req.method === 'GET' ? fileFor(rootDir, new URL(req.url, 'http://127.0.0.1').pathname) : null;
    if (file && notModified(req, file)) {
      res.writeHead(304, { ETag: etagOf(file), 'Last-Modified': statSync(file).mtime.toUTCString(), 'Cache-Control': 'no-cache', ...extraHeaders });
      res.end();
      return;
    }
    if (file && COMPRESSIBLE.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      sendGzip(res, file, { ETag: etagOf(file), ...extraHeaders });
      return;
    }
    serve(req, res);
  });
  return host;
}
