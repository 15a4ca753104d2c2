// What a blog gets from a host that serves dist/ with its _headers (issue 22), in Chromium: the
// "Embed this" dialog's loader snippet pins embed-<hash>.js by name and integrity, and works from
// another origin, in a sandboxed iframe of embed.html; with a wrong integrity it fails closed; the page
// refuses to be framed by another origin while the embed's own document embeds there.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST } from '../support/paths.mjs';
import { waitFor } from '../support/waits.mjs';
import { launchChromium, liveRecommendation, newGuardedPage, openPanels } from './harness.mjs';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** A blog post around `body`: no favicon request, nothing external. */
const post = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">${head}</head>` +
  `<body><main><h1>A post</h1><p>Before the widget.</p>${body}</main></body></html>`;

/** Notes, on the page, the first script that failed to load (the loader refused by its integrity). */
const NOTE_SCRIPT_ERRORS =
  '<script>addEventListener("error", (e) => { if (e.target.tagName === "SCRIPT") window.failedScript = e.target.src; }, true);</script>';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The same integrity with one digit of its digest changed. */
const wrongIntegrity = (integrity) => integrity.replace(/.(=*)$/, (last, pad) => (last[0] === 'A' ? 'B' : 'A') + pad);

describe('the host side of an embed, dist/ served with its _headers', () => {
  let browser;
  let widget;
  let host;
  let hostRoot;
  /** The dialog's two snippets, read from the live page once. */
  let snippets;

  before(async () => {
    assert.ok(existsSync(path.join(DIST, '_headers')), 'dist/_headers missing: build first with `trunk build --release --offline`');
    widget = await startServer({ root: DIST, port: 0, headersFile: path.join(DIST, '_headers') });
    hostRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-blog-'));
    host = await startServer({ root: hostRoot, port: 0 });
    browser = await launchChromium();
    snippets = await readSnippets();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await Promise.all([widget, host].map((s) => s?.close()));
    if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
  });

  /** Opens the page's "Embed this" dialog and reads both snippets; the same-origin preview must draw. */
  async function readSnippets() {
    const g = await newGuardedPage({ browser });
    try {
      await g.page.goto(`${widget.url}index.html`);
      await liveRecommendation(g.page).waitFor({ state: 'visible' });
      await g.page.getByRole('button', { name: 'Embed this', exact: true }).click();
      const dialog = g.page.getByRole('dialog', { name: 'Embed this comparison' });
      await dialog.waitFor({ state: 'visible' });
      const preview = g.page.frameLocator('iframe[title="Preview of the embedded widget"]');
      await preview.locator('main#stackweigh').waitFor({ state: 'attached' });
      const read = {
        loader: await dialog.getByRole('textbox', { name: 'Auto-sizing widget (recommended)' }).inputValue(),
        iframe: await dialog.getByRole('textbox', { name: 'Plain iframe' }).inputValue(),
      };
      assert.deepEqual(g.problems(), [], 'the page and its same-origin preview under frame-ancestors \'self\'');
      return read;
    } finally {
      await g.close();
    }
  }

  /** Writes `html` as a page of the blog; returns its URL. */
  function blogPage(name, html) {
    writeFileSync(path.join(hostRoot, name), html);
    return `${host.url}${name}`;
  }

  test('the loader snippet pins the file the build wrote, by name and integrity', () => {
    const script = snippets.loader.match(/<script async src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous"><\/script>$/);
    assert.ok(script, snippets.loader);
    const [, src, integrity] = script;
    const name = src.slice(widget.url.length);
    assert.ok(src.startsWith(widget.url) && /^embed-[0-9a-f]{16}\.js$/.test(name), src);
    const pinned = readFileSync(path.join(DIST, name));
    assert.deepEqual(pinned, readFileSync(path.join(DIST, 'embed.js')), 'the same bytes as embed.js');
    assert.equal(integrity, sri(pinned));
    assert.equal(name, `embed-${createHash('sha256').update(pinned).digest('hex').slice(0, 16)}.js`);
    const iframe = snippets.iframe.match(/^<iframe src="([^"]+)"/);
    assert.ok(iframe && iframe[1].startsWith(`${widget.url}embed.html#`), snippets.iframe);
    assert.ok(snippets.iframe.includes(` sandbox="${SANDBOX}"`), snippets.iframe);
  });

  test('the pinned snippet works on another origin: a sandboxed iframe of embed.html that starts, sizes itself and opens the full page unsandboxed', async () => {
    const url = blogPage('pinned.html', post(snippets.loader));
    const g = await newGuardedPage({ browser });
    try {
      await g.page.goto(url);
      const iframe = g.page.locator('.stackweigh-embed iframe');
      await iframe.waitFor({ state: 'attached' });
      assert.equal(await iframe.getAttribute('sandbox'), SANDBOX);
      const src = new URL(await iframe.getAttribute('src'));
      assert.equal(src.pathname, '/embed.html');
      assert.equal(src.searchParams.get('embed'), null, 'embed.html needs no ?embed');
      const frame = g.page.frameLocator('.stackweigh-embed iframe');
      await openPanels(frame);
      await liveRecommendation(frame).waitFor({ state: 'visible' });
      const initial = '640px';
      await waitFor(async () => (await iframe.evaluate((f) => f.style.height)) !== initial, { message: 'a height message from the sandboxed embed' });

      // The full page opens in a tab of its own, out of the sandbox: its downloads work.
      const [popup] = await Promise.all([g.context.waitForEvent('page'), frame.getByRole('link', { name: 'Open the full comparator' }).click()]);
      await liveRecommendation(popup).waitFor({ state: 'visible' });
      assert.equal(new URL(popup.url()).pathname, '/index.html');
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Download chart (SVG)' }).click()]);
      assert.match(download.suggestedFilename(), /\.svg$/);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  test('with a wrong integrity the loader fails closed: not run, no iframe, the link stays', async () => {
    const tampered = snippets.loader.replace(/integrity="([^"]+)"/, (_, value) => `integrity="${wrongIntegrity(value)}"`);
    assert.notEqual(tampered, snippets.loader);
    const url = blogPage('tampered.html', post(tampered, NOTE_SCRIPT_ERRORS));
    const g = await newGuardedPage({ browser });
    try {
      await g.page.goto(url);
      await waitFor(() => g.page.evaluate(() => window.failedScript), { message: 'the loader refused' });
      assert.match(await g.page.evaluate(() => window.failedScript), /\/embed-[0-9a-f]{16}\.js$/);
      assert.equal(await g.page.evaluate(() => typeof window.stackweighEmbed), 'undefined', 'the loader never ran');
      assert.equal(await g.page.locator('iframe').count(), 0);
      assert.equal(await g.page.getByRole('link', { name: 'Node.js vs Python comparator' }).count(), 1, 'the reader keeps the link');
      assert.ok(g.consoleErrors.some((e) => /integrity/.test(e)), `the browser says why: ${g.consoleErrors}`);
    } finally {
      await g.close();
    }
  });

  test('another origin cannot frame the page, while embed.html embeds there', async () => {
    const frames = `<iframe name="page" title="the page" src="${widget.url}index.html" width="900" height="600"></iframe>` +
      `<iframe name="widget" title="the embed" src="${widget.url}embed.html" width="900" height="600"></iframe>`;
    const url = blogPage('framing.html', post(frames));
    const g = await newGuardedPage({ browser });
    try {
      await g.page.goto(url);
      await openPanels(g.page.frameLocator('iframe[name="widget"]'));
      await liveRecommendation(g.page.frameLocator('iframe[name="widget"]')).waitFor({ state: 'visible' });
      await waitFor(() => g.consoleErrors.some((e) => /frame-ancestors 'self'/.test(e)), { message: 'the refusal to frame the page' });
      const refused = g.page.frame({ name: 'page' });
      assert.ok(refused, 'the page frame');
      assert.equal(await refused.locator('main#stackweigh').count(), 0, 'the page is not shown inside another origin');
      const others = g.problems().filter((p) => !/frame-ancestors 'self'/.test(p) && !/index\.html/.test(p));
      assert.deepEqual(others, []);
    } finally {
      await g.close();
    }
  });
});
