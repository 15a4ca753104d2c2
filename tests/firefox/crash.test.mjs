// tests/browser/crash.test.mjs again, in Firefox ESR: the crash-test build
// (`bash scripts/build-crash-test.sh` → target/dist-crash) panics on its
// first change of state after start-up; the page, and an embed on another
// origin, must show the alert with the state link, freeze the controls and
// come back with the same weights on "Reload".
//
//   STACKWEIGH_CRASH_DIST  the crash-test build (default REPO/target/dist-crash)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CRASH_DIST = path.resolve(process.env.STACKWEIGH_CRASH_DIST || path.join(REPO, 'target', 'dist-crash'));
// The harness serves $STACKWEIGH_DIST: here, the crash-test build.
process.env.STACKWEIGH_DIST = CRASH_DIST;
// Imported only now: the support modules read $STACKWEIGH_DIST when they load.
const { normalise, withoutExpected } = await import('../support/reading.mjs');
const { startFirefoxEnv, waitFor } = await import('./harness.mjs');
const { FirefoxApp, Key } = await import('./page.mjs');
const { loadData, weightText } = await import('../support/data.mjs');
const { startServer } = await import('../../scripts/static-server.mjs');

const SENTENCE = /the comparator hit an error and has stopped/;
const TRIGGER = 'crash-test trigger';
const VERSION = /^version = "([^"]+)"/m.exec(readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8'))[1];

/**
 * The console lines minus what a crash must log, once each: the trap
 * (RuntimeError: unreachable) and the hook's console.error of the details.
 */
function unexpectedProblems(problems) {
  return withoutExpected(problems, [/RuntimeError: unreachable/, new RegExp(`console\\.error: .*stackweigh ${VERSION} stopped with an error`)], assert);
}

/** Moves the pointer over `iframe` (from its parent's context). */
async function pointAt(session, iframe, x = 0) {
  await session.cmd('POST', '/actions', {
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', duration: 0, origin: iframe.toJSON ? iframe.toJSON() : iframe, x, y: 0 }],
      },
    ],
  });
  await session.releaseActions();
}

/** The notice's parts in the current browsing context, once it is there. */
async function crashNotice(session) {
  return waitFor(
    () =>
      session.execute(() => {
        const region = document.querySelector('.sw-crash');
        if (!region) return null;
        const alert = region.querySelector('[role=alert]');
        return {
          sentence: alert?.textContent ?? '',
          labelledBy: region.getAttribute('aria-labelledby') === alert?.id,
          link: region.querySelector('a[href]')?.href ?? null,
          inWidget: region.parentElement.id === 'stackweigh',
          failed: document.documentElement.hasAttribute('data-failed'),
          address: location.href,
        };
      }),
    { message: 'the crash notice' },
  );
}

/** The notice's button `name`, as Firefox names it. */
async function noticeButton(app, name) {
  const found = [];
  for (const b of await app.session.findAll('.sw-crash button')) if (normalise(await b.computedLabel()) === name) found.push(b);
  assert.equal(found.length, 1, `one "${name}" button in the notice`);
  return found[0];
}

/** Moves the first criterion's slider one step by keyboard; returns the weights that leaves. */
async function moveFirstSlider(app) {
  const { id, name } = loadData().criteria[0];
  const before = await app.sliderValues();
  const key = before[id] < 10 ? Key.ArrowRight : Key.ArrowLeft;
  await (await app.slider(name)).sendKeys(key);
  return { ...before, [id]: before[id] + (key === Key.ArrowRight ? 1 : -1) };
}

/** Keys on another slider leave it as it was, and Tab visits only the notice. */
async function assertFrozen(session) {
  const slider = (await session.findAll('input[type=range]'))[1];
  const before = await slider.property('value');
  assert.equal(await session.execute((el) => el.closest('[inert]') !== null, slider), true, 'the slider is inside an inert subtree');
  await session.execute((el) => el.focus(), slider);
  await session.pressKeys(Key.End, Key.Home);
  assert.equal(await slider.property('value'), before, 'the slider did not move');
  for (let i = 0; i < 8; i++) {
    await session.pressKeys(Key.Tab);
    const where = await session.execute(() => {
      const el = document.activeElement;
      return !el || el === document.body || el.closest('.sw-crash') ? 'ok' : el.outerHTML.slice(0, 120);
    });
    assert.equal(where, 'ok', `Tab ${i + 1} reached a control of the dead widget`);
  }
}

function assertLinkWeights(link, weights) {
  const hash = new URL(link).hash.slice(1);
  assert.equal(new URLSearchParams(hash).get('w'), weightText(weights), `the state link has the weights after the move: ${link}`);
  return hash;
}

describe('Firefox: a crash', () => {
  let env;
  let app;
  let host;
  let hostRoot;
  before(async () => {
    if (!existsSync(path.join(CRASH_DIST, 'index.html'))) {
      throw new Error(`${CRASH_DIST}/index.html missing: run \`bash scripts/build-crash-test.sh\``);
    }
    env = await startFirefoxEnv();
    app = new FirefoxApp(env);
    // A blog on another port embeds the widget with the loader, and records
    // the height messages it receives.
    hostRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-crash-host-'));
    writeFileSync(
      path.join(hostRoot, 'post.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">' +
        "<script>window.__heights=[];addEventListener('message',function(e){if(e.data&&e.data.type==='stackweigh:height')__heights.push(e.data.height)});</script>" +
        `</head><body><p>Before.</p><div class="stackweigh-embed"><a href="${env.url}">w</a></div>` +
        `<script async src="${env.url}embed.js"></script><p>After.</p></body></html>\n`,
    );
    host = await startServer({ root: hostRoot, port: 0 });
  });
  after(async () => {
    await host?.close();
    if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
    await env?.close();
  });

  test('on the page: the alert with the state link, frozen controls, error details, and Reload restores the weights', async () => {
    await app.open();
    const want = await moveFirstSlider(app);
    const notice = await crashNotice(app.session);
    assert.match(notice.sentence, SENTENCE);
    assert.ok(notice.labelledBy && notice.inWidget && notice.failed, JSON.stringify(notice));
    const hash = assertLinkWeights(notice.link, want);
    assert.equal(new URL(notice.address).hash, `#${hash}`, 'the address bar has the state at once');

    await assertFrozen(app.session);

    await (await noticeButton(app, 'Copy error details')).click();
    const status = await waitFor(() => app.session.execute(() => document.querySelector('.sw-crash [role=status]').textContent), { message: 'the copy outcome' });
    assert.equal(status, 'Copied the error details.');
    const details = await app.session.execute(() => document.querySelector('.sw-crash textarea').value);
    assert.match(details, new RegExp(`^stackweigh ${VERSION} stopped with an error\\.\\nError: ${TRIGGER}`));
    assert.ok(details.includes(`\nState link: ${notice.link}\n`), details);

    await (await noticeButton(app, 'Reload')).click();
    await waitFor(() => app.session.execute(() => !document.querySelector('.sw-crash') && !document.querySelector('[data-prerendered]')), {
      message: 'the page to reload',
    });
    await app.waitForWeights(want, 'Reload to bring back the weights of the state link');
    assert.deepEqual(await app.byRole('button', 'button', 'Restore my weights'), [], 'the state was saved too: nothing to restore');
    assert.deepEqual(unexpectedProblems(env.problems()), []);
  });

  test('in an embed on another origin: the alert fits, the new height is reported, and Reload restores the weights', async () => {
    const problemsBefore = env.problems().length;
    await app.clearStorage();
    await app.session.navigate(host.url + 'post.html');
    const iframe = await waitFor(async () => (await app.session.findAll('.stackweigh-embed iframe'))[0], { message: 'the embed iframe' });
    const fit = () =>
      app.session.execute(() => {
        const f = document.querySelector('.stackweigh-embed iframe');
        return { iframe: Math.round(f.getBoundingClientRect().height), last: window.__heights.at(-1) ?? null };
      });
    // The reader's pointer comes over the embed: the intent that starts it.
    await pointAt(app.session, iframe);
    await app.session.cmd('POST', '/frame', { id: iframe.toJSON() });
    await waitFor(() => app.session.execute(() => !!document.querySelector('main#stackweigh:not([data-prerendered]) .sw')), { message: 'the live embed' });
    await app.openPanels();
    const fitted = await app.session.execute(() => document.documentElement.getBoundingClientRect().height);
    const want = await moveFirstSlider(app);
    const notice = await crashNotice(app.session);
    const hash = assertLinkWeights(notice.link, want);
    assert.equal(new URL(notice.address).hash, `#${hash}`, "the embed's address has the state at once");
    assert.equal(new URL(notice.address).searchParams.get('embed'), '1');
    const grown = await app.session.execute(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(grown > fitted, `the notice adds height (${fitted} → ${grown})`);
    const width = await app.session.execute(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    assert.ok(width, 'the notice fits the widget width');
    await assertFrozen(app.session);

    await app.session.cmd('POST', '/frame/parent', {});
    const sized = await waitFor(async () => {
      const now = await fit();
      return now.last === grown && Math.abs(now.iframe - grown) <= 2 ? now : false;
    }, { message: `the host to receive and apply the new height ${grown}` });
    assert.equal(sized.last, grown);

    await app.session.cmd('POST', '/frame', { id: iframe.toJSON() });
    await (await noticeButton(app, 'Reload')).click();
    await waitFor(async () => (await app.session.execute(() => document.readyState === 'complete' && !document.querySelector('.sw-crash'))), {
      message: 'the embed to reload',
    });
    // The reloaded embed waits for the reader again.
    await app.session.cmd('POST', '/frame/parent', {});
    await pointAt(app.session, iframe, 5);
    await app.session.cmd('POST', '/frame', { id: iframe.toJSON() });
    await waitFor(
      () => app.session.execute(() => !document.querySelector('.sw-crash') && !!document.querySelector('main#stackweigh:not([data-prerendered]) .sw')),
      { message: 'the embed to reload' },
    );
    await app.openPanels();
    await app.waitForWeights(want, 'Reload to bring back the weights of the state link');
    assert.equal(new URL(await app.session.execute(() => location.href)).searchParams.get('embed'), '1', 'still the embed');
    await app.session.cmd('POST', '/frame/parent', {});
    assert.deepEqual(unexpectedProblems(env.problems().slice(problemsBefore)), []);
  });
});
