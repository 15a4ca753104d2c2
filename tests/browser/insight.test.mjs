// Decision insight as a reader meets it: a tipping point crossed
// with the keyboard flips the answer and the page said it would; a close
// weighting is called too close; heavy weight on what each option is best
// at brings the "use both" advice; the questionnaire sets the weights its
// answers say; and edits are compared with the preset they started from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData, optionName, weightedWinner } from '../support/data.mjs';
import { waitFor } from '../support/waits.mjs';
import { describeWithEnv, withApp } from './runner.mjs';

/** "v=1&w=…" for a { criterionId: weight } map (0 where not given). */
function linkFor(weights) {
  const w = loadData()
    .criteria.map((c) => {
      const v = weights[c.id] ?? 0;
      return v === 10 ? 'a' : String(v);
    })
    .join('');
  return `#v=1&w=${w}`;
}

// "Why, and what would change it" follows the answer's region (the region itself is the verdict and the radar).
const whyPanel = (app) => app.page.locator('details[data-panel="why"]');
const changeList = (app) => whyPanel(app).getByRole('heading', { name: 'What would change it' }).locator('xpath=following-sibling::ul[1]');

describeWithEnv('decision insight', (env) => {

  test('crossing a tipping point with the keyboard flips the recommendation, as the page said it would', async () => {
    await withApp(env, async (app) => {
      // The page's own sentence, e.g. "Python wins if AI/ML and data ecosystem weight reaches 7."
      const sentences = await changeList(app).getByRole('listitem').allInnerTexts();
      const parsed = sentences
        .map((s) => /^(.+?) wins if (.+) weight (reaches|drops to) (\d+)\.$/.exec(s.trim()))
        .find(Boolean);
      assert.ok(parsed, `a tipping sentence among: ${JSON.stringify(sentences)}`);
      const [, newWinner, criterionName, , at] = parsed;
      const target = Number(at);
      const { criteria } = loadData();
      const criterion = criteria.find((c) => c.name === criterionName);
      assert.ok(criterion, `"${criterionName}" is a criterion`);
      const headline = () => app.recommendationText();
      const before = await headline();
      assert.ok(!before.startsWith(`${newWinner} leads`), `${newWinner} is not winning yet: ${before}`);

      const slider = await app.slider(criterionName);
      const start = await app.sliderValue(criterionName);
      const key = target > start ? 'ArrowRight' : 'ArrowLeft';
      await slider.focus();
      // One step short of the tipping point: the answer holds.
      for (let v = start; Math.abs(target - v) > 1; v += target > start ? 1 : -1) await slider.press(key);
      await waitFor(async () => Math.abs((await app.sliderValue(criterionName)) - target) === 1, { message: 'one step before the tipping point' });
      assert.ok(!(await headline()).includes(`${newWinner} leads`), 'just before the tipping point the winner holds');
      // The tipping point itself: the answer flips, and the page says what would flip it back.
      await slider.press(key);
      await waitFor(async () => (await headline()).includes(`${newWinner} leads`), { message: `${newWinner} to lead at weight ${target}` });
      const weights = Object.fromEntries(await Promise.all(criteria.map(async (c) => [c.id, await app.sliderValue(c.name)])));
      assert.equal(optionName(weightedWinner(weights).winner), newWinner, 'the independent oracle agrees');
      const after = await changeList(app).innerText();
      assert.match(after, / wins if /, 'the page says what would change it back');
    });
  });

  test('a weighting built to be close is labelled too close to call, naming what would decide it', async () => {
    // Two criteria on which the options differ, weighed so the totals end
    // up less than 5 points apart but not tied (found with the oracle).
    const { criteria, options } = loadData();
    const diff = (c) => c.scores[options[0].id].score - c.scores[options[1].id].score;
    let weights = null;
    search: for (const a of criteria.filter((c) => diff(c) > 0)) {
      for (const b of criteria.filter((c) => diff(c) < 0)) {
        for (let wa = 1; wa <= 10; wa++) {
          for (let wb = 1; wb <= 10; wb++) {
            const w = { [a.id]: wa, [b.id]: wb };
            const margin = (100 * Math.abs(wa * diff(a) + wb * diff(b))) / (10 * (wa + wb));
            if (margin > 0 && margin < 4) {
              weights = w;
              break search;
            }
          }
        }
      }
    }
    assert.ok(weights, 'the data allows a close weighting');
    await withApp(env, async (app) => {
      const text = await app.recommendationText();
      assert.match(text, /Too close to call/);
      assert.match(text, /What decides it: /);
    }, { path: linkFor(weights) });
  });

  test('heavy weight on real-time and on ML brings the "use both" advice', async () => {
    await withApp(env, async (app) => {
      const region = whyPanel(app);
      await region.getByRole('heading', { name: 'Or use both' }).waitFor();
      const advice = await region.innerText();
      assert.match(advice, /Node\.js for .*Real-time/i);
      assert.match(advice, /Python for .*AI/i);
    }, { path: linkFor({ realtime: 10, ai_ml: 10 }) });
  });

  test('scripted questionnaire answers set exactly the weights those answers give', async () => {
    await withApp(env, async (app) => {
      await app.page.getByRole('button', { name: 'Not sure how to weigh? Answer a few questions' }).click();
      const answer = async (question, text) =>
        app.page.getByRole('group', { name: question }).getByRole('radio', { name: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) }).check();
      await answer('What does your team already know best?', 'Python');
      await answer('Does the product need live updates (chat, notifications, collaboration, live dashboards)?', 'No');
      await answer('Will you train, serve or orchestrate ML models, or do heavy data work?', 'Yes, it is the core of the product');
      // Every weight starts at 4 (src/core/questionnaire.rs); these answers move:
      const expected = Object.fromEntries(loadData().criteria.map((c) => [c.id, 4]));
      Object.assign(expected, {
        automation: 6, // Python +2
        extensibility: 7, // Python +1, ML core +2
        full_stack: 2, // Python -2
        learning_curve: 2, // Python -2
        realtime: 1, // No -3
        ai_ml: 10, // ML core +6
        cpu_performance: 6, // ML core +2
      });
      for (const c of loadData().criteria) {
        await waitFor(async () => (await app.sliderValue(c.name)) === expected[c.id], {
          message: `"${c.name}" at ${expected[c.id]}`,
        });
      }
      assert.match(await app.recommendationText(), /Python leads/);
      // Still editable afterwards.
      const slider = await app.slider(loadData().criteria[0].name);
      await slider.focus();
      await slider.press('ArrowRight');
      await waitFor(async () => (await app.sliderValue(loadData().criteria[0].name)) === 5, { message: 'the slider stays editable' });
    });
  });

  test('after editing a preset the page lists the differences and resets to it', async () => {
    await withApp(env, async (app) => {
      const preset = loadData().presets.find((p) => p.id === 'ml_ai');
      await (await app.presetButton(preset.name)).click();
      const c = loadData().criteria[0];
      const was = preset.weights[c.id];
      await app.pressOnSlider(c.name, was < 10 ? 'ArrowRight' : 'ArrowLeft');
      const now = was < 10 ? was + 1 : was - 1;
      await app.page.getByText(`Compared with “${preset.name}”:`).waitFor();
      assert.ok(await app.page.getByText(`${c.name}: ${was} → ${now}`).isVisible());
      await app.page.getByRole('button', { name: `Reset to “${preset.name}”` }).click();
      await waitFor(async () => (await app.sliderValue(c.name)) === was, { message: 'reset to the preset weight' });
      await waitFor(async () => (await (await app.presetButton(preset.name)).attribute('aria-pressed')) === 'true', { message: 'the preset is active again' });
    });
  });
});
