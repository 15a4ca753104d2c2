// The core user journeys again, in a second engine: Debian's firefox-esr,
// headless, driven over W3C WebDriver by geckodriver (see webdriver.mjs).
// Mirrors tests/browser/{load,slider,presets,disclosure,zero}.test.mjs and
// the embed mode. Every journey also checks that nothing left 127.0.0.1 and that
// the page logged no error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPreset, loadData, optionName, weightedWinner } from '../support/data.mjs';
import { NO_WEIGHT_MESSAGE } from '../support/phrases.mjs';
import { normalise, parseWinner } from '../support/reading.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';
import { FirefoxApp, Key } from './page.mjs';

function mostDecisiveCriterion() {
  const { criteria, options } = loadData();
  const spread = (c) => Math.abs(c.scores[options[0].id].score - c.scores[options[1].id].score);
  return [...criteria].sort((a, b) => spread(b) - spread(a))[0];
}

describe('Firefox: core journeys', () => {
  let env;
  let app;
  before(async () => {
    env = await startFirefoxEnv();
    app = new FirefoxApp(env);
    const caps = env.session.capabilities;
    console.log(`${env.browserName} ${env.browserVersion}, geckodriver ${caps['moz:geckodriverVersion'] ?? '?'}, headless, fresh profile`);
  });
  after(async () => {
    await env?.close();
  });

  test('the page renders the heading and the Recommendation region', async () => {
    await app.open();
    await app.heading();
    const region = await app.recommendation();
    assert.equal(await region.computedRole(), 'region');
    const text = await app.recommendationText();
    assert.ok(parseWinner(text) || /too close|tie/i.test(text), `the recommendation names a winner: "${text}"`);
    assert.doesNotMatch(text, /\bNaN\b|undefined/);
    assert.ok(Object.keys(await app.radarPoints()).length >= 2, 'the radar chart draws both options');
    app.assertNoProblems();
  });

  test('ArrowRight / ArrowLeft on a focused slider change it and the recommendation and chart follow', async () => {
    const { name } = mostDecisiveCriterion();
    await app.open();
    const slider = await app.slider(name);
    let start = await app.sliderValue(name);
    if (start === 10) {
      await slider.sendKeys(Key.ArrowLeft);
      await waitFor(async () => (await app.sliderValue(name)) === 9, { message: 'ArrowLeft from 10 to give 9' });
      start = 9;
    }
    const textBefore = await app.recommendationText();
    const radarBefore = await app.radarPoints();

    await slider.sendKeys(Key.ArrowRight);
    await waitFor(async () => (await app.sliderValue(name)) === start + 1, {
      message: `slider "${name}" to go from ${start} to ${start + 1} on ArrowRight`,
    });
    assert.ok(
      await app.session.execute((el) => document.activeElement === el, slider),
      'the slider has keyboard focus',
    );
    await waitFor(async () => (await app.visibleValue(slider)) === String(start + 1), {
      message: `the visible value of "${name}" to read ${start + 1}`,
    });
    await app.waitForRadarChange(radarBefore, 'the radar polygons to change after ArrowRight');

    for (let v = start + 1; v < 10; v++) await app.session.pressKeys(Key.ArrowRight);
    await waitFor(async () => (await app.sliderValue(name)) === 10, { message: `slider "${name}" to reach 10` });
    await app.session.pressKeys(Key.ArrowRight);
    assert.equal(await app.sliderValue(name), 10, 'ArrowRight at 10 stays at 10');
    const textAfter = await app.waitForRecommendationChange(textBefore, `the recommendation to change when "${name}" goes ${start} -> 10`);
    assert.doesNotMatch(textAfter, /\bNaN\b/);

    await app.session.pressKeys(Key.ArrowLeft);
    await waitFor(async () => (await app.sliderValue(name)) === 9, { message: `ArrowLeft to bring "${name}" to 9` });
    app.assertNoProblems();
  });

  test('presets set every weight and move the recommendation (ML / AI -> Python, chat -> Node.js)', async () => {
    const ml = findPreset(/ml_ai|\bml\b|machine/i);
    const chat = findPreset(/chat|real.?time/i);
    assert.equal(weightedWinner(ml.weights).winner, 'python');
    assert.equal(weightedWinner(chat.weights).winner, 'node');
    await app.open();
    const radar0 = await app.radarPoints();
    let text = await app.recommendationText();
    for (const [preset, winner] of [[ml, 'python'], [chat, 'node']]) {
      const button = await app.presetButton(preset.name);
      await button.click();
      await waitFor(async () => (await button.attribute('aria-pressed')) === 'true', {
        message: `preset "${preset.name}" to read as pressed`,
      });
      for (const c of loadData().criteria) {
        assert.equal(await app.sliderValue(c.name), preset.weights[c.id], `"${c.name}" takes ${preset.name}'s weight`);
      }
      text = await app.waitForRecommendationChange(text, `the recommendation to change after "${preset.name}"`);
      await waitFor(async () => parseWinner(await app.recommendationText()) === winner, {
        message: `the recommendation to name ${optionName(winner)} after "${preset.name}"`,
      });
    }
    await app.waitForRadarChange(radar0, 'the radar to change after the presets');
    app.assertNoProblems();
  });

  test('"Why?" opens a criterion\'s rationale and sources, and closes again from the keyboard', async () => {
    const { criteria, options } = loadData();
    const c = criteria[0];
    await app.open();
    const why = await app.whyButton(c.name);
    assert.equal(await why.attribute('aria-expanded'), 'false');
    await why.click();
    await waitFor(async () => (await why.attribute('aria-expanded')) === 'true', { message: 'aria-expanded=true' });
    const panelId = await why.attribute('aria-controls');
    const panelText = await waitFor(async () => {
      const t = normalise(await app.session.execute((id) => document.getElementById(id)?.innerText ?? '', panelId));
      return options.every((o) => t.includes(normalise(c.scores[o.id].rationale))) ? t : false;
    }, { message: `both rationales for "${c.name}" to load` });
    const sourcesById = Object.fromEntries((loadData().raw.source ?? []).map((src) => [src.id, src]));
    for (const o of options) {
      for (const sid of c.scores[o.id].sources) {
        const src = sourcesById[sid];
        assert.ok(src, `source ${sid} exists in the data`);
        assert.ok(
          panelText.includes(normalise(src.title)) || panelText.includes(normalise(src.publisher)),
          `source "${src.title}" (${src.publisher}) is cited for ${o.name}`,
        );
      }
    }
    await why.sendKeys(Key.Enter);
    await waitFor(async () => (await why.attribute('aria-expanded')) === 'false', { message: 'aria-expanded=false after Enter' });
    assert.equal(await app.session.execute((id) => document.getElementById(id), panelId), null, 'the panel is gone');
    app.assertNoProblems();
  });

  test('Home on every slider: "Set at least one weight", no NaN or Infinity anywhere; one weight back brings a recommendation', async () => {
    const { criteria } = loadData();
    await app.open();
    const textBefore = await app.recommendationText();
    assert.ok(!textBefore.includes(NO_WEIGHT_MESSAGE), `a recommendation at first: "${textBefore}"`);
    for (const c of criteria) await app.pressOnSlider(c.name, Key.Home);
    await app.waitForWeights(Object.fromEntries(criteria.map((c) => [c.id, 0])), 'every slider to reach 0 on Home');
    const text = await waitFor(async () => {
      const t = await app.recommendationText();
      return t.includes(NO_WEIGHT_MESSAGE) ? t : false;
    }, { message: `the recommendation to say "${NO_WEIGHT_MESSAGE}"` });
    assert.equal(parseWinner(text), null, `no winner is named with every weight at 0: "${text}"`);
    const page = await app.session.execute(() => ({ text: document.body.innerText, html: document.documentElement.outerHTML }));
    assert.doesNotMatch(page.text, /\bNaN\b/, 'no NaN in the page text');
    assert.doesNotMatch(page.text, /\bInfinity\b/, 'no Infinity in the page text');
    assert.doesNotMatch(page.html, /NaN/, 'no NaN anywhere in the DOM (attributes included)');
    for (const [option, points] of Object.entries(await app.radarPoints())) {
      assert.doesNotMatch(points ?? '', /NaN|Infinity/, `radar polygon ${option} points`);
    }
    // The link carries the zero weights faithfully.
    await waitFor(async () => (await app.linkText()).includes(`w=${'0'.repeat(criteria.length)}`), {
      message: '"Link to these settings" to carry every weight at 0',
    });

    // One weight back: a real recommendation returns, and it is the oracle's.
    const c = mostDecisiveCriterion();
    await app.pressOnSlider(c.name, Key.ArrowRight);
    const back = await waitFor(async () => {
      const t = await app.recommendationText();
      return t.includes(NO_WEIGHT_MESSAGE) ? false : t;
    }, { message: 'the recommendation to return after one weight is set' });
    const oracle = weightedWinner({ [c.id]: 1 }).winner;
    assert.ok(oracle, `"${c.name}" alone decides`);
    assert.equal(parseWinner(back), oracle, `with only "${c.name}" at 1 the page names ${optionName(oracle)}: "${back}"`);
    app.assertNoProblems();
  });

  test('the embed (?embed=1&theme=dark) renders the widget, dark', async () => {
    await app.open('?embed=1&theme=dark');
    await app.recommendation();
    await app.openPanels();
    const info = await app.session.execute(() => {
      const lum = (css) => {
        const m = css.match(/[\d.]+/g);
        if (!m) return null;
        const [r, g, b] = m.slice(0, 3).map((v) => Number(v) / 255);
        const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const app = document.querySelector('.sw');
      let bgEl = app;
      let bg = getComputedStyle(bgEl).backgroundColor;
      while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
        bgEl = bgEl.parentElement;
        bg = bgEl ? getComputedStyle(bgEl).backgroundColor : 'rgb(255, 255, 255)';
      }
      return {
        theme: document.documentElement.getAttribute('data-theme'),
        embedClass: app?.hasAttribute('data-embed') ?? false,
        sliders: document.querySelectorAll('input[type=range]').length,
        background: lum(bg),
        text: lum(getComputedStyle(app).color),
      };
    });
    assert.equal(info.theme, 'dark', '<html data-theme="dark">');
    assert.ok(info.embedClass, 'the embed layout is used');
    assert.ok(info.sliders > 0, 'the embed has sliders');
    assert.ok(info.background < 0.2, `dark background (relative luminance ${info.background})`);
    assert.ok(info.text > info.background, 'text lighter than the background');
    const slider = (await app.byRole('input[type=range]', 'slider'))[0];
    const before = Number(await slider.property('value'));
    await slider.sendKeys(before === 10 ? Key.ArrowLeft : Key.ArrowRight);
    await waitFor(async () => Number(await slider.property('value')) !== before, { message: 'the embed slider to move' });
    app.assertNoProblems();
  });
});
