// The one shape of a journey suite, for both engines' thin runners: a describe() that starts the engine
// once, starts what the journeys need besides the app, and runs each journey as a test of its own.

import { after, before, describe, test } from 'node:test';

/**
 * A describe() of `journeys` ({ name, open, run(app, context) }) in an engine: `engine.start()` returns
 * its env ({ url, close }), and `engine.run(env, t, fn, open)` runs `fn(app)` on a page opened as `open`
 * asks. `setup(url, env)` starts what the journeys need besides the app (host pages on other origins…)
 * and returns their addresses and a close(); `open` (or `open(site)`) adds the engine's own page options
 * to every journey's; `check(app)` is a check only this engine makes, after each journey.
 */
export function describeJourneysIn(engine, title, journeys, { setup, open, check } = {}) {
  describe(title, () => {
    let env;
    let site;
    before(async () => {
      env = await engine.start();
      site = setup ? await setup(env.url, env) : {};
    });
    after(async () => {
      await site?.close?.();
      await env?.close();
    });
    for (const journey of journeys) {
      const run = async (app, t) => {
        await journey.run(app, { ...site, url: env.url, t });
        await check?.(app);
      };
      test(journey.name, (t) => engine.run(env, t, (app) => run(app, t), { ...(typeof open === 'function' ? open(site) : open), ...journey.open }));
    }
  });
}
