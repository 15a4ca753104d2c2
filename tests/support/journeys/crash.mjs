// What a reader sees when the app crashes (src/app/panic.rs), written once for both engines. The test build
// (`bash scripts/build-crash-test.sh` → target/dist-crash, the release build plus the `crash-test` feature)
// panics on its first change of state after start-up. The page, and an embed on another origin, must then
// show the alert with the state link, freeze the controls, copy the error details (or select them for
// copying by hand) and come back with the same weights on "Reload". The runners serve the crash-test build.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadData, weightText } from '../data.mjs';
import { REPO } from '../paths.mjs';
import { withoutExpected } from '../reading.mjs';
import { embedSnippet, hostPage, siteSet } from '../sites.mjs';
import { heightMessages, waitForFit } from './embeds.mjs';

/** The trigger's panic message (src/app/panic.rs): in the test build only. */
export const TRIGGER = 'crash-test trigger';
const SENTENCE = /the comparator hit an error and has stopped/;
const VERSION = /^version = "([^"]+)"/m.exec(readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8'))[1];

/** A blog on another port that embeds the widget served at `url` with the loader, recording the messages it receives. */
export async function crashHost(url) {
  const sites = siteSet();
  const host = await sites.host({
    'post.html': hostPage(`<p>Before the widget.</p>${embedSnippet(url, { text: 'w' })}<p>After the widget.</p>`, { messages: true }),
  });
  return { postUrl: `${host}post.html`, close: () => sites.close() };
}

/**
 * The app's problems minus what a crash must log, once each (fails if either is missing): the trap
 * (RuntimeError: unreachable, an uncaught error) and the hook's own console.error of the details.
 */
function assertOnlyTheCrashLogged(app) {
  const expected = [/^page error: RuntimeError: unreachable/, new RegExp(`^console error: stackweigh ${VERSION} stopped with an error\\.`)];
  assert.deepEqual(withoutExpected(app.problems(), expected, assert), [], 'nothing but the crash was logged, and nothing left 127.0.0.1');
}

/** Moves the first criterion's slider one step by keyboard; returns the weights that leaves. */
async function moveFirstSlider(app) {
  const { id, name } = loadData().criteria[0];
  const before = await app.sliderValues();
  const key = before[id] < 10 ? 'ArrowRight' : 'ArrowLeft';
  await app.pressOnSlider(name, key);
  return { ...before, [id]: before[id] + (key === 'ArrowRight' ? 1 : -1) };
}

/** The crash notice, once it is there: its region, alert, state link, buttons, and where it sits. */
async function crashNotice(app) {
  const region = await app.role('region', SENTENCE);
  const alert = await region.role('alert');
  const notice = {
    region,
    sentence: await alert.text(),
    link: await (await region.role('link')).attribute('href'),
    reload: await region.role('button', 'Reload'),
    copy: await region.role('button', 'Copy error details'),
    /** The notice's status line, '' while there is none to read. */
    status: async () => {
      const [status] = await region.roles('status');
      return status ? status.text() : '';
    },
    // The details are kept hidden until copying fails.
    details: await region.one('textarea'),
    ...(await region.evaluate((r) => ({
      labelledBy: r.getAttribute('aria-labelledby') === r.querySelector('[role=alert]')?.id,
      inWidget: r.parentElement.id === 'stackweigh',
      failed: document.documentElement.hasAttribute('data-failed'),
    }))),
  };
  assert.match(notice.sentence, SENTENCE);
  assert.ok(notice.labelledBy, 'the region is named by its alert');
  assert.ok(notice.inWidget, 'the notice is in the widget');
  assert.ok(notice.failed, '<html data-failed>');
  assert.equal(await notice.details.evaluate((t) => t.getAttribute('aria-label') ?? t.labels[0]?.textContent.trim()), 'Error details');
  return notice;
}

/** Asserts the state link carries `weights`, and returns its hash text. */
function assertLinkWeights(link, weights) {
  const hash = new URL(link).hash.slice(1);
  assert.equal(new URLSearchParams(hash).get('w'), weightText(weights), `the state link has the weights after the move: ${link}`);
  return hash;
}

/**
 * Nothing but the notice answers: a click at the far end of another slider and keys on it leave it as it
 * was, Tab visits only the notice, and every control outside the notice is inert.
 */
async function assertFrozen(app) {
  const { name } = loadData().criteria[1];
  const slider = (await app.css('input[type="range"]'))[1];
  const before = Number(await slider.value());
  assert.equal(await slider.evaluate((el) => el.closest('[inert]') !== null), true, `slider "${name}" is inside an inert subtree`);
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const width = await slider.evaluate((el) => el.getBoundingClientRect().width);
  await slider.clickAt((before < 10 ? 1 : -1) * (width / 2 - 2));
  await slider.evaluate((el) => el.focus());
  await app.press('End');
  await app.press('Home');
  assert.equal(Number(await slider.value()), before, `slider "${name}" did not move`);
  for (let i = 0; i < 8; i++) {
    await app.press('Tab');
    const where = await app.evaluate(() => {
      const el = document.activeElement;
      return !el || el === document.body || el.closest('.sw-crash') ? 'ok' : el.outerHTML.slice(0, 120);
    });
    assert.equal(where, 'ok', `Tab ${i + 1} reached a control of the dead widget`);
  }
  const enabled = await app.evaluate(
    () => [...document.querySelectorAll('input, button, select, textarea, a[href], summary')].filter((el) => !el.closest('[inert]') && !el.closest('.sw-crash')).length,
  );
  assert.equal(enabled, 0, 'every control outside the notice is inert');
}

export const crashJourneys = [
  {
    name: 'on the page: the alert with the state link, frozen controls, the details copied, and Reload restores the weights',
    open: { checksProblems: true },
    async run(app, { url }) {
      const want = await moveFirstSlider(app);
      const notice = await crashNotice(app);
      const hash = assertLinkWeights(notice.link, want);
      assert.equal(`${new URL(notice.link).origin}${new URL(notice.link).pathname}`, url, 'the link opens this page');
      assert.equal(new URL(await app.currentUrl()).hash, `#${hash}`, 'the address bar has the state at once');

      await assertFrozen(app);

      await notice.copy.click();
      await app.waitFor(async () => (await notice.status()) === 'Copied the error details.', { message: 'the copy to be confirmed' });
      const details = await notice.details.value();
      assert.match(details, new RegExp(`^stackweigh ${VERSION} stopped with an error\\.\\nError: ${TRIGGER}`));
      assert.match(details, /\nAt: src\/app\/panic\.rs:\d+:\d+\n/);
      assert.ok(details.includes(`\nState link: ${notice.link}\n`), details);
      if (app.readClipboard) assert.equal(await app.readClipboard(), details, 'the clipboard holds the details shown');

      await notice.reload.click();
      await app.waitFor(() => app.evaluate(() => !document.querySelector('.sw-crash') && !document.querySelector('[data-prerendered]')), { message: 'the page to reload' });
      await app.waitForLive('the reloaded app');
      assert.deepEqual(await app.sliderValues(), want, 'Reload brings back the weights of the state link');
      assert.equal((await app.css('.sw-crash')).length, 0, 'no notice after the reload');
      assert.deepEqual(await app.roles('button', { name: 'Restore my weights' }), [], 'the state was saved too: nothing to restore');
      assertOnlyTheCrashLogged(app);
    },
  },
  {
    name: 'without a clipboard, the details end up selected for copying by hand',
    open: { checksProblems: true },
    async run(app) {
      await app.evaluate(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new Error('denied')) }) });
      });
      await moveFirstSlider(app);
      const notice = await crashNotice(app);
      await notice.copy.click();
      await app.waitFor(async () => /copy them yourself/.test(await notice.status()), { message: 'the fallback message' });
      const selected = await notice.details.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
      assert.equal(selected, await notice.details.value(), 'all the details are selected');
      assert.ok(await notice.details.isVisible(), 'and shown');
      assertOnlyTheCrashLogged(app);
    },
  },
  {
    name: 'in an embed on another origin: the alert fits, the new height is reported, the controls freeze, and Reload restores the weights',
    open: { load: false, checksProblems: true },
    async run(app, { url, postUrl }) {
      await app.goto(postUrl);
      const iframe = await app.one('.stackweigh-embed iframe');
      // The reader's pointer comes over the embed: the intent that starts it.
      await iframe.hover();
      await app.inFrame(iframe, async (frame) => {
        await frame.waitForLive('the live embed');
        await frame.openPanels();
      });
      const fitted = await waitForFit(app, iframe);
      let want;
      await app.inFrame(iframe, async (frame) => {
        want = await moveFirstSlider(frame);
        const notice = await crashNotice(frame);
        const hash = assertLinkWeights(notice.link, want);
        assert.equal(new URL(notice.link).origin, new URL(url).origin, 'the link opens the full comparator');
        const address = new URL(await frame.currentUrl());
        assert.equal(address.hash, `#${hash}`, "the embed's address has the state at once");
        assert.equal(address.pathname.split('/').pop(), 'embed.html', 'and is still the embed document');
      });

      // The notice adds height; the dead app's ResizeObserver still reports it.
      const grown = await waitForFit(app, iframe, { extra: (m) => m.scrollHeight > fitted.scrollHeight, message: ' with the notice' });
      const heights = await heightMessages(app);
      assert.equal(heights.at(-1), grown.scrollHeight, `the last height message is the new height: ${heights}`);
      await app.inFrame(iframe, async (frame) => {
        const width = await frame.evaluate(() => ({
          notice: document.querySelector('.sw-crash').getBoundingClientRect().right,
          page: document.documentElement.clientWidth,
          scroll: document.documentElement.scrollWidth,
        }));
        assert.ok(width.notice <= width.page && width.scroll <= width.page, `the notice fits the widget's width: ${JSON.stringify(width)}`);
        await assertFrozen(frame);
        await (await frame.role('button', 'Reload')).click();
        let seen;
        await frame.waitFor(async () => {
          seen = await frame.evaluate(() => ({ ready: document.readyState, crash: !!document.querySelector('.sw-crash'), live: !document.querySelector('[data-prerendered]'), url: location.href }));
          return seen.ready === 'complete' && !seen.crash;
        }, { message: 'the embed to reload', timeout: 30000 }).catch((err) => {
          err.message += `: ${JSON.stringify(seen)}`;
          throw err;
        });
        // The reloaded embed waits for the reader again (its heading may be replaced as the
        // reloaded document settles: hover the one that is there).
        await frame.waitFor(async () => {
          try {
            await (await frame.one('h1')).hover();
            return true;
          } catch {
            return false;
          }
        }, { message: 'the reloaded embed to take the pointer' });
        await frame.waitForLive('the reloaded embed');
        await frame.openPanels();
        assert.deepEqual(await frame.sliderValues(), want, 'Reload brings back the weights of the state link');
        assert.equal(new URL(await frame.currentUrl()).pathname.split('/').pop(), 'embed.html', 'still the embed document after the reload');
      });
      await waitForFit(app, iframe);
      assertOnlyTheCrashLogged(app);
    },
  },
];
