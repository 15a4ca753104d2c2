// The answer stays in view while the reader weighs (issue 24), written once for both engines: at 1280 × 800
// (the answer sticky beside the sliders) and at 360 × 800 (the compact answer bar once the verdict has
// scrolled away), the 10th slider is scrolled into view and moved with the keyboard until the winner
// changes; the winner and both totals are on screen, uncovered, before and after, what the reader sees
// changes with the move, and nothing covers the focused slider.

import assert from 'node:assert/strict';
import { loadData, optionName, weightText, weightedWinner } from '../data.mjs';
import { normalise } from '../reading.mjs';

/** The answer as the reader sees it now: the verdict if its headline and both totals are on screen and uncovered, else the answer bar if it is. */
function answerOnScreen() {
  const onScreen = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    // Fractions of a pixel past the edge are rounding (Firefox), not off screen.
    if (r.width === 0 || r.height === 0 || r.top < -1 || r.bottom > innerHeight + 1 || r.left < -1 || r.right > innerWidth + 1) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (el === hit || el.contains(hit));
  };
  const region = [...document.querySelectorAll('section[aria-labelledby]')].find(
    (s) => document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.trim() === 'Recommendation',
  );
  const verdict = region && [region.querySelector('.sw-headline'), ...region.querySelectorAll('.sw-total')];
  if (verdict && verdict.length === 3 && verdict.every(onScreen)) return { via: 'verdict', text: verdict.map((el) => el.innerText).join(' ') };
  const bar = [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Show the full recommendation'));
  if (bar && onScreen(bar)) return { via: 'bar', text: bar.innerText };
  const where = (el) => {
    const r = el?.getBoundingClientRect();
    return r && { top: Math.round(r.top), bottom: Math.round(r.bottom), hit: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.className };
  };
  return { via: null, text: '', bar: where(bar), headline: where(verdict?.[0]), viewport: [innerWidth, innerHeight] };
}

/** Whether the element the reader is moving is on screen and nothing lies over its middle. */
function focusedUncovered() {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  if (r.top < -1 || r.bottom > innerHeight + 1) return { ok: false, why: `outside the viewport (${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight})` };
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit === el ? { ok: true } : { ok: false, why: `covered by ${hit?.tagName}.${hit?.className}` };
}

/** A start (share-link weights) in which moving `criterion` alone changes the winner, and the way to move it. */
function tippingStart(criterion) {
  const { criteria, presets } = loadData();
  const bases = [
    ...[5, 3, 7, 1, 10].map((v) => Object.fromEntries(criteria.map((c) => [c.id, v]))),
    ...presets.map((p) => ({ ...p.weights })),
  ];
  for (const base of bases) {
    const from = weightedWinner(base).winner;
    if (!from) continue;
    for (const [key, end] of [['ArrowRight', 10], ['ArrowLeft', 0]]) {
      if (weightedWinner({ ...base, [criterion.id]: end }).winner !== from) return { hash: `v=1&w=${weightText(base)}`, key, from, start: base[criterion.id] };
    }
  }
  throw new Error(`no start in the data's presets or uniform weights where "${criterion.name}" alone changes the winner`);
}

function answerInViewJourney(width, height) {
  return {
    name: `at ${width} × ${height} the 10th slider moved with the keyboard changes the winner, and the answer stays in view, uncovered`,
    open: { load: false, viewport: { width, height } },
    async run(app, { url }) {
      // The 10th slider in reading order (the data's groups in order), and a start in which it alone decides.
      const { raw, criteria } = loadData();
      const grouped = raw.group.flatMap((g) => criteria.filter((c) => c.group === g.id));
      const criterion = grouped[9];
      const start = tippingStart(criterion);
      await app.load(`${url}#${start.hash}`);
      const tenth = (await app.roles('slider'))[9];
      assert.equal(await tenth.evaluate((el) => el.labels[0].textContent.trim()), criterion.name, 'the 10th slider on the page');
      assert.equal(await app.winner(), start.from, 'the start the oracle expects');

      const slider = await app.slider(criterion.name);
      await slider.scrollIntoView();
      await slider.focus();
      const before = await app.waitFor(async () => {
        const seen = await app.evaluate(answerOnScreen);
        return seen.via ? seen : false;
      }, { message: 'the winner and both totals on screen before the move' });
      assert.match(normalise(before.text), new RegExp(`${optionName(start.from)} leads`), `before: ${before.text}`);

      let moved = 0;
      while ((await app.winner()) === start.from) {
        assert.ok(moved++ < 10, 'the winner changes within ten key presses');
        await app.press(start.key);
        const uncovered = await app.evaluate(focusedUncovered);
        assert.ok(uncovered.ok, `the focused slider is not covered (${uncovered.why})`);
      }
      let last;
      const after = await app.waitFor(async () => {
        const seen = (last = await app.evaluate(answerOnScreen));
        return seen.via && seen.text !== before.text ? seen : false;
      }, { message: 'the winner and both totals on screen after the move, changed' }).catch((err) => {
        err.message += `: before ${JSON.stringify(before)}, last ${JSON.stringify(last)}`;
        throw err;
      });
      const winner = await app.winner();
      assert.notEqual(winner, start.from);
      if (winner) assert.match(normalise(after.text), new RegExp(`${optionName(winner)} leads`), `after: ${after.text}`);
      assert.ok(await app.evaluate(() => document.activeElement.type === 'range'), 'focus stayed on the slider');
      const uncovered = await app.evaluate(focusedUncovered);
      assert.ok(uncovered.ok, `the focused slider is not covered (${uncovered.why})`);
    },
  };
}

export const answerInViewJourneys = [answerInViewJourney(1280, 800), answerInViewJourney(360, 800)];

/** At 360 px the bar appears once the verdict has scrolled away, and tapping it brings the verdict back and focuses it. */
export const answerBarJourney = {
  name: 'the answer bar brings the full verdict back into view',
  open: { load: true, viewport: { width: 360, height: 800 } },
  async run(app) {
    const { criteria } = loadData();
    const last = await app.slider(criteria[criteria.length - 1].name);
    await last.scrollIntoView();
    const bar = await app.role('button', /^Show the full recommendation/);
    await bar.click();
    await app.waitFor(async () => (await app.evaluate(answerOnScreen)).via === 'verdict', { message: 'the verdict in view' });
    await app.waitFor(async () => (await app.roles('button', { name: /^Show the full recommendation/ })).length === 0, { message: 'the bar gone' });
    assert.equal(await app.evaluate(() => document.activeElement.getAttribute('aria-labelledby')), 'sw-rec-heading', 'focus on the recommendation');
  },
};
