// The thin Chromium runner of the journeys in tests/support/journeys/: one server and browser per test
// file; each journey gets a fresh guarded page (harness.mjs: empty storage, clipboard granted, nothing may
// leave 127.0.0.1, no console error or warning, no uncaught error, no failed response) at the viewport it
// asks for, on the page it asks for.

import { after, before, describe } from 'node:test';
import { describeJourneysIn } from '../support/journeys/suite.mjs';
import { guardedPage, startEnv } from './harness.mjs';
import { AppPage } from './page.mjs';

/**
 * Runs `fn(app)` on a fresh guarded page with `options` (see guardedPage), at `path` of the server (unless
 * `load` is false); afterwards no problem may have been seen (unless `checksProblems`: the journey checks
 * them itself), and the page is closed.
 */
export async function withApp(env, fn, { path = '', load = true, checksProblems = false, ...options } = {}) {
  const guarded = await guardedPage(env.browser, { clipboard: env.url, ...options });
  const app = new AppPage(guarded, env.url);
  try {
    if (load) await app.load(env.url + path);
    await fn(app);
    if (!checksProblems) app.assertNoProblems();
  } finally {
    await app.close();
  }
}

/** A describe() of `journeys` in Chromium (see describeJourneysIn): a fresh guarded page per journey. */
export const describeJourneys = (title, journeys, options) =>
  describeJourneysIn({ start: startEnv, run: (env, t, fn, open) => withApp(env, fn, open) }, title, journeys, options);

/** A describe() whose tests share one server and browser (startEnv): `body(env)` defines them; `env` is filled in before they run. */
export function describeWithEnv(title, body) {
  describe(title, () => {
    const env = {};
    before(async () => Object.assign(env, await startEnv()));
    after(() => env.close?.());
    body(env);
  });
}
