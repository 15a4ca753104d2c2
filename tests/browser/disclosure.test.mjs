// "Why? <criterion>" disclosures reveal each option's rationale and sources.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData } from '../support/data.mjs';
import { normalise } from '../support/reading.mjs';
import { waitFor } from '../support/waits.mjs';
import { startEnv } from './harness.mjs';
import { withApp } from './page.mjs';

describe('why disclosures', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('each criterion has a collapsed "Why? <name>" button', async () => {
    const { criteria } = loadData();
    await withApp(env, async (app) => {
      for (const c of criteria) {
        const b = app.whyButton(c.name);
        assert.equal(await b.count(), 1, `button "Why? ${c.name}"`);
        assert.equal(await b.getAttribute('aria-expanded'), 'false', `"Why? ${c.name}" starts collapsed`);
      }
    });
  });

  test('opening one (mouse, then keyboard to close) shows both rationales and their sources', async () => {
    const { criteria, options, raw } = loadData();
    const c = criteria[0];
    const sourcesById = Object.fromEntries((raw.source ?? []).map((s) => [s.id, s]));
    await withApp(env, async (app) => {
      const b = app.whyButton(c.name);
      const firstRationale = normalise(c.scores[options[0].id].rationale);
      assert.equal(await app.page.getByText(firstRationale, { exact: false }).filter({ visible: true }).count(), 0,
        'rationale hidden while collapsed');

      await b.click();
      await waitFor(async () => (await b.getAttribute('aria-expanded')) === 'true', { message: 'aria-expanded=true after click' });
      const controls = await b.getAttribute('aria-controls');
      const panel = controls ? app.page.locator(`[id="${controls}"]`) : app.page.locator('body');
      await panel.waitFor({ state: 'visible' });
      // The text is fetched the first time a "Why?" opens: wait for it.
      const panelText = await waitFor(async () => {
        const text = normalise(await panel.innerText());
        return text.includes(normalise(c.scores[options[0].id].rationale)) ? text : false;
      }, { message: `the rationale for "${c.name}" to load` });
      for (const o of options) {
        const score = c.scores[o.id];
        assert.ok(panelText.includes(normalise(score.rationale)), `${o.name} rationale for "${c.name}" is shown`);
        for (const sid of score.sources) {
          const s = sourcesById[sid];
          assert.ok(s, `source ${sid} exists in the data`);
          assert.ok(
            panelText.includes(normalise(s.title)) || panelText.includes(normalise(s.publisher)),
            `source "${s.title}" (${s.publisher}) is cited for ${o.name}`,
          );
        }
      }

      await b.focus();
      await b.press('Enter');
      await waitFor(async () => (await b.getAttribute('aria-expanded')) === 'false', { message: 'aria-expanded=false after Enter' });
      await waitFor(async () => (await app.page.getByText(firstRationale, { exact: false }).filter({ visible: true }).count()) === 0,
        { message: 'rationale hidden again' });
    });
  });
});
