// dist/stackweigh.html, the whole product in one file (tests/support/journeys/files.mjs), in Chromium: it
// names nothing to load beside it, and copied alone into an empty folder and opened from disk it works.
// Only Chromium checks here that no request but the file itself is made (Playwright sees every request)
// and that the page violates no CSP rule (recorded by an init script, which WebDriver classic cannot add).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { singleFileJourneys, singleFileSite } from '../support/journeys/files.mjs';
import { DIST, cspViolations, requireDist } from './dist-helpers.mjs';
import { describeJourneys } from './runner.mjs';

describe('single-file bundle', () => {
  test('is one file that names nothing to load beside it', () => {
    requireDist('stackweigh.html');
    const html = readFileSync(path.join(DIST, 'stackweigh.html'), 'utf8');
    // (assert.ok, not match: a failure must not print half a megabyte.)
    const head = html.slice(0, html.indexOf('<body>'));
    const loads = head.match(/\s(?:src|href)=(?!"?data:)[^\s>]*/gi);
    assert.equal(loads, null, 'every src/href in the head is a data: URL');
    assert.ok(!/sw-register|manifest\.webmanifest|\.wasm\b/.test(head), 'no service worker, manifest or wasm file named');
    assert.ok(html.includes('<script type="text/plain" id="sw-details">'), 'the Why? text inline');
    assert.ok(head.includes('<style>'), 'the stylesheet inline');
  });
});

describeJourneys('single-file bundle from disk (Chromium)', singleFileJourneys, {
  setup: singleFileSite,
  // No request but the file itself (also as the embed dialog's preview, ?embed=1) and the data: and blob:
  // URLs it makes; service workers may run (none may control it), and no route, as for a reader.
  open: ({ fileUrl }) => ({ serviceWorkers: 'allow', abortExternal: false, allowRequest: (u) => u.replace(/[?#].*$/, '') === fileUrl }),
  check: async (app) => assert.deepEqual(await cspViolations(app.page), []),
});
