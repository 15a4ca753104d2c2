// The page-object interface both engines implement, and everything built on it once. A journey
// (tests/support/journeys/) takes an `app` and uses only what is listed here; tests/browser/page.mjs
// (Playwright) and tests/firefox/page.mjs (WebDriver) supply the primitives.
//
// Primitives of an adapter (page or frame):
//   url                          the test server's address ("http://127.0.0.1:<port>/")
//   load(url)                    opens `url` as a new document and waits for the live app
//   goto(url)                    opens `url` as a new document and waits only for its load event
//   reload()                     reloads the document and waits for the live app
//   clearStorage() / setStorage(key, value)   the server origin's localStorage, from a document the app does not run in
//   evaluate(fn, arg)            fn(arg) in the current document (`arg` may hold elements); plain data back
//   roles(role, {name, level})   every element of that role (and accessible name: exact string or RegExp), now
//   named(role, names)           Map of name -> the one element of `role` with that exact accessible name
//   css(selector)                elements by CSS, only for what the contract names by class or attribute
//   press(key)                   a key to whatever has focus, by Playwright's names ('ArrowRight', 'Shift+Tab')
//   inFrame(iframe, fn)          fn(frame) with `frame` a page object of the iframe's document
//   setViewport({width, height}) the layout viewport
//   axe()                        {version, passes, violations} of axe-core run on the current document
//   problems() / assertNoProblems()   requests leaving 127.0.0.1, console errors, uncaught errors: as
//                                `${kind}: ${text}` with kind 'external request' | 'console error' | 'page error' | …
//   requestsSeen(iframe)         what the engine saw requested (Chromium: every request; Firefox: resource timings)
//   settled(), currentUrl()      no request for 500 ms; the document's address
//   followNewTab(action, fn)     fn(tab) with a page object of the tab `action` opens
// What the engine can tell, or null/false where it cannot:
//   readClipboard                a function reading the clipboard
//   runningServiceWorkers        a function counting the service workers running
//   consoleShowsRefusals         whether the console reports what the browser refused (CSP, integrity, framing)
//   download(button)             clicks `button` and returns the file the page hands the browser: {name, text}
//   printPdf()                   the page printed to PDF, as bytes
// Elements: click(), focus(), press(key), fill(text) (typed), paste(text) (one input event), hover(), clickAt(dx),
//   scrollIntoView(), attribute(name),
//   value(), text() (innerText),
//   evaluate(fn, arg) (fn(element, arg)), and roles, named, css and role… scoped to the element.

import assert from 'node:assert/strict';
import { axeSource, runAxe } from './axe.mjs';
import { loadData, optionName } from './data.mjs';
import { HEADING, RECOMMENDATION } from './phrases.mjs';
import { normalise, parseWinner } from './reading.mjs';
import { waitForChange, waitFor } from './waits.mjs';

/** Where the app keeps the reader's own weights (share-link text). */
export const STORAGE_KEY = 'stackweigh:v1:state';
export const PRESET_GROUP = 'Use-case presets';
export const LINK_FIELD = 'Link to these settings';

/** True once the live app has replaced the build's prerendered markup (runs in the page). */
const isLiveApp = () => !!document.querySelector('main#stackweigh:not([data-prerendered])');

/**
 * The finders built on an adapter's `roles` and `css` (pages, frames and elements alike); `waitFor` polls
 * with the engine's timeout.
 */
const Finders = (Base) =>
  class extends Base {
    /** The one element of `role` named `name`, waited for (fails unless exactly one, in the end). */
    async role(role, name, options = {}) {
      let found = [];
      try {
        return await this.waitFor(async () => {
          found = await this.roles(role, { name, level: options.level });
          return found.length === 1 ? found[0] : false;
        }, { message: `exactly one ${role} named ${name ?? '(any)'}`, timeout: options.timeout });
      } catch (err) {
        err.message += ` (found ${found.length})`;
        throw err;
      }
    }

    /** The first element of `role` whose text includes `text`, waited for. */
    roleWithText(role, text, options = {}) {
      return this.waitFor(async () => {
        for (const el of await this.roles(role)) if (normalise(await el.text()).includes(text)) return el;
        return false;
      }, { message: `a ${role} saying "${text}"`, ...options });
    }

    /** The one element matching `selector`, waited for. */
    one(selector, options = {}) {
      return this.waitFor(async () => {
        const found = await this.css(selector);
        return found.length === 1 ? found[0] : false;
      }, { message: `exactly one ${selector}`, ...options });
    }

    /** Map of name -> the one element of `role` with that exact accessible name (names with none or several left out). */
    async named(role, names) {
      const out = new Map();
      for (const name of names) {
        const found = await this.roles(role, { name });
        if (found.length === 1) out.set(name, found[0]);
      }
      return out;
    }
  };

/** What an adapter's element classes extend: the finders, scoped to the element, polled as its page polls. */
export class ElementBase extends Finders(Object) {
  constructor(app) {
    super();
    this.app = app;
  }
  waitFor(fn, options) {
    return this.app.waitFor(fn, options);
  }
  /** Drawn: a box of some size, and not visibility: hidden (Playwright's meaning of visible). */
  isVisible() {
    return this.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
  }
}

export class AppPageBase extends Finders(Object) {
  /** @param {{timeout?: number, interval?: number}} poll how the adapter's engine is polled */
  constructor(poll = {}) {
    super();
    this.poll = poll;
  }

  /** Polls `fn` with this engine's timeout and interval. */
  waitFor(fn, options = {}) {
    return waitFor(fn, { ...this.poll, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) });
  }

  heading() {
    return this.role('heading', HEADING, { level: 1 });
  }
  recommendation() {
    return this.role('region', RECOMMENDATION);
  }
  radar() {
    return this.role('img', /^Radar chart/);
  }
  presetGroup() {
    return this.role('group', PRESET_GROUP);
  }
  /** The preset button `name`, group and button found together each time (a group found in the prerendered markup goes when the app takes over). */
  presetButton(name) {
    return this.waitFor(async () => {
      const groups = await this.roles('group', { name: PRESET_GROUP });
      const found = groups.length === 1 ? await groups[0].roles('button', { name }) : [];
      return found.length === 1 ? found[0] : false;
    }, { message: `exactly one button named ${name} in "${PRESET_GROUP}"` });
  }
  slider(criterionName) {
    return this.role('slider', criterionName);
  }
  whyButton(criterionName) {
    return this.role('button', `Why? ${criterionName}`);
  }
  button(name) {
    return this.role('button', name);
  }
  linkField() {
    return this.role('textbox', LINK_FIELD);
  }
  /** The <summary> that says `text` (a disclosure: summaries have no role both engines agree on). */
  summary(text) {
    return this.waitFor(async () => {
      const found = [];
      for (const s of await this.css('summary')) if ((await s.text()).includes(text)) found.push(s);
      return found.length === 1 ? found[0] : false;
    }, { message: `one summary "${text}"` });
  }

  // --- reads ------------------------------------------------------------------
  /** The Recommendation region's text ('' before it renders), read in one script. */
  async recommendationText() {
    const text = await this.evaluate((name) => {
      const named = (el) => {
        const ids = el.getAttribute('aria-labelledby');
        const label = ids ? ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : el.getAttribute('aria-label');
        return (label ?? '').trim() === name;
      };
      const region = [...document.querySelectorAll('section, [role=region]')].find(named);
      return region ? region.innerText : '';
    }, RECOMMENDATION);
    return normalise(text ?? '');
  }
  /** Winner option id as the recommendation region states it (null for none). */
  async winner() {
    return parseWinner(await this.recommendationText());
  }
  /** The radar polygons' `points`, by option id. */
  radarPoints() {
    return this.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('svg[role=img] polygon.radar-shape[data-option]')].map((p) => [p.dataset.option, p.getAttribute('points')]),
      ),
    );
  }
  async sliderValue(criterionName) {
    return Number(await (await this.slider(criterionName)).value());
  }
  /** {criterionId: value} of every slider, each found by its criterion's name; the values read in one script. */
  async sliderValues() {
    const { criteria } = loadData();
    const byName = await this.named('slider', criteria.map((c) => c.name));
    const missing = criteria.filter((c) => !byName.has(c.name)).map((c) => c.name);
    assert.deepEqual(missing, [], 'every criterion has a slider named after it');
    const values = await this.evaluate((els) => els.map((el) => Number(el.value)), criteria.map((c) => byName.get(c.name)));
    return Object.fromEntries(criteria.map((c, i) => [c.id, values[i]]));
  }
  /** Waits until the sliders show exactly `want`; on time-out says which differ. */
  async waitForWeights(want, message) {
    let last;
    try {
      return await this.waitFor(async () => {
        last = await this.sliderValues();
        return Object.keys(want).every((id) => last[id] === want[id]) ? last : false;
      }, { message });
    } catch (err) {
      const diff = last && Object.keys(want).filter((id) => last[id] !== want[id]).map((id) => `${id}: ${last[id]} (want ${want[id]})`);
      err.message += diff ? `; differing sliders: ${diff.join(', ')}` : '';
      throw err;
    }
  }
  /** The text of the <output for=…> tied to a slider. */
  visibleValue(slider) {
    return slider.evaluate((el) => {
      const outputs = [...document.querySelectorAll('output')].filter((o) => o.htmlFor.contains(el.id));
      return outputs.map((o) => o.textContent.trim()).join(' ');
    });
  }
  /** What a reader sees of the preset state: which buttons read as pressed, and the preset status line. */
  async presetState() {
    const group = await this.presetGroup();
    const pressed = {};
    for (const [name, b] of await group.named('button', loadData().presets.map((p) => p.name))) pressed[name] = await b.attribute('aria-pressed');
    const status = await group.evaluate((g) => g.parentElement.querySelector('[role=status]')?.textContent ?? null);
    return { pressed, status: status === null ? null : normalise(status) };
  }
  /** aria-expanded of every "Why?" button, by criterion id. */
  async whyExpanded() {
    const byName = await this.named('button', loadData().criteria.map((c) => `Why? ${c.name}`));
    const out = {};
    for (const c of loadData().criteria) out[c.id] = (await byName.get(`Why? ${c.name}`)?.attribute('aria-expanded')) ?? null;
    return out;
  }
  /** The text of every element with role alert. */
  async alerts() {
    return Promise.all((await this.roles('alert')).map(async (el) => normalise(await el.text())));
  }
  async bodyText() {
    return normalise(await this.evaluate(() => document.body.innerText));
  }
  async linkText() {
    return (await this.linkField()).value();
  }
  storedState() {
    return this.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  }
  isLive() {
    return this.evaluate(isLiveApp);
  }

  /** axe-core's result on the current document: {version, passes, violations} (axe's default rules, violations only). */
  async axe(options = { resultTypes: ['violations'] }) {
    if (!(await this.evaluate(() => typeof window.axe === 'object'))) await this.injectScript(axeSource());
    return this.evaluate(runAxe, options);
  }

  // --- storage ----------------------------------------------------------------
  /**
   * Empties the server origin's localStorage from a same-origin document the app does not run in (the app
   * icon, an image document). Clearing it from the app's own page would race the app: it writes its state
   * when the page is left (pagehide), which would put back what was just cleared.
   */
  async clearStorage() {
    await this.goto(`${this.url}icon-192.png`);
    const remaining = await this.evaluate(() => {
      try {
        localStorage.clear();
        return localStorage.length;
      } catch {
        // storage may be unavailable; the app copes
        return 0;
      }
    });
    assert.equal(remaining, 0, 'localStorage is empty');
    await this.goto('about:blank');
  }
  /** Sets one localStorage item of the server origin, the same way (before the app's next start). */
  async setStorage(key, value) {
    await this.goto(`${this.url}icon-192.png`);
    await this.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
    await this.goto('about:blank');
  }

  // --- actions and waits ------------------------------------------------------
  /** Presses `key` `times` times on the criterion's slider (focusing it first). */
  async pressOnSlider(criterionName, key, times = 1) {
    const slider = await this.slider(criterionName);
    await slider.press(key);
    for (let i = 1; i < times; i++) await this.press(key);
  }
  /** Opens every closed panel (an embed starts with them closed), as a reader clicks each summary. */
  async openPanels() {
    for (let left = (await this.css('details[data-panel]:not([open]) > summary')).length; left > 0; left--) {
      const [summary] = await this.css('details[data-panel]:not([open]) > summary');
      if (!summary) break;
      await summary.click();
    }
    await this.waitFor(() => this.evaluate(() => !document.querySelector('details[data-panel]:not([open])')), { message: 'the panels to open' });
  }
  /** Waits for the live app (not the prerendered markup) and its Recommendation region. */
  async waitForLive(message = 'the live app') {
    await this.waitFor(() => this.isLive(), { message: `${message} to replace the prerendered markup` });
    await this.recommendation();
  }
  waitForRecommendationChange(before, message = 'the recommendation text to change') {
    return waitForChange(() => this.recommendationText(), before, { ...this.poll, message });
  }
  waitForRadarChange(before, message = 'the radar polygons to change') {
    const differs = (now, was) => Object.keys(now).some((k) => now[k] !== was[k]);
    return waitForChange(() => this.radarPoints(), before, { ...this.poll, differs, message });
  }
  waitForWinner(optionId) {
    return this.waitFor(async () => ((await this.winner()) === optionId ? optionId : false), {
      message: `the recommendation to name ${optionName(optionId)} as the winner`,
    });
  }
  /** Waits until `el`'s attribute `name` reads `value`. */
  waitForAttribute(el, name, value, message = `${name}="${value}"`) {
    return this.waitFor(async () => (await el.attribute(name)) === value, { message });
  }
  /** Fails with every problem seen so far (see problems()). */
  assertNoProblems(message = 'no request may leave 127.0.0.1 and the page may log no error') {
    assert.deepEqual(this.problems(), [], message);
  }
}

/** Element arguments as the engine passes them: page-object elements become the engine's own handles. */
export function unwrapElements(value) {
  if (Array.isArray(value)) return value.map(unwrapElements);
  if (value && typeof value === 'object') {
    if (typeof value.engineHandle === 'function') return value.engineHandle();
    if (Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapElements(v)]));
  }
  return value;
}
