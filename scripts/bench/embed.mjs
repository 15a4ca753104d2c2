// What an embed costs the blog post that carries it: every response the post and its iframe fetched until
// the network is quiet, with no reader interaction and then after the pointer moves over the widget; for
// the default embed, a use case's (data-preset), a shared state's in the first screen (data-state, which
// starts as it comes into view) and a shared state's far below the fold that the reader never scrolls to.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardContext } from '../../tests/browser/harness.mjs';
import { REPO } from '../../tests/support/paths.mjs';
import { startHost } from './host.mjs';
import { networkQuiet, priced, sum } from './traffic.mjs';

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'blog-post.html');
export const VIEWPORT = { width: 720, height: 900 };

/** A shared state no build can prerender: the share format's text after "#" (every weight 3 but the first, 10). */
function sharedState(dist) {
  const page = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const sliders = (page.match(/type="range"/g) ?? []).length;
  return `v=1&w=a${'3'.repeat(Math.max(sliders - 1, 0))}`;
}

/** The blog posts the bench loads: the embed's attributes, and whether it sits far below the fold. */
function embedKinds(dist) {
  const state = sharedState(dist);
  return [
    { kind: 'default', label: 'default embed (embed.html)', attributes: '', pointer: true },
    { kind: 'preset', label: 'use case, data-preset="ml_ai" (embed-ml_ai.html)', attributes: 'data-preset="ml_ai"', pointer: true },
    { kind: 'state', label: 'shared state, data-state, in the first screen', attributes: `data-state="${state}"`, pointer: false },
    { kind: 'stateBelow', label: 'shared state, 3000 px below the fold, never scrolled to', attributes: `data-state="${state}"`, below: 3000, pointer: false },
  ];
}

/** The post around one embed (index.html, for the interaction bench, is the real-time chat use case). */
function blogPost(widgetUrl, { attributes, below = 0 }) {
  const spacer = below ? `<div style="height:${below}px">The rest of a long post.</div>` : '';
  return readFileSync(TEMPLATE, 'utf8').replaceAll('WIDGET_URL', widgetUrl).replace('SPACER', spacer).replace('EMBED_ATTRIBUTES', attributes);
}

/** The widget host (dist/ plus embed.js) and, on another port, a blog post that embeds it once, on its first screen. */
export async function startBlog(dist) {
  const widgetRoot = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-bench-widget-'));
  const blogRoot = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-bench-blog-'));
  cpSync(dist, widgetRoot, { recursive: true });
  if (!existsSync(path.join(widgetRoot, 'embed.js'))) cpSync(path.join(REPO, 'embed', 'embed.js'), path.join(widgetRoot, 'embed.js'));
  const widget = await startHost(widgetRoot, { 'Access-Control-Allow-Origin': '*' });
  const blog = await startHost(blogRoot);
  writeFileSync(path.join(blogRoot, 'index.html'), blogPost(widget.url, { attributes: 'data-preset="realtime_chat"' }));
  const kinds = embedKinds(dist);
  for (const kind of kinds) writeFileSync(path.join(blogRoot, `${kind.kind}.html`), blogPost(widget.url, kind));
  return {
    kinds,
    widget,
    blog,
    widgetRoot,
    blogRoot,
    url: blog.url,
    price: (mark = { widget: 0, blog: 0 }) => [
      ...priced(blog, blogRoot, 'blog', mark.blog),
      ...priced(widget, widgetRoot, 'widget', mark.widget),
    ],
    mark: () => ({ widget: widget.responses.length, blog: blog.responses.length }),
    async close() {
      await widget.close();
      await blog.close();
      for (const dir of [widgetRoot, blogRoot]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The embed's iframe element on the host page (the loader's class is its public API). */
export function embedIframe(page) {
  return page.locator('.stackweigh-embed iframe').first();
}

/** What the widget host sent in `rows`, and whether it included wasm or a worker script. */
function stage(rows, context) {
  const widgetRows = rows.filter((r) => r.host === 'widget');
  return {
    responses: rows,
    embed: sum(widgetRows),
    hostPage: sum(rows.filter((r) => r.host === 'blog')),
    wasmRequested: widgetRows.some((r) => r.path.endsWith('.wasm')),
    serviceWorkers: context.serviceWorkers().map((w) => new URL(w.url()).pathname),
  };
}

/** One post: what the widget host sent with no interaction, then (`pointer`) what the pointer over it adds. */
async function measureKind(browser, site, kind, { quietMs, log }) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  const external = await guardContext(context, { abort: false });
  try {
    const page = await context.newPage();
    log(`bench: blog post with ${kind.label}, no interaction`);
    const start = site.mark();
    await page.goto(`${site.url}${kind.kind}.html`, { waitUntil: 'load' });
    if (!kind.below) await embedIframe(page).waitFor({ state: 'attached' });
    await networkQuiet([site.widget, site.blog], quietMs);
    const before = stage(site.price(start), context);
    let afterPointer = null;
    if (kind.pointer) {
      const mark = site.mark();
      log('bench: pointer moves over the embed');
      const box = await embedIframe(page).boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200), { steps: 5 });
      await networkQuiet([site.widget, site.blog], quietMs);
      afterPointer = stage(site.price(mark), context);
    }
    return { kind: kind.kind, label: kind.label, before, afterPointer, externalRequests: external };
  } finally {
    await context.close();
  }
}

/** Every kind of embed in its own post, service workers allowed. */
export async function measureEmbedBytes(browser, site, options) {
  const kinds = [];
  for (const kind of site.kinds) kinds.push(await measureKind(browser, site, kind, options));
  const externalRequests = [...new Set(kinds.flatMap((k) => k.externalRequests))];
  return { viewport: VIEWPORT, quietMs: options.quietMs, kinds, externalRequests };
}
