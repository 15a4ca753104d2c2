// Slider latency on the live page: moves dispatched in-page, each timed from the dispatch until the
// Recommendation region's text changed (DOM) and until the next frame, plus the app's own recompute measure.

import { liveRecommendation } from '../../tests/browser/harness.mjs';
import { freshPage } from './paint.mjs';
import { RECOMPUTE_BUDGET_MS, SLIDER_P95_BUDGET_MS, SLIDER_P95_THROTTLED_BUDGET_MS } from './conditions.mjs';
import { stats } from './stats.mjs';

/** In-page helpers: set a slider like a reader would (value + input/change) and time one move. */
const MOVE_HELPERS = () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const set = (el, v) => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const move = (region, el, v) =>
    new Promise((resolve) => {
      const before = region.textContent;
      let done = false;
      const finish = (dom) => {
        if (done) return;
        done = true;
        obs.disconnect();
        clearTimeout(timer);
        if (dom === null) resolve({ dom: null, frame: null });
        else requestAnimationFrame(() => resolve({ dom: dom - t0, frame: performance.now() - t0 }));
      };
      const obs = new MutationObserver(() => region.textContent !== before && finish(performance.now()));
      obs.observe(region, { subtree: true, childList: true, characterData: true, attributes: true });
      const timer = setTimeout(() => finish(null), 2000);
      const t0 = performance.now();
      set(el, v);
      // A synchronous render is seen here, before any observer callback.
      if (region.textContent !== before) finish(performance.now());
    });
  window.__swMoves = { frame, set, move };
};

/** In-page: a slider and two neighbouring values whose recommendation texts differ (else slider 0, 0 <-> 10). */
const PICK_PAIR = async ({ region, sliders }) => {
  const { frame, set } = window.__swMoves;
  for (const pair of [[5, 6], [4, 5], [6, 7], [0, 1], [9, 10]]) {
    for (let i = 0; i < sliders.length; i++) {
      const orig = sliders[i].value;
      set(sliders[i], pair[0]);
      await frame();
      const a = region.textContent;
      set(sliders[i], pair[1]);
      await frame();
      if (region.textContent !== a) {
        set(sliders[i], pair[0]);
        await frame();
        return { index: i, values: pair };
      }
      set(sliders[i], orig);
      await frame();
    }
  }
  set(sliders[0], 0);
  await frame();
  return { index: 0, values: [0, 10] };
};

/** In-page: `moves` alternating moves of the chosen slider, with the app's "stackweigh:recompute" measure of each. */
const RUN_MOVES = async ({ region, el, values, moves }) => {
  const last = () => performance.getEntriesByName('stackweigh:recompute', 'measure').at(-1);
  const out = { dom: [], frame: [], recompute: [], unchanged: 0, shift: 0, shifts: 0 };
  // Every layout shift while the sliders move (scripted input does not count as recent input, so none is excused).
  const shifts = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      out.shift += entry.value;
      out.shifts++;
    }
  });
  shifts.observe({ type: 'layout-shift' });
  for (let k = 0; k < moves; k++) {
    const seen = last();
    const r = await window.__swMoves.move(region, el, values[(k + 1) % 2]);
    const measured = last();
    if (measured && measured !== seen) out.recompute.push(measured.duration);
    if (r.dom === null) out.unchanged++;
    else {
      out.dom.push(r.dom);
      out.frame.push(r.frame);
    }
  }
  await window.__swMoves.frame();
  for (const entry of shifts.takeRecords()) {
    out.shift += entry.value;
    out.shifts++;
  }
  shifts.disconnect();
  out.slider = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || 'a slider';
  return out;
};

/** `moves` slider moves on a fresh page once the app has taken over. */
export async function measureSliderLatency(browser, url, { moves, log, cpuRate = 1 }) {
  log(`bench: ${moves} slider moves (${cpuRate}× CPU)`);
  const { context, page } = await freshPage(browser, { cpuRate, probes: [[MOVE_HELPERS]] });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await liveRecommendation(page).waitFor({ state: 'visible', timeout: 30000 });
    const region = await liveRecommendation(page).elementHandle();
    const sliders = await Promise.all((await page.getByRole('slider').all()).map((s) => s.elementHandle()));
    if (!sliders.length) throw new Error('no slider (role=slider) found on the page');
    const chosen = await page.evaluate(PICK_PAIR, { region, sliders });
    const r = await page.evaluate(RUN_MOVES, { region, el: sliders[chosen.index], values: chosen.values, moves });
    const dom = stats(r.dom);
    const recompute = stats(r.recompute);
    const budget = cpuRate > 1 ? SLIDER_P95_THROTTLED_BUDGET_MS : SLIDER_P95_BUDGET_MS;
    return {
      cpuRate,
      budget,
      shift: r.shift,
      shifts: r.shifts,
      slider: r.slider,
      values: chosen.values,
      moves,
      unchanged: r.unchanged,
      dom,
      frame: stats(r.frame),
      recompute,
      withinBudget: typeof dom.p95 === 'number' ? dom.p95 <= budget : null,
      recomputeWithin: typeof recompute.p95 === 'number' ? recompute.p95 < RECOMPUTE_BUDGET_MS : null,
    };
  } finally {
    await context.close();
  }
}
