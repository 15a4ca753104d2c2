// The thin Chromium runner of the journeys in tests/support/journeys/: one server and browser per test
// file; each journey gets a fresh guarded page (harness.mjs: empty storage, clipboard granted, nothing may
// leave 127.0.0.1, no console error or warning, no uncaught error, no failed response) at the viewport it
// asks for, on the page it asks for.

import { after, before, describe, test } from 'node:test';
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

/**
 * A describe() of `journeys` ({ name, open, run(app, context) }) in Chromium. `setup(url, env)` starts what the
 * journeys need besides the app (host pages on other origins…) and returns their addresses and a close().
 * `open` (or `open(site)`) adds Chromium's own page options to every journey's; `check(app)` is a check only
 * Chromium makes, after each journey.
 */
export function describeJourneys(title, journeys, { setup, open, check } = {}) {
  describe(title, () => {
    let env;
    let site;
    before(async () => {
      env = await startEnv();
      site = setup ? await setup(env.url, env) : {};
    });
    after(async () => {
      await site?.close?.();
      await env?.close();
    });
    for (const journey of journeys) {
      test(journey.name, (t) =>
        withApp(
          env,
          async (app) => {
            await journey.run(app, { ...site, url: env.url, t });
            await check?.(app);
          },
          { ...(typeof open === 'function' ? open(site) : open), ...journey.open },
        ),
      );
    }
  });
}
