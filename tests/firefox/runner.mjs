// The thin Firefox runner of the journeys in tests/support/journeys/: one server, guard proxy and Firefox
// session per test file; each journey starts with empty storage (FirefoxApp.fresh), at the viewport it
// asks for, on the page it asks for, and fails on any request leaving 127.0.0.1 and any console error or
// uncaught error of the page during it.

import { after, before, describe, test } from 'node:test';
import { startFirefoxEnv } from './harness.mjs';
import { FirefoxApp } from './page.mjs';

export const VIEWPORT = Object.freeze({ width: 1280, height: 900 });

/**
 * Runs `fn(app)` as test `t`'s journey: fresh storage, `viewport` (see FirefoxApp.setViewport), then the app at `path` (unless `load` is false);
 * afterwards no problem may have been seen (unless `checksProblems`: the journey checks them itself).
 */
export async function runJourney(app, t, fn, { path = '', load = true, viewport = VIEWPORT, checksProblems = false, ...unknown } = {}) {
  // A journey that asks for what WebDriver classic cannot do (media emulation…) belongs to the Chromium runner alone.
  if (Object.keys(unknown).length) throw new Error(`the Firefox runner cannot open a page with ${Object.keys(unknown).join(', ')}`);
  await app.fresh();
  const inner = await app.setViewport(viewport);
  if (inner.width !== viewport.width) t.diagnostic(`a ${viewport.width} × ${viewport.height} window gives Firefox a ${inner.width} × ${inner.height} viewport`);
  if (load) await app.load(app.url + path);
  await fn(app);
  if (!checksProblems) app.assertNoProblems();
}

/**
 * A describe() of `journeys` ({ name, open, run(app, context) }) in Firefox. `setup(url, env)` starts what the
 * journeys need besides the app (host pages on other origins…) and returns their addresses and a close().
 * `open` (or `open(site)`) adds to every journey's page options; `check(app)` runs after each journey.
 */
export function describeJourneys(title, journeys, { setup, open, check } = {}) {
  describe(title, () => {
    let env;
    let app;
    let site;
    before(async () => {
      env = await startFirefoxEnv(VIEWPORT);
      app = new FirefoxApp(env);
      site = setup ? await setup(env.url, env) : {};
    });
    after(async () => {
      await site?.close?.();
      await env?.close();
    });
    for (const journey of journeys) {
      test(journey.name, (t) =>
        runJourney(
          app,
          t,
          async (a) => {
            await journey.run(a, { ...site, url: env.url, t });
            await check?.(a);
          },
          { ...(typeof open === 'function' ? open(site) : open), ...journey.open },
        ),
      );
    }
  });
}
