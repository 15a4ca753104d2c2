// Every embed answers at first sight (issue 20), in Firefox, without holding anything back: in a blog post on
// another origin, in a column 720 and 360 px wide (Firefox's window cannot be narrower than 500 px, the column
// can), an embed asking for a use case shows that use case's verdict and both totals before any interaction,
// with no wasm, as tall as it is once live; a shared state far below the fold loads nothing until scrolled
// to, then draws its verdict with no input at all; a source link in an embed's "Why?" opens in a new tab;
// and the page opened with ?preset=ml_ai on the static server with dist/_redirects shows Python's verdict
// at first paint.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { loadData, optionName, weightedWinner, weightText } from '../support/data.mjs';
import { LEADS_BY, OUT_OF } from '../support/phrases.mjs';
import { DIST, startFirefoxEnv, waitFor } from './harness.mjs';
import { Key } from './webdriver.mjs';

const WIDTHS = [720, 360];
const PRESETS = [
  ['ml_ai', 'Python'],
  ['realtime_chat', 'Node.js'],
];
const IFRAME = '.stackweigh-embed iframe';

/** A shared state the build cannot prerender: every weight 1 but the criterion that favours Python most. */
function sharedState() {
  const { criteria } = loadData();
  const lead = (c) => c.scores.python.score - c.scores.node.score;
  const top = [...criteria].sort((a, b) => lead(b) - lead(a))[0];
  const weights = Object.fromEntries(criteria.map((c) => [c.id, c === top ? 10 : 1]));
  return { state: `v=1&w=${weightText(weights)}`, leader: optionName(weightedWinner(weights).winner) };
}

/** A blog post whose column is `width` px wide, with one embed (`attributes`) after `above` px of text. */
function post(widgetUrl, attributes, { width, above = 0 }) {
  const spacer = above ? `<div style="height:${above}px">A long read.</div>` : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>' +
    `<body style="margin:0"><article style="width:${width}px"><h1>Node.js or Python?</h1>${spacer}` +
    `<div class="stackweigh-embed" ${attributes}><a href="${widgetUrl}">Comparator</a></div>` +
    `<p>More of the post.</p><div style="height:1200px"></div></article><script async src="${widgetUrl}embed.js"></script></body></html>\n`
  );
}

/** In the embed's document: what it shows and what it has fetched. */
const embedState = () => {
  const html = document.documentElement;
  return {
    live: !document.querySelector('main[data-prerendered]') && !!document.querySelector('.sw-verdict'),
    answers: html.dataset.answers ?? null,
    pending: html.hasAttribute('data-pending'),
    verdict: document.querySelector('.sw-verdict')?.innerText ?? '',
    wasm: performance.getEntriesByType('resource').some((e) => /\/stackweigh-[0-9a-f]{12,16}_bg\.wasm$/.test(e.name)),
    address: location.href.split('#')[0],
  };
};

describe('Firefox: embeds answer at first sight (blog on another origin)', () => {
  let env;
  let widget;
  let blog;
  let blogRoot;
  let pages = 0;
  // The sources a test opened in a tab: their requests reach the guard proxy, as they should.
  const sources = new Set();
  const problems = (...urls) => env.problems(urls).filter((p) => ![...sources].some((host) => p.includes(host)));
  const { state, leader } = sharedState();
  before(async () => {
    env = await startFirefoxEnv({ width: 800, height: 900 });
    widget = await startServer({
      root: DIST,
      port: 0,
      headersFile: path.join(DIST, '_headers'),
      redirectsFile: path.join(DIST, '_redirects'),
    });
    blogRoot = mkdtempSync(path.join(tmpdir(), 'stackweigh-ff-answers-'));
    blog = await startServer({ root: blogRoot, port: 0 });
  });
  after(async () => {
    await env?.close();
    await Promise.all([widget, blog].map((s) => s?.close()));
    if (blogRoot) rmSync(blogRoot, { recursive: true, force: true });
  });

  /** Opens a new blog post holding one embed; the pointer is parked outside it first. */
  async function openPost(attributes, options) {
    const name = `post-${++pages}.html`;
    writeFileSync(path.join(blogRoot, name), post(widget.url, attributes, options));
    await env.session.releaseActions();
    await env.session.navigate(`${blog.url}${name}`);
  }

  async function iframe() {
    const [found] = await waitFor(async () => {
      const all = await env.session.findAll(IFRAME);
      return all.length ? all : false;
    }, { message: "the loader's iframe" });
    return found;
  }

  /** Runs `fn` in the embed's document (once it has loaded) and comes back to the post. */
  async function inEmbed(fn, ...args) {
    const { session } = env;
    await session.cmd('POST', '/frame', { id: await iframe() });
    try {
      const loaded = () => location.href !== 'about:blank' && document.readyState === 'complete' && !!document.getElementById('stackweigh');
      await waitFor(() => session.execute(loaded), { message: "the embed's document" });
      return await session.execute(fn, ...args);
    } finally {
      await session.cmd('POST', '/frame/parent', {});
    }
  }

  /** The iframe's height on the post once it has stopped changing for half a second. */
  async function settledHeight() {
    let last = -1;
    let since = Date.now();
    return waitFor(async () => {
      const now = await env.session.execute((css) => document.querySelector(css).getBoundingClientRect().height, IFRAME);
      if (now !== last) {
        last = now;
        since = Date.now();
      }
      return Date.now() - since >= 500 && now !== 640 ? now : false;
    }, { message: "the embed's height to settle" });
  }

  for (const width of WIDTHS) {
    for (const [preset, name] of PRESETS) {
      test(`in a ${width} px column, data-preset="${preset}" shows "${name} leads" and both totals before any interaction, with no wasm, as tall as once live`, async () => {
        await openPost(`data-preset="${preset}" data-theme="light"`, { width });
        const before = await settledHeight();
        const first = await inEmbed(embedState);
        assert.match(first.verdict, new RegExp(`${name}${LEADS_BY}`), first.verdict);
        for (const option of ['Node.js', 'Python']) assert.match(first.verdict, new RegExp(`${option}\\s+\\d+(\\.\\d)?${OUT_OF}`), first.verdict);
        assert.deepEqual([first.answers, first.pending, first.wasm, first.live], [preset, false, false, false]);
        assert.equal(new URL(first.address).pathname, `/embed-${preset}.html`);

        const frame = await iframe();
        await env.session.cmd('POST', '/actions', {
          actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', duration: 0, origin: frame, x: 0, y: 0 }] }],
        });
        await waitFor(async () => (await inEmbed(embedState)).live, { message: 'the live embed' });
        const live = await settledHeight();
        assert.ok(Math.abs(live - before) <= 8, `prerendered ${before} px, live ${live} px`);
        assert.match((await inEmbed(embedState)).verdict, new RegExp(`${name}${LEADS_BY}`));
        assert.deepEqual(problems(blog.url, widget.url), []);
      });
    }

    test(`in a ${width} px column, a data-state embed far below the fold loads nothing until scrolled to, then draws its verdict with no input`, async () => {
      await openPost(`data-state="${state}" data-theme="light"`, { width, above: 3000 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal((await env.session.findAll(IFRAME)).length, 0, 'no frame, so no wasm, far below the fold');
      await env.session.execute(() => document.querySelector('.stackweigh-embed').scrollIntoView({ block: 'center' }));
      const shown = await waitFor(async () => {
        const now = await inEmbed(embedState);
        return now.live ? now : false;
      }, { message: 'the embed in view to draw its verdict' });
      assert.match(shown.verdict, new RegExp(`${leader}${LEADS_BY}`), shown.verdict);
      assert.equal(shown.wasm, true);
      assert.deepEqual(problems(blog.url, widget.url), []);
    });
  }

  test("a source link in an embed's Why? opens in a new tab and the embed stays", async () => {
    const { session } = env;
    const handles = await session.cmd('GET', '/window/handles');
    await openPost('data-preset="ml_ai"', { width: 720 });
    const before = (await inEmbed(embedState)).address;
    await session.cmd('POST', '/frame', { id: await iframe() });
    let href;
    try {
      const summaries = () => session.execute(() => [...document.querySelectorAll('details[data-panel] > summary')].filter((s) => s.textContent.includes('Adjust the weights')));
      const [summary] = await waitFor(() => summaries().then((f) => f.length && f), {
        message: `"Adjust the weights" (${JSON.stringify(await session.execute(() => [...document.querySelectorAll('summary')].map((s) => s.textContent)))})`,
      });
      await summary.click();
      await waitFor(() => session.execute(() => !document.querySelector('main[data-prerendered]')), { message: 'the live embed' });
      const { name } = loadData().criteria[0];
      const [why] = await waitFor(() => session.execute((label) => [...document.querySelectorAll('button')].filter((b) => b.getAttribute('aria-label') === label || b.textContent.trim() === label), `Why? ${name}`).then((f) => f.length && f), { message: 'the Why? button' });
      await why.click();
      const [link] = await waitFor(() => session.execute(() => [...document.querySelectorAll('a[href^="https://"]')]).then((f) => f.length && f), { message: 'a source link' });
      href = await link.attribute('href');
      // A reader's Enter on the focused link (geckodriver's clicks miss a frame lower than the window).
      await session.execute((a) => a.focus(), link);
      await session.pressKeys(Key.Enter);
    } finally {
      await session.cmd('POST', '/frame/parent', {});
    }
    const opened = await waitFor(async () => {
      const now = await session.cmd('GET', '/window/handles');
      return now.length > handles.length ? now.filter((h) => !handles.includes(h)) : false;
    }, { message: 'a new tab' });
    assert.equal(opened.length, 1);
    assert.equal((await inEmbed(embedState)).address, before, 'the embed still shows the widget');
    const [original] = handles;
    await session.cmd('POST', '/window', { handle: opened[0] });
    await session.cmd('DELETE', '/window');
    await session.cmd('POST', '/window', { handle: original });
    sources.add(new URL(href).host);
    assert.deepEqual(problems(blog.url, widget.url), []);
  });

  test('the page opened with ?preset=ml_ai, rewritten by dist/_redirects, shows Python at first paint', async () => {
    const { session } = env;
    await session.navigate(`${widget.url}?preset=ml_ai`);
    const page = await session.execute(() => ({
      answers: document.documentElement.dataset.answers ?? null,
      pending: document.documentElement.hasAttribute('data-pending'),
      address: location.search,
    }));
    assert.deepEqual(page, { answers: 'ml_ai', pending: false, address: '?preset=ml_ai' });
    await waitFor(() => session.execute(() => /Python leads, by/.test(document.querySelector('.sw-headline')?.textContent ?? '')), {
      message: "Python's verdict",
    });
    assert.deepEqual(problems(widget.url), []);
  });
});
