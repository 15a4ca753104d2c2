// Picking a use-case preset: the button reads as pressed, its summary is
// announced in a status region, the sliders take its weights, and the
// recommendation and chart follow (ML/AI -> Python, real-time chat -> Node.js).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPreset, loadData, optionName, weightedWinner } from '../support/data.mjs';
import { normalise, parseScores } from '../support/reading.mjs';
import { waitFor } from '../support/waits.mjs';
import { startEnv } from './harness.mjs';
import { withApp } from './page.mjs';

async function choosePreset(app, preset) {
  const button = app.presetButton(preset.name);
  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true', {
    message: `preset "${preset.name}" to become aria-pressed=true`,
  });
  await app.statusWith(preset.summary.trim().slice(0, 60)).first().waitFor({ state: 'attached' });
  const status = normalise(await app.statusWith(preset.summary.trim().slice(0, 60)).first().innerText());
  assert.ok(status.includes(normalise(preset.summary)), `role=status shows the summary "${preset.summary}", got "${status}"`);
  for (const c of loadData().criteria) {
    const want = preset.weights[c.id];
    await waitFor(async () => (await app.sliderValue(c.name)) === want, {
      message: `slider "${c.name}" to take preset weight ${want}`,
    });
  }
  const others = loadData().presets.filter((p) => p.id !== preset.id);
  for (const p of others) {
    assert.equal(await app.presetButton(p.name).getAttribute('aria-pressed'), 'false', `"${p.name}" not pressed`);
  }
}


describe('use-case presets', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('the data itself favours Python for ML/AI and Node.js for real-time chat', () => {
    const ml = findPreset(/ml_ai|\bml\b|machine/i);
    const chat = findPreset(/chat|real.?time/i);
    assert.equal(weightedWinner(ml.weights).winner, 'python', `weighted sums for ${ml.id}: ${JSON.stringify(weightedWinner(ml.weights).scores)}`);
    assert.equal(weightedWinner(chat.weights).winner, 'node', `weighted sums for ${chat.id}: ${JSON.stringify(weightedWinner(chat.weights).scores)}`);
  });

  test('ML / AI preset recommends Python; real-time chat recommends Node.js; the chart changes', async () => {
    const ml = findPreset(/ml_ai|\bml\b|machine/i);
    const chat = findPreset(/chat|real.?time/i);
    await withApp(env, async (app) => {
      const radar0 = await app.radarPoints();
      const text0 = await app.recommendationText();

      await choosePreset(app, ml);
      await app.waitForWinner('python');
      const radarMl = await app.waitForRadarChange(radar0, 'the radar to change after the ML / AI preset');
      const textMl = await app.recommendationText();
      assert.notEqual(textMl, text0, 'recommendation text changed');
      assert.ok(textMl.includes(optionName('python')), `names Python: "${textMl}"`);

      await choosePreset(app, chat);
      await app.waitForWinner('node');
      await app.waitForRadarChange(radarMl, 'the radar to change after the real-time chat preset');
      const textChat = await app.recommendationText();
      assert.ok(textChat.includes(optionName('node')), `names Node.js: "${textChat}"`);
    });
  });

  test('the recommendation gives both scores on 0–100, a margin and three top criteria', async () => {
    const ml = findPreset(/ml_ai|\bml\b|machine/i);
    await withApp(env, async (app) => {
      await choosePreset(app, ml);
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
      const { criteria } = loadData();
      const named = criteria.filter((c) => text.includes(c.name) || text.includes(c.short));
      assert.ok(named.length >= 3, `names at least three contributing criteria, found ${named.map((c) => c.name).join(', ') || 'none'} in "${text}"`);
    });
  });
});
