// Share and remember, in the second engine: the link in "Link to these
// settings" carries the weights and the preset to a fresh document; garbled
// and newer-version links leave a working default widget with the specific
// message; weights the reader set come back from localStorage, including a
// move made just before leaving the page. Mirrors tests/browser/share.test.mjs
// (whose texts are the contract); every journey also checks that nothing
// left 127.0.0.1 and that the page logged no error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPreset, loadData, uniformWeights, weightedWinner, weightText } from '../support/data.mjs';
import { LINK_PROBLEM, RESTORE_OFFER } from '../support/phrases.mjs';
import { normalise, parseWinner } from '../support/reading.mjs';
import { assertScenarioLink, badLinks, linkScenario } from '../support/scenarios.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';
import { FirefoxApp, Key } from './page.mjs';

const DEFAULT_WEIGHT = 5;

const criteria = () => loadData().criteria;

async function choosePreset(app, preset) {
  const button = await app.presetButton(preset.name);
  await button.click();
  await waitFor(async () => (await button.attribute('aria-pressed')) === 'true', {
    message: `preset "${preset.name}" to read as pressed`,
  });
  await app.waitForWeights(preset.weights, `the sliders to take the "${preset.name}" weights`);
}

/**
 * A keyboard move that must change the recommendation: the criterion on
 * which the options differ most, one step towards the option it favours;
 * the winner the page then names is the oracle's.
 */
async function assertSliderMovesRecommendation(app) {
  const c = [...criteria()].sort(
    (a, b) => Math.abs(b.scores.node.score - b.scores.python.score) - Math.abs(a.scores.node.score - a.scores.python.score),
  )[0];
  const before = await app.sliderValues();
  const textBefore = await app.recommendationText();
  const key = before[c.id] < 10 ? Key.ArrowRight : Key.ArrowLeft;
  const want = { ...before, [c.id]: before[c.id] + (key === Key.ArrowRight ? 1 : -1) };
  await app.pressOnSlider(c.name, key);
  await app.waitForWeights(want, `"${c.name}" to move to ${want[c.id]}`);
  await app.waitForRecommendationChange(textBefore, `the recommendation to change after moving "${c.name}"`);
  const oracle = weightedWinner(want).winner;
  assert.ok(oracle, `the data gives a winner for ${JSON.stringify(want)}`);
  await waitFor(async () => parseWinner(await app.recommendationText()) === oracle, {
    message: `the recommendation to name the oracle's winner ${oracle}`,
  });
}

describe('Firefox: share and remember', () => {
  let env;
  let app;
  before(async () => {
    env = await startFirefoxEnv();
    app = new FirefoxApp(env);
  });
  after(async () => {
    await env?.close();
  });

  test('the "Link to these settings" link restores every weight, the preset state and the open "Why?" in a fresh document', async () => {
    const preset = findPreset(/ml_ai/);
    const { up, down, why, want } = linkScenario(preset);

    await app.open();
    await choosePreset(app, preset);
    await app.pressOnSlider(up.name, Key.ArrowRight, 2);
    await app.pressOnSlider(down.name, Key.ArrowLeft, 1);
    await app.waitForWeights(want, 'the two keyboard moves on top of the preset');
    const whyButton = await app.whyButton(why.name);
    await whyButton.click();
    await waitFor(async () => (await whyButton.attribute('aria-expanded')) === 'true', { message: `"Why? ${why.name}" to open` });

    const original = { weights: await app.sliderValues(), presets: await app.presetState(), why: await app.whyExpanded() };
    assert.ok(
      original.presets.status.startsWith(`Started from “${preset.name}”, then edited.`),
      `the preset status names the preset the weights started from: "${original.presets.status}"`,
    );
    assert.ok(Object.values(original.presets.pressed).every((p) => p === 'false'), 'an edited preset no longer reads as pressed');
    assert.equal(original.why[why.id], 'true');

    // The field follows the state as it renders: wait for the last change to reach it.
    const link = await waitFor(async () => {
      const text = await app.linkText();
      return text.includes(`w=${weightText(want)}`) && text.includes(`o=${why.id}`) ? text : false;
    }, { message: '"Link to these settings" to carry the edited weights and the open "Why?"' });
    assertScenarioLink(link, env.url, preset, { want, why });

    // A fresh document with nothing saved: only the link can bring the state back.
    await app.clearStorage();
    await app.load(link);
    const restored = await waitFor(async () => {
      const s = { weights: await app.sliderValues(), presets: await app.presetState(), why: await app.whyExpanded() };
      return JSON.stringify(s) === JSON.stringify(original) ? s : false;
    }, { timeout: 5000, message: 'the fresh document to show the linked state' }).catch(async () => ({
      weights: await app.sliderValues(),
      presets: await app.presetState(),
      why: await app.whyExpanded(),
    }));
    assert.deepEqual(restored, original, 'weights, pressed presets, preset status and open "Why?" all restored');
    assert.deepEqual(await app.alerts(), [], 'no message about the link');
    assert.ok(!(await app.bodyText()).includes(RESTORE_OFFER), 'nothing saved here, so nothing to restore');
    app.assertNoProblems();
  });

  test('a link from the page with a preset untouched reopens with that preset pressed', async () => {
    const preset = findPreset(/realtime_chat/);
    await app.open();
    await choosePreset(app, preset);
    const original = await app.presetState();
    assert.equal(original.pressed[preset.name], 'true');
    assert.equal(original.status, normalise(`${preset.name}: ${preset.summary}`));
    const link = await waitFor(async () => {
      const text = await app.linkText();
      return text.includes(`w=${weightText(preset.weights)}&p=${preset.id}`) ? text : false;
    }, { message: `"Link to these settings" to carry the "${preset.name}" preset` });

    await app.clearStorage();
    await app.load(link);
    await app.waitForWeights(preset.weights, `the "${preset.name}" weights from the link`);
    assert.deepEqual(await app.presetState(), original, 'the preset reads as pressed and its summary is shown again');
    app.assertNoProblems();
  });

  test('garbled, truncated, over-long and newer-version links: the specific message over a working default widget', async () => {
    // The cases of tests/browser/share.test.mjs, plus one with no digit at all.
    const cases = [
      ...badLinks(criteria().length),
      { what: 'garbled (no digit)', hash: 'v=1&w=zz', reason: '“z” is not a weight from 0 to 10' },
    ];
    for (const { what, hash, reason } of cases) {
      const expected = `${LINK_PROBLEM}: ${reason}; showing the defaults.`;
      await app.clearStorage();
      await app.load(`${env.url}#${hash}`);
      const alerts = await waitFor(async () => {
        const found = (await app.alerts()).filter((t) => t.includes(LINK_PROBLEM));
        return found.length ? found : false;
      }, { timeout: 5000, message: `${what} link: an alert about the link` }).catch(async () => {
        assert.fail(`${what} link (#${hash.slice(0, 40)}…): no alert; the page says "${(await app.bodyText()).slice(0, 300)}"`);
      });
      assert.equal(alerts.length, 1, `${what} link: one alert (${JSON.stringify(alerts)})`);
      assert.ok(alerts[0].includes(expected), `${what} link: expected "${expected}", got "${alerts[0]}"`);
      await app.waitForWeights(uniformWeights(DEFAULT_WEIGHT), `${what} link: the default weights`);
      await assertSliderMovesRecommendation(app);
    }
    app.assertNoProblems();
  });

  test('weights set with the keyboard are saved and come back when the page is opened again', async () => {
    const [c1, c2] = [criteria()[0], criteria()[3]];
    const own = { ...uniformWeights(DEFAULT_WEIGHT), [c1.id]: 8, [c2.id]: 2 };
    await app.open();
    assert.equal(await app.storedState(), null, 'nothing saved before the first move');
    await app.pressOnSlider(c1.name, Key.ArrowRight, 3);
    await app.pressOnSlider(c2.name, Key.ArrowLeft, 3);
    await app.waitForWeights(own, 'the own weights');
    const stored = await waitFor(async () => {
      const v = await app.storedState();
      return v?.includes(`w=${weightText(own)}`) ? v : false;
    }, { message: `localStorage "stackweigh:v1:state" to hold w=${weightText(own)}` });
    assert.match(stored, /^v=1&w=[0-9a]+/, `saved settings are share-link text: ${stored}`);

    // The plain address, no hash: the weights can only come from storage.
    await app.load(env.url);
    await app.waitForWeights(own, 'the own weights after reopening the page');
    assert.ok(!(await app.bodyText()).includes(RESTORE_OFFER), 'no restore offer on a plain visit');
    assert.deepEqual(await app.alerts(), [], 'no message about saved settings');
    app.assertNoProblems();
  });

  test('a move made just before leaving the page is remembered (written when the page is left, not only after a pause)', async (t) => {
    const c = criteria()[1];
    const want = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: DEFAULT_WEIGHT + 1 };
    await app.open();
    const slider = await app.slider(c.name);
    const savedBefore = await app.storedState();
    assert.ok(!savedBefore?.includes(`w=${weightText(want)}`), `the move is not saved yet: ${savedBefore}`);
    // Press and leave at once: no read, no wait in between (the app would
    // otherwise write the weights by itself once they settle, ~200 ms).
    const pressed = Date.now();
    await slider.sendKeys(Key.ArrowRight);
    await app.session.navigate('about:blank');
    const left = Date.now() - pressed;
    // Under 200 ms the settle timer cannot have written the move before the
    // page was left: only the write on leaving (pagehide) can have saved it.
    t.diagnostic(
      left < 200
        ? `left ${left} ms after the key press: the move can only have been saved on leaving`
        : `left only ${left} ms after the key press (slow machine): the settle timer may have saved the move first`,
    );
    await app.load(env.url);
    await app.waitForWeights(want, `"${c.name}" at ${want[c.id]} after leaving and reopening the page`);
    app.assertNoProblems();
  });
});
