// A crash (tests/support/journeys/crash.mjs) in Firefox ESR, against the crash-test build
// (`bash scripts/build-crash-test.sh` → target/dist-crash).
//
//   STACKWEIGH_CRASH_DIST  the crash-test build (default REPO/target/dist-crash)

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CRASH_DIST = path.resolve(process.env.STACKWEIGH_CRASH_DIST || path.join(REPO, 'target', 'dist-crash'));
// The harness serves $STACKWEIGH_DIST: here, the crash-test build.
process.env.STACKWEIGH_DIST = CRASH_DIST;
// Imported only now: the support modules read $STACKWEIGH_DIST when they load.
const { crashHost, crashJourneys } = await import('../support/journeys/crash.mjs');
const { describeJourneys } = await import('./runner.mjs');

describeJourneys('Firefox: a crash', crashJourneys, {
  setup(url) {
    if (!existsSync(path.join(CRASH_DIST, 'index.html'))) {
      throw new Error(`${CRASH_DIST}/index.html missing: run \`bash scripts/build-crash-test.sh\``);
    }
    return crashHost(url);
  },
});
