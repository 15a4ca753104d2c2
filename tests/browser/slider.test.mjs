// A keyboard user moves a weight slider: its value and visible value change,
// and so do the recommendation and the radar chart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData } from '../support/data.mjs';
import { waitFor } from '../support/waits.mjs';
import { startEnv } from './harness.mjs';
import { withApp } from './page.mjs';

/** The criterion on which the options differ most: moving it must move the result. */
function mostDecisiveCriterion() {
  const { criteria, options } = loadData();
  const spread = (c) => Math.abs(c.scores[options[0].id].score - c.scores[options[1].id].score);
  return [...criteria].sort((a, b) => spread(b) - spread(a))[0];
}

/**
 * The value a sighted person reads next to the slider: an <output for=…>
 * tied to it if there is one, otherwise the text of the smallest ancestor
 * that holds both the slider and its <label>.
 */
async function visibleValueText(app, name) {
  return app.slider(name).evaluate((el) => {
    const outputs = el.id ? [...document.querySelectorAll('output')].filter((o) => o.htmlFor.contains(el.id)) : [];
    if (outputs.length) return outputs.map((o) => o.innerText).join(' ');
    const label = el.labels?.[0];
    let node = el.parentElement;
    while (node && label && !node.contains(label)) node = node.parentElement;
    return (node ?? el.parentElement)?.innerText ?? '';
  });
}

describe('weight sliders', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('ArrowRight / ArrowLeft change a slider by 1 and update value, recommendation and radar', async () => {
    const criterion = mostDecisiveCriterion();
    await withApp(env, async (app) => {
      const name = criterion.name;
      let start = await app.sliderValue(name);
      const slider = app.slider(name);
      if (start === 10) {
        // Make room to move right (keyboard only).
        await app.pressOnSlider(name, 'ArrowLeft');
        await waitFor(async () => (await app.sliderValue(name)) === 9, { message: 'ArrowLeft from 10 to give 9' });
        start = 9;
      }
      const rowBefore = await visibleValueText(app, name);
      const textBefore = await app.recommendationText();
      const radarBefore = await app.radarPoints();

      await slider.focus();
      await slider.press('ArrowRight');
      await waitFor(async () => (await app.sliderValue(name)) === start + 1, {
        message: `slider "${name}" to go from ${start} to ${start + 1} on ArrowRight`,
      });
      const rowAfter = await waitFor(async () => {
        const t = await visibleValueText(app, name);
        return t !== rowBefore ? t : false;
      }, { message: `the visible value next to "${name}" to change` });
      assert.match(rowAfter, new RegExp(`\\b${start + 1}\\b`), `visible value shows ${start + 1}: "${rowAfter}"`);
      await app.waitForRadarChange(radarBefore, 'the radar polygons to change after ArrowRight');

      // Push it to the top, one key press at a time: the result must move.
      for (let v = start + 1; v < 10; v++) await slider.press('ArrowRight');
      await waitFor(async () => (await app.sliderValue(name)) === 10, { message: `slider "${name}" to reach 10` });
      await slider.press('ArrowRight');
      assert.equal(await app.sliderValue(name), 10, 'ArrowRight at 10 stays at 10');
      const textAfter = await app.waitForRecommendationChange(
        textBefore,
        `the recommendation to change when "${name}" goes ${start} -> 10`,
      );
      assert.doesNotMatch(textAfter, /\bNaN\b/);

      await slider.press('ArrowLeft');
      await waitFor(async () => (await app.sliderValue(name)) === 9, { message: `ArrowLeft to bring "${name}" to 9` });
    });
  });
});
