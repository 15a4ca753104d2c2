// The Playwright adapter of the page object (tests/support/app-page.mjs): finds things the way a person
// or a screen reader would, by role and accessible name as Chromium computes them (Playwright's role
// engine); CSS only where the contract names a class or attribute.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AppPageBase, ElementBase, unwrapElements } from '../support/app-page.mjs';
import { guardedPage, liveRecommendation } from './harness.mjs';

/** Playwright's own role selector (what getByRole builds), usable from a page, a frame or an element. */
function roleSelector(role, { name, level } = {}) {
  let selector = `internal:role=${role}`;
  if (level !== undefined) selector += `[level=${level}]`;
  if (name instanceof RegExp) selector += `[name=${String(name).replace(/(^|[^\\])(\\\\)*(["'`])/g, '$1$2\\$3')}]`;
  else if (name !== undefined) selector += `[name="${name.replace(/\\/g, '\\\\').replace(/["]/g, '\\"')}"s]`;
  return selector;
}

/** An element of the page, held by a Playwright ElementHandle (it stays the same node, as a WebDriver reference does). */
export class PlaywrightElement extends ElementBase {
  constructor(handle, app) {
    super(app);
    this.handle = handle;
  }
  engineHandle() {
    return this.handle;
  }
  async roles(role, options) {
    return (await this.handle.$$(roleSelector(role, options))).map((h) => new PlaywrightElement(h, this.app));
  }
  async css(selector) {
    return (await this.handle.$$(selector)).map((h) => new PlaywrightElement(h, this.app));
  }
  click() {
    return this.handle.click();
  }
  focus() {
    return this.handle.focus();
  }
  /** Focuses the element, then presses `key` (Playwright's names). */
  press(key) {
    return this.handle.press(key);
  }
  fill(text) {
    return this.handle.fill(text);
  }
  /** Puts `text` in the field as a paste does: its whole value at once, one input event (Playwright's fill). */
  paste(text) {
    return this.handle.fill(text);
  }
  hover() {
    return this.handle.hover();
  }
  /** Scrolls the element into view if it is not, centred (Playwright's scrollIntoViewIfNeeded). */
  scrollIntoView() {
    return this.handle.scrollIntoViewIfNeeded();
  }
  /** A mouse click `dx` CSS pixels right of the element's centre (left when negative), whatever lies there. */
  async clickAt(dx) {
    const box = await this.handle.boundingBox();
    await this.app.page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2);
  }
  attribute(name) {
    return this.handle.getAttribute(name);
  }
  value() {
    return this.handle.evaluate((el) => el.value);
  }
  text() {
    return this.handle.evaluate((el) => el.innerText);
  }
  evaluate(fn, arg) {
    return this.handle.evaluate(fn, unwrapElements(arg));
  }
}

export class AppPage extends AppPageBase {
  /**
   * @param {Awaited<ReturnType<typeof guardedPage>>} guarded
   * @param {string} url the test server's address
   * @param target the page, or one of its frames (see inFrame)
   */
  constructor(guarded, url, target = guarded.page) {
    super();
    this.guarded = guarded;
    this.page = guarded.page;
    this.target = target;
    this.url = url;
    // Granted with the guarded page's `clipboard` option.
    this.readClipboard = guarded.clipboard ? () => this.page.evaluate(() => navigator.clipboard.readText()) : null;
    // Chromium's console reports what the browser refused to load or run (CSP, integrity, framing).
    this.consoleShowsRefusals = true;
    /** How many service workers run in the page's context (Playwright sees them; WebDriver classic does not). */
    this.runningServiceWorkers = () => guarded.context.serviceWorkers().length;
  }

  /** A fresh guarded page (empty storage) on the app at `env.url`, once the app is live. */
  static async open(env, opts) {
    const guarded = await guardedPage(env.browser, opts);
    const app = new AppPage(guarded, env.url);
    try {
      await app.load(env.url);
    } catch (err) {
      await app.close();
      throw err;
    }
    return app;
  }

  close() {
    return this.guarded.close();
  }

  // --- documents --------------------------------------------------------------
  /** Opens `url` in this page as a new document (never a same-document hash change) and waits for its load event. */
  async goto(url) {
    await this.page.goto('about:blank');
    await this.page.goto(url, { waitUntil: 'load' });
  }
  /** Opens `url` as a new document and waits for the live app. */
  async load(url) {
    await this.goto(url);
    await this.waitForLive(`the live app at ${url}`);
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    await this.waitForLive('the reloaded app');
  }
  async waitForLive(message) {
    await super.waitForLive(message);
    await liveRecommendation(this.target).waitFor({ state: 'visible' });
  }
  currentUrl() {
    return this.target.url();
  }
  /** Every request the page and its frames have made since it opened, by URL (Playwright sees them all). */
  async requestsSeen() {
    return this.guarded.requests.slice();
  }
  /** Waits until the page has had no request in flight for 500 ms (Playwright's networkidle). */
  settled() {
    return this.page.waitForLoadState('networkidle');
  }

  // --- finding and reading ----------------------------------------------------
  async roles(role, options) {
    return (await this.target.$$(roleSelector(role, options))).map((h) => new PlaywrightElement(h, this));
  }
  async css(selector) {
    return (await this.target.$$(selector)).map((h) => new PlaywrightElement(h, this));
  }
  evaluate(fn, arg) {
    return this.target.evaluate(fn, unwrapElements(arg));
  }
  /** Evaluates a script's source in the document (axe-core), through the DevTools protocol: exempt from the page's CSP. */
  injectScript(source) {
    return this.target.evaluate(source);
  }

  // --- input ------------------------------------------------------------------
  press(key) {
    return this.page.keyboard.press(key);
  }
  async setViewport(viewport) {
    await this.page.setViewportSize(viewport);
    return viewport;
  }

  /** The page printed to PDF (A4), as bytes. */
  printPdf() {
    return this.page.pdf({ format: 'A4' });
  }

  /** Clicks `button` and returns the file it downloads: { name, text }. */
  async download(button) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    assert.equal(await file.failure(), null, `the download of ${file.suggestedFilename()} completed`);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  /** Runs `action`, which opens a new tab, then `fn` with a page object of that tab (closed with the context). */
  async followNewTab(action, fn) {
    const [tab] = await Promise.all([this.guarded.context.waitForEvent('page'), action()]);
    return fn(new AppPage({ ...this.guarded, page: tab }, this.url, tab));
  }

  /** Runs `fn` with a page object of `iframe`'s document, once that document has loaded. */
  async inFrame(iframe, fn) {
    const frame = await this.waitFor(
      async () => {
        const f = await iframe.engineHandle().contentFrame();
        return f && f.url() !== 'about:blank' ? f : false;
      },
      { message: 'the iframe document' },
    );
    await frame.waitForLoadState('load');
    return fn(new AppPage(this.guarded, this.url, frame));
  }

  problems() {
    return this.guarded.problems();
  }
}
