#!/usr/bin/env node
// stackweigh benchmark: what a visitor downloads, and how fast the page reacts.
//
//   node scripts/bench.mjs [--json] [--loads N] [--moves N] [--no-browser]
//
// 1. Sizes: every file in dist/ with raw and gzip (level 9) bytes, and the
//    "first load" = index.html + every CSS / JS / wasm file it references
//    (href/src attributes, module imports in inline scripts, and the
//    *_bg.wasm the wasm-bindgen JS loads), against the budget of 110 kB gzip.
//    Units: 1 kB = 1000 bytes.
// 2. Headless Chromium (Debian's, via playwright-core) over the local static
//    server: first paint / first contentful paint / app rendered, median over
//    --loads fresh page loads (default 5).
// 3. Slider latency: --moves (default 200) slider moves dispatched in-page
//    (value set + `input` event), each timed with performance.now() from the
//    dispatch until the Recommendation region's text has changed (DOM, via a
//    MutationObserver) and until the next animation frame after that
//    (frame). Median, p95, max.
//
// It builds nothing unless dist/ is missing (then `trunk build --release
// --offline`). It is a measurement, never a test: it never fails on timing.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync, constants as zc } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(REPO, 'dist');
const BUDGET_BYTES = 110 * 1000; // 110 kB gzip, 1 kB = 1000 bytes
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function parseArgs(argv) {
  const opts = { json: false, loads: 5, moves: 200, browser: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
      return v;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--no-browser') opts.browser = false;
    else if (a === '--loads') opts.loads = num('--loads');
    else if (a === '--moves') opts.moves = num('--moves');
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/bench.mjs [--json] [--loads N] [--moves N] [--no-browser]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return opts;
}

// --- build if needed ----------------------------------------------------------
function ensureDist(log) {
  if (existsSync(path.join(DIST, 'index.html'))) return;
  log('bench: dist/ missing, running `trunk build --release --offline`');
  const env = {
    ...process.env,
    PATH: [path.join(REPO, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter),
  };
  const r = spawnSync('trunk', ['build', '--release', '--offline'], { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('trunk build failed; run ./scripts/setup.sh first if tools are missing');
  }
}

// --- sizes ----------------------------------------------------------------------
function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

function sizes(file) {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: zc.Z_BEST_COMPRESSION }).length };
}

/** dist-relative paths of local files referenced by `text` (HTML or JS) that exist in dist/. */
function localRefs(text, fromRel) {
  const refs = new Set();
  const candidates = [];
  for (const m of text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)) candidates.push(m[1]);
  // import … from '/x.js', import('/x.js'), init('/x_bg.wasm'), new URL('x_bg.wasm', import.meta.url)
  for (const m of text.matchAll(/["'`]([^"'`\s]+\.(?:js|mjs|wasm|css))["'`]/gi)) candidates.push(m[1]);
  for (const c of candidates) {
    if (/^(?:[a-z]+:)?\/\//i.test(c) || /^(?:data|blob|mailto|javascript):/i.test(c)) continue;
    const clean = c.split(/[?#]/)[0];
    const rel = clean.startsWith('/')
      ? clean.replace(/^\/+/, '')
      : path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), clean));
    if (!/\.(?:css|js|mjs|wasm)$/i.test(rel)) continue;
    if (existsSync(path.join(DIST, rel)) && statSync(path.join(DIST, rel)).isFile()) refs.add(rel);
  }
  return refs;
}

function firstLoadFiles() {
  const files = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const rel = queue.shift();
    if (!/\.(?:html|js|mjs)$/i.test(rel)) continue;
    for (const ref of localRefs(readFileSync(path.join(DIST, rel), 'utf8'), rel)) {
      if (!files.has(ref)) {
        files.add(ref);
        queue.push(ref);
      }
    }
  }
  return [...files];
}

function measureSizes() {
  const all = walk(DIST)
    .map((f) => ({ file: path.relative(DIST, f).split(path.sep).join('/'), ...sizes(f) }))
    .sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));
  const firstLoad = new Set(firstLoadFiles());
  for (const f of all) f.firstLoad = firstLoad.has(f.file);
  const fl = all.filter((f) => f.firstLoad);
  const total = {
    raw: fl.reduce((s, f) => s + f.raw, 0),
    gzip: fl.reduce((s, f) => s + f.gzip, 0),
  };
  return {
    files: all,
    firstLoad: { files: fl.map((f) => f.file), ...total, budgetGzip: BUDGET_BYTES, withinBudget: total.gzip <= BUDGET_BYTES },
  };
}

// --- browser --------------------------------------------------------------------
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return { n: 0 };
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return {
    n: s.length,
    min: s[0],
    median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2,
    p95: q(0.95),
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

// Runs in the page before any app script: records when the Recommendation region first has text.
const READY_PROBE = () => {
  window.__swReady = null;
  const check = () => {
    if (window.__swReady !== null) return;
    for (const el of document.querySelectorAll('[role=region],section[aria-label],section[aria-labelledby]')) {
      const label = el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '')
        .split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ');
      if (label.trim() === 'Recommendation' && el.textContent.trim()) {
        window.__swReady = performance.now();
        return;
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
};

async function measureBrowser(opts, log) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core missing: run ./scripts/setup.sh (npm ci)');
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} missing: run ./scripts/setup.sh`);
  const server = await startServer({ root: DIST, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const external = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1') return route.continue();
      external.push(u.href);
      return route.abort('blockedbyclient');
    });
    await context.addInitScript(READY_PROBE);
    const page = await context.newPage();
    return { context, page };
  };
  try {
    // Page loads.
    const loads = { firstPaint: [], firstContentfulPaint: [], appRendered: [], domContentLoaded: [], loadEvent: [] };
    for (let i = 0; i < opts.loads; i++) {
      log(`bench: page load ${i + 1}/${opts.loads}`);
      const { context, page } = await newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      await page.getByRole('region', { name: 'Recommendation', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
      await page.waitForFunction(() => window.__swReady !== null && performance.getEntriesByType('paint').length >= 2, null, { timeout: 30000 }).catch(() => {});
      const t = await page.evaluate(() => {
        const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          firstPaint: paint['first-paint'] ?? null,
          firstContentfulPaint: paint['first-contentful-paint'] ?? null,
          appRendered: window.__swReady,
          domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
          loadEvent: nav ? nav.loadEventEnd : null,
        };
      });
      for (const k of Object.keys(loads)) if (typeof t[k] === 'number') loads[k].push(t[k]);
      await context.close();
    }

    // Slider latency.
    log(`bench: ${opts.moves} slider moves`);
    const { context, page } = await newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    const region = page.getByRole('region', { name: 'Recommendation', exact: true });
    await region.waitFor({ state: 'visible', timeout: 30000 });
    const sliderCount = await page.getByRole('slider').count();
    if (!sliderCount) throw new Error('no slider (role=slider) found on the page');
    const regionHandle = await region.elementHandle();
    const sliderHandles = [];
    for (let i = 0; i < sliderCount; i++) sliderHandles.push(await page.getByRole('slider').nth(i).elementHandle());

    const latency = await page.evaluate(
      async ({ region, sliders, moves }) => {
        const text = () => region.textContent;
        const set = (el, v) => {
          const proto = Object.getPrototypeOf(el);
          const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
          if (setter) setter.call(el, String(v));
          else el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        };
        // Time one move: dispatch -> region text differs (DOM) -> next frame.
        const move = (el, v) =>
          new Promise((resolve) => {
            const before = text();
            let dom = null;
            let done = false;
            const finish = (timedOut) => {
              if (done) return;
              done = true;
              obs.disconnect();
              clearTimeout(timer);
              if (timedOut) return resolve({ dom: null, frame: null });
              requestAnimationFrame(() => resolve({ dom: dom - t0, frame: performance.now() - t0 }));
            };
            const obs = new MutationObserver(() => {
              if (dom === null && text() !== before) {
                dom = performance.now();
                finish(false);
              }
            });
            obs.observe(region, { subtree: true, childList: true, characterData: true, attributes: true });
            const timer = setTimeout(() => finish(true), 2000);
            const t0 = performance.now();
            set(el, v);
            // A synchronous render is seen here, before any observer callback.
            if (text() !== before && dom === null) {
              dom = performance.now();
              finish(false);
            }
          });
        // Pick a slider and two neighbouring values (one step, as ArrowRight/Left would)
        // whose recommendation texts differ; fall back to 0 <-> 10.
        let chosen = null;
        outer: for (const pair of [[5, 6], [4, 5], [6, 7], [0, 1], [9, 10]]) {
          for (let i = 0; i < sliders.length; i++) {
            const el = sliders[i];
            const orig = el.value;
            set(el, pair[0]);
            await new Promise((r) => requestAnimationFrame(() => r()));
            const a = text();
            set(el, pair[1]);
            await new Promise((r) => requestAnimationFrame(() => r()));
            const b = text();
            if (a !== b) {
              chosen = { index: i, values: pair };
              set(el, pair[0]);
              await new Promise((r) => requestAnimationFrame(() => r()));
              break outer;
            }
            set(el, orig);
            await new Promise((r) => requestAnimationFrame(() => r()));
          }
        }
        if (!chosen) {
          chosen = { index: 0, values: [0, 10] };
          set(sliders[0], 0);
          await new Promise((r) => requestAnimationFrame(() => r()));
        }
        const el = sliders[chosen.index];
        const dom = [];
        const frame = [];
        let unchanged = 0;
        for (let k = 0; k < moves; k++) {
          const v = chosen.values[(k + 1) % 2]; // alternate: right, left, right, …
          const r = await move(el, v);
          if (r.dom === null) unchanged++;
          else {
            dom.push(r.dom);
            frame.push(r.frame);
          }
        }
        const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || `slider #${chosen.index + 1}`;
        return { slider: label, values: chosen.values, dom, frame, unchanged };
      },
      { region: regionHandle, sliders: sliderHandles, moves: opts.moves },
    );
    await context.close();

    return {
      chromium: browser.version(),
      loads: Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, stats(v)])),
      slider: {
        slider: latency.slider,
        values: latency.values,
        moves: opts.moves,
        unchanged: latency.unchanged,
        dom: stats(latency.dom),
        frame: stats(latency.frame),
      },
      externalRequests: external,
    };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

// --- output ---------------------------------------------------------------------
const kB = (b) => (b / 1000).toFixed(1);
const ms = (v) => (typeof v === 'number' ? v.toFixed(1) : '-');

function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (align[c] === 'r' ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function printText(result) {
  const { sizes: s } = result;
  console.log('stackweigh bench (1 kB = 1000 bytes; gzip = node:zlib level 9)\n');
  console.log('Files in dist/ (* = part of the first load)');
  console.log(
    table(
      [['file', 'raw bytes', 'gzip bytes', 'raw kB', 'gzip kB', 'first load'], ...s.files.map((f) => [f.file, f.raw, f.gzip, kB(f.raw), kB(f.gzip), f.firstLoad ? '*' : ''])],
      ['l', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  const fl = s.firstLoad;
  console.log(
    `\nFirst load (${fl.files.length} files: ${fl.files.join(', ')}):\n` +
      `  ${fl.raw} bytes raw, ${fl.gzip} bytes gzip = ${kB(fl.gzip)} kB gzip of a ${kB(fl.budgetGzip)} kB budget ` +
      `(${((fl.gzip / fl.budgetGzip) * 100).toFixed(1)}%) -> ${fl.withinBudget ? 'within budget' : 'OVER BUDGET'}`,
  );
  if (!result.browser) {
    if (result.browserError) console.log(`\nBrowser measurements skipped: ${result.browserError}`);
    return;
  }
  const b = result.browser;
  console.log(`\nHeadless Chromium ${b.chromium}, local static server, no throttling (ms)`);
  const row = (name, st) => [name, st.n ?? 0, ms(st.median), ms(st.p95), ms(st.min), ms(st.max)];
  console.log(
    table(
      [
        ['metric', 'n', 'median', 'p95', 'min', 'max'],
        row('first paint', b.loads.firstPaint),
        row('first contentful paint', b.loads.firstContentfulPaint),
        row('recommendation rendered', b.loads.appRendered),
        row('DOMContentLoaded end', b.loads.domContentLoaded),
        row('load event end', b.loads.loadEvent),
        row('slider input -> DOM text', b.slider.dom),
        row('slider input -> next frame', b.slider.frame),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log(
    `\nSlider moves: ${b.slider.moves} on "${b.slider.slider}" alternating ${b.slider.values.join(' <-> ')}` +
      (b.slider.unchanged ? `; ${b.slider.unchanged} moves left the recommendation text unchanged (not timed)` : ''),
  );
  if (b.externalRequests.length) console.log(`\nWARNING: blocked external requests: ${b.externalRequests.join(', ')}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (m) => console.error(m); // progress on stderr, results on stdout
  ensureDist(log);
  const result = { budget: { gzipBytes: BUDGET_BYTES, unit: 'kB = 1000 bytes' }, sizes: measureSizes(), browser: null };
  if (opts.browser) {
    try {
      result.browser = await measureBrowser(opts, log);
    } catch (err) {
      result.browserError = err.message;
    }
  }
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else printText(result);
  // A broken measurement is an error; slow numbers never are.
  if (result.browserError) {
    console.error(`bench: browser measurement failed: ${result.browserError}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
