// What a host gets from the build: dist/_headers (Netlify / Cloudflare Pages
// syntax) checked against the real files in dist/, then dist/ served with
// exactly those headers: every response carries CORS, nosniff, a referrer
// policy and a Permissions-Policy; each document its own CSP as a header
// (frame-ancestors 'self' but for the embed's document), the workers a
// minimal one, under which they still run; a sandboxed embed starts, and a
// second visit revalidates index.html (304) while the hashed files come from
// the cache.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPage } from './dist-helpers.mjs';
import { DIST, REPO } from '../support/paths.mjs';
import { TIMEOUT_MS, waitFor } from '../support/waits.mjs';
import { launchChromium, liveRecommendation, newGuardedPage, openPanels } from './harness.mjs';
import { headersFor, parseHeadersFile, startServer } from '../../scripts/static-server.mjs';

const HEADERS_FILE = path.join(DIST, '_headers');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
// A content hash in the name, as Trunk and build.rs write it: name-<hex>[_bg].ext. Trunk drops a
// hash's leading zeros (one build in 16 has 15 digits): src/postbuild/digest.rs, MIN_HASH_DIGITS.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;
// What /* gives every response (src/postbuild/headers.rs, EVERY_FILE).
const EVERY_FILE = ['Access-Control-Allow-Origin', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy'];
const FRAME_ANCESTORS = "frame-ancestors 'self'";
const SERVICE_WORKER_POLICY = "default-src 'none'; connect-src 'self'";
const REPORTS_WORKER_POLICY = "default-src 'none'; script-src 'wasm-unsafe-eval'; connect-src 'self'";
const REPORTS_SCRIPT = /^\/reports-[0-9a-f]{16}\.js$/;

/** The CSP a document of dist/ carries in its <meta>, as written. */
function metaPolicy(name) {
  const page = readFileSync(path.join(DIST, name), 'utf8');
  const meta = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, `${name} has a CSP <meta>`);
  return meta[1].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&');
}

/** Every file in dist/ but hidden ones and _headers, as URL paths ("/x.js"). */
function distPaths(dir = DIST, prefix = '/') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || (prefix === '/' && entry.name === '_headers')) return [];
    if (entry.isDirectory()) return distPaths(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return [`${prefix}${entry.name}`];
  });
}

/** The bundle files index.html names: in href/src and the boot tag's data-glue/data-wasm attributes (quoted or not). */
function pageReferences() {
  const page = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attributes = [...page.matchAll(/\b(?:href|src|data-glue|data-wasm)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  const strings = [...page.matchAll(/["'(](\.\/[^"'()?#\s>]+)/g)].map((m) => m[1]);
  const local = [...attributes, ...strings].filter((url) => !/^(#|\?|\/|[a-z]+:)/i.test(url));
  return [...new Set(local.map((url) => `/${url.replace(/^\.\//, '')}`))];
}

/**
 * The headers README's nginx recipe gives `urlPath` ($uri, a file of dist/): the server's add_header lines,
 * with each `$variable` read from its map as nginx does (the first matching regex, else the default); an
 * empty value sends no header.
 */
function nginxHeaders(urlPath) {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const recipe = readme.match(/```nginx\n([\s\S]*?)```/);
  assert.ok(recipe, "README's nginx recipe");
  const maps = {};
  for (const [, name, body] of recipe[1].matchAll(/map \$uri \$(\w+) \{\n([\s\S]*?)\n\}/g)) {
    maps[name] = [...body.matchAll(/^\s*(default|"~[^"]+")\s+"([^"]*)";/gm)].map(([, key, value]) => [key, value]);
  }
  const lookup = (name) => {
    const entries = maps[name];
    assert.ok(entries, `a map for $${name}`);
    const found = entries.find(([key]) => key !== 'default' && new RegExp(key.slice(2, -1)).test(urlPath));
    return (found ?? entries.find(([key]) => key === 'default'))[1];
  };
  const headers = {};
  for (const [, name, literal, variable] of recipe[1].matchAll(/^\s*add_header ([\w-]+) (?:"([^"]*)"|\$(\w+)) always;/gm)) {
    const sent = variable ? lookup(variable) : literal;
    if (sent) headers[name] = sent;
  }
  return headers;
}

function cacheControl(rules, urlPath) {
  return headersFor(rules, urlPath)['Cache-Control'];
}

describe('static-server.mjs as a _headers host (no build needed)', () => {
  let root;
  let server;
  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'stackweigh-headers-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(root, 'app-0123456789abcdef.js'), 'export {}');
    writeFileSync(
      path.join(root, '_headers'),
      `# a comment\n/*\n  Access-Control-Allow-Origin: *\n/\n  Cache-Control: ${REVALIDATE}\n/index.html\n  Cache-Control: ${REVALIDATE}\n/app-0123456789abcdef.js\n  Cache-Control: ${IMMUTABLE}\n`,
    );
    server = await startServer({ root, port: 0, headersFile: path.join(root, '_headers') });
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('a header set by two matching rules is joined, as the hosts do', () => {
    const rules = parseHeadersFile('/*\n  X-A: 1\n/a.js\n  X-A: 2\n  X-B: 3\n');
    assert.deepEqual(headersFor(rules, '/a.js'), { 'X-A': '1, 2', 'X-B': '3' });
    assert.deepEqual(headersFor(rules, '/b.js'), { 'X-A': '1' });
    assert.throws(() => parseHeadersFile('  X-A: 1\n'), /under a path/);
  });

  test('each response carries its rules, the file itself is not served, and a conditional GET gets a 304', async () => {
    const first = await fetch(new URL('app-0123456789abcdef.js', server.url));
    assert.equal(first.headers.get('cache-control'), IMMUTABLE);
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    const page = await fetch(server.url);
    assert.equal(page.headers.get('cache-control'), REVALIDATE, 'the folder URL');
    const etag = page.headers.get('etag');
    assert.ok(etag, 'an ETag');
    const again = await fetch(server.url, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('cache-control'), REVALIDATE);
    const since = await fetch(server.url, { headers: { 'If-Modified-Since': page.headers.get('last-modified') } });
    assert.equal(since.status, 304);
    const changed = await fetch(server.url, { headers: { 'If-None-Match': '"other"' } });
    assert.equal(changed.status, 200);
    assert.equal((await fetch(new URL('_headers', server.url))).status, 404);
  });
});

describe('dist/_headers', () => {
  let rules;
  before(() => {
    assert.ok(existsSync(HEADERS_FILE), `${HEADERS_FILE} missing: build first with \`trunk build --release --offline\``);
    rules = parseHeadersFile(readFileSync(HEADERS_FILE, 'utf8'));
  });

  test('/* gives every response its headers; every other rule names a real file (the folder URL, or a document without .html) and sets Cache-Control once', () => {
    const files = new Set(distPaths());
    assert.equal(rules[0].pattern, '/*');
    assert.deepEqual(rules[0].headers.map(([name]) => name), EVERY_FILE);
    for (const rule of rules.slice(1)) {
      const real = rule.pattern === '/' || files.has(rule.pattern) || files.has(`${rule.pattern}.html`);
      assert.ok(real, `${rule.pattern} is a file in dist/`);
      const names = rule.headers.map(([name]) => name);
      assert.equal(names.filter((n) => n === 'Cache-Control').length, 1, `${rule.pattern}: one Cache-Control`);
      for (const name of names) assert.ok(!EVERY_FILE.includes(name), `${rule.pattern} repeats ${name} (hosts would join the values)`);
    }
    const patterns = rules.map((r) => r.pattern);
    assert.equal(new Set(patterns).size, patterns.length, 'no path has two rules (hosts would join their values)');
  });

  test('every file gets CORS and one cache policy: a year for hashed names, revalidation for the rest', () => {
    for (const file of distPaths()) {
      const headers = headersFor(rules, file);
      assert.equal(headers['Access-Control-Allow-Origin'], '*', file);
      assert.equal(headers['Cache-Control'], HASHED.test(file) ? IMMUTABLE : REVALIDATE, file);
    }
    for (const unhashed of ['/', '/index.html', '/sw.js', '/embed.js', '/boot.js', '/manifest.webmanifest', '/stackweigh.html']) {
      assert.equal(cacheControl(rules, unhashed), REVALIDATE, unhashed);
    }
  });

  test("README's nginx recipe gives every file the headers _headers gives it", () => {
    for (const file of distPaths()) {
      const want = headersFor(rules, file);
      const got = nginxHeaders(file);
      if (file === '/stackweigh.html') {
        // Its <meta> holds this build's hashes: nginx adds only who may frame it.
        assert.equal(got['Content-Security-Policy'], FRAME_ANCESTORS);
        delete want['Content-Security-Policy'];
        delete got['Content-Security-Policy'];
      }
      assert.deepEqual(got, want, file);
    }
  });

  test("the page's own CSS, glue, wasm and scripts carry hashes and are the immutable ones", () => {
    const references = pageReferences();
    for (const kind of ['.css', '.js', '.wasm']) {
      // embed.js and boot.js keep their names (a blog and the page name them): revalidated, not immutable.
      const files = references.filter((r) => r.endsWith(kind) && r !== '/embed.js' && r !== '/boot.js');
      assert.ok(files.length > 0, `index.html references a ${kind} file: ${references}`);
      for (const file of files) assert.match(file, HASHED, `${file}: the page's ${kind} has a content hash`);
    }
    for (const reference of references) {
      assert.ok(existsSync(path.join(DIST, reference)), `${reference} is in dist/`);
      assert.equal(cacheControl(rules, reference), HASHED.test(reference) ? IMMUTABLE : REVALIDATE, reference);
    }
  });
});

describe('dist/ served with exactly its _headers', () => {
  let browser;
  let widget;
  let bare;
  let host;
  let hostRoot;
  const seen = [];
  before(async () => {
    const record = (method, urlPath, status, requestHeaders) => seen.push({ method, urlPath, status, requestHeaders });
    widget = await startServer({ root: DIST, port: 0, headersFile: HEADERS_FILE, onResponse: record });
    bare = await startServer({ root: DIST, port: 0 });
    hostRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-host-'));
    const iframe = (base) => `<iframe sandbox="allow-scripts" src="${base}embed.html" title="Node.js vs Python comparator" width="800" height="900"></iframe>`;
    const page = (base) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main><h1>A post</h1>${iframe(base)}</main></body></html>`;
    writeFileSync(path.join(hostRoot, 'with-headers.html'), page(widget.url));
    writeFileSync(path.join(hostRoot, 'without-headers.html'), page(bare.url));
    host = await startServer({ root: hostRoot, port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await Promise.all([widget, bare, host].map((s) => s?.close()));
    if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
  });

  /** The live app in the page's one iframe, after a reader's first touch (embeds may wait for intent). */
  async function liveEmbed(page) {
    const frame = page.frameLocator('iframe');
    // A reader opens the weights: the intent that starts the app.
    await openPanels(frame);
    await liveRecommendation(frame).waitFor({ state: 'visible' });
  }

  test('responses carry the rules: CORS, immutable wasm with its MIME type, a revalidated page', async () => {
    const wasm = pageReferences().find((r) => r.endsWith('.wasm'));
    const wasmResponse = await fetch(new URL(`.${wasm}`, widget.url));
    assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm');
    assert.equal(wasmResponse.headers.get('cache-control'), IMMUTABLE);
    assert.equal(wasmResponse.headers.get('access-control-allow-origin'), '*');
    const pageResponse = await fetch(new URL('index.html', widget.url));
    assert.equal(pageResponse.headers.get('cache-control'), REVALIDATE);
    assert.equal(pageResponse.headers.get('access-control-allow-origin'), '*');
    assert.equal((await fetch(new URL('_headers', widget.url))).status, 404, 'the hosts do not serve _headers itself');
  });

  test('every response carries the headers of the issue: CORS, nosniff, referrer, permissions; each document and worker its own CSP', async () => {
    const expected = Object.fromEntries(parseHeadersFile(readFileSync(HEADERS_FILE, 'utf8'))[0].headers);
    const get = async (urlPath) => {
      const response = await fetch(new URL(`.${urlPath}`, widget.url));
      assert.equal(response.status, 200, urlPath);
      for (const name of EVERY_FILE) assert.equal(response.headers.get(name), expected[name], `${urlPath}: ${name}`);
      return response.headers;
    };
    assert.match(expected['Permissions-Policy'], /\bcamera=\(\)/);
    assert.equal(expected['Referrer-Policy'], 'strict-origin-when-cross-origin');
    assert.equal(expected['X-Content-Type-Options'], 'nosniff');
    for (const [urlPath, file] of [['/', 'index.html'], ['/index.html', 'index.html'], ['/stackweigh.html', 'stackweigh.html']]) {
      const headers = await get(urlPath);
      assert.equal(headers.get('content-security-policy'), `${metaPolicy(file)}; ${FRAME_ANCESTORS}`, urlPath);
      assert.equal(headers.get('cross-origin-opener-policy'), 'same-origin', urlPath);
    }
    const embed = await get('/embed.html');
    assert.equal(embed.get('content-security-policy'), metaPolicy('embed.html'), 'the embed: any origin may frame it');
    assert.doesNotMatch(embed.get('content-security-policy'), /frame-ancestors/);
    assert.equal((await get('/sw.js')).get('content-security-policy'), SERVICE_WORKER_POLICY);
    const reports = distPaths().find((p) => REPORTS_SCRIPT.test(p));
    assert.equal((await get(reports)).get('content-security-policy'), REPORTS_WORKER_POLICY);
    for (const other of distPaths().filter((p) => !p.endsWith('.html') && p !== '/sw.js' && p !== reports)) {
      assert.equal((await get(other)).get('content-security-policy'), null, other);
    }
  });

  test('under them the page runs with no console message, its service worker installs and its reports worker starts', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const messages = [];
    try {
      const page = await context.newPage();
      page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(m.text()));
      page.on('pageerror', (e) => messages.push(String(e)));
      await page.goto(`${widget.url}index.html`);
      await liveRecommendation(page).waitFor({ state: 'visible' });
      const cached = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        const worker = registration.active;
        if (worker.state !== 'activated') await new Promise((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r()));
        const keys = await caches.keys();
        return keys.length ? (await (await caches.open(keys[0])).keys()).length : 0;
      });
      assert.ok(cached > 5, `the service worker precached the bundle under its CSP (${cached} files)`);
      const first = await page.evaluate(
        (timeoutMs) =>
          new Promise((resolve) => {
            const worker = new Worker(document.querySelector('script[data-reports]').getAttribute('data-reports'));
            const timer = setTimeout(() => resolve({ error: 'no message' }), timeoutMs);
            worker.addEventListener('error', (e) => resolve({ error: e.message || 'failed' }));
            worker.addEventListener('message', (e) => {
              clearTimeout(timer);
              worker.terminate();
              resolve({ data: e.data });
            });
          }),
        TIMEOUT_MS,
      );
      assert.equal(first.error, undefined, 'the reports worker compiled its wasm under its CSP');
      assert.deepEqual(messages, []);
    } finally {
      await context.close();
    }
  });

  test('a sandboxed embed (sandbox="allow-scripts", opaque origin) starts the live app', async () => {
    const g = await newGuardedPage({ browser });
    try {
      await g.page.goto(`${host.url}with-headers.html`);
      await liveEmbed(g.page);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  test('the same embed without the headers cannot start (so the CORS rule is what makes it work)', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(`${host.url}without-headers.html`);
      const frame = page.frameLocator('iframe');
      await openPanels(frame);
      await frame.getByRole('alert').filter({ hasText: 'could not start' }).waitFor({ state: 'visible' });
      assert.equal(await frame.locator('main#stackweigh:not([data-prerendered])').count(), 0, 'no live app');
    } finally {
      await context.close();
    }
  });

  test('a second visit revalidates index.html (304) and reads the hashed files from the cache', async () => {
    // Not newGuardedPage: Playwright turns the HTTP cache off in a context that routes
    // requests. openPage only watches them (anything but 127.0.0.1 is a problem).
    const g = await openPage(browser, { serviceWorkers: 'block' });
    const pageUrl = `${widget.url}index.html`;
    try {
      await g.page.goto(pageUrl);
      await liveRecommendation(g.page).waitFor({ state: 'visible' });
      const hashed = pageReferences().filter((r) => HASHED.test(r));
      const firstVisit = new Set(seen.map((r) => r.urlPath));
      for (const file of hashed.filter((r) => /\.(css|js|wasm)$/.test(r))) assert.ok(firstVisit.has(file), `first visit fetched ${file}`);

      seen.length = 0;
      const again = await g.context.newPage();
      await again.goto(pageUrl);
      await liveRecommendation(again).waitFor({ state: 'visible' });
      await waitFor(() => seen.some((r) => r.urlPath === '/index.html'), { message: 'the page request' });
      const pageRequests = seen.filter((r) => r.urlPath === '/index.html');
      assert.equal(pageRequests.length, 1, JSON.stringify(seen));
      const [pageRequest] = pageRequests;
      assert.equal(pageRequest.status, 304, 'index.html revalidated, not downloaded again');
      assert.ok(pageRequest.requestHeaders['if-none-match'] || pageRequest.requestHeaders['if-modified-since'], 'a conditional request');
      const refetched = seen.filter((r) => hashed.includes(r.urlPath));
      assert.deepEqual(refetched, [], 'no hashed file reached the server on the second visit');
      // Playwright's own notice that it blocks service workers here (as harness.mjs allows).
      const playwrights = /Service Worker registration blocked by Playwright/;
      assert.deepEqual(g.problems().filter((p) => !playwrights.test(p)), []);
    } finally {
      await g.close();
    }
  });
});
