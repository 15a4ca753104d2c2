// Share and remember, written once for both engines: the link carries the whole state to a fresh
// document; broken links and unreadable saved settings leave a working default widget with the specific
// message; the reader's own weights are saved (also a move made just before leaving), come back, and a
// shared link never costs them; the embed dialog's preview is live while it is open.

import assert from 'node:assert/strict';
import { findPreset, loadData, uniformWeights, weightedWinner, weightText } from '../data.mjs';
import { EMBED_DIALOG, LINK_PROBLEM, PREVIEW_TITLE, RESTORE_OFFER } from '../phrases.mjs';
import { normalise } from '../reading.mjs';
import { assertScenarioLink, badLinks, linkScenario } from '../scenarios.mjs';
import { STORAGE_KEY } from '../app-page.mjs';
import { choosePreset, mostDecisiveCriterion } from './page.mjs';

export const DEFAULT_WEIGHT = 5;
const RESTORE_BUTTON = 'Restore my weights';
const criteria = () => loadData().criteria;

/** Everything a reader could see of the state: weights, presets and their status line, "Why?" buttons. */
async function visibleState(app) {
  return { weights: await app.sliderValues(), presets: await app.presetState(), why: await app.whyExpanded() };
}

/** A keyboard move that must change the recommendation (the most decisive criterion, one step); the winner the page then names is the oracle's. */
export async function assertSliderMovesRecommendation(app) {
  const c = mostDecisiveCriterion();
  const before = await app.sliderValues();
  const textBefore = await app.recommendationText();
  const key = before[c.id] < 10 ? 'ArrowRight' : 'ArrowLeft';
  const want = { ...before, [c.id]: before[c.id] + (key === 'ArrowRight' ? 1 : -1) };
  await app.pressOnSlider(c.name, key);
  await app.waitForWeights(want, `"${c.name}" to move to ${want[c.id]} on ${key}`);
  await app.waitForRecommendationChange(textBefore, `the recommendation to change after moving "${c.name}"`);
  const oracle = weightedWinner(want).winner;
  assert.ok(oracle, `the data gives a winner for ${JSON.stringify(want)}`);
  await app.waitForWinner(oracle);
}

/** Waits until the reader's own weights `own` are saved, and returns what was saved. */
function waitForSaved(app, own) {
  return app.waitFor(async () => {
    const v = await app.storedState();
    return v?.includes(`w=${weightText(own)}`) ? v : false;
  }, { message: `localStorage "${STORAGE_KEY}" to hold w=${weightText(own)}` });
}

/** The status line of the share panel saying `text`, read back whole. */
export async function shareStatus(app, text) {
  return normalise(await (await app.roleWithText('status', text)).text());
}

export const shareJourneys = [
  {
    name: 'the link restores every weight, the preset state and the open "Why?" in a fresh document ("Copy link" copies it)',
    async run(app, { url }) {
      const preset = findPreset(/ml_ai/);
      const { up, down, why, want } = linkScenario(preset);
      await choosePreset(app, preset);
      await app.pressOnSlider(up.name, 'ArrowRight', 2);
      await app.pressOnSlider(down.name, 'ArrowLeft', 1);
      await app.waitForWeights(want, 'the two keyboard moves on top of the preset');
      const whyButton = await app.whyButton(why.name);
      await whyButton.click();
      await app.waitForAttribute(whyButton, 'aria-expanded', 'true', `"Why? ${why.name}" to open`);

      const original = await visibleState(app);
      assert.ok(
        original.presets.status.startsWith(`Started from “${preset.name}”, then edited.`),
        `the preset status names the preset the weights started from: "${original.presets.status}"`,
      );
      assert.ok(Object.values(original.presets.pressed).every((p) => p === 'false'), 'an edited preset no longer reads as pressed');
      assert.equal(original.why[why.id], 'true');

      // The field follows the state as it renders: wait for the last change to reach it.
      const link = await app.waitFor(async () => {
        const text = await app.linkText();
        return text.includes(`w=${weightText(want)}`) && text.includes(`o=${why.id}`) ? text : false;
      }, { message: '"Link to these settings" to carry the edited weights and the open "Why?"' });
      const parsed = assertScenarioLink(link, url, preset, { want, why });
      assert.ok(parsed.hash.length - 1 <= 512, `the link's state fits in 512 characters: ${parsed.hash.length - 1}`);
      await (await app.button('Copy link')).click();
      assert.equal(await shareStatus(app, 'Copied the link.'), 'Copied the link.');
      if (app.readClipboard) assert.equal(await app.readClipboard(), link, 'the clipboard holds the link shown in "Link to these settings"');

      // A fresh document with nothing saved: only the link can bring the state back.
      await app.clearStorage();
      await app.load(link);
      const restored = await app
        .waitFor(async () => {
          const s = await visibleState(app);
          return JSON.stringify(s) === JSON.stringify(original) ? s : false;
        }, { timeout: 5000, message: 'the fresh document to show the linked state' })
        .catch(() => visibleState(app));
      assert.deepEqual(restored, original, 'weights, pressed presets, preset status and open "Why?" all restored');
      assert.deepEqual(await app.alerts(), [], 'no message about the link');
      assert.ok(!(await app.bodyText()).includes(RESTORE_OFFER), 'nothing saved here, so nothing to restore');
    },
  },
  {
    name: 'a link from the page with a preset untouched reopens with that preset pressed',
    async run(app) {
      const preset = findPreset(/realtime_chat/);
      await choosePreset(app, preset);
      const original = await app.presetState();
      assert.equal(original.pressed[preset.name], 'true');
      assert.equal(original.status, normalise(`${preset.name}: ${preset.summary}`));
      const link = await app.waitFor(async () => {
        const text = await app.linkText();
        return text.includes(`w=${weightText(preset.weights)}&p=${preset.id}`) ? text : false;
      }, { message: `"Link to these settings" to carry the "${preset.name}" preset` });

      await app.clearStorage();
      await app.load(link);
      await app.waitForWeights(preset.weights, `the "${preset.name}" weights from the link`);
      assert.deepEqual(await app.presetState(), original, 'the preset reads as pressed and its summary is shown again');
    },
  },
  {
    name: 'garbled, truncated, over-long and newer-version links: the specific message over a working default widget',
    async run(app, { url }) {
      const cases = [...badLinks(criteria().length), { what: 'garbled (no digit)', hash: 'v=1&w=zz', reason: '“z” is not a weight from 0 to 10' }];
      for (const { what, hash, reason } of cases) {
        const expected = `${LINK_PROBLEM}: ${reason}; showing the defaults.`;
        await app.clearStorage();
        await app.load(`${url}#${hash}`);
        const alerts = await app
          .waitFor(async () => {
            const found = (await app.alerts()).filter((t) => t.includes(LINK_PROBLEM));
            return found.length ? found : false;
          }, { timeout: 5000, message: `${what} link: an alert about the link` })
          .catch(async () => assert.fail(`${what} link (#${hash.slice(0, 40)}…): no alert; the page says "${(await app.bodyText()).slice(0, 300)}"`));
        assert.equal(alerts.length, 1, `${what} link: one alert (${JSON.stringify(alerts)})`);
        assert.ok(alerts[0].includes(expected), `${what} link: expected "${expected}", got "${alerts[0]}"`);
        await app.waitForWeights(uniformWeights(DEFAULT_WEIGHT), `${what} link: the default weights`);
        await assertSliderMovesRecommendation(app);
      }
    },
  },
  {
    name: 'corrupted saved settings: says so, shows the defaults, works, and saves good settings again',
    open: { load: false },
    async run(app, { url }) {
      const garbage = '%%garbage{not ours';
      await app.setStorage(STORAGE_KEY, garbage);
      await app.load(url);
      // The codec reads the version first: text without one was not made by stackweigh.
      const expected = 'Your saved weights could not be read (it has no version number, so it was not made by stackweigh); starting from the defaults.';
      const alert = await app.roleWithText('alert', 'Your saved weights could not be read');
      assert.ok(normalise(await alert.text()).includes(expected), `expected "${expected}", got "${normalise(await alert.text())}"`);
      await app.waitForWeights(uniformWeights(DEFAULT_WEIGHT), 'the default weights');
      await assertSliderMovesRecommendation(app);
      const stored = await app.waitFor(async () => {
        const v = await app.storedState();
        return v !== garbage ? v : false;
      }, { message: 'the page to replace the garbage with its settings' });
      assert.match(stored, /^v=1&w=[0-9a]+/, `saved settings are share-link text: ${stored}`);
    },
  },
  {
    name: 'weights set with the keyboard are saved and come back; a shared link shows its weights and "Restore my weights" brings the own ones back',
    open: { load: false },
    async run(app, { url }) {
      const [c1, c2] = [criteria()[0], criteria()[3]];
      const own = { ...uniformWeights(DEFAULT_WEIGHT), [c1.id]: 8, [c2.id]: 2 };
      const linkWeights = findPreset(/realtime_chat/).weights;
      assert.notDeepEqual(linkWeights, own);
      await app.goto(url);
      // Read by the script that first sees the live app: the page writes its state 200 ms after it starts.
      const atStart = await app.waitFor(
        () => app.evaluate((key) => (document.querySelector('main#stackweigh:not([data-prerendered])') ? { stored: localStorage.getItem(key) } : null), STORAGE_KEY),
        { message: 'the live app' },
      );
      assert.equal(atStart.stored, null, 'nothing saved before the first move');
      await app.waitForLive();
      await app.pressOnSlider(c1.name, 'ArrowRight', 3);
      await app.pressOnSlider(c2.name, 'ArrowLeft', 3);
      await app.waitForWeights(own, 'the own weights');
      const stored = await waitForSaved(app, own);
      assert.match(stored, /^v=1&w=[0-9a]+/, `saved settings are share-link text: ${stored}`);

      // The plain address, no hash: the weights can only come from storage.
      await app.load(url);
      await app.waitForWeights(own, 'the own weights after reopening the page');
      assert.ok(!(await app.bodyText()).includes(RESTORE_OFFER), 'no restore offer on a plain visit');
      assert.deepEqual(await app.alerts(), [], 'no message about saved settings');

      await app.load(`${url}#v=1&w=${weightText(linkWeights)}`);
      await app.waitForWeights(linkWeights, "the link's weights");
      const offer = await app.roleWithText('status', RESTORE_OFFER);
      await (await offer.role('button', RESTORE_BUTTON)).click();
      await app.waitForWeights(own, 'the own weights after "Restore my weights"');
      await app.waitFor(async () => !(await app.bodyText()).includes(RESTORE_OFFER), { message: 'the restore offer to go away' });

      await app.load(url);
      await app.waitForWeights(own, 'the own weights on the next plain visit');
    },
  },
  {
    name: 'a move made just before leaving the page is remembered (written when the page is left, not only after a pause)',
    async run(app, { url, t }) {
      const c = criteria()[1];
      const want = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: DEFAULT_WEIGHT + 1 };
      const slider = await app.slider(c.name);
      const savedBefore = await app.storedState();
      assert.ok(!savedBefore?.includes(`w=${weightText(want)}`), `the move is not saved yet: ${savedBefore}`);
      // Press and leave at once (the app would otherwise write the weights by itself once they settle, ~200 ms).
      const pressed = Date.now();
      await slider.press('ArrowRight');
      assert.equal(Number(await slider.value()), want[c.id], 'the slider moved');
      await app.goto('about:blank');
      const left = Date.now() - pressed;
      // Under 200 ms the settle timer cannot have written the move before the page was left: only the write on leaving (pagehide) can have saved it.
      t.diagnostic(
        left < 200
          ? `left ${left} ms after the key press: the move can only have been saved on leaving`
          : `left only ${left} ms after the key press (slow machine): the settle timer may have saved the move first`,
      );
      await app.load(url);
      await app.waitForWeights(want, `"${c.name}" at ${want[c.id]} after leaving and reopening the page`);
    },
  },
  {
    name: 'a shared link does not cost the reader their own weights when the tab is reloaded before choosing',
    async run(app, { url }) {
      const c = criteria()[0];
      const own = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: 9 };
      const linkWeights = findPreset(/realtime_chat/).weights;
      await app.pressOnSlider(c.name, 'ArrowRight', 4);
      await app.waitForWeights(own, 'the own weights');
      await waitForSaved(app, own);

      await app.load(`${url}#v=1&w=${weightText(linkWeights)}`);
      await app.waitForWeights(linkWeights, "the link's weights");
      await app.button(RESTORE_BUTTON);

      // The reader reloads the shared link without pressing either button.
      await app.reload();
      await app.waitForWeights(linkWeights, "the link's weights after the reload");
      const restore = await app.role('button', RESTORE_BUTTON, { timeout: 3000 }).catch(() => null);
      const storage = await app.evaluate(() => ({ ...window.localStorage }));
      assert.ok(
        restore,
        `"${RESTORE_BUTTON}" is still offered after reloading the shared link (the own weights w=${weightText(own)} were never chosen away); ` +
          `localStorage now: ${JSON.stringify(storage)}`,
      );
      await restore.click();
      await app.waitForWeights(own, 'the own weights after "Restore my weights"');
    },
  },
  {
    name: 'the embed preview is a live widget with the current weights while the dialog is open, and gone once it closes',
    async run(app) {
      const c = criteria()[0];
      const want = { ...uniformWeights(DEFAULT_WEIGHT), [c.id]: DEFAULT_WEIGHT + 2 };
      await app.pressOnSlider(c.name, 'ArrowRight', 2);
      await app.waitForWeights(want, 'the edited weights');
      const previews = () => app.css(`iframe[title="${PREVIEW_TITLE}"]`);
      assert.equal((await previews()).length, 0, 'no preview (a second app instance) before the dialog opens');

      await (await app.button('Embed this')).click();
      await app.role('dialog', EMBED_DIALOG);
      const preview = await app.one(`iframe[title="${PREVIEW_TITLE}"]`);
      assert.match(await preview.attribute('src'), new RegExp(`\\?embed=1#.*w=${weightText(want)}`));
      // The preview is the embed as readers get it, panels closed: the slider is there, not shown.
      await app.inFrame(preview, (frame) =>
        frame.waitFor(async () => (await frame.evaluate((name) => [...document.querySelectorAll('main:not([data-prerendered]) input[type=range]')].find((el) => el.labels[0]?.textContent.trim() === name)?.value, c.name)) === String(want[c.id]), {
          message: 'the preview to show the edited weight',
        }),
      );

      await app.press('Escape');
      await app.waitFor(async () => (await app.roles('dialog', { name: EMBED_DIALOG })).length === 0, { message: 'the dialog to close' });
      await app.waitFor(async () => (await previews()).length === 0, { message: 'the preview to go once the dialog closes' });
      // Further moves reload nothing in the background.
      await app.pressOnSlider(c.name, 'ArrowLeft', 1);
      await app.waitForWeights({ ...want, [c.id]: want[c.id] - 1 }, 'the weight after one more move');
      assert.equal((await previews()).length, 0, 'still no preview after a move');
    },
  },
];
