// The widget as a page visitor and a blog reader meet it (tests/support/journeys/widget.mjs), in Chromium,
// the embed in both colour schemes (Chromium emulates the reader's preference); and, Chromium's alone
// because only Playwright can hold a response, a prerendered page that is a live form whose input the app
// adopts once its wasm arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPreset, loadData } from '../support/data.mjs';
import { blogSite, firstScreenJourneys, fullComparatorJourney, oneScreenJourneys } from '../support/journeys/widget.mjs';
import { waitFor } from '../support/waits.mjs';
import { describeJourneys, describeWithEnv, withApp } from './runner.mjs';

describeJourneys('the page: the first screen is the answer', firstScreenJourneys);
describeJourneys('the embed in a blog post: one screen tall, grows on demand', [...oneScreenJourneys(['light', 'dark']), fullComparatorJourney], {
  setup: blogSite,
});

describeWithEnv('the prerendered page is a live form', (env) => {

  for (const query of ['', '?embed=1']) {
    test(`a use case picked and a slider moved before the app is live are what the app shows (${query || 'page'})`, async () => {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await withApp(env, async (app) => {
        const { page } = app;
        await page.route('**/*.wasm', async (route) => {
          await held;
          await route.continue();
        });
        try {
          await page.goto(env.url + query, { waitUntil: 'load' });
          assert.ok(await page.locator('[data-prerendered]').count(), 'still the prerendered page');
          const preset = findPreset(/^ml_ai$/);
          await page.getByRole('button', { name: preset.name, exact: true }).click();
          const weights = page.getByText('Adjust the weights', { exact: true });
          if (!(await page.getByRole('slider').first().isVisible())) await weights.click();
          const { criteria } = loadData();
          const first = page.getByRole('slider', { name: criteria[0].name, exact: true });
          await first.focus();
          await page.keyboard.press('End');
          assert.equal(await first.inputValue(), '10', 'a range input moves without the app');
          release();
          await page.waitForFunction(() => !document.querySelector('[data-prerendered]'));
          const liveSlider = page.getByRole('slider', { name: criteria[0].name, exact: true });
          await waitFor(async () => (await liveSlider.inputValue()) === '10', { message: 'the moved slider kept in the live app' });
          const second = page.getByRole('slider', { name: criteria[1].name, exact: true });
          assert.equal(await second.inputValue(), String(preset.weights[criteria[1].id]), 'the picked use case set the other weights');
          await page.getByText(`Compared with “${preset.name}”:`, { exact: true }).waitFor({ state: 'visible' });
        } finally {
          release();
        }
      }, { load: false });
    });
  }
});
