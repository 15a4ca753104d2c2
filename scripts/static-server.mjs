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
// - `redirectsFile` option: a Netlify `_redirects` file of rewrites by query
//   (`/ preset=ml_ai /index-ml_ai.html 200!`, as the build writes dist/_redirects):
//   a request for `from` whose query's last value of each key is the one named
//   gets the file `to` in its place, under its own address and headers; the
//   file itself is not served. Any other kind of rule is refused at start.
//   The CLI applies DIR/_redirects when it exists.
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

/**
 * The rules of a `_redirects` file this server applies: rewrites `from [key=value …] to 200[!]`,
 * with plain paths (no splat, no placeholder). `#` starts a comment.
 * @returns {{from: string, query: [string, string][], to: string}[]}
 */
export function parseRedirectsFile(text) {
  const rules = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const [from, to, status] = [fields[0], fields.at(-2), fields.at(-1)];
    const conditions = fields.slice(1, -2);
    const plain = (p) => p.startsWith('/') && !/[*:]/.test(p);
    const rewrite = fields.length >= 3 && /^200!?$/.test(status) && plain(from) && plain(to);
    if (!rewrite || !conditions.every((c) => /^[^=]+=[^=]*$/.test(c))) {
      throw new Error(`_redirects line ${index + 1}: static-server.mjs applies only rewrites "from [key=value …] to 200": ${line}`);
    }
    rules.push({ from, query: conditions.map((c) => c.split('=')), to });
  }
  return rules;
}

/** The path the first matching rule serves in place of `url`'s (a URL), or null. */
export function rewriteFor(rules, url) {
  const last = (key) => url.searchParams.getAll(key).at(-1);
  const rule = rules.find((r) => r.from === url.pathname && r.query.every(([key, value]) => last(key) === value));
  return rule ? rule.to : null;
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
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', headers, headersFile, redirectsFile, onResponse, log = false } = {}) {
  const rootReal = await realpath(path.resolve(root));
  const rootStat = await stat(rootReal);
  if (!rootStat.isDirectory()) throw new Error(`static-server: ${root} is not a directory`);
  const fileRules = headersFile ? parseHeadersFile(await readFile(headersFile, 'utf8')) : null;
  const rewrites = redirectsFile ? parseRedirectsFile(await readFile(redirectsFile, 'utf8')) : [];
  const hiddenFiles = new Set();
  for (const file of [headersFile, redirectsFile].filter(Boolean)) {
    const real = await realpath(file).catch(() => null);
    if (real) hiddenFiles.add(real);
  }
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
      const found = await resolveFile(rewriteFor(rewrites, url) ?? url.pathname);
      if (log) console.log(`${req.method} ${url.pathname} -> ${found ? (found.redirect ? 301 : 200) : 404}`);
      if (!found || (found.file && hiddenFiles.has(found.file))) {
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
    const redirectsFile = path.join(dir, '_redirects');
    const withRedirects = existsSync(redirectsFile);
    const { url, close } = await startServer({
      root: dir,
      port,
      headersFile: withHeaders ? headersFile : undefined,
      redirectsFile: withRedirects ? redirectsFile : undefined,
      log: !!process.env.STATIC_SERVER_LOG,
    });
    const applied = [withHeaders && `the headers in ${headersFile}`, withRedirects && `the rewrites in ${redirectsFile}`].filter(Boolean);
    console.log(`stackweigh is being served at ${url}${applied.length ? ` with ${applied.join(' and ')}` : ''}`);
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
