// The Playwright adapter of the page object (tests/support/app-page.mjs): finds things the way a person
// or a screen reader would, by role and accessible name; CSS only for the radar polygons the contract names.

import assert from 'node:assert/strict';
import { AppPageBase } from '../support/app-page.mjs';
import { loadData } from '../support/data.mjs';
import { HEADING, RECOMMENDATION } from '../support/phrases.mjs';
import { normalise } from '../support/reading.mjs';
import { liveRecommendation, newGuardedPage, openPanels } from './harness.mjs';

export class AppPage extends AppPageBase {
  /** @param {Awaited<ReturnType<typeof newGuardedPage>>} guarded */
  constructor(guarded, url) {
    super();
    this.guarded = guarded;
    this.page = guarded.page;
    this.url = url;
  }

  /** Open a fresh page (empty storage) on the app and wait until it has rendered. */
  static async open(env, opts) {
    const guarded = await newGuardedPage(env, opts);
    const app = new AppPage(guarded, env.url);
    await app.page.goto(env.url, { waitUntil: 'load' });
    await app.heading().waitFor({ state: 'visible' });
    await liveRecommendation(app.page).waitFor({ state: 'visible' });
    return app;
  }

  close() {
    return this.guarded.close();
  }

  /** Opens `url` in this page as a new document (never a same-document hash change) and waits for the live app. */
  async load(url) {
    await this.page.goto('about:blank');
    await this.page.goto(url, { waitUntil: 'load' });
    await this.heading().waitFor({ state: 'visible' });
    await liveRecommendation(this.page).waitFor({ state: 'visible' });
  }

  /** Opens every closed panel (an embed starts with them closed), as a reader clicks each summary. */
  openPanels() {
    return openPanels(this.page);
  }

  /** Fails with every external request / console error seen so far. */
  assertNoProblems() {
    assert.deepEqual(this.guarded.problems(), [], 'the page must make no external request and log no error');
  }

  // --- locators ------------------------------------------------------------
  heading() {
    return this.page.getByRole('heading', { level: 1, name: HEADING, exact: true });
  }
  presetGroup() {
    return this.page.getByRole('group', { name: 'Use-case presets', exact: true });
  }
  presetButton(name) {
    return this.presetGroup().getByRole('button', { name, exact: true });
  }
  statusWith(text) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
  sliders() {
    return this.page.getByRole('slider');
  }
  slider(criterionName) {
    return this.page.getByRole('slider', { name: criterionName, exact: true });
  }
  recommendation() {
    return this.page.getByRole('region', { name: RECOMMENDATION, exact: true });
  }
  radar() {
    return this.page.getByRole('img', { name: /^Radar chart/ });
  }
  radarShape(optionId) {
    return this.radar().locator(`polygon.radar-shape[data-option="${optionId}"]`);
  }
  whyButton(criterionName) {
    return this.page.getByRole('button', { name: `Why? ${criterionName}`, exact: true });
  }

  // --- reads ---------------------------------------------------------------
  async recommendationText() {
    return normalise(await this.recommendation().innerText());
  }
  async radarPoints() {
    const out = {};
    for (const o of loadData().options) out[o.id] = await this.radarShape(o.id).getAttribute('points');
    return out;
  }
  async sliderValue(criterionName) {
    return Number(await this.slider(criterionName).inputValue());
  }
  async bodyText() {
    return this.page.locator('body').innerText();
  }

  // --- actions -------------------------------------------------------------
  async pressOnSlider(criterionName, key) {
    const s = this.slider(criterionName);
    await s.focus();
    await s.press(key);
  }
}

/**
 * Run `fn(app)` on a fresh page; afterwards assert that no external request,
 * console error or failed response happened, and close the page.
 */
export async function withApp(env, fn, opts) {
  const app = await AppPage.open(env, opts);
  try {
    await fn(app);
    app.assertNoProblems();
  } finally {
    await app.close();
  }
}
