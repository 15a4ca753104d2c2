// The embed: embed/embed.js (shipped as dist/embed.js) turns each
// <div class="stackweigh-embed"> on someone else's page into a lazy,
// auto-height iframe of the widget, and examples/blog-post.html is a blog
// post that uses it twice plus one plain sandboxed iframe.
//
// Three suites:
// - the loader against a stub widget that never posts (no dependency on the
//   app): the iframe it builds, laziness, the double-include guard, and which
//   height messages it accepts;
// - the blog post on one 127.0.0.1 port embedding the real widget from
//   another (cross-origin, as on a real blog), the widget host sending
//   `Access-Control-Allow-Origin: *`;
// - the same without that header: what the sandboxed plain iframe does then.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadData } from '../support/data.mjs';
import { waitFor } from '../support/waits.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { openPanels } from './harness.mjs';
import {
  ACAO,
  addForeignFrame,
  EMBED_DIST,
  EMBED_SOURCE,
  backgroundLuminance,
  blogPostFor,
  embedDiv,
  embedFrame,
  embedIframe,
  embedSrc,
  frameMetrics,
  hostPage,
  makePagesRoot,
  makeSiteRoot,
  makeStubWidgetRoot,
  messages,
  networkQuiet,
  withHostPage,
  problemsExcept,
  sandboxedFrame,
  launchEnv,
  waitForFit,
  waitForMessageTag,
} from './embed-helpers.mjs';

const DEFAULT_TITLE = 'Node.js vs Python comparator (stackweigh)';
const TYPE = 'stackweigh:height';

// ---------------------------------------------------------------------------
describe('embed.js as shipped', () => {
  test('dist/embed.js is embed/embed.js copied as is (index.html copies it with Trunk)', () => {
    assert.ok(existsSync(EMBED_DIST), `${EMBED_DIST} missing: index.html needs <link data-trunk rel="copy-file" href="embed/embed.js" />, then a build`);
    assert.equal(readFileSync(EMBED_DIST, 'utf8'), readFileSync(EMBED_SOURCE, 'utf8'));
  });

  test('is small and uses no cookie, storage or network API', () => {
    const src = readFileSync(EMBED_SOURCE, 'utf8');
    const gz = gzipSync(src).length;
    assert.ok(gz < 2048, `embed.js is ${gz} bytes gzipped (readable source), want < 2048`);
    const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const api of ['document.cookie', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'import(']) {
      assert.ok(!code.includes(api), `embed.js must not use ${api}`);
    }
  });
});

// ---------------------------------------------------------------------------
describe('embed loader (stub widget that never posts)', () => {
  let env;
  let stubOrigin;
  before(async () => {
    // The widget server starts first; the host pages name its URL.
    const widgetRoot = makeStubWidgetRoot();
    const widget = await startServer({ root: widgetRoot, port: 0 });
    stubOrigin = new URL(widget.url).origin;
    const loader = (n = 1) =>
      Array.from({ length: n }, () => '<script async src="__WIDGET__embed.js"></script>').join('');
    const pages = {
      'attrs.html': hostPage(
        '<div class="stackweigh-embed" data-preset="ml_ai" data-theme="dark" data-criteria="io_performance,realtime" data-height="480">' +
          '<a href="__WIDGET__">  Compare   Node.js and Python </a></div>' +
          '<div class="stackweigh-embed"></div>' +
          '<div class="stackweigh-embed" data-theme="purple" data-height="5"><a href="__WIDGET__">x</a><p>kept</p></div>' +
          loader(2),
      ),
      'lazy.html': hostPage(
        '<div class="stackweigh-embed" data-height="200"><a href="__WIDGET__">top</a></div>' +
          '<div style="height:3000px"></div>' +
          '<div class="stackweigh-embed" data-height="200"><a href="__WIDGET__">bottom</a></div>' +
          loader(1),
      ),
      'no-io.html': hostPage(
        '<script>window.IntersectionObserver = undefined;</script>' +
          '<div style="height:3000px"></div>' +
          '<div class="stackweigh-embed" data-height="200"><a href="__WIDGET__">bottom</a></div>' +
          loader(1),
      ),
      'messages.html': hostPage(
        '<div class="stackweigh-embed" data-height="300"><a href="__WIDGET__">one</a></div>' +
          '<div class="stackweigh-embed" data-height="300"><a href="__WIDGET__">two</a></div>' +
          loader(1),
      ),
      'state.html': hostPage(
        '<div class="stackweigh-embed" data-state="v=1&amp;w=a3&amp;p=ml_ai"><a href="__WIDGET__">ok</a></div>' +
          '<div class="stackweigh-embed" data-state="v=1&amp;w=5#&quot;&gt;&lt;b&gt;"><a href="__WIDGET__">bad</a></div>' +
          loader(1),
      ),
    };
    const filled = Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v.replaceAll('__WIDGET__', widget.url)]));
    const hostRoot = makePagesRoot(filled);
    const host = await startServer({ root: hostRoot, port: 0 });
    // A third origin for a frame to navigate to (the host's own origin would make a sandboxed
    // frame with allow-same-origin, which Chromium warns about in the console).
    const thirdRoot = makePagesRoot({ 'poster.html': hostPage('<p>another origin</p>') });
    const third = await startServer({ root: thirdRoot, port: 0 });
    env = await launchEnv({
      servers: [widget, host, third],
      cleanup: [widgetRoot, hostRoot, thirdRoot],
      widgetUrl: widget.url,
      hostUrl: host.url,
      thirdUrl: third.url,
    });
  });
  after(async () => {
    await env?.close();
  });

  test('builds one titled, lazy iframe per div from the script URL and the data attributes (script included twice)', async () => {
    await withHostPage(env, env.hostUrl + 'attrs.html', async (page, g) => {
      for (let i = 0; i < 3; i++) await embedIframe(page, i).waitFor({ state: 'attached' });
      const ids = [];
      for (let i = 0; i < 3; i++) {
        assert.equal(await embedIframe(page, i).count(), 1, `div ${i} has exactly one iframe`);
        assert.equal(await embedDiv(page, i).getAttribute('data-stackweigh-ready'), '', `div ${i} is marked processed`);
        const { raw, url, params } = await embedSrc(page, i);
        assert.equal(url.origin, stubOrigin, `div ${i}: iframe on the script's origin`);
        // A known use case has its own prerendered document (embed-<id>.html); otherwise embed.html.
        const document = i === 0 ? '/embed-ml_ai.html' : '/embed.html';
        assert.equal(url.pathname, document, `div ${i}: the embed's own document beside embed.js`);
        assert.equal(params.embed, undefined, `div ${i}: embed.html is an embed without ?embed`);
        assert.match(params.id ?? '', /^\d+$/, `div ${i}: numeric id`);
        ids.push(params.id);
        if (i === 0) {
          assert.deepEqual(Object.keys(params).sort(), ['criteria', 'id', 'preset', 'theme']);
          assert.equal(params.preset, 'ml_ai');
          assert.equal(params.theme, 'dark');
          assert.match(raw, /criteria=io_performance,realtime(&|$)/, 'commas stay literal');
        } else {
          assert.deepEqual(Object.keys(params).sort(), ['id'], `div ${i}: only the params given (an invalid theme is dropped): ${raw}`);
        }
      }
      assert.equal(new Set(ids).size, 3, `ids are distinct: ${ids}`);

      const attrs = (i) =>
        embedIframe(page, i).evaluate((f) => ({
          title: f.title,
          loading: f.getAttribute('loading'),
          allow: f.getAttribute('allow'),
          referrerpolicy: f.getAttribute('referrerpolicy'),
          sandbox: f.getAttribute('sandbox'),
          height: f.getBoundingClientRect().height,
          width: f.getBoundingClientRect().width,
          divWidth: f.parentElement.getBoundingClientRect().width,
          border: getComputedStyle(f).borderTopWidth,
        }));
      const a = await Promise.all([0, 1, 2].map(attrs));
      assert.equal(a[0].title, 'Compare Node.js and Python', 'the fallback link text becomes the title');
      assert.equal(a[1].title, DEFAULT_TITLE, 'default title without a link');
      assert.equal(a[2].title, 'x');
      for (const x of a) {
        assert.equal(x.loading, 'lazy');
        assert.equal(x.allow, 'clipboard-write');
        assert.equal(x.referrerpolicy, 'strict-origin-when-cross-origin');
        assert.equal(
          x.sandbox,
          'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
          'sandboxed on another origin, keeping its own origin (the height messages need it)',
        );
        assert.equal(x.width, x.divWidth, 'full width');
        assert.equal(x.border, '0px');
      }
      assert.deepEqual(a.map((x) => x.height), [480, 640, 640], 'data-height, else 640 (also for an out-of-range value)');
      assert.equal(await embedDiv(page, 0).locator('a').count(), 0, 'the iframe replaced the fallback link');
      assert.equal(await embedDiv(page, 2).getByText('kept').count(), 1, 'other content in the div stays');

      // The host page itself fetched only itself and embed.js.
      const own = new Set(g.topRequests.map((u) => new URL(u).pathname));
      assert.deepEqual([...own].sort(), ['/attrs.html', '/embed.js'], `top-frame requests: ${g.topRequests}`);
      assert.deepEqual(await g.context.cookies(), [], 'no cookies');
    });
  });

  test('data-state becomes the iframe hash, only when it is share-link text', async () => {
    await withHostPage(env, env.hostUrl + 'state.html', async (page) => {
      for (const i of [0, 1]) await embedIframe(page, i).waitFor({ state: 'attached' });
      assert.equal((await embedSrc(page, 0)).url.hash, '#v=1&w=a3&p=ml_ai');
      const bad = await embedSrc(page, 1);
      assert.equal(bad.url.hash, '', `anything else is dropped: ${bad.raw}`);
    });
  });

  test('lazy: a div far below the fold keeps its link until scrolled near', async () => {
    await withHostPage(env, env.hostUrl + 'lazy.html', async (page) => {
      // The observer reports both divs in its first callback: once the top
      // one has its iframe, the bottom one has been considered too.
      await embedIframe(page, 0).waitFor({ state: 'attached' });
      const top = await embedDiv(page, 1).evaluate((d) => d.getBoundingClientRect().top);
      assert.ok(top > 900 + 400, `precondition: the bottom div starts far below the fold (top ${top})`);
      assert.equal(await embedIframe(page, 1).count(), 0, 'no iframe below the fold yet');
      assert.equal(await embedDiv(page, 1).getByRole('link', { name: 'bottom' }).count(), 1, 'fallback link still there');
      await embedDiv(page, 1).scrollIntoViewIfNeeded();
      await embedIframe(page, 1).waitFor({ state: 'attached' });
      assert.equal(await embedIframe(page, 1).getAttribute('title'), 'bottom');
      assert.equal(await embedDiv(page, 1).getByRole('link').count(), 0);
    });
  });

  test('without IntersectionObserver every embed mounts at once', async () => {
    await withHostPage(env, env.hostUrl + 'no-io.html', async (page) => {
      await embedIframe(page, 0).waitFor({ state: 'attached' });
      const top = await embedDiv(page, 0).evaluate((d) => d.getBoundingClientRect().top);
      assert.ok(top > 900 + 400, `the div is far below the fold (top ${top}) and mounted anyway`);
    });
  });

  test('accepts height messages only from its own iframe, origin and id, in range', async () => {
    await withHostPage(env, env.hostUrl + 'messages.html', async (page) => {
      const f1 = await embedFrame(page, 0);
      const f2 = await embedFrame(page, 1);
      const id1 = (await embedSrc(page, 0)).params.id;
      const id2 = (await embedSrc(page, 1)).params.id;
      const heights = () => Promise.all([0, 1].map((i) => embedIframe(page, i).evaluate((f) => f.getBoundingClientRect().height)));
      assert.deepEqual(await heights(), [300, 300]);

      let n = 0;
      const ignored = async (label, send) => {
        const tag = `ignored-${++n}`;
        const before = await heights();
        await send(tag);
        await waitForMessageTag(page, tag);
        assert.deepEqual(await heights(), before, `ignored: ${label}`);
      };
      const fromFrame = (frame, msg) => (tag) => frame.evaluate((m) => parent.postMessage(m, '*'), { ...msg, tag });

      await ignored('from the host page itself', (tag) =>
        page.evaluate((m) => window.postMessage(m, '*'), { type: TYPE, id: id1, height: 150, tag }));
      const foreign = await addForeignFrame(page);
      assert.ok(foreign, 'the srcdoc iframe is there');
      await ignored('from another iframe on the page', fromFrame(foreign, { type: TYPE, id: id1, height: 150 }));
      await ignored("from embed 1 with embed 2's id", fromFrame(f1, { type: TYPE, id: id2, height: 150 }));
      await ignored('wrong type', fromFrame(f1, { type: 'stackweigh:other', id: id1, height: 150 }));
      await ignored('height as a string', fromFrame(f1, { type: TYPE, id: id1, height: '150' }));
      await ignored('height 99', fromFrame(f1, { type: TYPE, id: id1, height: 99 }));
      await ignored('height 20001', fromFrame(f1, { type: TYPE, id: id1, height: 20001 }));
      await ignored('height NaN', fromFrame(f1, { type: TYPE, id: id1, height: NaN }));
      await ignored('height Infinity', fromFrame(f1, { type: TYPE, id: id1, height: Infinity }));
      await ignored('no id', fromFrame(f1, { type: TYPE, height: 150 }));
      await ignored('a string message', (tag) => f1.evaluate((t) => parent.postMessage(`${t} stackweigh:height 150`, '*'), tag));

      const accepted = async (frame, msg, want) => {
        const tag = `ok-${++n}`;
        await fromFrame(frame, msg)(tag);
        await waitForMessageTag(page, tag);
        assert.deepEqual(await heights(), want, `accepted ${JSON.stringify(msg)}`);
      };
      await accepted(f1, { type: TYPE, id: id1, height: 333.2 }, [334, 300]);
      await accepted(f2, { type: TYPE, id: id2, height: 100 }, [334, 100]);
      await accepted(f2, { type: TYPE, id: id2, height: 20000 }, [334, 20000]);

      // Same iframe, another origin: the frame navigates to a third origin
      // and posts from there.
      await f1.goto(env.thirdUrl + 'poster.html');
      await ignored('from the right iframe but another origin', fromFrame(f1, { type: TYPE, id: id1, height: 222 }));
    });
  });
});

// ---------------------------------------------------------------------------
describe('blog post embedding the real widget from another origin (Access-Control-Allow-Origin: *)', () => {
  let env;
  let postUrl;
  let sameOriginPostUrl;
  let plainIframeUrl;
  let stateUrl;
  let stateWeights;
  before(async () => {
    const siteRoot = makeSiteRoot();
    const widget = await startServer({ root: siteRoot, port: 0, headers: ACAO });
    // A div as the page's "Embed this" dialog writes it: the author's weights
    // ride in data-state (criterion 1 at 10, criterion 2 at 3, the rest 0).
    stateWeights = [10, 3, ...Array(loadData().criteria.length - 2).fill(0)];
    const stateText = `v=1&amp;w=a3${'0'.repeat(stateWeights.length - 2)}`;
    const hostRoot = makePagesRoot({
      'blog-post.html': blogPostFor(widget.url),
      'state.html': hostPage(
        `<div class="stackweigh-embed" data-state="${stateText}"><a href="${widget.url}">w</a></div>` +
          `<script async src="${widget.url}embed.js"></script>`,
      ),
    });
    const host = await startServer({ root: hostRoot, port: 0 });
    env = await launchEnv({ servers: [widget, host], cleanup: [siteRoot, hostRoot], widgetUrl: widget.url });
    postUrl = host.url + 'blog-post.html';
    stateUrl = host.url + 'state.html';
    plainIframeUrl = `${widget.url}embed.html?preset=rest_api`;
    sameOriginPostUrl = widget.url + 'examples/blog-post.html';
  });
  after(async () => {
    await env?.close();
  });

  // The plain sandboxed iframe has its own tests: the others leave its console errors out.
  const exceptPlainIframe = (g) => problemsExcept(g, plainIframeUrl);

  // A framed embed starts its app at the reader's first intent: here, the pointer over its iframe.
  const started = async (frame) => {
    await (await frame.frameElement()).hover();
    await frame.getByRole('region', { name: 'Recommendation', exact: true }).waitFor({ state: 'visible' });
  };
  /** The index-th embed, scrolled to as a reader does, and started: its frame. */
  const startedEmbed = async (page, index) => {
    await embedDiv(page, index).scrollIntoViewIfNeeded();
    const frame = await embedFrame(page, index);
    await started(frame);
    return frame;
  };

  test('reading the whole post: no console error, nothing leaving 127.0.0.1, no cookies; the page itself fetches only itself and embed.js', async () => {
    await withHostPage(env, postUrl, async (page, g) => {
      for (const i of [0, 1]) {
        await startedEmbed(page, i);
      }
      await started(await sandboxedFrame(page));
      await networkQuiet(g);
      assert.deepEqual(g.problems(), []);
      assert.deepEqual(await g.context.cookies(), [], 'no cookies on any origin');
      const own = [...new Set(g.topRequests.map((u) => new URL(u).pathname))].sort();
      assert.deepEqual(own, ['/blog-post.html', '/embed.js'], `top-frame requests: ${g.topRequests}`);
      for (const i of [0, 1]) assert.equal(await embedIframe(page, i).count(), 1, `embed.js included twice still makes one iframe per div (div ${i})`);
    }, { problems: null });
  });

  test("an embed written by the page's Embed dialog opens with the author's weights", async () => {
    await withHostPage(env, stateUrl, async (page) => {
      const frame = await startedEmbed(page, 0);
      await openPanels(frame);
      const values = await frame.getByRole('slider').evaluateAll((els) => els.map((e) => Number(e.value)));
      assert.deepEqual(values, stateWeights);
    });
  });

  test('both embeds appear, titled; the second only once scrolled near', async () => {
    await withHostPage(env, postUrl, async (page) => {
      await embedFrame(page, 0);
      const top = await embedDiv(page, 1).evaluate((d) => d.getBoundingClientRect().top);
      assert.ok(top > 900 + 400, `precondition: the second embed starts far below the fold (top ${top})`);
      assert.equal(await embedIframe(page, 1).count(), 0, 'the second iframe is not created before scrolling');
      assert.equal(await embedDiv(page, 1).getByRole('link').count(), 1, 'its fallback link is still there');
      await embedDiv(page, 1).scrollIntoViewIfNeeded();
      await embedFrame(page, 1);
      const titles = await Promise.all([0, 1].map((i) => embedIframe(page, i).getAttribute('title')));
      assert.deepEqual(titles, ['Node.js vs Python comparator: real-time chat', 'Node.js vs Python comparator: ML and AI product']);
      const srcs = await Promise.all([0, 1].map((i) => embedSrc(page, i)));
      assert.deepEqual(srcs.map((s) => [s.url.pathname, s.params.preset, s.params.theme]), [['/embed-realtime_chat.html', 'realtime_chat', 'light'], ['/embed-ml_ai.html', 'ml_ai', 'dark']]);
      assert.notEqual(srcs[0].params.id, srcs[1].params.id, 'each embed has its own id');
    }, { problems: exceptPlainIframe });
  });

  test('each iframe is as tall as its content (no inner scrollbar), set by its own height messages', async () => {
    await withHostPage(env, postUrl, async (page) => {
      for (const i of [0, 1]) {
        const frame = await startedEmbed(page, i);
        const { params } = await embedSrc(page, i);
        const iframeIndex = await embedIframe(page, i).evaluate((f) => [...document.querySelectorAll('iframe')].indexOf(f));
        const fit = await waitForFit(page, i, frame, {
          message: ' (the widget must post {type: "stackweigh:height", id, height} to its parent)',
        });
        const own = (await messages(page)).filter((m) => m.type === TYPE && m.from === iframeIndex);
        assert.ok(own.length > 0, `embed ${i} posted height messages`);
        assert.ok(own.every((m) => String(m.id) === params.id), `embed ${i} posts its own id ${params.id}: ${JSON.stringify(own)}`);
        assert.equal(fit.iframeHeight, Math.ceil(own.at(-1).height), `embed ${i}: height = ceil(last message)`);
      }
    }, { problems: exceptPlainIframe });
  });

  test('follows its content: opening a "Why?" grows the iframe', async () => {
    await withHostPage(env, postUrl, async (page) => {
      const frame = await startedEmbed(page, 0);
      await openPanels(frame);
      const before = await waitForFit(page, 0, frame);
      const why = frame.getByRole('button', { name: /^Why\?/ }).first();
      await why.click();
      await waitFor(async () => (await why.getAttribute('aria-expanded')) === 'true', { message: 'the Why? disclosure to open' });
      const after = await waitForFit(page, 0, frame, {
        extra: (m) => m.iframeHeight > before.iframeHeight,
        message: ` and grow beyond ${before.iframeHeight}px after opening "Why?"`,
      });
      assert.ok(after.iframeHeight > before.iframeHeight);
    }, { problems: exceptPlainIframe });
  });

  test('height messages from other windows are ignored', async () => {
    await withHostPage(env, postUrl, async (page) => {
      const frames = [];
      for (const i of [0, 1]) {
        frames.push(await startedEmbed(page, i));
        await waitForFit(page, i, frames[i]);
      }
      const heights = () => Promise.all([0, 1].map((i) => embedIframe(page, i).evaluate((f) => f.getBoundingClientRect().height)));
      const before = await heights();
      const ids = await Promise.all([0, 1].map(async (i) => (await embedSrc(page, i)).params.id));

      await page.evaluate((m) => window.postMessage(m, '*'), { type: TYPE, id: ids[0], height: 150, tag: 'top' });
      await waitForMessageTag(page, 'top');
      const foreign = await addForeignFrame(page);
      await foreign.evaluate((ids) => {
        parent.postMessage({ type: 'stackweigh:height', id: ids[0], height: 150, tag: 'srcdoc-1' }, '*');
        parent.postMessage({ type: 'stackweigh:height', id: ids[1], height: 150, tag: 'srcdoc-2' }, '*');
      }, ids);
      await waitForMessageTag(page, 'srcdoc-2');
      assert.deepEqual(await heights(), before, 'heights unchanged');
      for (const i of [0, 1]) {
        const m = await frameMetrics(page, i, frames[i]);
        assert.ok(Math.abs(m.iframeHeight - m.scrollHeight) <= 2, `embed ${i} still fits: ${JSON.stringify(m)}`);
      }
    }, { problems: exceptPlainIframe });
  });

  for (const scheme of ['light', 'dark']) {
    test(`data-theme wins over the reader's ${scheme} preference: the light embed is light, the dark one dark`, async () => {
      await withHostPage(env, postUrl, async (page) => {
        const got = [];
        for (const i of [0, 1]) {
          const frame = await startedEmbed(page, i);
          got.push(await backgroundLuminance(frame));
        }
        assert.ok(got[0].luminance !== null && got[0].luminance > 0.6, `light embed background is light: ${JSON.stringify(got[0])}`);
        assert.ok(got[1].luminance !== null && got[1].luminance < 0.2, `dark embed background is dark: ${JSON.stringify(got[1])}`);
      }, { problems: exceptPlainIframe, colorScheme: scheme });
    });
  }

  test('the plain sandboxed iframe (allow-scripts only, opaque origin) runs the widget', async () => {
    await withHostPage(env, postUrl, async (page) => {
      assert.equal(await page.locator('iframe.plain-embed').getAttribute('sandbox'), 'allow-scripts');
      const frame = await sandboxedFrame(page);
      await started(frame);
      assert.equal(await frame.evaluate(() => self.origin), 'null', 'opaque origin');
      await openPanels(frame);
      const sliders = frame.getByRole('slider');
      await sliders.first().waitFor();
      const values = await sliders.evaluateAll((els) => els.map((e) => Number(e.value)));
      const i = values.findIndex((v) => v < 10);
      assert.ok(i >= 0, 'a slider below 10');
      const slider = sliders.nth(i);
      await slider.focus();
      await slider.press('ArrowRight');
      await waitFor(async () => Number(await slider.inputValue()) === values[i] + 1, { message: `slider ${i} to go from ${values[i]} to ${values[i] + 1}` });
    });
  });

  test("the plain sandboxed iframe gets the widget's stylesheet", async () => {
    await withHostPage(env, postUrl, async (page, g) => {
      const frame = await sandboxedFrame(page);
      await started(frame);
      const sheets = await frame.evaluate(() =>
        // The print stylesheet stays disabled in an embed (never fetched).
        [...document.querySelectorAll('link[rel="stylesheet"]:not([disabled])')].map((l) => ({
          href: l.getAttribute('href'),
          integrity: l.hasAttribute('integrity'),
          crossorigin: l.getAttribute('crossorigin'),
          // null when the browser refused it; its rules are unreadable
          // (but applied) when it was fetched without CORS.
          loaded: l.sheet !== null,
        })),
      );
      assert.ok(sheets.length > 0, 'embed.html links a stylesheet');
      for (const s of sheets) {
        // A stylesheet with `integrity` fetched without CORS (no `crossorigin`)
        // is refused in an opaque-origin document: SRI needs a CORS response.
        assert.ok(s.loaded, `stylesheet ${s.href} applies in the sandboxed iframe (integrity: ${s.integrity}, crossorigin: ${s.crossorigin}); problems: ${g.problems().join(' | ')}`);
      }
      const { colours } = await backgroundLuminance(frame);
      assert.ok(colours.some((c) => c !== 'rgba(0, 0, 0, 0)'), `the widget's styles are in effect (page background ${colours})`);
    });
  });

  test('the example as shipped (same origin, relative paths) boots both embeds and sizes them', async () => {
    await withHostPage(env, sameOriginPostUrl, async (page) => {
      for (const i of [0, 1]) {
        const frame = await startedEmbed(page, i);
        await waitForFit(page, i, frame);
      }
      const origins = await Promise.all([0, 1].map(async (i) => (await embedSrc(page, i)).url.origin));
      assert.deepEqual(origins, [new URL(env.widgetUrl).origin, new URL(env.widgetUrl).origin]);
    }, { problems: exceptPlainIframe });
  });

  test('with scripts off, readers get the fallback links', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) =>
        new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.goto(postUrl);
      const links = page.locator('.stackweigh-embed').getByRole('link');
      assert.deepEqual(await links.allInnerTexts(), [
        'Node.js vs Python comparator: real-time chat',
        'Node.js vs Python comparator: ML and AI product',
      ]);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) {
        assert.equal(new URL(href).origin, new URL(env.widgetUrl).origin, `fallback link goes to the widget: ${href}`);
      }
      assert.equal(await page.locator('.stackweigh-embed iframe').count(), 0);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------
describe('the plain sandboxed iframe when the widget host sends no Access-Control-Allow-Origin', () => {
  let env;
  let postUrl;
  before(async () => {
    const siteRoot = makeSiteRoot();
    const widget = await startServer({ root: siteRoot, port: 0 });
    const hostRoot = makePagesRoot({ 'blog-post.html': blogPostFor(widget.url) });
    const host = await startServer({ root: hostRoot, port: 0 });
    env = await launchEnv({ servers: [widget, host], cleanup: [siteRoot, hostRoot], widgetUrl: widget.url });
    postUrl = host.url + 'blog-post.html';
  });
  after(async () => {
    await env?.close();
  });

  test('the sandboxed widget cannot boot (its module script is blocked by CORS): it says so over the read-only default view; the loader embeds still work', async () => {
    await withHostPage(env, postUrl, async (page, g) => {
      // Loader embeds are not sandboxed: their documents have the widget's
      // own origin, so their subresources are same-origin and need no header.
      const f1 = await embedFrame(page, 0);
      await (await f1.frameElement()).hover();
      await f1.getByRole('region', { name: 'Recommendation', exact: true }).waitFor({ state: 'visible' });

      // At the reader's first intent the module script is fetched (or refused).
      const frame = await sandboxedFrame(page);
      await (await frame.frameElement()).hover();
      const blocked = await waitFor(
        () => g.consoleErrors.find((e) => /from origin 'null' has been blocked by CORS policy/.test(e) && /\.js'/.test(e)),
        { message: "a CORS error for the widget's module script in the sandboxed iframe" },
      );
      assert.match(blocked, /No 'Access-Control-Allow-Origin' header/);
      // The same import, tried from inside the frame, fails: it can never boot.
      const tried = await frame.evaluate(async () => {
        // The glue the boot script imports, named by its tag.
        const glue = document.querySelector('script[data-glue]')?.getAttribute('data-glue');
        if (!glue) return 'no boot script naming the glue';
        const src = new URL(glue, document.baseURI).href;
        try {
          await import(src);
          return 'imported';
        } catch (e) {
          return `${e.name}: ${e.message}`;
        }
      });
      assert.match(tried, /^TypeError: Failed to fetch dynamically imported module/);
      // Not an empty box: the prerendered default view, read-only, under an alert saying why.
      const alert = frame.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      assert.match(await alert.innerText(), /could not start here .*default comparison, read-only/);
      await frame.getByRole('region', { name: 'Recommendation', exact: true }).waitFor({ state: 'visible' });
      await openPanels(frame);
      const sliders = frame.getByRole('slider');
      assert.ok((await sliders.count()) > 0, 'the default weights are shown');
      assert.deepEqual(new Set(await sliders.evaluateAll((els) => els.map((e) => e.disabled))), new Set([true]), 'every slider is disabled: the widget did not boot');
      // Every console error comes from the sandboxed iframe's blocked loads.
      const unrelated = g.consoleErrors.filter(
        (e) => !/origin 'null' has been blocked by CORS policy|net::ERR_FAILED|Subresource Integrity/.test(e),
      );
      assert.deepEqual(unrelated, [], 'no other console error');
      assert.deepEqual(g.externalRequests, []);
    }, { problems: null });
  });
});
