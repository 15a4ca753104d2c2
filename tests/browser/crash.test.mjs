// A crash (tests/support/journeys/crash.mjs) in Chromium, against the crash-test build
// (`bash scripts/build-crash-test.sh` → target/dist-crash); and the release dist/ must not carry the
// trigger at all.
//
//   STACKWEIGH_DIST        the release build (default REPO/dist)
//   STACKWEIGH_CRASH_DIST  the crash-test build (default REPO/target/dist-crash)

import { describe, test } from 'node:test';
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
const { TRIGGER, crashHost, crashJourneys } = await import('../support/journeys/crash.mjs');
const { describeJourneys } = await import('./runner.mjs');

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

describe('the release build has no crash trigger', () => {
  test('no dist/*.wasm contains the trigger; the crash-test build does', () => {
    for (const wasm of wasmFiles(RELEASE_DIST)) assert.equal(wasm.includes(TRIGGER), false, `${RELEASE_DIST} wasm contains "${TRIGGER}"`);
    requireCrashBuild();
    assert.ok(wasmFiles(CRASH_DIST).some((wasm) => wasm.includes(TRIGGER)), 'the check can fail: the crash-test wasm has the trigger');
  });
});

describeJourneys('a crash, on the page and in an embed on another origin', crashJourneys, {
  setup(url) {
    requireCrashBuild();
    return crashHost(url);
  },
});
