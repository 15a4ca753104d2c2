// The page loads offline-clean: no console error, no request beyond 127.0.0.1,
// and every part of the UI contract is present with the data's names.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData } from '../support/data.mjs';
import { startEnv } from './harness.mjs';
import { withApp } from './page.mjs';

describe('page load', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('loads with no console error and no external request', async () => {
    await withApp(env, async (app) => {
      assert.equal(await app.heading().count(), 1, 'exactly one h1 "Node.js vs Python for your backend"');
      // Let the first render settle fully before checking the guard.
      await app.page.waitForLoadState('networkidle');
      app.assertNoProblems();
    });
  });

  test('shows one preset button (aria-pressed) per data preset', async () => {
    const { presets } = loadData();
    assert.ok(presets.length >= 2, 'the data has presets');
    await withApp(env, async (app) => {
      await app.presetGroup().waitFor();
      for (const p of presets) {
        const button = app.presetButton(p.name);
        assert.equal(await button.count(), 1, `preset button "${p.name}"`);
        const pressed = await button.getAttribute('aria-pressed');
        assert.ok(pressed === 'true' || pressed === 'false', `"${p.name}" has aria-pressed true/false, got ${pressed}`);
        assert.equal(await button.evaluate((el) => el.tagName), 'BUTTON', `"${p.name}" is a <button>`);
      }
      const pressedCount = await app.presetGroup().locator('[aria-pressed="true"]').count();
      assert.ok(pressedCount <= 1, `at most one preset pressed, got ${pressedCount}`);
    });
  });

  test('shows one 0–10 slider per criterion, named after it', async () => {
    const { criteria } = loadData();
    await withApp(env, async (app) => {
      assert.equal(await app.sliders().count(), criteria.length, 'one slider per criterion');
      for (const c of criteria) {
        const s = app.slider(c.name);
        assert.equal(await s.count(), 1, `slider "${c.name}"`);
        const attrs = await s.evaluate((el) => ({ type: el.type, min: el.min, max: el.max, step: el.step, value: el.value }));
        assert.deepEqual(
          { type: attrs.type, min: attrs.min, max: attrs.max, step: attrs.step },
          { type: 'range', min: '0', max: '10', step: '1' },
          `slider "${c.name}" attributes`,
        );
        const v = Number(attrs.value);
        assert.ok(Number.isInteger(v) && v >= 0 && v <= 10, `slider "${c.name}" value ${attrs.value} in 0..10`);
      }
    });
  });

  test('shows a recommendation and a radar chart with both options', async () => {
    const { options } = loadData();
    await withApp(env, async (app) => {
      const text = await app.recommendationText();
      assert.ok(
        options.some((o) => text.includes(o.name)),
        `recommendation names an option: "${text}"`,
      );
      assert.equal(await app.radar().count(), 1, 'one svg role=img named "Radar chart…"');
      assert.equal(await app.radar().evaluate((el) => el.tagName.toLowerCase()), 'svg');
      for (const o of options) {
        const points = await app.radarShape(o.id).getAttribute('points');
        assert.ok(points && /\d/.test(points), `radar polygon for ${o.id} has points, got ${points}`);
        assert.doesNotMatch(points, /NaN|Infinity/, `radar polygon for ${o.id}`);
      }
      assert.doesNotMatch(await app.bodyText(), /\bNaN\b/, 'no NaN in the page text');
    });
  });
});
