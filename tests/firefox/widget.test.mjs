// The widget's one-screen layout in the second engine: the page's first
// screen is the answer, and an embed in a blog post is one screen tall.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';

/** Top and bottom of the first element matching `css`, in page coordinates, and the viewport's height. */
const box = (session, css) =>
  session.execute((selector) => {
    const r = document.querySelector(selector).getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, fold: innerHeight };
  }, css);

const live = (session) =>
  waitFor(() => session.execute(() => !document.querySelector('[data-prerendered]') && !!document.querySelector('.sw-verdict')), {
    message: 'the live app',
  });

describe('Firefox: the page, first screen', () => {
  for (const [width, check] of [
    [1280, async (session) => {
      const verdict = await box(session, '.sw-verdict');
      const radar = await box(session, '.sw-radar-svg');
      assert.ok(verdict.bottom <= verdict.fold, `verdict ends at ${verdict.bottom}px of ${verdict.fold}`);
      assert.ok(radar.bottom <= radar.fold, `radar ends at ${radar.bottom}px of ${radar.fold}`);
    }],
    [360, async (session) => {
      const picker = await box(session, '.sw-presets');
      const verdict = await box(session, '.sw-verdict');
      const radar = await box(session, '.sw-radar-svg');
      assert.ok(picker.bottom <= picker.fold, `use cases end at ${picker.bottom}px of ${picker.fold}`);
      assert.ok(verdict.bottom <= verdict.fold, `verdict ends at ${verdict.bottom}px of ${verdict.fold}`);
      assert.ok(radar.top < 2 * radar.fold, `radar starts at ${radar.top}px`);
    }],
  ]) {
    test(`at ${width} px wide, 800 px tall`, async () => {
      const env = await startFirefoxEnv({ width, height: 800 });
      try {
        await env.session.navigate(env.url);
        await live(env.session);
        const fold = await env.session.execute(() => innerHeight);
        assert.ok(fold <= 800, `the viewport is at most 800 px tall (${fold})`);
        await check(env.session);
        assert.deepEqual(env.problems([env.url]), []);
      } finally {
        await env.close();
      }
    });
  }
});

describe('Firefox: an embed in a blog post is one screen tall', () => {
  let hostRoot;
  before(() => {
    hostRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-ff-widget-'));
  });
  after(() => {
    rmSync(hostRoot, { recursive: true, force: true });
  });

  for (const [width, most] of [[720, 700], [360, 900]]) {
    test(`at ${width} px wide it is at most ${most} px tall`, async () => {
      const env = await startFirefoxEnv({ width, height: 900 });
      const host = await startServer({ root: hostRoot, port: 0 });
      try {
        writeFileSync(
          path.join(hostRoot, 'post.html'),
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
            '<title>A blog post</title><link rel="icon" href="data:,"></head>' +
            `<body><h1>A blog post</h1><div class="stackweigh-embed"><a href="${env.url}">Compare</a></div>` +
            `<script async src="${env.url}embed.js"></script></body></html>\n`,
        );
        await env.session.navigate(`${host.url}post.html`);
        const height = await waitFor(async () => {
          const h = await env.session.execute(() => {
            const frame = document.querySelector('.stackweigh-embed iframe');
            return frame ? frame.getBoundingClientRect().height : 0;
          });
          // embed.js starts at 640 px until the widget posts its own height.
          return h > 0 && h !== 640 ? h : false;
        }, { message: 'the embed to post its height' });
        assert.ok(height <= most, `embed is ${height}px tall`);
      } finally {
        await host.close();
        await env.close();
      }
    });
  }
});
