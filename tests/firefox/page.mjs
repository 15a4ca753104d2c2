// Page object for stackweigh in Firefox. Like tests/browser/page.mjs it finds
// things by role and accessible name, but here the role and the name are the
// ones Firefox's accessibility tree computes (WebDriver "Get Computed Role" /
// "Get Computed Label"); CSS selectors only narrow the candidates.

import assert from 'node:assert/strict';
import { Key } from './webdriver.mjs';
import { waitFor } from './harness.mjs';

export { Key };

export const HEADING = 'Node.js vs Python for your backend';

export function normalise(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

export class FirefoxApp {
  /** @param {Awaited<ReturnType<typeof import('./harness.mjs').startFirefoxEnv>>} env */
  constructor(env) {
    this.env = env;
    this.session = env.session;
  }

  /** Navigate to the app (`query` like "?embed=1") and wait until the recommendation has rendered. */
  async open(query = '') {
    // A fresh start for each journey: no saved weights, no hash from the last one.
    await this.session.navigate('about:blank');
    await this.session.navigate(this.env.url + query);
    await this.session.execute(() => {
      try {
        localStorage.clear();
      } catch {
        // storage may be unavailable; the app copes
      }
    });
    await this.session.navigate(this.env.url + query);
    // The build may prerender the page into index.html (<main
    // data-prerendered>, inert controls): wait for the live app as well.
    await waitFor(
      async () =>
        (await this.session.execute(() => !document.querySelector('[data-prerendered]'))) &&
        (await this.recommendationText()).length > 0,
      { message: 'the live app to render the Recommendation region' },
    );
    return this;
  }

  /** Elements matching `css` whose computed role and accessible name are `role` and `name`. */
  async byRole(css, role, name) {
    const out = [];
    for (const el of await this.session.findAll(css)) {
      if ((await el.computedRole()) !== role) continue;
      const label = normalise(await el.computedLabel());
      if (name === undefined || (name instanceof RegExp ? name.test(label) : label === name)) out.push(el);
    }
    return out;
  }

  async one(css, role, name) {
    const found = await this.byRole(css, role, name);
    assert.equal(found.length, 1, `exactly one ${role} named ${name} (found ${found.length})`);
    return found[0];
  }

  recommendation() {
    return this.one('section, [role=region], [aria-label], [aria-labelledby]', 'region', 'Recommendation');
  }
  async recommendationText() {
    const found = await this.session.execute(() => {
      const heading = [...document.querySelectorAll('[aria-labelledby]')].find((el) =>
        el.getAttribute('aria-labelledby').split(/\s+/).some((id) => document.getElementById(id)?.textContent.trim() === 'Recommendation'),
      );
      return heading ? heading.innerText : '';
    });
    return normalise(found ?? '');
  }
  heading() {
    return this.one('h1', 'heading', HEADING);
  }
  slider(name) {
    return this.one('input[type=range]', 'slider', name);
  }
  async sliderValue(name) {
    return Number(await (await this.slider(name)).property('value'));
  }
  async presetButton(name) {
    const group = await this.one('[role=group]', 'group', 'Use-case presets');
    for (const b of await group.findAll('button')) {
      if (normalise(await b.computedLabel()) === name) return b;
    }
    throw new Error(`no preset button named "${name}"`);
  }
  whyButton(criterionName) {
    return this.one('button[aria-controls]', 'button', `Why? ${criterionName}`);
  }
  /** The radar polygons' `points`, by option id. */
  radarPoints() {
    return this.session.execute(() =>
      Object.fromEntries(
        [...document.querySelectorAll('svg[role=img] polygon.radar-shape[data-option]')].map((p) => [p.dataset.option, p.getAttribute('points')]),
      ),
    );
  }
  /** The text of the <output for=…> tied to a slider. */
  visibleValue(slider) {
    return this.session.execute((el) => {
      const outputs = [...document.querySelectorAll('output')].filter((o) => o.htmlFor.contains(el.id));
      return outputs.map((o) => o.textContent.trim()).join(' ');
    }, slider);
  }

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

  assertNoProblems() {
    assert.deepEqual(this.env.problems(), [], 'no request may leave 127.0.0.1 and the page may log no error');
  }
}
