// dist/stackweigh.html in Firefox: the single-file bundle, copied alone into
// an empty folder and opened from disk (file://), must come alive there too:
// the live app replaces the prerendered markup, the Recommendation region is
// in Firefox's accessibility tree, a slider answers the keyboard and the
// recommendation or the radar follows, with no console error from the page
// and no request leaving the machine. The Chromium counterpart is
// tests/browser/single-file.test.mjs.
//
// No pref is changed for file://: the bundle inlines its script, stylesheet,
// wasm (base64) and Why? text, so it needs nothing Firefox's default file://
// policy (security.fileuri.strict_origin_policy) forbids.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadData } from '../support/data.mjs';
import { DIST, startFirefoxEnv, waitFor } from './harness.mjs';
import { FirefoxApp, Key } from './page.mjs';

describe('Firefox: single-file bundle from disk', () => {
  let env;
  let app;
  let dir;
  let fileUrl;
  before(async () => {
    const source = path.join(DIST, 'stackweigh.html');
    if (!existsSync(source)) throw new Error(`${source} missing: build first with \`trunk build --release --offline\` (or set STACKWEIGH_DIST)`);
    dir = mkdtempSync(path.join(tmpdir(), 'stackweigh-ff-single-'));
    copyFileSync(source, path.join(dir, 'stackweigh.html'));
    fileUrl = pathToFileURL(path.join(dir, 'stackweigh.html')).href;
    env = await startFirefoxEnv();
    app = new FirefoxApp(env);
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('opened from file:// it renders live, a slider answers ArrowRight/ArrowLeft, no console error', async () => {
    const { session } = env;
    await session.navigate(fileUrl);
    assert.equal(await session.currentUrl(), fileUrl, 'the page is the file:// copy');

    // The live app, not the prerendered markup: main#stackweigh is still
    // there but has lost data-prerendered, and the recommendation has text.
    await waitFor(
      async () =>
        (await session.execute(() => {
          const main = document.querySelector('main#stackweigh');
          return main !== null && !main.hasAttribute('data-prerendered');
        })) && (await app.recommendationText()).length > 0,
      { message: 'main#stackweigh to lose data-prerendered and the Recommendation to render' },
    ).catch((err) => {
      // Say why if the page said anything (a wasm that fails to compile does;
      // a script the page's CSP blocks does not reach stdout).
      err.message += `; page errors: ${JSON.stringify(env.consoleErrors([fileUrl]))}`;
      throw err;
    });
    // role region, accessible name "Recommendation", as Firefox computes them.
    const region = await app.recommendation();
    assert.equal(await region.computedRole(), 'region');
    assert.equal(await region.computedLabel(), 'Recommendation');
    const textBefore = await app.recommendationText();
    assert.ok(loadData().options.some((o) => textBefore.includes(o.name)), `the recommendation names an option: "${textBefore}"`);
    assert.doesNotMatch(textBefore, /\bNaN\b|undefined/);
    const radarBefore = await app.radarPoints();
    assert.ok(Object.keys(radarBefore).length >= 2, 'the radar chart draws both options');

    // A slider, focused, answers the keyboard.
    const slider = (await app.byRole('input[type=range]', 'slider'))[0];
    assert.ok(slider, 'a slider with role slider');
    await session.execute((el) => el.focus(), slider);
    assert.ok(await session.execute((el) => document.activeElement === el, slider), 'the slider has focus');
    const valueBefore = Number(await slider.property('value'));
    const atMax = valueBefore >= Number(await slider.property('max'));
    await session.pressKeys(atMax ? Key.ArrowLeft : Key.ArrowRight);
    const valueAfter = await waitFor(
      async () => {
        const v = Number(await slider.property('value'));
        return v !== valueBefore ? v : false;
      },
      { message: `the slider to move from ${valueBefore} on ${atMax ? 'ArrowLeft' : 'ArrowRight'}` },
    );
    assert.equal(valueAfter, valueBefore + (atMax ? -1 : 1));
    await waitFor(
      async () => {
        if ((await app.recommendationText()) !== textBefore) return true;
        const now = await app.radarPoints();
        return Object.keys(now).some((k) => now[k] !== radarBefore[k]);
      },
      { message: 'the recommendation text or the radar polygons to change after the slider moved' },
    );

    assert.deepEqual(env.proxy.seen, [], 'no request leaves the machine');
    assert.deepEqual(env.consoleErrors([fileUrl]), [], 'the page logs no console error and throws nothing');
  });
});
