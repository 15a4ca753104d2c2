// The WebDriver adapter of the page object (tests/support/app-page.mjs): roles and names are the ones
// Firefox's accessibility tree computes (Get Computed Role / Label); CSS selectors only narrow the candidates.

import assert from 'node:assert/strict';
import { AppPageBase } from '../support/app-page.mjs';
import { loadData } from '../support/data.mjs';
import { EMBED_DIALOG, HEADING, PREVIEW_TITLE, RECOMMENDATION } from '../support/phrases.mjs';
import { normalise } from '../support/reading.mjs';
import { Key } from './webdriver.mjs';
import { POLL, waitFor } from './harness.mjs';

export { Key };

/** Where the app keeps the reader's own weights (share-link text). */
export const STORAGE_KEY = 'stackweigh:v1:state';

export class FirefoxApp extends AppPageBase {
  /** @param {Awaited<ReturnType<typeof import('./harness.mjs').startFirefoxEnv>>} env */
  constructor(env) {
    super(POLL);
    this.env = env;
    this.session = env.session;
  }

  /** Navigate to the app (`query` like "?embed=1") with empty storage and wait until the recommendation has rendered. */
  async open(query = '') {
    // A fresh start for each journey: no saved weights, no hash from the last one.
    await this.clearStorage();
    await this.load(this.env.url + query);
    return this;
  }

  /**
   * Empties the origin's localStorage from a same-origin document the app
   * does not run in (the app icon, an image document). Clearing it from
   * the app's own page would race the app: it writes its state when the
   * page is left (pagehide), which would put back what was just cleared.
   */
  async clearStorage() {
    await this.session.navigate('about:blank');
    await this.session.navigate(`${this.env.url}icon-192.png`);
    const remaining = await this.session.execute(() => {
      try {
        localStorage.clear();
        return localStorage.length;
      } catch {
        // storage may be unavailable; the app copes
        return 0;
      }
    });
    assert.equal(remaining, 0, 'localStorage is empty');
    await this.session.navigate('about:blank');
  }

  /**
   * Opens `url` as a new document (never a same-document hash change: the
   * app reads its hash only at start-up) and waits for the live app.
   */
  async load(url) {
    await this.session.navigate('about:blank');
    await this.session.navigate(url);
    // The build may prerender the page into index.html (<main
    // data-prerendered>, inert controls): wait for the live app as well.
    await waitFor(
      async () =>
        (await this.session.execute(() => !document.querySelector('[data-prerendered]'))) &&
        (await this.recommendationText()).length > 0,
      { message: `the live app to render the Recommendation region at ${url}` },
    );
    return this;
  }

  /** Opens every closed panel (an embed starts with them closed), as a reader clicks each summary. */
  async openPanels() {
    // Opening a <details> fires its toggle event, as a click on its summary does.
    await this.session.execute(() => document.querySelectorAll('details[data-panel]:not([open])').forEach((d) => (d.open = true)));
    await waitFor(() => this.session.execute(() => !document.querySelector('details[data-panel]:not([open])')), { message: 'the panels to open' });
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
    return this.one('section, [role=region], [aria-label], [aria-labelledby]', 'region', RECOMMENDATION);
  }
  async recommendationText() {
    const found = await this.session.execute((name) => {
      const heading = [...document.querySelectorAll('[aria-labelledby]')].find((el) =>
        el.getAttribute('aria-labelledby').split(/\s+/).some((id) => document.getElementById(id)?.textContent.trim() === name),
      );
      return heading ? heading.innerText : '';
    }, RECOMMENDATION);
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

  /** A button anywhere on the page, by its accessible name. */
  button(name) {
    return this.one('button', 'button', name);
  }
  /** The read-only "Link to these settings" text field (its label is visually hidden). */
  linkField() {
    return this.one('input', 'textbox', 'Link to these settings');
  }
  async linkText() {
    return (await this.linkField()).property('value');
  }

  /**
   * {criterionId: value} of every slider, each found by its criterion's
   * name as Firefox computes it; the values are read in one script.
   */
  async sliderValues() {
    const { criteria } = loadData();
    const byName = new Map();
    for (const el of await this.session.findAll('input[type=range]')) {
      if ((await el.computedRole()) !== 'slider') continue;
      byName.set(normalise(await el.computedLabel()), el);
    }
    const missing = criteria.filter((c) => !byName.has(c.name)).map((c) => c.name);
    assert.deepEqual(missing, [], 'every criterion has a slider named after it');
    const values = await this.session.execute((els) => els.map((el) => Number(el.value)), criteria.map((c) => byName.get(c.name)));
    return Object.fromEntries(criteria.map((c, i) => [c.id, values[i]]));
  }
  /** Waits until the sliders show exactly `want`; on time-out says which differ. */
  async waitForWeights(want, message) {
    let last;
    try {
      return await waitFor(async () => {
        last = await this.sliderValues();
        return Object.keys(want).every((id) => last[id] === want[id]) ? last : false;
      }, { message });
    } catch (err) {
      // Say which sliders differ.
      const diff = last && Object.keys(want).filter((id) => last[id] !== want[id]).map((id) => `${id}: ${last[id]} (want ${want[id]})`);
      err.message += diff ? `; differing sliders: ${diff.join(', ')}` : '';
      throw err;
    }
  }
  /** Focuses the criterion's slider (Element Send Keys does) and presses `key` `times` times. */
  async pressOnSlider(criterionName, key, times = 1) {
    const slider = await this.slider(criterionName);
    await slider.sendKeys(key);
    for (let i = 1; i < times; i++) await this.session.pressKeys(key);
  }

  /** What a reader sees of the preset state: which buttons read as pressed, and the preset status line. */
  async presetState() {
    const group = await this.one('[role=group]', 'group', 'Use-case presets');
    const pressed = {};
    for (const b of await group.findAll('button')) pressed[normalise(await b.computedLabel())] = await b.attribute('aria-pressed');
    const status = await this.session.execute((g) => g.parentElement.querySelector('[role=status]')?.textContent ?? null, group);
    return { pressed, status: status === null ? null : normalise(status) };
  }
  /** aria-expanded of every "Why?" button, by criterion id. */
  async whyExpanded() {
    const byName = new Map();
    for (const b of await this.byRole('button[aria-controls]', 'button', /^Why\? /)) byName.set(normalise(await b.computedLabel()), b);
    const out = {};
    for (const c of loadData().criteria) out[c.id] = (await byName.get(`Why? ${c.name}`)?.attribute('aria-expanded')) ?? null;
    return out;
  }
  /** The text of every element Firefox exposes with role alert. */
  async alerts() {
    const out = [];
    for (const el of await this.session.findAll('[role=alert]')) {
      if ((await el.computedRole()) === 'alert') out.push(normalise(await el.text()));
    }
    return out;
  }
  async bodyText() {
    return normalise(await this.session.execute(() => document.body.innerText));
  }
  storedState() {
    return this.session.execute((key) => localStorage.getItem(key), STORAGE_KEY);
  }

  /** The embed dialog while it is open (a closed <dialog> is not in the accessibility tree). */
  embedDialog() {
    return this.one('dialog', 'dialog', EMBED_DIALOG);
  }
  /** The preview iframes titled "Preview of the embedded widget" (none while the dialog is closed). */
  previewFrames() {
    return this.session.execute(
      (title) => [...document.querySelectorAll('iframe')].filter((f) => f.title === title),
      PREVIEW_TITLE,
    );
  }
  /**
   * Where keyboard focus is: 'dialog' (in the open modal dialog, the
   * preview iframe and its content included), 'none' (no element: the body,
   * as when focus is in the browser's own UI) or a description of the page
   * element behind. `hasFocus` is document.hasFocus(), for the record:
   * Firefox updates it late when focus comes back from its own UI.
   */
  focusWhere() {
    return this.session.execute(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return { where: 'none', hasFocus: document.hasFocus() };
      const inner = el.tagName === 'IFRAME' ? el.contentDocument?.activeElement : null;
      const name = (e) =>
        (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || e.id || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const what = `${el.tagName.toLowerCase()} ${name(el)}`.trim();
      if (!el.closest('dialog[open]')) return { where: what, hasFocus: document.hasFocus() };
      return { where: 'dialog', what, hasFocus: document.hasFocus(), inner: inner && inner !== inner.ownerDocument.body ? `${inner.tagName.toLowerCase()} ${name(inner)}`.trim() : null };
    });
  }

  /**
   * axe-core's violations on the current document. The page's CSP has no
   * 'unsafe-eval' and allows no inline script, so axe cannot come in as a
   * <script>; WebDriver's Execute Script runs it with the privileges of the
   * automation (exempt from the page's CSP), and axe puts itself on window.
   */
  async axeViolations(axeSource, options = { resultTypes: ['violations'] }) {
    if (!(await this.session.execute(() => typeof window.axe === 'object'))) {
      await this.session.execute(`${axeSource}\n;return typeof window.axe;`);
    }
    // Execute Script waits for a returned promise; only plain data comes back.
    return this.session.execute(
      (opts) =>
        window.axe.run(document, opts).then((r) => ({
          version: r.testEngine.version,
          passes: r.passes.length,
          violations: r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
          })),
        })),
      options,
    );
  }

  assertNoProblems() {
    assert.deepEqual(this.env.problems(), [], 'no request may leave 127.0.0.1 and the page may log no error');
  }
}
