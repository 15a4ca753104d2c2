// The page's core journeys, written once for both engines: it loads clean with every part of the UI
// contract named from the data; a keyboard user moves a slider and the recommendation and radar follow;
// presets set every weight and move the answer; "Why?" opens a criterion's rationale and sources; every
// weight at 0 asks for a weight instead of showing NaN; the embed renders dark when asked.

import assert from 'node:assert/strict';
import { findPreset, loadData, optionName, weightedWinner } from '../data.mjs';
import { HEADING, NO_WEIGHT_MESSAGE } from '../phrases.mjs';
import { normalise, parseScores, parseWinner } from '../reading.mjs';

/** The criterion on which the options differ most: moving it must move the result. */
export function mostDecisiveCriterion() {
  const { criteria, options } = loadData();
  const spread = (c) => Math.abs(c.scores[options[0].id].score - c.scores[options[1].id].score);
  return [...criteria].sort((a, b) => spread(b) - spread(a))[0];
}

const mlPreset = () => findPreset(/ml_ai|\bml\b|machine/i);
const chatPreset = () => findPreset(/chat|real.?time/i);

/** Clicks a preset as a reader does: once it reads as pressed the sliders have its weights, its summary is announced, and the others read as not pressed. */
export async function choosePreset(app, preset) {
  const button = await app.presetButton(preset.name);
  await button.click();
  await app.waitForAttribute(button, 'aria-pressed', 'true', `preset "${preset.name}" to read as pressed`);
  const weights = await app.sliderValues();
  for (const c of loadData().criteria) assert.equal(weights[c.id], preset.weights[c.id], `"${c.name}" takes ${preset.name}'s weight`);
  const status = await app.roleWithText('status', normalise(preset.summary).slice(0, 60));
  assert.ok(normalise(await status.text()).includes(normalise(preset.summary)), `role=status shows the summary "${preset.summary}"`);
  for (const p of loadData().presets.filter((x) => x.id !== preset.id)) {
    assert.equal(await (await app.presetButton(p.name)).attribute('aria-pressed'), 'false', `"${p.name}" not pressed`);
  }
}

export const loadJourneys = [
  {
    name: 'the page renders the heading and the Recommendation region, with no console error and no external request',
    async run(app) {
      assert.equal((await app.roles('heading', { name: HEADING, level: 1 })).length, 1, `exactly one h1 "${HEADING}"`);
      await app.recommendation();
      const text = await app.recommendationText();
      assert.ok(parseWinner(text) || /too close|tie/i.test(text), `the recommendation names a winner: "${text}"`);
      assert.doesNotMatch(text, /\bNaN\b|undefined/);
      assert.ok(Object.keys(await app.radarPoints()).length >= 2, 'the radar chart draws both options');
      // Let the first render settle fully before the guard is checked.
      await app.settled();
    },
  },
  {
    name: 'shows one preset button (aria-pressed) per data preset',
    async run(app) {
      const { presets } = loadData();
      assert.ok(presets.length >= 2, 'the data has presets');
      const group = await app.presetGroup();
      for (const p of presets) {
        const found = await group.roles('button', { name: p.name });
        assert.equal(found.length, 1, `preset button "${p.name}"`);
        const pressed = await found[0].attribute('aria-pressed');
        assert.ok(pressed === 'true' || pressed === 'false', `"${p.name}" has aria-pressed true/false, got ${pressed}`);
        assert.equal(await found[0].evaluate((el) => el.tagName), 'BUTTON', `"${p.name}" is a <button>`);
      }
      const pressedCount = (await group.css('[aria-pressed="true"]')).length;
      assert.ok(pressedCount <= 1, `at most one preset pressed, got ${pressedCount}`);
    },
  },
  {
    name: 'shows one 0–10 slider per criterion, named after it',
    async run(app) {
      const { criteria } = loadData();
      assert.equal((await app.roles('slider')).length, criteria.length, 'one slider per criterion');
      for (const c of criteria) {
        const found = await app.roles('slider', { name: c.name });
        assert.equal(found.length, 1, `slider "${c.name}"`);
        const attrs = await found[0].evaluate((el) => ({ type: el.type, min: el.min, max: el.max, step: el.step, value: el.value }));
        assert.deepEqual(
          { type: attrs.type, min: attrs.min, max: attrs.max, step: attrs.step },
          { type: 'range', min: '0', max: '10', step: '1' },
          `slider "${c.name}" attributes`,
        );
        const v = Number(attrs.value);
        assert.ok(Number.isInteger(v) && v >= 0 && v <= 10, `slider "${c.name}" value ${attrs.value} in 0..10`);
      }
    },
  },
  {
    name: 'shows a recommendation and a radar chart with both options',
    async run(app) {
      const { options } = loadData();
      const text = await app.recommendationText();
      assert.ok(options.some((o) => text.includes(o.name)), `recommendation names an option: "${text}"`);
      assert.equal((await app.roles('img', { name: /^Radar chart/ })).length, 1, 'one svg role=img named "Radar chart…"');
      const radar = await app.radar();
      assert.equal(await radar.evaluate((el) => el.tagName.toLowerCase()), 'svg');
      for (const o of options) {
        const shapes = await radar.css(`polygon.radar-shape[data-option="${o.id}"]`);
        assert.equal(shapes.length, 1, `one radar polygon for ${o.id}`);
        const points = await shapes[0].attribute('points');
        assert.ok(points && /\d/.test(points), `radar polygon for ${o.id} has points, got ${points}`);
        assert.doesNotMatch(points, /NaN|Infinity/, `radar polygon for ${o.id}`);
      }
      assert.doesNotMatch(await app.bodyText(), /\bNaN\b/, 'no NaN in the page text');
    },
  },
];

export const sliderJourney = {
  name: 'ArrowRight / ArrowLeft change a slider by 1 and update value, recommendation and radar',
  async run(app) {
    const { name } = mostDecisiveCriterion();
    const slider = await app.slider(name);
    let start = await app.sliderValue(name);
    if (start === 10) {
      // Make room to move right (keyboard only).
      await slider.press('ArrowLeft');
      await app.waitFor(async () => (await app.sliderValue(name)) === 9, { message: 'ArrowLeft from 10 to give 9' });
      start = 9;
    }
    const rowBefore = await app.visibleValue(slider);
    const textBefore = await app.recommendationText();
    const radarBefore = await app.radarPoints();

    await slider.press('ArrowRight');
    await app.waitFor(async () => (await app.sliderValue(name)) === start + 1, {
      message: `slider "${name}" to go from ${start} to ${start + 1} on ArrowRight`,
    });
    assert.ok(await slider.evaluate((el) => document.activeElement === el), 'the slider has keyboard focus');
    await app.waitFor(async () => (await app.visibleValue(slider)) === String(start + 1), {
      message: `the visible value of "${name}" to read ${start + 1}`,
    });
    const rowAfter = await app.visibleValue(slider);
    assert.notEqual(rowAfter, rowBefore, `the visible value next to "${name}" changed`);
    assert.match(rowAfter, new RegExp(`\\b${start + 1}\\b`), `visible value shows ${start + 1}: "${rowAfter}"`);
    await app.waitForRadarChange(radarBefore, 'the radar polygons to change after ArrowRight');

    // Push it to the top, one key press at a time: the result must move.
    for (let v = start + 1; v < 10; v++) await app.press('ArrowRight');
    await app.waitFor(async () => (await app.sliderValue(name)) === 10, { message: `slider "${name}" to reach 10` });
    await app.press('ArrowRight');
    assert.equal(await app.sliderValue(name), 10, 'ArrowRight at 10 stays at 10');
    const textAfter = await app.waitForRecommendationChange(textBefore, `the recommendation to change when "${name}" goes ${start} -> 10`);
    assert.doesNotMatch(textAfter, /\bNaN\b/);

    await app.press('ArrowLeft');
    await app.waitFor(async () => (await app.sliderValue(name)) === 9, { message: `ArrowLeft to bring "${name}" to 9` });
  },
};

export const presetJourneys = [
  {
    name: 'ML / AI preset recommends Python; real-time chat recommends Node.js; the chart and the text change',
    async run(app) {
      const [ml, chat] = [mlPreset(), chatPreset()];
      // The data itself favours Python for ML/AI and Node.js for real-time chat.
      assert.equal(weightedWinner(ml.weights).winner, 'python', `weighted sums for ${ml.id}: ${JSON.stringify(weightedWinner(ml.weights).scores)}`);
      assert.equal(weightedWinner(chat.weights).winner, 'node', `weighted sums for ${chat.id}: ${JSON.stringify(weightedWinner(chat.weights).scores)}`);
      let radar = await app.radarPoints();
      let text = await app.recommendationText();
      for (const [preset, winner] of [[ml, 'python'], [chat, 'node']]) {
        await choosePreset(app, preset);
        await app.waitForWinner(winner);
        radar = await app.waitForRadarChange(radar, `the radar to change after "${preset.name}"`);
        const now = await app.recommendationText();
        assert.notEqual(now, text, `the recommendation text changed after "${preset.name}"`);
        assert.ok(now.includes(optionName(winner)), `names ${optionName(winner)}: "${now}"`);
        text = now;
      }
    },
  },
  {
    name: 'the recommendation gives both scores on 0–100, a margin and three top criteria',
    async run(app) {
      await choosePreset(app, mlPreset());
      await app.waitForWinner('python');
      const text = await app.recommendationText();
      const numbers = [...text.matchAll(/(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      assert.ok(numbers.length >= 3, `scores and margin are shown as numbers: "${text}"`);
      for (const n of numbers) assert.ok(n >= 0 && n <= 100, `number ${n} within 0–100 in "${text}"`);
      assert.match(text, /margin|lead|ahead|by \d/i, `mentions the margin: "${text}"`);
      const scores = parseScores(text);
      assert.ok(scores && 'node' in scores && 'python' in scores, `reads both options' scores in "${text}"`);
      for (const [id, v] of Object.entries(scores)) assert.ok(v >= 0 && v <= 100, `${id} score ${v} within 0–100`);
      assert.ok(scores.python > scores.node, `the winner (Python) has the higher score: ${JSON.stringify(scores)}`);
      const named = loadData().criteria.filter((c) => text.includes(c.name) || text.includes(c.short));
      assert.ok(named.length >= 3, `names at least three contributing criteria, found ${named.map((c) => c.name).join(', ') || 'none'} in "${text}"`);
    },
  },
];

export const disclosureJourneys = [
  {
    name: 'each criterion has a collapsed "Why? <name>" button',
    async run(app) {
      for (const c of loadData().criteria) {
        const found = await app.roles('button', { name: `Why? ${c.name}` });
        assert.equal(found.length, 1, `button "Why? ${c.name}"`);
        assert.equal(await found[0].attribute('aria-expanded'), 'false', `"Why? ${c.name}" starts collapsed`);
      }
    },
  },
  {
    name: 'opening one (mouse, then keyboard to close) shows both rationales and their sources',
    async run(app) {
      const { criteria, options, raw } = loadData();
      const c = criteria[0];
      const sourcesById = Object.fromEntries((raw.source ?? []).map((s) => [s.id, s]));
      const firstRationale = normalise(c.scores[options[0].id].rationale);
      const why = await app.whyButton(c.name);
      assert.equal(await why.attribute('aria-expanded'), 'false');
      assert.ok(!(await app.bodyText()).includes(firstRationale), 'rationale hidden while collapsed');

      await why.click();
      await app.waitForAttribute(why, 'aria-expanded', 'true', 'aria-expanded=true after click');
      const panelId = await why.attribute('aria-controls');
      const panelText = () => app.evaluate((id) => document.getElementById(id)?.innerText ?? '', panelId);
      // The text is fetched the first time a "Why?" opens: wait for it.
      const text = await app.waitFor(async () => {
        const t = normalise(await panelText());
        return options.every((o) => t.includes(normalise(c.scores[o.id].rationale))) ? t : false;
      }, { message: `both rationales for "${c.name}" to load` });
      for (const o of options) {
        for (const sid of c.scores[o.id].sources) {
          const src = sourcesById[sid];
          assert.ok(src, `source ${sid} exists in the data`);
          assert.ok(
            text.includes(normalise(src.title)) || text.includes(normalise(src.publisher)),
            `source "${src.title}" (${src.publisher}) is cited for ${o.name}`,
          );
        }
      }

      await why.press('Enter');
      await app.waitForAttribute(why, 'aria-expanded', 'false', 'aria-expanded=false after Enter');
      assert.equal(await app.evaluate((id) => document.getElementById(id) === null, panelId), true, 'the panel is gone');
      await app.waitFor(async () => !(await app.bodyText()).includes(firstRationale), { message: 'rationale hidden again' });
    },
  },
];

export const zeroJourney = {
  name: 'Home on every slider: "Set at least one weight", no NaN or Infinity anywhere; one weight back brings the oracle\'s recommendation',
  async run(app) {
    const { criteria } = loadData();
    const textBefore = await app.recommendationText();
    assert.ok(!textBefore.includes(NO_WEIGHT_MESSAGE), `a recommendation at first: "${textBefore}"`);
    for (const c of criteria) await app.pressOnSlider(c.name, 'Home');
    await app.waitForWeights(Object.fromEntries(criteria.map((c) => [c.id, 0])), 'every slider to reach 0 on Home');
    const text = await app.waitFor(async () => {
      const t = await app.recommendationText();
      return t.includes(NO_WEIGHT_MESSAGE) ? t : false;
    }, { message: `the recommendation to say "${NO_WEIGHT_MESSAGE}"` });
    assert.equal(parseWinner(text), null, `no winner is named with every weight at 0: "${text}"`);
    const page = await app.evaluate(() => ({ text: document.body.innerText, html: document.documentElement.outerHTML }));
    assert.doesNotMatch(page.text, /\bNaN\b/, 'no NaN in the page text');
    assert.doesNotMatch(page.text, /\bInfinity\b/, 'no Infinity in the page text');
    assert.doesNotMatch(page.html, /NaN/, 'no NaN anywhere in the DOM (attributes included)');
    for (const [option, points] of Object.entries(await app.radarPoints())) {
      assert.doesNotMatch(points ?? '', /NaN|Infinity/, `radar polygon ${option} points`);
    }
    // The link carries the zero weights faithfully.
    await app.waitFor(async () => (await app.linkText()).includes(`w=${'0'.repeat(criteria.length)}`), {
      message: '"Link to these settings" to carry every weight at 0',
    });

    // One weight back: a real recommendation returns, and it is the oracle's.
    const c = mostDecisiveCriterion();
    await app.pressOnSlider(c.name, 'ArrowRight');
    const back = await app.waitFor(async () => {
      const t = await app.recommendationText();
      return t.includes(NO_WEIGHT_MESSAGE) ? false : t;
    }, { message: 'the recommendation to return after one weight is set' });
    const oracle = weightedWinner({ [c.id]: 1 }).winner;
    assert.ok(oracle, `"${c.name}" alone decides`);
    assert.equal(parseWinner(back), oracle, `with only "${c.name}" at 1 the page names ${optionName(oracle)}: "${back}"`);
  },
};

/** Relative luminance of a CSS colour, and of the first opaque background behind the widget (runs in the page). */
function embedColours() {
  const lum = (css) => {
    const m = css.match(/[\d.]+/g);
    if (!m) return null;
    const [r, g, b] = m.slice(0, 3).map((v) => Number(v) / 255);
    const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const widget = document.querySelector('.sw');
  let bgEl = widget;
  let bg = getComputedStyle(bgEl).backgroundColor;
  while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
    bgEl = bgEl.parentElement;
    bg = bgEl ? getComputedStyle(bgEl).backgroundColor : 'rgb(255, 255, 255)';
  }
  return {
    theme: document.documentElement.getAttribute('data-theme'),
    embedClass: widget?.hasAttribute('data-embed') ?? false,
    sliders: document.querySelectorAll('input[type=range]').length,
    background: lum(bg),
    text: lum(getComputedStyle(widget).color),
  };
}

export const darkEmbedJourney = {
  name: 'the embed (?embed=1&theme=dark) renders the widget, dark, and its sliders answer the keyboard',
  open: { path: '?embed=1&theme=dark' },
  async run(app) {
    await app.openPanels();
    const info = await app.evaluate(embedColours);
    assert.equal(info.theme, 'dark', '<html data-theme="dark">');
    assert.ok(info.embedClass, 'the embed layout is used');
    assert.ok(info.sliders > 0, 'the embed has sliders');
    assert.ok(info.background < 0.2, `dark background (relative luminance ${info.background})`);
    assert.ok(info.text > info.background, 'text lighter than the background');
    const [slider] = await app.roles('slider');
    const before = Number(await slider.value());
    await slider.press(before === 10 ? 'ArrowLeft' : 'ArrowRight');
    await app.waitFor(async () => Number(await slider.value()) !== before, { message: 'the embed slider to move' });
  },
};

/** Moves the first criterion's slider to an end by keyboard and waits for the chart to follow. */
export async function moveFirstSliderToAnEnd(app) {
  await app.openPanels();
  const { name } = loadData().criteria[0];
  const before = await app.sliderValue(name);
  const radar = await app.radarPoints();
  await app.pressOnSlider(name, before < 10 ? 'End' : 'Home');
  const after = await app.sliderValue(name);
  assert.notEqual(after, before, `slider "${name}" moved`);
  await app.waitForRadarChange(radar, `the radar to follow slider "${name}"`);
}

/** Opens the first criterion's "Why?" and waits for its text (not an error); returns it. */
export async function openFirstWhy(app) {
  await app.openPanels();
  const { name } = loadData().criteria[0];
  const button = await app.whyButton(name);
  await button.click();
  const id = await button.attribute('aria-controls');
  return app.waitFor(
    async () => {
      const text = (await app.evaluate((panel) => document.getElementById(panel)?.innerText ?? '', id)).trim();
      if (/could not be loaded|does not match/.test(text)) throw new Error(`Why? failed: ${text}`);
      return text.length > 40 && !text.startsWith('Loading') ? text : false;
    },
    { message: `the Why? text of "${name}"` },
  );
}
