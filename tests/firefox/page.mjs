// The WebDriver adapter of the page object (tests/support/app-page.mjs): roles and names are the ones
// Firefox's accessibility tree computes (Get Computed Role / Label); CSS selectors only narrow the candidates.

import assert from 'node:assert/strict';
import { AppPageBase, ElementBase, unwrapElements } from '../support/app-page.mjs';
import { normalise } from '../support/reading.mjs';
import { Key } from './webdriver.mjs';
import { POLL } from './harness.mjs';

/** The elements that may carry each role (Firefox then says which really do). */
const CANDIDATES = {
  alert: '[role=alert]',
  button: 'button, [role=button], input[type=button], input[type=submit]',
  dialog: 'dialog, [role=dialog]',
  group: '[role=group], fieldset, details',
  img: 'svg, img, [role=img]',
  link: 'a[href], [role=link]',
  listitem: 'li, [role=listitem]',
  region: 'section, [role=region]',
  slider: 'input[type=range], [role=slider]',
  status: '[role=status], output',
  table: 'table, [role=table]',
  textbox: 'input, textarea, [role=textbox]',
};

function candidates(role, level) {
  if (role === 'heading') return level ? `h${level}, [role=heading][aria-level="${level}"]` : 'h1, h2, h3, h4, h5, h6, [role=heading]';
  if (!CANDIDATES[role]) throw new Error(`tests/firefox/page.mjs knows no candidates for role ${role}`);
  return CANDIDATES[role];
}

/** Roles Firefox names by ARIA 1.3's synonym ('image' for 'img'). */
const FIREFOX_ROLE = { img: 'image' };
const hasRole = async (el, role) => (await el.computedRole()) === (FIREFOX_ROLE[role] ?? role);

const nameMatches = (name, label) => name === undefined || (name instanceof RegExp ? name.test(label) : label === name);

/** `els` whose computed role is `role` and whose computed name matches `name`. */
async function byRole(els, role, name) {
  const out = [];
  for (const el of els) {
    if (!(await hasRole(el, role))) continue;
    if (nameMatches(name, normalise(await el.computedLabel()))) out.push(el);
  }
  return out;
}

/** One pass over `els`: Map of each name in `names` to the one element of `role` with it. */
async function namedAmong(els, role, names) {
  const seen = new Map();
  for (const el of els) {
    if (!(await hasRole(el, role))) continue;
    const label = normalise(await el.computedLabel());
    if (names.includes(label)) seen.set(label, seen.has(label) ? null : el);
  }
  return new Map([...seen].filter(([, el]) => el));
}

/** A key by Playwright's name ('ArrowRight', 'Shift+Tab') as WebDriver key actions. */
function keyActions(key) {
  const parts = key.split('+').map((k) => Key[k] ?? k);
  const actions = [];
  for (const k of parts) actions.push({ type: 'keyDown', value: k });
  for (const k of [...parts].reverse()) actions.push({ type: 'keyUp', value: k });
  return actions;
}

/** An element of the page, held by a WebDriver element reference. */
export class WebDriverElement extends ElementBase {
  /** @param {import('./webdriver.mjs').Element} element */
  constructor(element, app) {
    super(app);
    this.element = element;
    this.session = element.session;
  }
  engineHandle() {
    return this.element;
  }
  toJSON() {
    return this.element.toJSON();
  }
  async roles(role, { name, level } = {}) {
    return (await byRole(await this.element.findAll(candidates(role, level)), role, name)).map((e) => new WebDriverElement(e, this.app));
  }
  async named(role, names) {
    const found = await namedAmong(await this.element.findAll(candidates(role)), role, names);
    return new Map([...found].map(([n, e]) => [n, new WebDriverElement(e, this.app)]));
  }
  async css(selector) {
    return (await this.element.findAll(selector)).map((e) => new WebDriverElement(e, this.app));
  }
  click() {
    return this.element.click();
  }
  focus() {
    return this.session.execute((el) => el.focus(), this.element);
  }
  /** Focuses the element, then presses `key` (Playwright's names; Element Send Keys focuses it). */
  async press(key) {
    if (!key.includes('+')) return this.element.sendKeys(Key[key] ?? key);
    await this.focus();
    return this.app.press(key);
  }
  /** Types `text` into the field, emptied first (as a reader pastes it). */
  async fill(text) {
    if ((await this.value()) !== '') await this.session.cmd('POST', `/element/${this.element.id}/clear`, {});
    return this.element.sendKeys(text);
  }
  /** Puts `text` in the field as a paste does: its whole value at once, one input event. */
  paste(text) {
    return this.session.execute(
      (el, value) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      this.element,
      text,
    );
  }
  /** Moves the pointer over the element's centre. */
  hover() {
    return this.pointer([{ type: 'pointerMove', duration: 0, origin: this.element.toJSON(), x: 0, y: 0 }]);
  }
  /** Scrolls the element into view if it is not wholly in view, centred (as Chromium's scrollIntoViewIfNeeded). */
  scrollIntoView() {
    return this.evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) el.scrollIntoView({ block: 'center', inline: 'center' });
    });
  }
  /** A mouse click `dx` CSS pixels right of the element's centre (left when negative), whatever lies there. */
  clickAt(dx) {
    return this.pointer([
      { type: 'pointerMove', duration: 0, origin: this.element.toJSON(), x: Math.round(dx), y: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }
  async pointer(actions) {
    await this.session.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await this.session.releaseActions();
  }
  attribute(name) {
    return this.session.execute((el, n) => el.getAttribute(n), this.element, name);
  }
  value() {
    return this.element.property('value');
  }
  text() {
    return this.session.execute((el) => el.innerText, this.element);
  }
  /** The role and accessible name Firefox computed. */
  async computed() {
    return { role: await this.element.computedRole(), name: normalise(await this.element.computedLabel()) };
  }
  evaluate(fn, arg) {
    return this.session.execute(fn, this.element, unwrapElements(arg));
  }
}

export class FirefoxApp extends AppPageBase {
  /** @param {Awaited<ReturnType<typeof import('./harness.mjs').startFirefoxEnv>>} env */
  constructor(env) {
    super(POLL);
    this.env = env;
    this.session = env.session;
    this.url = env.url;
    this.mark = env.mark();
    // WebDriver classic cannot read the clipboard, and Firefox grants a page no clipboard-read;
    this.readClipboard = null;
    // nor does it see the service workers running;
    this.runningServiceWorkers = null;
    // and Firefox prints to stdout only the page's console errors and uncaught errors, not what it refused to load or run.
    this.consoleShowsRefusals = false;
  }

  /** Starts a journey: empty storage, nothing open, problems counted from here. */
  async fresh() {
    this.mark = this.env.mark();
    await this.clearStorage();
    return this;
  }

  // --- documents --------------------------------------------------------------
  /** Opens `url` as a new document (never a same-document hash change: the app reads its hash only at start-up). */
  async goto(url) {
    this.env.notePage(url);
    await this.session.navigate('about:blank');
    await this.session.navigate(url);
  }
  /** Opens `url` as a new document and waits for the live app. */
  async load(url) {
    await this.goto(url);
    await this.waitForLive(`the live app at ${url}`);
    return this;
  }
  async reload() {
    await this.session.cmd('POST', '/refresh', {});
    await this.waitForLive('the reloaded app');
  }
  currentUrl() {
    return this.evaluate(() => location.href);
  }
  /**
   * What the document (and `iframe`'s, when given) fetched, by URL: each document's own address and its
   * resource timings (WebDriver classic sees no requests; a resource from the HTTP cache is listed too).
   */
  async requestsSeen(iframe) {
    const fetched = () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => e.name);
    const own = await this.evaluate(fetched);
    return iframe ? [...own, ...(await this.inFrame(iframe, (frame) => frame.evaluate(fetched)))] : own;
  }
  /** Waits until the document has fetched nothing new for 500 ms (its resource timings stop growing). */
  async settled() {
    let count = -1;
    let since = Date.now();
    await this.waitFor(async () => {
      const now = await this.evaluate(() => performance.getEntriesByType('resource').length);
      if (now !== count) [count, since] = [now, Date.now()];
      return Date.now() - since >= 500;
    }, { message: 'no new request for 500 ms' });
  }

  // --- finding and reading ----------------------------------------------------
  async roles(role, { name, level } = {}) {
    return (await byRole(await this.session.findAll(candidates(role, level)), role, name)).map((e) => new WebDriverElement(e, this));
  }
  async named(role, names) {
    const found = await namedAmong(await this.session.findAll(candidates(role)), role, names);
    return new Map([...found].map(([n, e]) => [n, new WebDriverElement(e, this)]));
  }
  async css(selector) {
    return (await this.session.findAll(selector)).map((e) => new WebDriverElement(e, this));
  }
  evaluate(fn, arg) {
    return this.session.execute(fn, unwrapElements(arg));
  }
  /**
   * Runs a script's source in the document (axe-core). The page's CSP has no 'unsafe-eval' and allows no
   * inline script; WebDriver's Execute Script runs with the privileges of the automation, exempt from it.
   */
  injectScript(source) {
    return this.session.execute(`${source}\n;return true;`);
  }

  /**
   * Opens every closed panel, by script: a click on a summary of a cross-origin embed lower than the host
   * page's fold misses (WebDriver scrolls the embed's document, not the host's), and opening a <details>
   * fires its toggle event as a click on its summary does.
   */
  async openPanels() {
    await this.evaluate(() => document.querySelectorAll('details[data-panel]:not([open])').forEach((d) => (d.open = true)));
    await this.waitFor(() => this.evaluate(() => !document.querySelector('details[data-panel]:not([open])')), { message: 'the panels to open' });
  }

  // --- input ------------------------------------------------------------------
  press(key) {
    return this.session.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: keyActions(key) }] });
  }
  /**
   * Sets the window to `width` × `height` and returns the viewport that gives: headless Firefox keeps a
   * window at least 500 px wide, and its viewport is 86 px shorter than the window.
   */
  async setViewport({ width, height }) {
    await this.session.setWindowRect({ width, height });
    return this.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }

  /** The page printed to PDF (WebDriver's Print Page, backgrounds included), as bytes. */
  async printPdf() {
    return Buffer.from(await this.session.cmd('POST', '/print', { background: true }), 'base64');
  }

  /**
   * Clicks `button` and returns what the page hands the browser to download: { name, type, text }.
   * WebDriver classic cannot see a download, and the profile has no download folder of its own: this
   * records the link's file name and its blob, and stops the link's click short of Firefox's save.
   */
  async download(button) {
    await this.evaluate(() => {
      if (window.__downloads) {
        window.__downloads.length = 0;
        return;
      }
      const create = URL.createObjectURL;
      window.__blobs = new Map();
      URL.createObjectURL = (blob) => {
        const url = create.call(URL, blob);
        window.__blobs.set(url, blob);
        return url;
      };
      window.__downloads = [];
      HTMLAnchorElement.prototype.click = function () {
        window.__downloads.push({ name: this.download, blob: window.__blobs.get(this.href) });
      };
    });
    await button.click();
    const downloads = await this.waitFor(async () => {
      const found = await this.evaluate(() =>
        Promise.all(window.__downloads.map(async (d) => ({ name: d.name, type: d.blob?.type, text: await d.blob?.text() }))),
      );
      return found.length ? found : false;
    }, { message: 'the page to hand over a download' });
    assert.equal(downloads.length, 1, 'one download');
    return downloads[0];
  }

  /** Runs `action`, which opens a new tab, then `fn` in that tab; closes it and comes back. */
  async followNewTab(action, fn) {
    const handles = () => this.session.cmd('GET', '/window/handles');
    const before = await handles();
    const home = await this.session.cmd('GET', '/window');
    await action();
    const tab = await this.waitFor(async () => (await handles()).find((h) => !before.includes(h)), { message: 'a new tab' });
    await this.session.cmd('POST', '/window', { handle: tab });
    try {
      return await fn(this);
    } finally {
      await this.session.cmd('DELETE', '/window');
      await this.session.cmd('POST', '/window', { handle: home });
    }
  }

  /** Runs `fn` in `iframe`'s document (WebDriver switches this session into it, and back to the parent after). */
  async inFrame(iframe, fn) {
    await this.session.cmd('POST', '/frame', { id: iframe.toJSON() });
    try {
      return await fn(this);
    } finally {
      await this.session.cmd('POST', '/frame/parent', {});
    }
  }

  /** Requests that left 127.0.0.1 and the page's console errors and uncaught errors since this journey started. */
  problems() {
    return this.env.problems(this.mark);
  }
}
