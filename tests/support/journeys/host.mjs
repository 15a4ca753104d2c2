// What a blog gets from a host that serves dist/ with its _headers (issue 22), written once for both
// engines: the "Embed this" dialog's loader snippet pins embed-<hash>.js by name and integrity, and works
// from another origin in a sandboxed iframe of embed.html (which opens the full page unsandboxed); with a
// wrong integrity it fails closed; the page refuses to be framed by another origin while the embed's own
// document embeds there.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../paths.mjs';
import { EMBED_DIALOG, PREVIEW_TITLE } from '../phrases.mjs';
import { requireDist, siteSet, tempDir } from '../sites.mjs';

export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** dist/ served with its _headers on one port, and a blog on another whose pages `blogPage(name, html)` writes. */
export async function hostSite() {
  requireDist('_headers');
  const sites = siteSet();
  const widget = await sites.serve(DIST, { temp: false, headersFile: path.join(DIST, '_headers') });
  const blogRoot = tempDir('blog');
  const blog = await sites.serve(blogRoot);
  const blogPage = (name, html) => {
    writeFileSync(path.join(blogRoot, name), html);
    return `${blog.url}${name}`;
  };
  return { widgetUrl: widget.url, blogPage, close: () => sites.close() };
}

/** A blog post around `body`: no favicon request, nothing external. */
const post = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">${head}</head>` +
  `<body><main><h1>A post</h1><p>Before the widget.</p>${body}</main></body></html>\n`;

/** Notes, on the page, the first script that failed to load (the loader refused by its integrity). */
const NOTE_SCRIPT_ERRORS =
  '<script>addEventListener("error", (e) => { if (e.target.tagName === "SCRIPT") window.failedScript = e.target.src; }, true);</script>';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The same integrity with one digit of its digest changed. */
const wrongIntegrity = (integrity) => integrity.replace(/.(=*)$/, (last, pad) => (last[0] === 'A' ? 'B' : 'A') + pad);

const LOADER = /<script async src="([^"]+)" integrity="(sha384-[^"]+)" crossorigin="anonymous"><\/script>$/;

/** Opens the page's "Embed this" dialog and reads both snippets; the same-origin preview must draw. */
async function readSnippets(app, widgetUrl) {
  await app.load(`${widgetUrl}index.html`);
  await (await app.button('Embed this')).click();
  const dialog = await app.role('dialog', EMBED_DIALOG);
  await app.inFrame(await app.one(`iframe[title="${PREVIEW_TITLE}"]`), (preview) => preview.one('main#stackweigh'));
  // The reports worker writes them (core::reports::export): they arrive just after the dialog opens.
  const loaderBox = await dialog.role('textbox', 'Auto-sizing widget (recommended)');
  await app.waitFor(async () => (await loaderBox.value()) !== '', { message: 'the snippets from the reports worker' });
  const snippets = {
    loader: await loaderBox.value(),
    iframe: await (await dialog.role('textbox', 'Plain iframe')).value(),
  };
  app.assertNoProblems("the page and its same-origin preview under frame-ancestors 'self'");
  return snippets;
}

/** The reader's first intent inside an embed (a panel's summary clicked), the live app, then every panel open. */
async function startEmbed(frame) {
  // Found and clicked together: a summary found in the prerendered markup goes if the app takes over
  // first (Firefox then refuses the click on a stale element, which did nothing: try the live one).
  await frame.waitFor(async () => {
    const [summary] = await frame.css('details[data-panel] > summary');
    if (!summary) return false;
    try {
      await summary.click();
      return true;
    } catch (err) {
      if (/stale/i.test(err.message)) return false;
      throw err;
    }
  }, { message: "the embed's panels" });
  await frame.waitForLive('the live embed');
  await frame.openPanels();
}

export const hostJourneys = [
  {
    name: 'the loader snippet pins the file the build wrote, by name and integrity',
    open: { load: false },
    async run(app, { widgetUrl }) {
      const snippets = await readSnippets(app, widgetUrl);
      const script = snippets.loader.match(LOADER);
      assert.ok(script, snippets.loader);
      const [, src, integrity] = script;
      const name = src.slice(widgetUrl.length);
      assert.ok(src.startsWith(widgetUrl) && /^embed-[0-9a-f]{16}\.js$/.test(name), src);
      const pinned = readFileSync(path.join(DIST, name));
      assert.deepEqual(pinned, readFileSync(path.join(DIST, 'embed.js')), 'the same bytes as embed.js');
      assert.equal(integrity, sri(pinned));
      assert.equal(name, `embed-${createHash('sha256').update(pinned).digest('hex').slice(0, 16)}.js`);
      const iframe = snippets.iframe.match(/^<iframe src="([^"]+)"/);
      assert.ok(iframe && iframe[1].startsWith(`${widgetUrl}embed.html#`), snippets.iframe);
      assert.ok(snippets.iframe.includes(` sandbox="${SANDBOX}"`), snippets.iframe);
    },
  },
  {
    name: 'the pinned snippet works on another origin: a sandboxed iframe of embed.html that starts, sizes itself and opens the full page unsandboxed',
    open: { load: false },
    async run(app, { widgetUrl, blogPage }) {
      const { loader } = await readSnippets(app, widgetUrl);
      assert.match(loader, /<script async src="[^"]+\/embed-[0-9a-f]{16}\.js" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>$/);
      await app.goto(blogPage('pinned.html', post(loader)));
      const iframe = await app.one('.stackweigh-embed iframe');
      assert.equal(await iframe.attribute('sandbox'), SANDBOX);
      const src = new URL(await iframe.attribute('src'));
      assert.equal(src.pathname, '/embed.html');
      assert.equal(src.searchParams.get('embed'), null, 'embed.html needs no ?embed');
      await app.inFrame(iframe, startEmbed);
      await app.waitFor(async () => (await iframe.evaluate((f) => f.style.height)) !== '640px', { message: 'a height message from the sandboxed embed' });

      // The full page opens in a tab of its own, out of the sandbox: its downloads work. The reader scrolls down to the link first.
      const openFull = async () => {
        const link = await app.inFrame(iframe, async (frame) => {
          const found = await frame.role('link', /Open the full comparator/i);
          return found.evaluate((a) => a.getBoundingClientRect().bottom);
        });
        await iframe.evaluate((f, bottom) => scrollTo(0, f.getBoundingClientRect().top + scrollY + bottom - innerHeight + 20), link);
        await app.inFrame(iframe, async (frame) => (await frame.role('link', /Open the full comparator/i)).click());
      };
      await app.followNewTab(openFull, async (full) => {
        await full.waitForLive('the full page');
        assert.equal(new URL(await full.currentUrl()).pathname, '/index.html');
        const svg = await full.download(await full.button('Download chart (SVG)'));
        assert.match(svg.name, /\.svg$/);
      });
    },
  },
  {
    name: 'with a wrong integrity the loader fails closed: not run, no iframe, the link stays',
    open: { load: false, checksProblems: true },
    async run(app, { widgetUrl, blogPage }) {
      const { loader } = await readSnippets(app, widgetUrl);
      const tampered = loader.replace(/integrity="([^"]+)"/, (_, value) => `integrity="${wrongIntegrity(value)}"`);
      assert.notEqual(tampered, loader);
      await app.goto(blogPage('tampered.html', post(tampered, NOTE_SCRIPT_ERRORS)));
      const failed = await app.waitFor(() => app.evaluate(() => window.failedScript), { message: 'the loader refused' });
      assert.match(failed, /\/embed-[0-9a-f]{16}\.js$/);
      const page = await app.evaluate(() => ({
        loader: typeof window.stackweighEmbed,
        iframes: document.querySelectorAll('iframe').length,
        links: document.querySelectorAll('.stackweigh-embed a[href]').length,
      }));
      assert.deepEqual(page, { loader: 'undefined', iframes: 0, links: 1 }, 'the loader never ran, and the reader keeps the link');
      assert.equal((await app.roles('link', { name: 'Node.js vs Python comparator' })).length, 1, 'the reader keeps the link');
      if (app.consoleShowsRefusals) assert.ok(app.problems().some((p) => /integrity/.test(p)), `the browser says why: ${app.problems()}`);
    },
  },
  {
    name: 'another origin cannot frame the page, while embed.html embeds there',
    open: { load: false, checksProblems: true },
    async run(app, { widgetUrl, blogPage }) {
      // The embed first: geckodriver's click into a frame below the fold never reaches it.
      const frame = (id, title, file) =>
        `<iframe id="${id}" name="${id}" title="${title}" onload="window.loaded = (window.loaded || 0) + 1" src="${widgetUrl}${file}" width="900" height="600"></iframe>`;
      await app.goto(blogPage('framing.html', post(frame('widget', 'the embed', 'embed.html') + frame('page', 'the page', 'index.html'))));
      await app.waitFor(() => app.evaluate(() => window.loaded === 2), { message: 'both frames loaded' });
      await app.inFrame(await app.one('#widget'), startEmbed);
      const refusal = /frame-ancestors 'self'/;
      if (app.consoleShowsRefusals) await app.waitFor(() => app.problems().some((p) => refusal.test(p)), { message: 'the refusal to frame the page' });
      const shown = await app.inFrame(await app.one('#page'), (page) => page.css('main#stackweigh'));
      assert.equal(shown.length, 0, 'the page is not shown inside another origin');
      const others = app.problems().filter((p) => !refusal.test(p) && !/index\.html/.test(p));
      assert.deepEqual(others, []);
    },
  },
];
