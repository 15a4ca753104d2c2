#!/usr/bin/env node
// Tiny static file server for stackweigh's dist/ (no dependencies).
//
// CLI:    node scripts/static-server.mjs [DIR=dist] [PORT=$PORT|8080]
// Module: import { startServer } from './static-server.mjs';
//         const { url, port, close } = await startServer({ root: 'dist', port: 0 });
//
// - binds 127.0.0.1 only (never 0.0.0.0)
// - GET and HEAD only; index.html for directories; 404 otherwise
// - path traversal safe (decoded path must stay inside root, no NUL bytes,
//   symlinks resolved and re-checked)
// - `headers` option: an object of extra response headers, or a function
//   (req, filePath) => object, for later additions such as CSP.
// - `headersFile` option: a Netlify / Cloudflare Pages `_headers` file (the
//   build writes dist/_headers) whose rules are applied as those hosts
//   apply them, instead of the default `Cache-Control: no-cache`; the file
//   itself is not served. The CLI applies DIR/_headers when it exists.
// - conditional GETs (ETag / If-None-Match, Last-Modified /
//   If-Modified-Since) answer 304, as real hosts do.
// - `onResponse` option: (method, urlPath, status, requestHeaders) => void,
//   called for every response (tests read what reached the server).

import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
});

export function mimeType(filePath) {
  const base = path.basename(filePath).toLowerCase();
  if (base === 'manifest.json') return 'application/manifest+json; charset=utf-8';
  return MIME_TYPES[path.extname(base)] ?? 'application/octet-stream';
}

/**
 * The rules of a `_headers` file: a path pattern on a line of its own, then
 * its headers indented, `Name: value`; `#` starts a comment.
 * @returns {{pattern: string, headers: [string, string][]}[]}
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    if (!rules.length || colon < 0) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path: ${line}`);
    rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** `*` matches anything (the hosts' "splat"), `:name` one path segment. */
function patternMatches(pattern, urlPath) {
  const source = pattern
    .split(/(\*|:[A-Za-z]+)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(urlPath);
}

/** The headers `rules` give `urlPath`: every matching rule's, a repeated name's values joined by ", ". */
export function headersFor(rules, urlPath) {
  const out = {};
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

/** RFC 9110: If-None-Match wins over If-Modified-Since (whole seconds). */
function notModified(requestHeaders, etag, mtime) {
  const tags = requestHeaders['if-none-match'];
  if (tags) return tags.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  const since = Date.parse(requestHeaders['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

function isInside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Start serving `root` on 127.0.0.1.
 * @param {{root?: string, port?: number, host?: string,
 *          headers?: object | ((req: import('node:http').IncomingMessage, filePath: string|null) => object),
 *          log?: boolean}} opts
 * @returns {Promise<{url: string, port: number, server: import('node:http').Server, close: () => Promise<void>}>}
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', headers, headersFile, onResponse, log = false } = {}) {
  const rootReal = await realpath(path.resolve(root));
  const rootStat = await stat(rootReal);
  if (!rootStat.isDirectory()) throw new Error(`static-server: ${root} is not a directory`);
  const fileRules = headersFile ? parseHeadersFile(await readFile(headersFile, 'utf8')) : null;
  const hiddenFile = headersFile ? await realpath(headersFile).catch(() => null) : null;
  const caching = (urlPath) => (fileRules ? headersFor(fileRules, urlPath) : { 'Cache-Control': 'no-cache' });

  const extraHeaders = (req, filePath) => {
    if (!headers) return {};
    return (typeof headers === 'function' ? headers(req, filePath) : headers) ?? {};
  };

  const send = (req, res, status, body, type = 'text/plain; charset=utf-8', filePath = null) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...extraHeaders(req, filePath),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const resolveFile = async (urlPath) => {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const candidate = path.resolve(rootReal, '.' + path.posix.normalize('/' + decoded));
    if (!isInside(rootReal, candidate)) return null;
    let real;
    try {
      real = await realpath(candidate);
    } catch {
      return null;
    }
    if (!isInside(rootReal, real)) return null;
    let st = await stat(real);
    if (st.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
      try {
        real = await realpath(path.join(real, 'index.html'));
        if (!isInside(rootReal, real)) return null;
        st = await stat(real);
      } catch {
        return null;
      }
    }
    if (!st.isFile()) return null;
    return { file: real, size: st.size, mtime: st.mtime };
  };

  const server = createServer(async (req, res) => {
    if (onResponse) {
      res.once('finish', () => onResponse(req.method, new URL(req.url ?? '/', 'http://127.0.0.1').pathname, res.statusCode, req.headers));
    }
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        send(req, res, 405, 'Method Not Allowed\n');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const found = await resolveFile(url.pathname);
      if (log) console.log(`${req.method} ${url.pathname} -> ${found ? (found.redirect ? 301 : 200) : 404}`);
      if (!found || (found.file && found.file === hiddenFile)) {
        send(req, res, 404, 'Not Found\n');
        return;
      }
      if (found.redirect) {
        res.writeHead(301, { Location: found.redirect + url.search, 'Content-Length': 0 });
        res.end();
        return;
      }
      const etag = `"${found.size.toString(16)}-${Math.floor(found.mtime.getTime() / 1000).toString(16)}"`;
      const lastModified = found.mtime.toUTCString();
      const common = { ETag: etag, 'Last-Modified': lastModified, ...caching(url.pathname), ...extraHeaders(req, found.file) };
      if (notModified(req.headers, etag, found.mtime)) {
        res.writeHead(304, common);
        res.end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': mimeType(found.file),
        'Content-Length': found.size,
        'X-Content-Type-Options': 'nosniff',
        ...common,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(req, res, 500, 'Internal Server Error\n');
      else res.destroy();
      if (log) console.error(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? 'dist';
  const portArg = process.argv[3] ?? process.env.PORT ?? '8080';
  const port = Number.parseInt(portArg, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || String(port) !== String(portArg).trim()) {
    console.error(`static-server: invalid port "${portArg}" (expected 0-65535)`);
    process.exit(2);
  }
  try {
    const headersFile = path.join(dir, '_headers');
    const withHeaders = existsSync(headersFile);
    const { url, close } = await startServer({ root: dir, port, headersFile: withHeaders ? headersFile : undefined, log: !!process.env.STATIC_SERVER_LOG });
    console.log(`stackweigh is being served at ${url}${withHeaders ? ` with the headers in ${headersFile}` : ''}`);
    console.log('Press Ctrl+C to stop.');
    const stop = async () => {
      await close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') {
      console.error(
        `static-server: port ${port} on 127.0.0.1 is already in use. ` +
          `Stop whatever is using it, or pick another port, e.g. PORT=8081 ./scripts/serve.sh`,
      );
      process.exit(3);
    }
    if (err && err.code === 'ENOENT') {
      console.error(`static-server: directory not found: ${dir}`);
      process.exit(2);
    }
    console.error(`static-server: ${err?.message ?? err}`);
    process.exit(1);
  }
}
