// The thin Firefox runner of the journeys in tests/support/journeys/: one server, guard proxy and Firefox
// session per test file; each journey starts with empty storage (FirefoxApp.fresh), at the viewport it
// asks for, on the page it asks for, and fails on any request leaving 127.0.0.1 and any console error or
// uncaught error of the page during it.

import { describeJourneysIn } from '../support/journeys/suite.mjs';
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

/** A describe() of `journeys` in Firefox (see describeJourneysIn): one session for the file, fresh storage per journey. */
export function describeJourneys(title, journeys, options) {
  const engine = {
    async start() {
      const env = await startFirefoxEnv(VIEWPORT);
      env.app = new FirefoxApp(env);
      return env;
    },
    run: (env, t, fn, open) => runJourney(env.app, t, fn, open),
  };
  return describeJourneysIn(engine, title, journeys, options);
}
