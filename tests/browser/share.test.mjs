// Share, remember, export: "Copy link" carries the whole state to a fresh
// browser; broken links and unusable storage leave a working widget with a
// specific message; remembered weights come back and a shared link never
// costs the reader their own; the Markdown table and the chart downloads
// hold what the page shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { findPreset, loadData, optionName, uniformWeights, weightedWinner, weightText } from '../support/data.mjs';
import { LINK_PROBLEM, RESTORE_OFFER } from '../support/phrases.mjs';
import { normalise } from '../support/reading.mjs';
import { assertScenarioLink, badLinks, linkScenario } from '../support/scenarios.mjs';
import { waitFor } from '../support/waits.mjs';
import { liveRecommendation, newGuardedPage, startEnv } from './harness.mjs';
import { AppPage } from './page.mjs';

const STORAGE_KEY = 'stackweigh:v1:state';
const STORAGE_NOTE = 'This browser does not let the page remember your weights; use “Copy link” to keep them.';
const DEFAULT_WEIGHT = 5;

const criteria = () => loadData().criteria;
const presets = () => loadData().presets;

/**
 * A fresh guarded context (empty storage, 127.0.0.1 only, console errors
 * recorded), optionally with clipboard permissions and an init script, on
 * `url`, once the live app has taken over from the prerendered markup.
 */
async function openAt(env, url, { clipboard = false, init } = {}) {
  const guarded = await newGuardedPage(env);
  try {
    if (clipboard) {
      await guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    }
    if (init) await guarded.context.addInitScript(...(Array.isArray(init) ? init : [init]));
    const app = new AppPage(guarded, env.url);
    await app.load(url);
    return app;
  } catch (err) {
    await guarded.close();
    throw err;
  }
}

async function withPage(env, url, opts, fn) {
  const app = await openAt(env, url, opts);
  try {
    await fn(app);
    app.assertNoProblems();
  } finally {
    await app.close();
  }
}

/** {criterionId: value} of every slider, each found by its criterion's name. */
async function sliderValues(app) {
  const out = {};
  for (const c of criteria()) out[c.id] = await app.sliderValue(c.name);
  return out;
}

async function waitForWeights(app, want, message) {
  let last;
  try {
    return await waitFor(async () => {
      last = await sliderValues(app);
      return criteria().every((c) => last[c.id] === want[c.id]) ? last : false;
    }, { message });
  } catch (err) {
    // Show exactly which sliders differ.
    assert.deepEqual(last, want, err.message);
    throw err;
  }
}

async function pressTimes(app, criterionName, key, times) {
  const slider = app.slider(criterionName);
  await slider.focus();
  for (let i = 0; i < times; i++) await slider.press(key);
}

async function choosePreset(app, preset) {
  const button = app.presetButton(preset.name);
  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true', {
    message: `preset "${preset.name}" to become aria-pressed=true`,
  });
  await waitForWeights(app, preset.weights, `the sliders to take the "${preset.name}" weights`);
}

async function readClipboard(app) {
  return app.page.evaluate(() => navigator.clipboard.readText());
}

async function shareStatus(app, text) {
  const status = app.statusWith(text).first();
  await status.waitFor({ state: 'visible' });
  return normalise(await status.innerText());
}

/** Everything a reader could see of the state: weights, presets, "Why?" buttons, preset status. */
async function visibleState(app) {
  const pressed = {};
  for (const p of presets()) pressed[p.id] = await app.presetButton(p.name).getAttribute('aria-pressed');
  const expanded = {};
  for (const c of criteria()) expanded[c.id] = await app.whyButton(c.name).getAttribute('aria-expanded');
  const presetStatus = normalise(await app.presetGroup().locator('xpath=..').getByRole('status').innerText());
  return { weights: await sliderValues(app), pressed, expanded, presetStatus };
}

/**
 * A slider move that must change the recommendation: the criterion on which
 * the options differ most, one step towards the option it favours.
 */
async function assertSliderMovesRecommendation(app) {
  const { options } = loadData();
  const c = [...criteria()].sort(
    (a, b) => Math.abs(b.scores.node.score - b.scores.python.score) - Math.abs(a.scores.node.score - a.scores.python.score),
  )[0];
  const before = await sliderValues(app);
  const textBefore = await app.recommendationText();
  const key = before[c.id] < 10 ? 'ArrowRight' : 'ArrowLeft';
  const want = { ...before, [c.id]: before[c.id] + (key === 'ArrowRight' ? 1 : -1) };
  await pressTimes(app, c.name, key, 1);
  await waitForWeights(app, want, `"${c.name}" to move to ${want[c.id]} on ${key}`);
  await app.waitForRecommendationChange(textBefore, `the recommendation to change after moving "${c.name}"`);
  const oracle = weightedWinner(want).winner;
  assert.ok(oracle, `the data gives a winner for ${JSON.stringify(want)}`);
  await app.waitForWinner(oracle);
  assert.ok(options.some((o) => o.id === oracle));
}

describe('share, remember, export', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('"Copy link" copies a link that restores weights, preset and open "Why?" in a fresh browser', async () => {
    const preset = findPreset(/ml_ai/);
    const { up, down, why, want } = linkScenario(preset);

    let link;
    let original;
    await withPage(env, env.url, { clipboard: true }, async (app) => {
      await choosePreset(app, preset);
      await pressTimes(app, up.name, 'ArrowRight', 2);
      await pressTimes(app, down.name, 'ArrowLeft', 1);
      await waitForWeights(app, want, 'the two keyboard moves');
      const whyButton = app.whyButton(why.name);
      await whyButton.click();
      await waitFor(async () => (await whyButton.getAttribute('aria-expanded')) === 'true', { message: `"Why? ${why.name}" to open` });

      original = await visibleState(app);
      assert.equal(
        original.presetStatus.startsWith(`Started from “${preset.name}”, then edited.`),
        true,
        `the preset status names the preset the weights started from: "${original.presetStatus}"`,
      );

      await app.page.getByRole('button', { name: 'Copy link', exact: true }).click();
      assert.equal(await shareStatus(app, 'Copied the link.'), 'Copied the link.');
      link = await readClipboard(app);
      const shown = await app.page.getByRole('textbox', { name: 'Link to these settings', exact: true }).inputValue();
      assert.equal(link, shown, 'the clipboard holds the link shown in "Link to these settings"');
    });

    const url = assertScenarioLink(link, env.url, preset, { want, why });
    assert.ok(url.hash.length - 1 <= 512, `the link's state fits in 512 characters: ${url.hash.length - 1}`);

    await withPage(env, link, {}, async (app) => {
      const restored = await waitFor(async () => {
        const s = await visibleState(app);
        return JSON.stringify(s) === JSON.stringify(original) ? s : false;
      }, { timeout: 5000, message: 'the fresh context to show the copied state' }).catch(async () => visibleState(app));
      assert.deepEqual(restored, original, 'weights, pressed presets, preset status and open "Why?" all restored');
      assert.equal(await app.page.getByRole('alert').count(), 0, 'no message about the link');
      assert.equal(await app.page.getByText(RESTORE_OFFER).count(), 0, 'nothing saved here, so nothing to restore');
    });
  });

  test('garbled, truncated, over-long and newer-version links: a specific message over a working default widget', async () => {
    const cases = badLinks(criteria().length);
    for (const { what, hash, reason } of cases) {
      const expected = `${LINK_PROBLEM}: ${reason}; showing the defaults.`;
      await withPage(env, `${env.url}#${hash}`, {}, async (app) => {
        const alert = app.page.getByRole('alert').filter({ hasText: LINK_PROBLEM });
        await alert.waitFor({ state: 'visible' }).catch(() => {});
        const text = normalise(await app.bodyText());
        assert.equal(await alert.count(), 1, `${what} link (#${hash.slice(0, 40)}…): one alert, page says "${text.slice(0, 300)}"`);
        const alertText = normalise(await alert.innerText());
        assert.ok(alertText.includes(expected), `${what} link: expected "${expected}", got "${alertText}"`);
        await waitForWeights(app, uniformWeights(DEFAULT_WEIGHT), `${what} link: the default weights`);
        await assertSliderMovesRecommendation(app);
      });
    }
  });

  test('blocked storage (localStorage throws): the widget works, says so, and logs no error', async () => {
    const init = () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      });
    };
    await withPage(env, env.url, { init }, async (app) => {
      const blocked = await app.page.evaluate(() => {
        try {
          void window.localStorage;
          return false;
        } catch {
          return true;
        }
      });
      assert.equal(blocked, true, 'localStorage throws on access in this context');
      const note = app.page.getByText(STORAGE_NOTE, { exact: true });
      await note.waitFor({ state: 'visible' });
      assert.equal(await app.page.getByRole('alert').count(), 0, 'no error message, only the quiet note');
      await waitForWeights(app, uniformWeights(DEFAULT_WEIGHT), 'the default weights');
      await assertSliderMovesRecommendation(app);
      assert.equal(await note.count(), 1, 'the note stays');
    });
  });

  test('corrupted saved settings: says so, shows the defaults, works, and saves good settings again', async () => {
    const garbage = '%%garbage{not ours';
    // Before any script of the page runs (about:blank has no storage of its own).
    const init = ([key, value]) => {
      if (location.protocol === 'http:') window.localStorage.setItem(key, value);
    };
    // The codec reads the version first: text without one was not made by stackweigh.
    const expected = 'Your saved weights could not be read (it has no version number, so it was not made by stackweigh); starting from the defaults.';
    const app = await openAt(env, env.url, { init: [init, [STORAGE_KEY, garbage]] });
    try {
      const alert = app.page.getByRole('alert').filter({ hasText: 'Your saved weights could not be read' });
      await alert.waitFor({ state: 'visible' });
      assert.ok(normalise(await alert.innerText()).includes(expected), `expected "${expected}", got "${normalise(await alert.innerText())}"`);
      await waitForWeights(app, uniformWeights(DEFAULT_WEIGHT), 'the default weights');
      await assertSliderMovesRecommendation(app);
      const stored = await waitFor(async () => {
        const v = await app.page.evaluate((k) => window.localStorage.getItem(k), STORAGE_KEY);
        return v !== garbage ? v : false;
      }, { message: 'the page to replace the garbage with its settings' });
      assert.match(stored, /^v=1&w=[0-9a]+/, `saved settings are share-link text: ${stored}`);
      app.assertNoProblems();
    } finally {
      await app.close();
    }
  });

  test('remembered settings come back; a shared link shows its weights and "Restore my weights" brings the own ones back', async () => {
    const [c1, c2] = [criteria()[0], criteria()[3]];
    const own = { ...uniformWeights(DEFAULT_WEIGHT), [c1.id]: 8, [c2.id]: 2 };
    const linkWeights = findPreset(/realtime_chat/).weights;
    assert.notDeepEqual(linkWeights, own);

    await withPage(env, env.url, {}, async (app) => {
      await pressTimes(app, c1.name, 'ArrowRight', 3);
      await pressTimes(app, c2.name, 'ArrowLeft', 3);
      await waitForWeights(app, own, 'the own weights');
      await waitFor(async () => {
        const v = await app.page.evaluate((k) => window.localStorage.getItem(k), STORAGE_KEY);
        return v?.includes(`w=${weightText(own)}`);
      }, { message: 'the own weights to be saved' });

      await app.load(env.url);
      await waitForWeights(app, own, 'the own weights after reopening the page');
      assert.equal(await app.page.getByText(RESTORE_OFFER).count(), 0, 'no restore offer on a plain visit');

      await app.load(`${env.url}#v=1&w=${weightText(linkWeights)}`);
      await waitForWeights(app, linkWeights, "the link's weights");
      const offer = app.page.getByRole('status').filter({ hasText: RESTORE_OFFER });
      await offer.waitFor({ state: 'visible' });
      await offer.getByRole('button', { name: 'Restore my weights', exact: true }).click();
      await waitForWeights(app, own, 'the own weights after "Restore my weights"');
      await waitFor(async () => (await offer.count()) === 0, { message: 'the restore offer to go away' });

      await app.load(env.url);
      await waitForWeights(app, own, 'the own weights on the next plain visit');
    });
  });

  test('the embed preview is a live widget with the current weights while the dialog is open, and gone once it closes', async () => {
    const c = criteria()[0];
    const want = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: DEFAULT_WEIGHT + 2 };
    await withPage(env, env.url, {}, async (app) => {
      await pressTimes(app, c.name, 'ArrowRight', 2);
      await waitForWeights(app, want, 'the edited weights');
      const preview = app.page.getByTitle('Preview of the embedded widget');
      assert.equal(await preview.count(), 0, 'no preview (a second app instance) before the dialog opens');

      await app.page.getByRole('button', { name: 'Embed this', exact: true }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Embed this comparison' });
      await dialog.waitFor({ state: 'visible' });
      await preview.waitFor({ state: 'visible' });
      assert.match(await preview.getAttribute('src'), new RegExp(`\\?embed=1#.*w=${weightText(want)}`));
      const embedded = app.page.frameLocator('iframe[title="Preview of the embedded widget"]');
      // The preview is the embed as readers get it, panels closed: the slider is there, not shown.
      await waitFor(async () => (await embedded.getByRole('slider', { name: c.name, exact: true, includeHidden: true }).inputValue()) === String(want[c.id]), {
        message: 'the preview to show the edited weight',
      });

      await app.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await waitFor(async () => (await preview.count()) === 0, { message: 'the preview to go once the dialog closes' });
      // Further moves reload nothing in the background.
      await pressTimes(app, c.name, 'ArrowLeft', 1);
      await waitForWeights(app, { ...want, [c.id]: want[c.id] - 1 }, 'the weight after one more move');
      assert.equal(await preview.count(), 0, 'still no preview after a move');
    });
  });

  test('a move made just before leaving the page is remembered (saved when the page is hidden, not only after a pause)', async () => {
    const c = criteria()[1];
    const want = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: DEFAULT_WEIGHT + 1 };
    await withPage(env, env.url, {}, async (app) => {
      // Leave at once (well within the pause after which the weights are
      // written anyway): they are written on the way out.
      await pressTimes(app, c.name, 'ArrowRight', 1);
      assert.equal(await app.sliderValue(c.name), want[c.id], 'the slider moved');
      await app.load(env.url);
      await waitForWeights(app, want, 'the move after leaving and reopening the page');
    });
  });

  test('a shared link does not cost the reader their own weights when the tab is reloaded before choosing', async () => {
    const c = criteria()[0];
    const own = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: 9 };
    const linkWeights = findPreset(/realtime_chat/).weights;
    await withPage(env, env.url, {}, async (app) => {
      await pressTimes(app, c.name, 'ArrowRight', 4);
      await waitForWeights(app, own, 'the own weights');
      await waitFor(async () => {
        const v = await app.page.evaluate((k) => window.localStorage.getItem(k), STORAGE_KEY);
        return v?.includes(`w=${weightText(own)}`);
      }, { message: 'the own weights to be saved' });

      const link = `${env.url}#v=1&w=${weightText(linkWeights)}`;
      await app.load(link);
      await waitForWeights(app, linkWeights, "the link's weights");
      await app.page.getByRole('button', { name: 'Restore my weights', exact: true }).waitFor({ state: 'visible' });

      // The reader reloads the shared link without pressing either button.
      await app.page.reload({ waitUntil: 'load' });
      await liveRecommendation(app.page).waitFor({ state: 'visible' });
      await waitForWeights(app, linkWeights, "the link's weights after the reload");
      const restore = app.page.getByRole('button', { name: 'Restore my weights', exact: true });
      await restore.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
      const storage = await app.page.evaluate(() => ({ ...window.localStorage }));
      assert.equal(
        await restore.count(),
        1,
        '"Restore my weights" is still offered after reloading the shared link (the own weights ' +
          `w=${weightText(own)} were never chosen away); localStorage now: ${JSON.stringify(storage)}`,
      );
      await restore.click();
      await waitForWeights(app, own, 'the own weights after "Restore my weights"');
    });
  });

  test('exports: Markdown table on the clipboard matches the page; SVG and PNG chart downloads are real files', async () => {
    const preset = findPreset(/ml_ai/);
    await withPage(env, env.url, { clipboard: true }, async (app) => {
      await choosePreset(app, preset);
      const weights = await sliderValues(app);
      const oracle = weightedWinner(weights).winner;
      assert.ok(oracle, 'the preset has a winner');
      await app.waitForWinner(oracle);
      const pageWinner = await app.winner();

      await app.page.getByRole('button', { name: 'Copy as Markdown table', exact: true }).click();
      assert.equal(await shareStatus(app, 'Copied the Markdown table.'), 'Copied the Markdown table.');
      const md = await readClipboard(app);
      const rows = md.split('\n').filter((l) => l.startsWith('|'));
      const names = loadData().options.map((o) => o.name);
      assert.equal(rows[0], `| Criterion | Weight | ${names.join(' | ')} |`, `header row: ${rows[0]}`);
      assert.match(rows[1], /^\|(\s*:?-{3,}:?\s*\|)+$/, `separator row: ${rows[1]}`);
      for (const c of criteria()) {
        const matching = rows.filter((r) => r.startsWith(`| ${c.name} |`));
        assert.equal(matching.length, 1, `one row for "${c.name}" in\n${md}`);
        const cells = matching[0].split('|').slice(1, -1).map((s) => s.trim());
        assert.equal(cells[1], String(weights[c.id]), `weight of "${c.name}" in the table`);
        assert.deepEqual(
          cells.slice(2).map((s) => Number(s.replace(/\/10$/, ''))),
          loadData().options.map((o) => c.scores[o.id].score),
          `scores of "${c.name}": ${matching[0]}`,
        );
      }
      const result = md.split('\n').find((l) => l.startsWith('Result:'));
      assert.ok(result, `a "Result:" line in\n${md}`);
      const named = loadData().options.filter((o) => result.includes(o.name));
      assert.deepEqual(named.map((o) => o.id), [pageWinner], `"${result}" names the page's winner ${optionName(pageWinner)} (only)`);

      const svgButton = app.page.getByRole('button', { name: 'Download chart (SVG)', exact: true });
      const [svg] = await Promise.all([app.page.waitForEvent('download'), svgButton.click()]);
      assert.equal(await svg.failure(), null, 'the SVG download completed');
      assert.match(svg.suggestedFilename(), /\.svg$/);
      const svgText = await readFile(await svg.path(), 'utf8');
      assert.ok(svgText.startsWith('<svg'), `starts with <svg: ${svgText.slice(0, 80)}`);
      assert.match(svgText.slice(0, svgText.indexOf('>')), /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'the root carries the SVG namespace');
      assert.ok(svgText.trimEnd().endsWith('</svg>'), 'a complete document');
      for (const o of loadData().options) assert.ok(svgText.includes(`data-option="${o.id}"`), `the ${o.name} shape is in the file`);
      assert.equal(await shareStatus(app, 'Chart downloaded as SVG.'), 'Chart downloaded as SVG.');

      const pngButton = app.page.getByRole('button', { name: 'Download chart (PNG)', exact: true });
      const [png] = await Promise.all([app.page.waitForEvent('download'), pngButton.click()]);
      assert.equal(await png.failure(), null, 'the PNG download completed');
      assert.match(png.suggestedFilename(), /\.png$/);
      const pngBytes = await readFile(await png.path());
      assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG magic bytes');
      assert.ok(pngBytes.length > 1000, `a real image, not an empty canvas: ${pngBytes.length} bytes`);
      assert.equal(await shareStatus(app, 'Chart downloaded as PNG.'), 'Chart downloaded as PNG.');
    });
  });
});
