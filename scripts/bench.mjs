#!/usr/bin/env node
// stackweigh benchmark: what a visitor downloads, and how fast the page reacts.
//
//   node scripts/bench.mjs [--json | --markdown] [--loads N] [--moves N]
//                          [--throttle RATE] [--no-browser] [--no-lighthouse]
//
// 1. Sizes: every file in dist/ with raw and gzip (level 9) bytes, and the
//    "first load" against the budget of 90 kB gzip (issue 7): the files the
//    first headless-Chromium page load fetched until the network was idle
//    (service workers blocked: what a reader waits for, not what a service
//    worker may precache afterwards); with --no-browser, an estimate from a
//    static scan (index.html's href/src attributes, paths quoted in its
//    scripts, and what those JS files name). Units: 1 kB = 1000 bytes.
// 2. Headless Chromium (Debian's, via playwright-core) over the local static
//    server, --loads fresh page loads each (default 5), medians:
//    - paint: first paint, first contentful paint, largest contentful paint,
//      Recommendation rendered, DOMContentLoaded, load;
//    - interactive: navigation start -> the first slider of the live app (not
//      the build's prerendered, inert markup) is in the DOM *and* an `input`
//      on it has updated its <output> (probed in-page from before
//      any app script runs; separate loads, so the probe's state change
//      cannot move LCP);
//    - cumulative layout shift of the paint loads: the sum of the
//      'layout-shift' entries without recent input (PerformanceObserver,
//      buffered) from navigation until the app has taken over the
//      prerendered markup and the network is idle;
//    both without throttling and with --throttle x CPU slowdown (default 4;
//    CDP Emulation.setCPUThrottlingRate through playwright's newCDPSession).
//    - plain HTML of the same content: a temporary copy of dist/ whose
//      index.html has no <script> and no module / wasm preload links (same
//      CSS, same prerendered content, same CSP meta tag), served and loaded
//      exactly like the page (same paint loads, same rates): its first and
//      largest contentful paint are the floor the page's first paint is
//      compared with ("no slower" when the page's median FCP is within
//      16 ms, one frame, of the plain page's).
// 3. Slider latency: --moves (default 200) slider moves dispatched in-page
//    (value set + `input` event), each timed with performance.now() from the
//    dispatch until the Recommendation region's text has changed (DOM, via a
//    MutationObserver) and until the next animation frame after that
//    (frame). Median, p95, max; the budget is p95(DOM) <= 4 ms. Also the
//    app's own User Timing measure "stackweigh:recompute" per move (the
//    recomputation alone, apart from rendering), against 2 ms.
// 4. Lighthouse (npm `lighthouse`, Debian chromium through chrome-launcher,
//    headless, fresh profile, every host but 127.0.0.1 unresolvable): the
//    performance, accessibility, best-practices and SEO scores, mobile
//    (Lighthouse's default emulation and simulated throttling) and desktop.
//
// Results go to stdout as text tables plus a Markdown summary (date, machine,
// Chromium version) ready for the README; --markdown prints only the
// Markdown, --json everything as JSON. Progress goes to stderr.
//
// It builds nothing unless dist/ is missing (then `trunk build --release
// --offline`). It is a measurement, never a test: it never fails on timing or
// on a missed budget, only when a measurement itself could not be made.
// STACKWEIGH_DIST points it at another build (default: dist/).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, constants as zc } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.env.STACKWEIGH_DIST || path.join(REPO, 'dist'));
const BUDGET_BYTES = 90 * 1000; // first load, gzip; 1 kB = 1000 bytes (issue 7)
const SLIDER_P95_BUDGET_MS = 4; // slider input -> recommendation text, p95
const RECOMPUTE_BUDGET_MS = 2; // issue 3: the whole recomputation per slider move
// The page's FCP counts as "no slower" than the plain HTML page's when it is
// at most one 60 Hz frame later: medians of a few loads differ by that much
// from run to run on their own.
const FCP_NOISE_MS = 16;
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
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function parseArgs(argv) {
  const opts = { format: 'text', loads: 5, moves: 200, throttle: 4, browser: true, lighthouse: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name, min) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < min) throw new Error(`${name} needs an integer >= ${min}`);
      return v;
    };
    if (a === '--json') opts.format = 'json';
    else if (a === '--markdown') opts.format = 'markdown';
    else if (a === '--no-browser') opts.browser = false;
    else if (a === '--no-lighthouse') opts.lighthouse = false;
    else if (a === '--loads') opts.loads = num('--loads', 1);
    else if (a === '--moves') opts.moves = num('--moves', 1);
    else if (a === '--throttle') opts.throttle = num('--throttle', 1);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/bench.mjs [--json | --markdown] [--loads N] [--moves N] [--throttle RATE] [--no-browser] [--no-lighthouse]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return opts;
}

// --- build if needed ----------------------------------------------------------
function ensureDist(log) {
  if (existsSync(path.join(DIST, 'index.html'))) return;
  if (process.env.STACKWEIGH_DIST) throw new Error(`${DIST}/index.html missing (STACKWEIGH_DIST)`);
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

// --- machine --------------------------------------------------------------------
function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  const nproc = spawnSync('nproc', [], { encoding: 'utf8' });
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: nproc.status === 0 ? Number(nproc.stdout.trim()) : os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memGB: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
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

/**
 * dist-relative paths of local CSS / JS / wasm files that `text` (HTML or JS)
 * loads and that exist in dist/. In HTML only real references count: href /
 * src attributes (quoted or not, as a minifier leaves them) outside
 * <textarea> / <pre> / <code> text, plus quoted paths inside <script>
 * bodies; in JS, quoted paths (imports, init('/x_bg.wasm'),
 * new URL('x_bg.wasm', import.meta.url)).
 */
function localRefs(text, fromRel) {
  const refs = new Set();
  const candidates = [];
  const quoted = /["'`]([^"'`\s]+\.(?:js|mjs|wasm|css))["'`]/gi;
  if (/\.html?$/i.test(fromRel)) {
    const markup = text.replace(/<(textarea|pre|code)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
    for (const m of markup.matchAll(/<[a-z][^>]*>/gi)) {
      for (const a of m[0].matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) candidates.push(a[1] ?? a[2] ?? a[3]);
    }
    for (const m of markup.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      for (const q of m[1].matchAll(quoted)) candidates.push(q[1]);
    }
  } else {
    for (const m of text.matchAll(quoted)) candidates.push(m[1]);
  }
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

/**
 * Sizes of every file, and the first load: by default the files a static
 * scan of index.html finds (an estimate); given `observed` (URL paths a real
 * page load fetched until the network was idle), exactly those files.
 */
function measureSizes(observed = null) {
  const all = walk(DIST)
    .map((f) => ({ file: path.relative(DIST, f).split(path.sep).join('/'), ...sizes(f) }))
    .sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));
  const method = observed ? 'fetched by headless Chromium until network idle (service workers blocked)' : 'static scan of index.html (estimate)';
  const firstLoad = observed
    ? new Set(observed.map((p) => (p.endsWith('/') ? `${p}index.html` : p).replace(/^\/+/, '')).filter((rel) => all.some((f) => f.file === rel)))
    : new Set(firstLoadFiles());
  for (const f of all) f.firstLoad = firstLoad.has(f.file);
  const fl = all.filter((f) => f.firstLoad);
  const total = {
    raw: fl.reduce((s, f) => s + f.raw, 0),
    gzip: fl.reduce((s, f) => s + f.gzip, 0),
  };
  return {
    files: all,
    firstLoad: { method, files: fl.map((f) => f.file), ...total, budgetGzip: BUDGET_BYTES, withinBudget: total.gzip <= BUDGET_BYTES },
  };
}

// --- plain HTML of the same content ------------------------------------------------
// A tag's attributes, quoted values included (a '>' inside quotes does not end it).
const TAG_ATTRS = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*`;

/** The value of attribute `name` in the start tag `tag` (quoted or not), or null. */
function attr(tag, name) {
  const m = new RegExp(String.raw`\s${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

/**
 * index.html without what only the app needs: every <script> element
 * (inline, module and src alike) and every link that only fetches code
 * ahead of time (rel=modulepreload, and rel=preload of wasm or of a script).
 * Everything else stays: the stylesheet, the icon and manifest links, the
 * prerendered <main>, and the CSP meta tag, unchanged (it only allows
 * things; with no scripts left nothing can violate its script-src).
 */
function plainHtml(html) {
  let scripts = 0;
  let links = 0;
  const out = html
    .replace(new RegExp(String.raw`<script\b${TAG_ATTRS}>[\s\S]*?<\/script\s*>`, 'gi'), () => {
      scripts++;
      return '';
    })
    .replace(new RegExp(String.raw`<link\b${TAG_ATTRS}>`, 'gi'), (tag) => {
      const rel = (attr(tag, 'rel') || '').toLowerCase().split(/\s+/);
      const href = (attr(tag, 'href') || '').split(/[?#]/)[0];
      const as = (attr(tag, 'as') || '').toLowerCase();
      const wasm = /\.wasm$/i.test(href) || (attr(tag, 'type') || '').toLowerCase() === 'application/wasm';
      if (rel.includes('modulepreload') || (rel.includes('preload') && (wasm || as === 'script'))) {
        links++;
        return '';
      }
      return tag;
    });
  return { html: out, scripts, links };
}

/**
 * A temporary copy of dist/ whose index.html is plainHtml(): the same files,
 * served the same way, so only the scripts differ. Throws when the result
 * would not be a fair comparison (a script left, the CSP or a stylesheet or
 * the prerendered content lost).
 */
function makePlainCopy() {
  const original = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const { html, scripts, links } = plainHtml(original);
  const tags = (h, name) => h.match(new RegExp(String.raw`<${name}\b${TAG_ATTRS}>`, 'gi')) || [];
  const csp = (h) => tags(h, 'meta').filter((t) => (attr(t, 'http-equiv') || '').toLowerCase() === 'content-security-policy').join('\n');
  const stylesheets = (h) => tags(h, 'link').filter((t) => /(?:^|\s)stylesheet(?:\s|$)/i.test(attr(t, 'rel') || '')).length;
  const problems = [];
  if (/<script\b/i.test(html)) problems.push('a <script> is left');
  if (csp(html) !== csp(original)) problems.push('the CSP meta tag changed');
  if (stylesheets(html) !== stylesheets(original)) problems.push('a stylesheet link was removed');
  if (/\sdata-prerendered\b/.test(original) && !/\sdata-prerendered\b/.test(html)) problems.push('the prerendered <main> is gone');
  if (problems.length) throw new Error(`plain HTML copy of index.html: ${problems.join('; ')}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-plain-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
  return { dir, removed: { scripts, links } };
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
      // Prerendered markup (inert, replaced by the app) does not count.
      if (el.closest('[data-prerendered]')) continue;
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

// Runs in the page before any app script (interactive loads only): as soon
// as the first slider exists, move it one step (value + `input` event, again
// every 50 ms until the app reacts) and record when its <output> shows the
// new value: the page is then interactive, not just painted.
const INTERACTIVE_PROBE = () => {
  if (window.top !== window) return;
  window.__swInteractive = null;
  let slider = null;
  let target = null;
  let lastPoke = -Infinity;
  const poke = () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(slider, target);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    lastPoke = performance.now();
  };
  const responded = () =>
    [...document.querySelectorAll('output')].some((o) => o.htmlFor.contains(slider.id) && o.textContent.trim() === target);
  let timer = null;
  const check = () => {
    if (window.__swInteractive !== null) return;
    // A slider of the live app: prerendered markup (<main data-prerendered>,
    // inert) does not count, nor one the app has since replaced.
    if (slider && (!slider.isConnected || slider.closest('[data-prerendered]'))) slider = null;
    if (!slider) {
      slider = [...document.querySelectorAll('input[type=range]')].find((el) => !el.closest('[data-prerendered]')) ?? null;
      if (!slider) return;
      const v = Number(slider.value);
      target = String(v >= Number(slider.max || 10) ? v - 1 : v + 1);
      poke();
    }
    if (responded()) {
      window.__swInteractive = performance.now();
      obs.disconnect();
      clearInterval(timer);
      return;
    }
    if (performance.now() - lastPoke > 50) poke();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  timer = setInterval(check, 10);
};

// Runs in the page before any app script (paint loads): keeps the latest
// largest-contentful-paint candidate.
const LCP_PROBE = () => {
  window.__swLcp = null;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__swLcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // no LCP in this browser
  }
};

// Runs in the page before any app script (paint loads): adds up the
// layout-shift entries without recent input. A plain sum, not CLS's largest
// session window (shifts < 1 s apart, at most 5 s): over a load of a second
// or two the two agree unless shifts come more than 1 s apart, and then the
// sum is the stricter number.
// __swCls.read() first takes the entries not yet delivered to the observer.
// Note the Layout Instability API scores only elements present in both
// frames that moved: nodes the app inserts are new, so what this sees of the
// swap is whatever existing box it moves (and any later shift).
const CLS_PROBE = () => {
  if (window.top !== window) return;
  window.__swCls = null;
  try {
    let value = 0;
    let shifts = 0;
    const add = (entries) => {
      for (const e of entries) {
        if (e.hadRecentInput) continue; // shifts right after input are expected, not counted
        value += e.value;
        shifts++;
      }
    };
    const po = new PerformanceObserver((list) => add(list.getEntries()));
    po.observe({ type: 'layout-shift', buffered: true });
    window.__swCls = {
      read: () => {
        add(po.takeRecords());
        return { value, shifts };
      },
    };
  } catch {
    // no Layout Instability API in this browser
  }
};

/**
 * The page's median first contentful paint against the plain HTML copy's at
 * one CPU rate: the difference (page - plain, ms), and "no slower" when the
 * page is at most FCP_NOISE_MS later, else "slower by N ms".
 */
function compareFcp(pageLoads, plainLoads, cpuRate) {
  const pageMs = pageLoads.firstContentfulPaint.median ?? null;
  const plainMs = plainLoads.firstContentfulPaint.median ?? null;
  if (typeof pageMs !== 'number' || typeof plainMs !== 'number') {
    return { cpuRate, pageMs, plainMs, diffMs: null, toleranceMs: FCP_NOISE_MS, noSlower: null, verdict: 'n/a' };
  }
  const diffMs = pageMs - plainMs;
  const noSlower = diffMs <= FCP_NOISE_MS;
  return { cpuRate, pageMs, plainMs, diffMs, toleranceMs: FCP_NOISE_MS, noSlower, verdict: noSlower ? 'no slower' : `slower by ${Math.round(diffMs)} ms` };
}

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
  const newPage = async ({ probes = [READY_PROBE], cpuRate = 1 } = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1') return route.continue();
      external.push(u.href);
      return route.abort('blockedbyclient');
    });
    for (const probe of probes) await context.addInitScript(probe);
    const page = await context.newPage();
    if (cpuRate > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    }
    return { context, page };
  };
  const region = (page) => page.getByRole('region', { name: 'Recommendation', exact: true });
  // What gets loaded: the real page, and the plain HTML copy of it (served
  // by a second server of the same kind, started below).
  const pageTarget = { url: server.url, app: true, requested: new Set(), consoleErrors: [] };
  let plain = null;
  let plainServer = null;

  /**
   * --loads paint loads of `target` at one CPU rate, then, for the app only,
   * --loads interactive loads. The plain HTML copy goes through the very same
   * paint loads (same probes, same waits for paint entries and network idle)
   * so that its numbers compare like for like; it only skips what needs the
   * app: waiting for the live Recommendation and the take-over, and the
   * interactive loads (nothing there ever responds). The first unthrottled
   * load records the URL paths it fetched (target.requested) and the
   * console errors it logged (a CSP violation would show up there).
   */
  const loadSeries = async (target, cpuRate) => {
    const tag = `${target.app ? 'page' : 'plain HTML'}, ${cpuRate > 1 ? `${cpuRate}x CPU` : 'no throttling'}`;
    const loads = {
      firstPaint: [],
      firstContentfulPaint: [],
      largestContentfulPaint: [],
      ...(target.app ? { appRendered: [], interactive: [] } : {}),
      domContentLoaded: [],
      loadEvent: [],
      cumulativeLayoutShift: [],
      layoutShifts: [],
    };
    for (let i = 0; i < opts.loads; i++) {
      log(`bench: paint load ${i + 1}/${opts.loads} (${tag})`);
      const { context, page } = await newPage({ probes: [READY_PROBE, LCP_PROBE, CLS_PROBE], cpuRate });
      if (cpuRate === 1 && i === 0) {
        page.on('requestfinished', (req) => {
          const u = new URL(req.url());
          if (u.origin === new URL(target.url).origin) target.requested.add(decodeURIComponent(u.pathname));
        });
        page.on('console', (msg) => {
          if (msg.type() === 'error') target.consoleErrors.push(msg.text());
        });
      }
      await page.goto(target.url, { waitUntil: 'load', timeout: 120000 });
      if (target.app) await region(page).waitFor({ state: 'visible', timeout: 60000 });
      // Both paint entries and an LCP candidate; for the app also its own
      // Recommendation and the take-over (no prerendered markup left), so
      // that the layout shift sum below covers the swap.
      const settled = await page
        .waitForFunction(
          (app) =>
            window.__swLcp !== null &&
            performance.getEntriesByType('paint').length >= 2 &&
            (!app || (window.__swReady !== null && !document.querySelector('[data-prerendered]'))),
          target.app,
          { timeout: 30000 },
        )
        .then(() => true)
        .catch(() => false);
      // Let late LCP candidates (web font swap, lazy text) and layout shifts arrive.
      await page.waitForLoadState('networkidle').catch(() => {});
      const t = await page.evaluate(() => {
        const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
        const nav = performance.getEntriesByType('navigation')[0];
        const cls = window.__swCls ? window.__swCls.read() : null;
        return {
          firstPaint: paint['first-paint'] ?? null,
          firstContentfulPaint: paint['first-contentful-paint'] ?? null,
          largestContentfulPaint: window.__swLcp,
          appRendered: window.__swReady,
          domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
          loadEvent: nav ? nav.loadEventEnd : null,
          cumulativeLayoutShift: cls ? cls.value : null,
          layoutShifts: cls ? cls.shifts : null,
        };
      });
      // A layout shift sum that stopped before the app took over would not
      // cover the swap: leave it out rather than report a flattering 0.
      if (!settled) {
        log(`bench: ${target.app ? 'the app did not take over' : 'no paint / LCP entries'} within 30 s; this load's layout shift is not counted`);
        t.cumulativeLayoutShift = t.layoutShifts = null;
      }
      for (const k of Object.keys(loads)) if (typeof t[k] === 'number') loads[k].push(t[k]);
      await context.close();
    }
    for (let i = 0; target.app && i < opts.loads; i++) {
      log(`bench: interactive load ${i + 1}/${opts.loads} (${tag})`);
      const { context, page } = await newPage({ probes: [INTERACTIVE_PROBE], cpuRate });
      await page.goto(target.url, { waitUntil: 'commit', timeout: 120000 });
      const t = await page
        .waitForFunction(() => window.__swInteractive, null, { timeout: 60000, polling: 50 })
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (typeof t === 'number') loads.interactive.push(t);
      else log('bench: the first slider never responded within 60 s');
      await context.close();
    }
    return Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, stats(v)]));
  };

  try {
    plain = makePlainCopy();
    plainServer = await startServer({ root: plain.dir, port: 0 });
    const plainTarget = { url: plainServer.url, app: false, requested: new Set(), consoleErrors: [] };
    // Page and plain copy alternate at each rate, so that both meet the
    // machine in the same state.
    const loads = await loadSeries(pageTarget, 1);
    const plainLoads = await loadSeries(plainTarget, 1);
    const throttled = opts.throttle > 1 ? await loadSeries(pageTarget, opts.throttle) : null;
    const plainThrottled = opts.throttle > 1 ? await loadSeries(plainTarget, opts.throttle) : null;
    // The comparison only means something if the plain copy really ran no code.
    const plainCode = [...plainTarget.requested].filter((p) => /\.(?:m?js|wasm)$/i.test(p));
    if (plainCode.length) throw new Error(`the plain HTML copy still fetched code: ${plainCode.join(', ')}`);
    const requested = pageTarget.requested;

    // Slider latency.
    log(`bench: ${opts.moves} slider moves`);
    const { context, page } = await newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => !document.querySelector('[data-prerendered]'), null, { timeout: 30000 });
    await region(page).waitFor({ state: 'visible', timeout: 30000 });
    const sliderCount = await page.getByRole('slider').count();
    if (!sliderCount) throw new Error('no slider (role=slider) found on the page');
    const regionHandle = await region(page).elementHandle();
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
        // The app's own User Timing measure of each recomputation (scores,
        // recommendation, tipping points, robustness, hybrid advice), apart
        // from rendering; the app keeps only the latest one.
        const recompute = [];
        const lastRecompute = () => performance.getEntriesByName('stackweigh:recompute', 'measure').at(-1);
        let unchanged = 0;
        for (let k = 0; k < moves; k++) {
          const v = chosen.values[(k + 1) % 2]; // alternate: right, left, right, …
          const seen = lastRecompute();
          const r = await move(el, v);
          const measured = lastRecompute();
          if (measured && measured !== seen) recompute.push(measured.duration);
          if (r.dom === null) unchanged++;
          else {
            dom.push(r.dom);
            frame.push(r.frame);
          }
        }
        const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || `slider #${chosen.index + 1}`;
        return { slider: label, values: chosen.values, dom, frame, recompute, unchanged };
      },
      { region: regionHandle, sliders: sliderHandles, moves: opts.moves },
    );
    await context.close();

    const dom = stats(latency.dom);
    return {
      chromium: browser.version(),
      requested: [...requested],
      loads,
      throttled: throttled && { cpuRate: opts.throttle, loads: throttled },
      consoleErrors: pageTarget.consoleErrors,
      plainHtml: {
        what: 'dist/ copy whose index.html has no <script> and no module / wasm preload links (CSS, content and CSP meta kept)',
        removed: plain.removed,
        requested: [...plainTarget.requested],
        consoleErrors: plainTarget.consoleErrors,
        loads: plainLoads,
        throttled: plainThrottled && { cpuRate: opts.throttle, loads: plainThrottled },
        // The page's median FCP against the plain copy's, at each rate.
        fcpVsPage: [compareFcp(loads, plainLoads, 1), ...(throttled ? [compareFcp(throttled, plainThrottled, opts.throttle)] : [])],
      },
      slider: {
        slider: latency.slider,
        values: latency.values,
        moves: opts.moves,
        unchanged: latency.unchanged,
        dom,
        frame: stats(latency.frame),
        recompute: stats(latency.recompute),
        recomputeBudgetMs: RECOMPUTE_BUDGET_MS,
        // Judged like the slider budget, on p95; the max is reported beside it.
        recomputeWithin: latency.recompute.length ? stats(latency.recompute).p95 < RECOMPUTE_BUDGET_MS : null,
        budgetP95Ms: SLIDER_P95_BUDGET_MS,
        withinBudget: typeof dom.p95 === 'number' ? dom.p95 <= SLIDER_P95_BUDGET_MS : null,
      },
      externalRequests: external,
    };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    if (plainServer) await plainServer.close();
    if (plain) rmSync(plain.dir, { recursive: true, force: true });
  }
}

// --- Lighthouse -------------------------------------------------------------------
async function measureLighthouse(log) {
  let lighthouse;
  let launch;
  let desktopConfig;
  try {
    ({ default: lighthouse } = await import('lighthouse'));
    ({ launch } = await import('chrome-launcher'));
    ({ default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js'));
  } catch {
    throw new Error('lighthouse / chrome-launcher missing: run ./scripts/setup.sh (npm ci)');
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} missing: run ./scripts/setup.sh`);
  const version = JSON.parse(readFileSync(path.join(REPO, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  const server = await startServer({ root: DIST, port: 0 });
  const runs = {};
  try {
    for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      log(`bench: Lighthouse ${version} (${formFactor})`);
      const profile = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-lh-'));
      const chrome = await launch({
        chromePath: CHROMIUM_PATH,
        userDataDir: profile,
        logLevel: 'silent',
        chromeFlags: [
          '--headless=new',
          ...CHROMIUM_ARGS,
          // Nothing but the local server can even be looked up.
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
      });
      try {
        const result = await lighthouse(
          server.url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: LIGHTHOUSE_CATEGORIES },
          config,
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error('Lighthouse returned no result');
        const audit = (id) => lhr.audits[id]?.numericValue ?? null;
        runs[formFactor] = {
          scores: Object.fromEntries(
            LIGHTHOUSE_CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]),
          ),
          metrics: {
            firstContentfulPaint: audit('first-contentful-paint'),
            largestContentfulPaint: audit('largest-contentful-paint'),
            totalBlockingTime: audit('total-blocking-time'),
            cumulativeLayoutShift: audit('cumulative-layout-shift'),
            speedIndex: audit('speed-index'),
            interactive: audit('interactive'),
          },
          // Audits that failed (score < 0.9) in the scored categories, for the curious.
          failing: Object.values(lhr.categories)
            .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
            .filter((a) => a && typeof a.score === 'number' && a.score < 0.9)
            .map((a) => `${a.id} (${a.score})`),
          runtimeError: lhr.runtimeError?.message ?? null,
          warnings: lhr.runWarnings ?? [],
        };
      } finally {
        await chrome.kill();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  return { version, runs };
}

// --- output ---------------------------------------------------------------------
const kB = (b) => (b / 1000).toFixed(1);
const ms = (v) => (typeof v === 'number' ? v.toFixed(1) : '-');
const ms0 = (v) => (typeof v === 'number' ? `${Math.round(v)} ms` : 'n/a');
const cls = (v) => (typeof v === 'number' ? v.toFixed(4) : 'n/a'); // layout shift score, unitless
const signedMs = (v) => (typeof v === 'number' ? `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(Math.round(v))} ms` : 'n/a');
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'pass' : 'miss');

function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (align[c] === 'r' ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function mdTable(rows, align) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  const head = `| ${rows[0].map(esc).join(' | ')} |`;
  const rule = `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** The README-ready summary. */
function markdown(result) {
  const { sizes: s, machine: m } = result;
  const b = result.browser;
  const lh = result.lighthouse;
  const out = [];
  out.push(`#### Benchmark, ${m.date}`);
  out.push('');
  out.push(
    `Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memGB} GB; ${m.os}; Node ${m.node}` +
      (b ? `; Debian Chromium ${b.chromium} headless` : '') +
      (lh ? `; Lighthouse ${lh.version}` : '') +
      '. Served from 127.0.0.1; 1 kB = 1000 bytes, gzip level 9.',
  );
  out.push('');
  const rows = [['measure', 'result', 'budget', '']];
  rows.push([
    `first load, gzip (${s.firstLoad.files.length} files${result.staticFirstLoad ? ' fetched until network idle' : ', static estimate'})`,
    `${kB(s.firstLoad.gzip)} kB`,
    `≤ ${kB(s.firstLoad.budgetGzip)} kB`,
    verdict(s.firstLoad.withinBudget),
  ]);
  if (b) {
    const n = b.loads.firstContentfulPaint.n;
    const t = b.throttled;
    const both = (key) => `${ms0(b.loads[key].median)}` + (t ? ` / ${ms0(t.loads[key].median)}` : '');
    const cond = t ? ` (none / ${t.cpuRate}× CPU)` : '';
    rows.push([`first contentful paint, median of ${n}${cond}`, both('firstContentfulPaint'), '', '']);
    rows.push([`largest contentful paint, median of ${n}${cond}`, both('largestContentfulPaint'), '', '']);
    const p = b.plainHtml;
    const plainBoth = (key) => `${ms0(p.loads[key].median)}` + (p.throttled ? ` / ${ms0(p.throttled.loads[key].median)}` : '');
    rows.push([`plain HTML of the same content (no scripts): first contentful paint, median of ${p.loads.firstContentfulPaint.n}${cond}`, plainBoth('firstContentfulPaint'), '', '']);
    rows.push([`plain HTML of the same content (no scripts): largest contentful paint, median of ${p.loads.largestContentfulPaint.n}${cond}`, plainBoth('largestContentfulPaint'), '', '']);
    rows.push([
      `page FCP − plain HTML FCP, medians${cond}`,
      p.fcpVsPage.map((c) => signedMs(c.diffMs)).join(' / '),
      `≤ +${FCP_NOISE_MS} ms (one frame)`,
      p.fcpVsPage.map((c) => c.verdict).join(' / '),
    ]);
    rows.push([
      `cumulative layout shift, until the app has taken over and the network is idle, median of ${b.loads.cumulativeLayoutShift.n}${cond}`,
      `${cls(b.loads.cumulativeLayoutShift.median)}` + (t ? ` / ${cls(t.loads.cumulativeLayoutShift.median)}` : ''),
      'near 0 (target)',
      '',
    ]);
    rows.push([`navigation → first slider responds, median of ${b.loads.interactive.n}${cond}`, both('interactive'), '', '']);
    rows.push([
      `slider input → recommendation text, median / p95 (${b.slider.moves} moves)`,
      `${ms(b.slider.dom.median)} / ${ms(b.slider.dom.p95)} ms`,
      `p95 ≤ ${b.slider.budgetP95Ms} ms`,
      verdict(b.slider.withinBudget),
    ]);
    rows.push([`slider input → next frame, median / p95`, `${ms(b.slider.frame.median)} / ${ms(b.slider.frame.p95)} ms`, '', '']);
    rows.push([
      `recomputation per move (in-page User Timing), median / p95 / max (n=${b.slider.recompute.n ?? 0})`,
      `${ms(b.slider.recompute.median)} / ${ms(b.slider.recompute.p95)} / ${ms(b.slider.recompute.max)} ms`,
      `p95 < ${b.slider.recomputeBudgetMs} ms`,
      verdict(b.slider.recomputeWithin),
    ]);
  }
  if (lh) {
    for (const [ff, run] of Object.entries(lh.runs)) {
      const sc = LIGHTHOUSE_CATEGORIES.map((c) => run.scores[c] ?? 'n/a').join(' / ');
      rows.push([`Lighthouse ${ff}: performance / accessibility / best practices / SEO`, sc, '', '']);
    }
  }
  out.push(mdTable(rows, ['l', 'r', 'l', 'l']));
  out.push('');
  out.push('<details><summary>Every file in dist/ (gzip)</summary>');
  out.push('');
  out.push(
    mdTable(
      [['file', 'raw kB', 'gzip kB', 'first load'], ...s.files.map((f) => [`\`${f.file}\``, kB(f.raw), kB(f.gzip), f.firstLoad ? 'yes' : ''])],
      ['l', 'r', 'r', 'l'],
    ),
  );
  out.push('');
  out.push('</details>');
  if (b?.consoleErrors.length) out.push(`\nConsole errors on the page's first load: ${b.consoleErrors.join(' | ')}`);
  if (b?.plainHtml.consoleErrors.length) out.push(`\nConsole errors on the plain HTML copy's first load: ${b.plainHtml.consoleErrors.join(' | ')}`);
  if (result.browserError) out.push(`\nBrowser measurements failed: ${result.browserError}`);
  if (result.lighthouseError) out.push(`\nLighthouse failed: ${result.lighthouseError}`);
  return out.join('\n');
}

function printText(result) {
  const { sizes: s, machine: m } = result;
  console.log(`stackweigh bench, ${m.date} (1 kB = 1000 bytes; gzip = node:zlib level 9)`);
  console.log(`machine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.memGB} GB, ${m.os}, node ${m.node}\n`);
  console.log('Files in dist/ (* = part of the first load)');
  console.log(
    table(
      [['file', 'raw bytes', 'gzip bytes', 'raw kB', 'gzip kB', 'first load'], ...s.files.map((f) => [f.file, f.raw, f.gzip, kB(f.raw), kB(f.gzip), f.firstLoad ? '*' : ''])],
      ['l', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  const fl = s.firstLoad;
  console.log(
    `\nFirst load, ${fl.method} (${fl.files.length} files: ${fl.files.join(', ')}):\n` +
      `  ${fl.raw} bytes raw, ${fl.gzip} bytes gzip = ${kB(fl.gzip)} kB gzip of a ${kB(fl.budgetGzip)} kB budget ` +
      `(${((fl.gzip / fl.budgetGzip) * 100).toFixed(1)}%) -> ${fl.withinBudget ? 'within budget' : 'OVER BUDGET'}`,
  );
  if (result.browser) {
    const b = result.browser;
    const row = (name, st, f = ms) => [name, st.n ?? 0, f(st.median), f(st.p95), f(st.min), f(st.max)];
    // The plain HTML copy has no app: its series lacks the app's rows.
    const loadRows = (l) => [
      row('first paint', l.firstPaint),
      row('first contentful paint', l.firstContentfulPaint),
      row('largest contentful paint', l.largestContentfulPaint),
      ...(l.appRendered ? [row('recommendation rendered', l.appRendered)] : []),
      ...(l.interactive ? [row('first slider responds (interactive)', l.interactive)] : []),
      row('DOMContentLoaded end', l.domContentLoaded),
      row('load event end', l.loadEvent),
      row('cumulative layout shift (score)', l.cumulativeLayoutShift, cls),
      row('layout shift entries (count)', l.layoutShifts, (v) => (typeof v === 'number' ? String(v) : '-')),
    ];
    console.log(`\nHeadless Chromium ${b.chromium}, local static server, no throttling (ms from navigation start)`);
    console.log(
      table(
        [
          ['metric', 'n', 'median', 'p95', 'min', 'max'],
          ...loadRows(b.loads),
          row('slider input -> DOM text', b.slider.dom),
          row('slider input -> next frame', b.slider.frame),
        ],
        ['l', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    if (b.throttled) {
      console.log(`\nSame, with ${b.throttled.cpuRate}x CPU throttling (CDP Emulation.setCPUThrottlingRate)`);
      console.log(table([['metric', 'n', 'median', 'p95', 'min', 'max'], ...loadRows(b.throttled.loads)], ['l', 'r', 'r', 'r', 'r', 'r']));
    }
    const p = b.plainHtml;
    console.log(
      `\nPlain HTML of the same content: ${p.what}; removed ${p.removed.scripts} <script> and ${p.removed.links} preload links; ` +
        `first load fetched ${p.requested.join(', ')}`,
    );
    console.log('No throttling (ms from navigation start)');
    console.log(table([['metric', 'n', 'median', 'p95', 'min', 'max'], ...loadRows(p.loads)], ['l', 'r', 'r', 'r', 'r', 'r']));
    if (p.throttled) {
      console.log(`${p.throttled.cpuRate}x CPU throttling`);
      console.log(table([['metric', 'n', 'median', 'p95', 'min', 'max'], ...loadRows(p.throttled.loads)], ['l', 'r', 'r', 'r', 'r', 'r']));
    }
    for (const c of p.fcpVsPage) {
      console.log(
        `FCP ${c.cpuRate > 1 ? `${c.cpuRate}x CPU` : 'no throttling'}: page ${ms(c.pageMs)} ms, plain HTML ${ms(c.plainMs)} ms, ` +
          `page - plain ${signedMs(c.diffMs)} -> ${c.verdict} (no slower = within ${c.toleranceMs} ms, one frame)`,
      );
    }
    console.log(
      `\nSlider moves: ${b.slider.moves} on "${b.slider.slider}" alternating ${b.slider.values.join(' <-> ')}` +
        (b.slider.unchanged ? `; ${b.slider.unchanged} moves left the recommendation text unchanged (not timed)` : '') +
        `\nSlider p95 (input -> DOM text) ${ms(b.slider.dom.p95)} ms against a ${b.slider.budgetP95Ms} ms budget -> ${b.slider.withinBudget == null ? 'not measured' : b.slider.withinBudget ? 'within budget' : 'OVER BUDGET'}`,
    );
    if (b.externalRequests.length) console.log(`\nWARNING: blocked external requests: ${b.externalRequests.join(', ')}`);
    if (b.consoleErrors.length) console.log(`\nWARNING: console errors on the page's first load: ${b.consoleErrors.join(' | ')}`);
    if (p.consoleErrors.length) console.log(`\nWARNING: console errors on the plain HTML copy's first load: ${p.consoleErrors.join(' | ')}`);
  } else if (result.browserError) console.log(`\nBrowser measurements failed: ${result.browserError}`);
  if (result.lighthouse) {
    const lh = result.lighthouse;
    console.log(`\nLighthouse ${lh.version} (Debian Chromium headless, simulated throttling for performance)`);
    const runs = Object.entries(lh.runs);
    console.log(
      table(
        [
          ['', ...runs.map(([ff]) => ff)],
          ...LIGHTHOUSE_CATEGORIES.map((c) => [c, ...runs.map(([, r]) => r.scores[c] ?? 'n/a')]),
          ['FCP ms', ...runs.map(([, r]) => ms(r.metrics.firstContentfulPaint))],
          ['LCP ms', ...runs.map(([, r]) => ms(r.metrics.largestContentfulPaint))],
          ['TBT ms', ...runs.map(([, r]) => ms(r.metrics.totalBlockingTime))],
          ['CLS', ...runs.map(([, r]) => (typeof r.metrics.cumulativeLayoutShift === 'number' ? r.metrics.cumulativeLayoutShift.toFixed(3) : '-'))],
          ['TTI ms', ...runs.map(([, r]) => ms(r.metrics.interactive))],
        ],
        ['l', ...runs.map(() => 'r')],
      ),
    );
    for (const [ff, r] of runs) {
      if (r.failing.length) console.log(`  ${ff}: audits below 0.9: ${r.failing.join(', ')}`);
      if (r.runtimeError) console.log(`  ${ff}: runtime error: ${r.runtimeError}`);
    }
  } else if (result.lighthouseError) console.log(`\nLighthouse failed: ${result.lighthouseError}`);
  console.log('\n--- Markdown (for the README) ---\n');
  console.log(markdown(result));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (m) => console.error(m); // progress on stderr, results on stdout
  ensureDist(log);
  const result = {
    machine: machine(),
    budget: { firstLoadGzipBytes: BUDGET_BYTES, sliderP95Ms: SLIDER_P95_BUDGET_MS, pageFcpOverPlainHtmlMs: FCP_NOISE_MS, unit: 'kB = 1000 bytes' },
    sizes: measureSizes(),
    browser: null,
    lighthouse: null,
  };
  if (opts.browser) {
    try {
      result.browser = await measureBrowser(opts, log);
    } catch (err) {
      result.browserError = err.message;
    }
    if (result.browser?.requested?.length) {
      result.staticFirstLoad = result.sizes.firstLoad;
      result.sizes = measureSizes(result.browser.requested);
    }
    if (opts.lighthouse) {
      try {
        result.lighthouse = await measureLighthouse(log);
      } catch (err) {
        result.lighthouseError = err.message;
      }
    }
  }
  if (opts.format === 'json') console.log(JSON.stringify(result, null, 2));
  else if (opts.format === 'markdown') console.log(markdown(result));
  else printText(result);
  // A broken measurement is an error; slow numbers and missed budgets never are.
  for (const [what, err] of [['browser measurement', result.browserError], ['Lighthouse', result.lighthouseError]]) {
    if (err) {
      console.error(`bench: ${what} failed: ${err}`);
      process.exitCode = 1;
    }
  }
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
