// The boot script in the second engine: an embed in a host page (through
// embed.js, from another 127.0.0.1 port) loads no glue, no wasm and no
// service worker until the reader's pointer comes over it; then the app starts.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';

/** Every resource the current frame's document has fetched, by URL. */
const resources = (session) => session.execute(() => performance.getEntriesByType('resource').map((e) => e.name));
const appRequests = (urls) => urls.filter((url) => /\/stackweigh-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(url).pathname));

describe('Firefox: an embed starts at the first intent', () => {
  let env;
  let host;
  let hostRoot;
  before(async () => {
    env = await startFirefoxEnv();
    hostRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-ff-host-'));
    writeFileSync(
      path.join(hostRoot, 'post.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,"></head>' +
        `<body><h1>A blog post</h1><div class="stackweigh-embed"><a href="${env.url}">Compare</a></div>` +
        `<script async src="${env.url}embed.js"></script></body></html>\n`,
    );
    host = await startServer({ root: hostRoot, port: 0 });
  });
  after(async () => {
    await host?.close();
    if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
    await env?.close();
  });

  test('no glue, wasm or service worker before the pointer comes over it; then the live app', async () => {
    const { session } = env;
    await session.navigate(`${host.url}post.html`);
    const [iframe] = await waitFor(async () => {
      const found = await session.findAll('.stackweigh-embed iframe');
      return found.length ? found : false;
    }, { message: "embed.js's iframe" });
    await session.cmd('POST', '/frame', { id: iframe });
    try {
      await waitFor(() => session.execute(() => document.readyState === 'complete' && document.documentElement.hasAttribute('data-embed')), {
        message: 'the embed document, marked as an embed',
      });
      // Quiet for longer than the page's one-second start timer.
      let last = [];
      let since = Date.now();
      await waitFor(async () => {
        const now = await resources(session);
        if (now.length !== last.length) {
          last = now;
          since = Date.now();
        }
        return Date.now() - since >= 1500;
      }, { message: 'the untouched embed to stop loading' });
      assert.deepEqual(appRequests(last), [], `no glue or wasm before intent: ${last}`);
      const registrations = await session.cmd('POST', '/execute/async', {
        script: 'const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistrations().then((r) => done(r.length), (e) => done(String(e)));',
        args: [],
      });
      assert.equal(registrations, 0, 'no service worker registration');
    } finally {
      await session.cmd('POST', '/frame/parent', {});
    }

    await session.cmd('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', duration: 0, origin: iframe, x: 0, y: 0 }],
        },
      ],
    });
    await session.releaseActions();
    await session.cmd('POST', '/frame', { id: iframe });
    try {
      await waitFor(() => session.execute(() => !!document.querySelector('main#stackweigh:not([data-prerendered])')), {
        message: 'the live app in the embed after the pointer came over it',
      });
      assert.equal(appRequests(await resources(session)).length, 2, 'glue and wasm, once each');
    } finally {
      await session.cmd('POST', '/frame/parent', {});
    }
    assert.deepEqual(env.problems([host.url]), []);
  });
});
