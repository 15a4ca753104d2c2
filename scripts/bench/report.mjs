// The bench's results as Markdown tables: a README-ready summary, and the details behind it.

import { FCP_NOISE_MS, LIGHTHOUSE_CATEGORIES as CATEGORIES, NETWORK, RECOMPUTE_BUDGET_MS } from './conditions.mjs';
import { stats } from './stats.mjs';

const kB = (b) => (typeof b === 'number' ? (b / 1000).toFixed(1) : 'n/a');
const ms = (v) => (typeof v === 'number' ? `${Math.round(v)} ms` : 'n/a');
const ms1 = (v) => (typeof v === 'number' ? v.toFixed(1) : 'n/a');
const yes = (v) => (v ? 'yes' : 'no');
const signed = (v) => (typeof v === 'number' ? `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(Math.round(v))} ms` : 'n/a');
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'pass' : 'miss');

export function mdTable(rows, align) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  const rule = `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`;
  return [`| ${rows[0].map(esc).join(' | ')} |`, rule, ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** "gzip / brotli kB" of a totals object. */
const both = (t) => `${kB(t.gzip)} / ${kB(t.brotli)} kB`;

function byteRows(r) {
  const rows = [];
  if (r.firstLoad) rows.push([`page, first load (${r.firstLoad.files.length} files fetched until network idle, service worker blocked), gzip / brotli`, both(r.firstLoad)]);
  const fv = r.browser?.firstVisit;
  if (fv) rows.push([`page, first visit with its service worker (${fv.total.requests} responses, ${fv.total.revalidated} of them 304), gzip / brotli incl. headers`, both(fv.total)]);
  const stage = (s) => `${both(s.embed)}; wasm ${yes(s.wasmRequested)}; service worker ${s.serviceWorkers.length ? s.serviceWorkers.join(', ') : 'none'}`;
  for (const k of r.browser?.embed?.kinds ?? []) {
    rows.push([`${k.label} in a blog post, before any interaction (${k.before.embed.requests} responses from the widget host), gzip / brotli incl. headers`, stage(k.before)]);
    if (k.afterPointer) rows.push([`${k.label}, added by the pointer moving over it (${k.afterPointer.embed.requests} responses)`, stage(k.afterPointer)]);
  }
  return rows;
}

function timingRows(b) {
  const rows = [];
  for (const { cpuRate, page, plain, fcp } of b.paint?.rates ?? []) {
    const at = cpuRate > 1 ? `${cpuRate}× CPU` : 'no throttling';
    rows.push([`page FCP / LCP, median of ${page.firstContentfulPaint.n} (${at})`, `${ms(page.firstContentfulPaint.median)} / ${ms(page.largestContentfulPaint.median)}`]);
    rows.push([`same page with JavaScript off, FCP / LCP (${at})`, `${ms(plain.firstContentfulPaint.median)} / ${ms(plain.largestContentfulPaint.median)}`]);
    rows.push([`page FCP − JavaScript-off FCP (${at}; no slower = within ${FCP_NOISE_MS} ms)`, `${signed(fcp.diffMs)}, ${fcp.verdict}`]);
    rows.push([`navigation → first live slider answers (${at})`, ms(page.interactive.median)]);
    rows.push([`layout shift until the app has taken over (${at})`, typeof page.cumulativeLayoutShift.median === 'number' ? page.cumulativeLayoutShift.median.toFixed(4) : 'n/a']);
  }
  for (const s of [b.slider, b.sliderThrottled].filter(Boolean)) {
    const at = s.cpuRate > 1 ? `${s.cpuRate}× CPU` : 'no throttling';
    rows.push([`slider input → recommendation text, median / p95 of ${s.moves} (${at}; budget p95 ≤ ${s.budget} ms)`, `${ms1(s.dom.median)} / ${ms1(s.dom.p95)} ms, ${verdict(s.withinBudget)}`]);
    rows.push([`recomputation per move (app User Timing), median / p95 (${at}; budget p95 < ${RECOMPUTE_BUDGET_MS} ms)`, `${ms1(s.recompute.median)} / ${ms1(s.recompute.p95)} ms, ${verdict(s.recomputeWithin)}`]);
    rows.push([`layout shift while the slider moved ${s.moves} times (${at})`, `${s.shift.toFixed(4)} (${s.shifts} shifts)`]);
  }
  const i = b.interaction;
  if (i) {
    const fromInput = stats(i.samples.map((x) => x.fromInput));
    const missed = i.samples.filter((x) => x.fromInput === null).length;
    const cond = `${i.cpuRate}× CPU, ${NETWORK.latencyMs} ms RTT, ${NETWORK.downloadMbps} / ${NETWORK.uploadMbps} Mbit/s`;
    rows.push([`embed: first click → updated recommendation, median / max of ${fromInput.n} (${cond})`, `${ms(fromInput.median)} / ${ms(fromInput.max)}${missed ? `; ${missed} never updated` : ''}`]);
  }
  for (const u of b.firstUse ?? []) {
    const budget = u.budget ? `; budget ≤ ${u.budget} ms` : '';
    const within = u.budget ? `, ${verdict(u.stats.max <= u.budget)}` : '';
    rows.push([`first use, reports worker not started: click → ${u.feature}, median / max of ${u.stats.n} (${u.condition}${budget})`, `${ms(u.stats.median)} / ${ms(u.stats.max)}${within}`]);
  }
  return rows;
}

/** The README-ready summary. */
export function markdown(r) {
  const m = r.machine;
  const b = r.browser;
  const lh = r.lighthouse;
  const out = [`#### Benchmark, ${m.date}`, ''];
  out.push(`Machine: ${m.nproc} CPUs, ${m.cpu}, ${m.memGB} GB; ${m.os}; Node ${m.node}${b?.chromium ? `; Debian Chromium ${b.chromium} headless` : ''}${lh ? `; Lighthouse ${lh.version}` : ''}. Served from 127.0.0.1; 1 kB = 1000 bytes; gzip level 9, brotli quality 11.`, '');
  const rows = [['measure', 'result'], ...byteRows(r), ...(b ? timingRows(b) : [])];
  for (const [ff, run] of Object.entries(lh?.runs ?? {})) rows.push([`Lighthouse ${ff}: ${CATEGORIES.join(' / ')}`, CATEGORIES.map((c) => run.scores[c] ?? 'n/a').join(' / ')]);
  out.push(mdTable(rows, ['l', 'r']));
  for (const [what, err] of Object.entries(r.errors)) out.push('', `${what} failed: ${err}`);
  return out.join('\n');
}

function responseTable(title, rows) {
  const table = [['host', 'path', 'status', 'header B', 'raw B', 'gzip B', 'brotli B'], ...rows.map((x) => [x.host, x.path, x.status, x.headers, x.raw, x.gzip, x.brotli])];
  return `${title}\n\n${mdTable(table, ['l', 'l', 'r', 'r', 'r', 'r', 'r'])}`;
}

/** Every file with raw / gzip / brotli bytes, and every response the counted visits got. */
export function details(r) {
  const out = ['#### Files in dist/', ''];
  out.push(mdTable([['file', 'raw B', 'gzip B', 'brotli B', 'first load'], ...r.files.map((f) => [f.file, f.raw, f.gzip, f.brotli, f.firstLoad ? 'yes' : ''])], ['l', 'r', 'r', 'r', 'l']));
  const b = r.browser ?? {};
  for (const k of b.embed?.kinds ?? []) {
    out.push('', responseTable(`#### ${k.label} in a blog post, before interaction`, k.before.responses));
    if (k.afterPointer) out.push('', responseTable(`#### ${k.label}, after the pointer moved over it`, k.afterPointer.responses));
  }
  if (b.firstVisit) out.push('', responseTable('#### Page, first visit with its service worker', b.firstVisit.responses));
  for (const s of b.interaction?.samples ?? []) out.push('', `first interaction on ${s.control}: from pointer arrival ${ms(s.fromPointer)}, from click ${ms(s.fromInput)}; input kept by the live app: ${yes(s.inputKept)}`);
  const external = [...(b.embed?.externalRequests ?? []), ...(b.firstVisit?.externalRequests ?? [])];
  if (external.length) out.push('', `WARNING: blocked requests leaving 127.0.0.1: ${external.join(', ')}`);
  if (b.paint?.consoleErrors.length) out.push('', `WARNING: console errors on the page's first load: ${b.paint.consoleErrors.join(' | ')}`);
  return out.join('\n');
}
