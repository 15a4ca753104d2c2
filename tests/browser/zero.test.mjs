// Every weight at 0 (keyboard: Home on each slider): the app asks for a weight
// instead of dividing by zero, and nothing shows NaN.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData } from '../support/data.mjs';
import { NO_WEIGHT_MESSAGE } from '../support/phrases.mjs';
import { waitFor } from '../support/waits.mjs';
import { startEnv } from './harness.mjs';
import { withApp } from './page.mjs';

describe('all weights zero', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('Home on every slider shows "Set at least one weight" and no NaN', async () => {
    const { criteria, options } = loadData();
    await withApp(env, async (app) => {
      for (const c of criteria) {
        await app.pressOnSlider(c.name, 'Home');
        await waitFor(async () => (await app.sliderValue(c.name)) === 0, { message: `slider "${c.name}" to reach 0 on Home` });
      }
      await waitFor(async () => (await app.recommendationText()).includes(NO_WEIGHT_MESSAGE), {
        message: `the recommendation to say "${NO_WEIGHT_MESSAGE}"`,
      });
      const body = await app.bodyText();
      assert.doesNotMatch(body, /\bNaN\b/, 'no NaN in the page text');
      assert.doesNotMatch(body, /\bInfinity\b/, 'no Infinity in the page text');
      const html = await app.page.content();
      assert.doesNotMatch(html, /NaN/, 'no NaN anywhere in the DOM (attributes included)');
      for (const o of options) {
        const shape = app.radarShape(o.id);
        if (await shape.count()) {
          const points = (await shape.getAttribute('points')) ?? '';
          assert.doesNotMatch(points, /NaN|Infinity/, `radar polygon ${o.id} points`);
        }
      }

      // One weight back: a real recommendation returns.
      await app.pressOnSlider(criteria[0].name, 'ArrowRight');
      await waitFor(async () => !(await app.recommendationText()).includes(NO_WEIGHT_MESSAGE), {
        message: 'the recommendation to return after one weight is set',
      });
    });
  });
});
