// The host side of an embed in the second engine (issue 22), dist/ served with its _headers: the dialog's
// pinned loader snippet works from another origin in a sandboxed iframe of embed.html, fails closed with a
// wrong integrity, and the page refuses to be framed by another origin while embed.html embeds there.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST, startFirefoxEnv, waitFor } from './harness.mjs';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

const post = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">${head}</head>` +
  `<body><main><h1>A post</h1>${body}</main></body></html>\n`;

const NOTE_SCRIPT_ERRORS =
  '<script>addEventListener("error", (e) => { if (e.target.tagName === "SCRIPT") window.failedScript = e.target.src; }, true);</script>';

const liveApp = () => !document.querySelector('[data-prerendered]') && !!document.querySelector('.sw-verdict');

describe('Firefox: the host side of an embed, dist/ served with its _headers', () => {
  let env;
  let widget;
  let host;
  let hostRoot;
  let loaderSnippet;

  before(async () => {
    env = await startFirefoxEnv();
    widget = await startServer({ root: DIST, port: 0, headersFile: path.join(DIST, '_headers') });
    hostRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-ff-blog-'));
    host = await startServer({ root: hostRoot, port: 0 });
    loaderSnippet = await readLoaderSnippet();
  });
  after(async () => {
    await env?.close();
    await Promise.all([widget, host].map((s) => s?.close()));
    if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
  });

  /** The "Embed this" dialog's loader snippet, from the live page. */
  async function readLoaderSnippet() {
    const { session } = env;
    await session.navigate(`${widget.url}index.html`);
    await waitFor(() => session.execute(liveApp), { message: 'the live page' });
    const [button] = await session.execute(() => [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Embed this'));
    await button.click();
    return waitFor(() => session.execute(() => document.getElementById('sw-snippet-loader')?.value), { message: 'the loader snippet' });
  }

  function blogPage(name, html) {
    writeFileSync(path.join(hostRoot, name), html);
    return `${host.url}${name}`;
  }

  /** Runs `check` inside the page's iframe named `name` (a CSS selector), then comes back. */
  async function inFrame(selector, check) {
    const { session } = env;
    const [iframe] = await session.findAll(selector);
    await session.cmd('POST', '/frame', { id: iframe.toJSON() });
    try {
      return await check(session);
    } finally {
      await session.cmd('POST', '/frame/parent', {});
    }
  }

  /** The reader's first intent inside an embed (a panel opened), then the live app. */
  const startEmbed = (session) =>
    (async () => {
      const summaries = () => session.findAll('details[data-panel] > summary').then((found) => found.length > 0 && found);
      const [summary] = await waitFor(summaries, { message: "the embed's panels" });
      await summary.click();
      await waitFor(() => session.execute(liveApp), { message: 'the live embed' });
    })();

  test('the pinned snippet works on another origin: a sandboxed iframe of embed.html that starts and sizes itself', async () => {
    assert.match(loaderSnippet, /<script async src="[^"]+\/embed-[0-9a-f]{16}\.js" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>$/);
    const { session } = env;
    await session.navigate(blogPage('pinned.html', post(loaderSnippet)));
    const frame = await waitFor(
      () => session.execute(() => {
        const f = document.querySelector('.stackweigh-embed iframe');
        return f && { sandbox: f.getAttribute('sandbox'), src: f.src };
      }),
      { message: 'the iframe' },
    );
    assert.equal(frame.sandbox, SANDBOX);
    assert.equal(new URL(frame.src).pathname, '/embed.html');
    await inFrame('.stackweigh-embed iframe', startEmbed);
    await waitFor(() => session.execute(() => document.querySelector('.stackweigh-embed iframe').style.height !== '640px'), {
      message: 'a height message from the sandboxed embed',
    });
    assert.deepEqual(env.problems([host.url, widget.url]), []);
  });

  test('with a wrong integrity the loader fails closed: not run, no iframe, the link stays', async () => {
    const tampered = loaderSnippet.replace(/integrity="sha384-(.)/, (_, first) => `integrity="sha384-${first === 'A' ? 'B' : 'A'}`);
    assert.notEqual(tampered, loaderSnippet);
    const { session } = env;
    await session.navigate(blogPage('tampered.html', post(tampered, NOTE_SCRIPT_ERRORS)));
    const failed = await waitFor(() => session.execute(() => window.failedScript), { message: 'the loader refused' });
    assert.match(failed, /\/embed-[0-9a-f]{16}\.js$/);
    const page = await session.execute(() => ({
      loader: typeof window.stackweighEmbed,
      iframes: document.querySelectorAll('iframe').length,
      links: document.querySelectorAll('.stackweigh-embed a[href]').length,
    }));
    assert.deepEqual(page, { loader: 'undefined', iframes: 0, links: 1 });
  });

  test('another origin cannot frame the page, while embed.html embeds there', async () => {
    // The embed first: here, geckodriver's click into a frame below the fold never reached it.
    const frames =
      `<iframe id="widget" title="the embed" onload="window.loaded = (window.loaded || 0) + 1" src="${widget.url}embed.html" width="900" height="600"></iframe>` +
      `<iframe id="page" title="the page" onload="window.loaded = (window.loaded || 0) + 1" src="${widget.url}index.html" width="900" height="600"></iframe>`;
    const { session } = env;
    await session.navigate(blogPage('framing.html', post(frames)));
    await waitFor(() => session.execute(() => window.loaded === 2), { message: 'both frames loaded' });
    await inFrame('#widget', startEmbed);
    const shown = await inFrame("#page", (s) => s.execute(() => !!document.getElementById("stackweigh")));
    assert.equal(shown, false, 'the page is not shown inside another origin');
  });
});
