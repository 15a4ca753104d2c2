// Page object for stackweigh: finds things the way a person (or a screen
// reader) would — by role and accessible name — never by CSS class, except
// for the radar polygons whose `points` the contract names explicitly.

import assert from 'node:assert/strict';
import { liveRecommendation, loadData, newGuardedPage, optionName, waitFor } from './harness.mjs';

export const HEADING = 'Node.js vs Python for your backend';
export const NO_WEIGHT_MESSAGE = 'Set at least one weight';

export class AppPage {
  /** @param {Awaited<ReturnType<typeof newGuardedPage>>} guarded */
  constructor(guarded, url) {
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
    return this.page.getByRole('region', { name: 'Recommendation', exact: true });
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

  /** Winner option id as the recommendation region states it. */
  async winner() {
    return parseWinner(await this.recommendationText());
  }

  // --- waits ---------------------------------------------------------------
  async waitForRecommendationChange(before, message = 'the recommendation text to change') {
    return waitFor(async () => {
      const now = await this.recommendationText();
      return now !== before ? now : false;
    }, { message });
  }
  async waitForRadarChange(before, message = 'the radar polygons to change') {
    return waitFor(async () => {
      const now = await this.radarPoints();
      return Object.keys(now).some((k) => now[k] !== before[k]) ? now : false;
    }, { message });
  }
  async waitForWinner(optionId) {
    return waitFor(async () => ((await this.winner()) === optionId ? optionId : false), {
      message: `the recommendation to name ${optionName(optionId)} as the winner`,
    });
  }

  // --- actions -------------------------------------------------------------
  async pressOnSlider(criterionName, key) {
    const s = this.slider(criterionName);
    await s.focus();
    await s.press(key);
  }
}

export function normalise(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Which option the recommendation text declares the winner.
 * Looks for "<Option> wins/leads/is ahead/…" or "Recommend…: <Option>", or
 * "<Option>: NN" score pairs (highest wins); null if it can't tell.
 */
export function parseWinner(text) {
  const { options } = loadData();
  const names = options.map((o) => ({ id: o.id, re: escapeRe(o.name) }));
  // The first statement of a winner in reading order is the answer; later
  // sentences may be hypotheticals ("Node.js wins if … drops to 2").
  let first = null;
  for (const { id, re } of names) {
    for (const pattern of [
      `${re}\\s+(?:wins|leads|is ahead|comes out ahead|edges|is the better|is recommended|comes out on top)`,
      `(?:recommend(?:ed|ation)?|winner|pick|choose|go with)\\s*:?\\s*${re}\\b`,
    ]) {
      const match = new RegExp(pattern, 'i').exec(text);
      if (match && (!first || match.index < first.index)) first = { id, index: match.index };
    }
  }
  if (first) return first.id;
  const scores = parseScores(text);
  if (scores) {
    const ids = Object.keys(scores);
    if (ids.length === options.length) {
      ids.sort((a, b) => scores[b] - scores[a]);
      if (scores[ids[0]] > scores[ids[1]]) return ids[0];
    }
  }
  return null;
}

/**
 * {optionId: score} read from the text: "<Option> NN / 100" (or "NN%")
 * first, else the first 0–100 number within a few characters of the name;
 * null if none.
 */
export function parseScores(text) {
  const out = {};
  for (const o of loadData().options) {
    const name = escapeRe(o.name);
    const strict = new RegExp(`${name}\\s*:?\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*(?:/\\s*100|%)`).exec(text);
    const loose = strict ?? new RegExp(`${name}[^0-9]{0,12}?(\\d{1,3}(?:\\.\\d+)?)`).exec(text);
    if (loose) out[o.id] = Number(loose[1]);
  }
  return Object.keys(out).length ? out : null;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/** What a shared link says when it replaced the reader's own saved weights. */
export const RESTORE_OFFER = 'You opened a shared link, so you see its settings. Your own saved weights are kept.';

/** The start of the message a share link that cannot be read shows. */
export const LINK_PROBLEM = "This link's settings could not be read";

/**
 * Share links the app must refuse, each with the reason its message gives
 * (`${LINK_PROBLEM}: ${reason}; showing the defaults.`), for `n` criteria.
 */
export function badLinks(n) {
  const fives = '5'.repeat(n);
  const overLong = `v=1&w=${fives}${'&s=w'.repeat(130)}`;
  assert.ok(overLong.length > 512, 'the over-long link is longer than a real one can be');
  return [
    { what: 'garbled', hash: 'v=1&w=5z', reason: '“z” is not a weight from 0 to 10' },
    { what: 'truncated', hash: `v=1&w=${fives.slice(0, 8)}`, reason: `it has 8 weights where this version has ${n} criteria` },
    { what: 'over-long', hash: overLong, reason: `it is ${overLong.length} characters long, more than the 512 a real one needs` },
    { what: 'newer version', hash: `v=9&w=${fives}`, reason: 'it was made by a newer version of stackweigh (format 9); reload the page to update' },
  ];
}

/** axe-core violations as a readable failure message. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}\n      ${n.html.slice(0, 200)}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}
