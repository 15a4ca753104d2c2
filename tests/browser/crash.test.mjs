// What a reader sees when the app crashes (src/app/panic.rs): the test
// build (`bash scripts/build-crash-test.sh` → target/dist-crash, the release
// build plus the `crash-test` feature) panics on its first change of state
// after start-up. The page, and an embed on another origin, must then show
// the alert with the state link, freeze the controls, copy the error
// details and come back with the same weights on "Reload". The release
// dist/ must not carry the trigger at all.
//
//   STACKWEIGH_DIST        the release build (default REPO/dist)
//   STACKWEIGH_CRASH_DIST  the crash-test build (default REPO/target/dist-crash)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RELEASE_DIST = path.resolve(process.env.STACKWEIGH_DIST || path.join(REPO, 'dist'));
const CRASH_DIST = path.resolve(process.env.STACKWEIGH_CRASH_DIST || path.join(REPO, 'target', 'dist-crash'));
// The harness serves $STACKWEIGH_DIST: here, the crash-test build.
process.env.STACKWEIGH_DIST = CRASH_DIST;
// Imported only now: the support modules read $STACKWEIGH_DIST when they load.
const { withoutExpected } = await import('../support/reading.mjs');
const { newGuardedPage, openPanels, startEnv, liveRecommendation } = await import('./harness.mjs');
const { loadData, weightText } = await import('../support/data.mjs');
const { waitFor } = await import('../support/waits.mjs');
const { AppPage } = await import('./page.mjs');
const { startServer } = await import('../../scripts/static-server.mjs');
const { ACAO, embedFrame, embedIframe, hostPage, launchEnv, makePagesRoot, makeSiteRoot, messages, openGuarded, waitForFit } =
  await import('./embed-helpers.mjs');

/** The trigger's panic message (src/app/panic.rs): in the test build only. */
const TRIGGER = 'crash-test trigger';
const SENTENCE = /the comparator hit an error and has stopped/;
const VERSION = /^version = "([^"]+)"/m.exec(readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8'))[1];

function wasmFiles(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.wasm')) : [];
  assert.ok(files.length > 0, `${dir} has no .wasm: build it first`);
  return files.map((f) => readFileSync(path.join(dir, f)));
}

function requireCrashBuild() {
  if (!existsSync(path.join(CRASH_DIST, 'index.html'))) {
    throw new Error(`${CRASH_DIST}/index.html missing: run \`bash scripts/build-crash-test.sh\``);
  }
}

/**
 * `problems` minus what a crash must log, once each: the trap
 * (RuntimeError: unreachable, an uncaught page error) and the hook's own
 * console.error of the details. Fails if either is missing.
 */
function unexpectedProblems(problems) {
  return withoutExpected(problems, [/^page error: RuntimeError: unreachable/, new RegExp(`^console error: stackweigh ${VERSION} stopped with an error\\.`)], assert);
}

/** {criterionId: weight} as the sliders show it, each found by its label. */
async function sliderWeights(target) {
  const byName = Object.fromEntries(
    await target.getByRole('slider').evaluateAll((els) => els.map((e) => [e.labels[0]?.textContent.trim(), Number(e.value)])),
  );
  return Object.fromEntries(loadData().criteria.map((c) => [c.id, byName[c.name]]));
}

/** Moves the first criterion's slider one step by keyboard; returns the weights that leaves. */
async function moveFirstSlider(target) {
  const { id, name } = loadData().criteria[0];
  const before = await sliderWeights(target);
  const key = before[id] < 10 ? 'ArrowRight' : 'ArrowLeft';
  const slider = target.getByRole('slider', { name, exact: true });
  await slider.focus();
  await slider.press(key);
  return { ...before, [id]: before[id] + (key === 'ArrowRight' ? 1 : -1) };
}

/** The crash notice in `target`, once it is there, with its state link and the parts the tests use. */
async function crashNotice(target) {
  const region = target.getByRole('region', { name: SENTENCE });
  await region.waitFor({ state: 'visible' });
  const link = await region.getByRole('link').getAttribute('href');
  return {
    region,
    link,
    alert: region.getByRole('alert'),
    reload: region.getByRole('button', { name: 'Reload', exact: true }),
    copy: region.getByRole('button', { name: 'Copy error details', exact: true }),
    status: region.getByRole('status'),
    details: region.getByRole('textbox', { name: 'Error details', includeHidden: true }),
  };
}

/** Asserts the state link carries `weights`, and returns its hash text. */
function assertLinkWeights(link, weights) {
  const hash = new URL(link).hash.slice(1);
  assert.equal(new URLSearchParams(hash).get('w'), weightText(weights), `the state link has the weights after the move: ${link}`);
  return hash;
}

/**
 * Nothing but the notice answers: a click at the far end of another slider
 * and keys on it leave it as it was, and Tab visits only the notice.
 */
async function assertFrozen(target, page) {
  const { name } = loadData().criteria[1];
  const slider = target.locator('input[type="range"]').nth(1);
  const before = Number(await slider.inputValue());
  assert.equal(await slider.evaluate((el) => el.closest('[inert]') !== null), true, `slider "${name}" is inside an inert subtree`);
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + (before < 10 ? box.width - 2 : 2), box.y + box.height / 2);
  await slider.evaluate((el) => el.focus());
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  assert.equal(Number(await slider.inputValue()), before, `slider "${name}" did not move`);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const where = await target.evaluate(() => {
      const el = document.activeElement;
      return !el || el === document.body || el.closest('.sw-crash') ? 'ok' : el.outerHTML.slice(0, 120);
    });
    assert.equal(where, 'ok', `Tab ${i + 1} reached a control of the dead widget`);
  }
  const enabled = await target.evaluate(() =>
    [...document.querySelectorAll('input, button, select, textarea, a[href], summary')].filter((el) => !el.closest('[inert]') && !el.closest('.sw-crash')).length,
  );
  assert.equal(enabled, 0, 'every control outside the notice is inert');
}

describe('the release build has no crash trigger', () => {
  test('no dist/*.wasm contains the trigger; the crash-test build does', () => {
    for (const wasm of wasmFiles(RELEASE_DIST)) assert.equal(wasm.includes(TRIGGER), false, `${RELEASE_DIST} wasm contains "${TRIGGER}"`);
    requireCrashBuild();
    assert.ok(wasmFiles(CRASH_DIST).some((wasm) => wasm.includes(TRIGGER)), 'the check can fail: the crash-test wasm has the trigger');
  });
});

describe('a crash on the page', () => {
  let env;
  before(async () => {
    requireCrashBuild();
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('shows the alert with the state link, freezes the controls, copies the details, and Reload restores the weights', async () => {
    const guarded = await newGuardedPage(env);
    await guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    const app = new AppPage(guarded, env.url);
    const { page } = guarded;
    try {
      await app.load(env.url);
      const want = await moveFirstSlider(page);
      const notice = await crashNotice(page);
      assert.match(await notice.alert.innerText(), SENTENCE);
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-failed')), true, '<html data-failed>');
      const hash = assertLinkWeights(notice.link, want);
      assert.equal(`${new URL(notice.link).origin}${new URL(notice.link).pathname}`, env.url, 'the link opens this page');
      assert.equal(new URL(page.url()).hash, `#${hash}`, 'the address bar has the state at once');
      assert.equal(await page.locator('.sw-crash').evaluate((el) => el.parentElement.id), 'stackweigh', 'the notice is in the widget');

      await assertFrozen(page, page);

      await notice.copy.click();
      await waitFor(async () => (await notice.status.innerText()) === 'Copied the error details.', { message: 'the copy to be confirmed' });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await notice.details.inputValue(), 'the clipboard holds the details shown');
      assert.match(copied, new RegExp(`^stackweigh ${VERSION} stopped with an error\\.\\nError: ${TRIGGER}`));
      assert.match(copied, /\nAt: src\/app\/panic\.rs:\d+:\d+\n/);
      assert.ok(copied.includes(`\nState link: ${notice.link}\n`), copied);

      const loaded = page.waitForEvent('load');
      await notice.reload.click();
      await loaded;
      await liveRecommendation(page).waitFor({ state: 'visible' });
      assert.deepEqual(await sliderWeights(page), want, 'Reload brings back the weights of the state link');
      assert.equal(await page.locator('.sw-crash').count(), 0, 'no notice after the reload');
      assert.equal(await page.getByRole('button', { name: 'Restore my weights' }).count(), 0, 'the state was saved too: nothing to restore');
      assert.deepEqual(unexpectedProblems(guarded.problems()), []);
    } finally {
      await guarded.close();
    }
  });

  test('without clipboard permission, the details end up selected for copying by hand', async () => {
    const guarded = await newGuardedPage(env);
    const app = new AppPage(guarded, env.url);
    const { page } = guarded;
    try {
      await app.load(env.url);
      await page.evaluate(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new Error('denied')) }) });
      });
      await moveFirstSlider(page);
      const notice = await crashNotice(page);
      await notice.copy.click();
      await waitFor(async () => /copy them yourself/.test(await notice.status.innerText()), { message: 'the fallback message' });
      const selected = await notice.details.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
      assert.equal(selected, await notice.details.inputValue(), 'all the details are selected');
      assert.ok(await notice.details.isVisible(), 'and shown');
      assert.deepEqual(unexpectedProblems(guarded.problems()), []);
    } finally {
      await guarded.close();
    }
  });
});

describe('a crash in an embed on another origin', () => {
  let env;
  before(async () => {
    requireCrashBuild();
    const siteRoot = makeSiteRoot();
    const widget = await startServer({ root: siteRoot, port: 0, headers: ACAO });
    const hostRoot = makePagesRoot({
      'post.html': hostPage(
        `<p>Before the widget.</p><div class="stackweigh-embed"><a href="${widget.url}">w</a></div>` +
          `<script async src="${widget.url}embed.js"></script><p>After the widget.</p>`,
      ),
    });
    const host = await startServer({ root: hostRoot, port: 0 });
    env = await launchEnv({ servers: [widget, host], cleanup: [siteRoot, hostRoot], widgetUrl: widget.url, postUrl: host.url + 'post.html' });
  });
  after(async () => {
    await env?.close();
  });

  test('the alert fits the widget, its new height is reported, the controls freeze, and Reload restores the weights', async () => {
    const g = await openGuarded(env, env.postUrl);
    const { page } = g;
    try {
      const frame = await embedFrame(page, 0);
      // A reader opens the embed's panels: the intent that starts it.
      await openPanels(frame);
      await liveRecommendation(frame).waitFor({ state: 'visible' });
      const fitted = await waitForFit(page, 0, frame);
      const want = await moveFirstSlider(frame);
      const notice = await crashNotice(frame);
      const hash = assertLinkWeights(notice.link, want);
      assert.equal(new URL(notice.link).origin, new URL(env.widgetUrl).origin, 'the link opens the full comparator');
      assert.equal(new URL(frame.url()).hash, `#${hash}`, "the embed's address has the state at once");
      assert.equal(new URL(frame.url()).searchParams.get('embed'), '1', 'and is still the embed');

      // The notice adds height; the dead app's ResizeObserver still reports it.
      const after = await waitForFit(page, 0, frame, { extra: (m) => m.scrollHeight > fitted.scrollHeight, message: ' with the notice' });
      const heights = (await messages(page)).filter((m) => m.type === 'stackweigh:height').map((m) => m.height);
      assert.equal(heights.at(-1), after.scrollHeight, `the last height message is the new height: ${heights}`);
      const width = await frame.evaluate(() => ({
        notice: document.querySelector('.sw-crash').getBoundingClientRect().right,
        page: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
      }));
      assert.ok(width.notice <= width.page && width.scroll <= width.page, `the notice fits the widget's width: ${JSON.stringify(width)}`);

      await assertFrozen(frame, page);

      await notice.reload.click();
      await waitFor(async () => (await frame.locator('.sw-crash').count()) === 0, { message: 'the embed to reload' });
      await frame.locator('h1').hover();
      await liveRecommendation(frame).waitFor({ state: 'visible' });
      await openPanels(frame);
      assert.deepEqual(await sliderWeights(frame), want, 'Reload brings back the weights of the state link');
      assert.equal(new URL(frame.url()).searchParams.get('embed'), '1', 'still the embed after the reload');
      await waitForFit(page, 0, frame);
      assert.deepEqual(unexpectedProblems(g.problems()), []);
    } finally {
      await g.close();
    }
  });
});
