// What an embed costs the blog post that carries it: every response the post and its iframe fetched until
// the network is quiet, with no reader interaction and then after the pointer moves over the widget.

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

/** The widget host (dist/ plus embed.js) and, on another port, a blog post that embeds it once, on its first screen. */
export async function startBlog(dist) {
  const widgetRoot = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-bench-widget-'));
  const blogRoot = mkdtempSync(path.join(os.tmpdir(), 'stackweigh-bench-blog-'));
  cpSync(dist, widgetRoot, { recursive: true });
  if (!existsSync(path.join(widgetRoot, 'embed.js'))) cpSync(path.join(REPO, 'embed', 'embed.js'), path.join(widgetRoot, 'embed.js'));
  const widget = await startHost(widgetRoot, { 'Access-Control-Allow-Origin': '*' });
  const blog = await startHost(blogRoot);
  writeFileSync(path.join(blogRoot, 'index.html'), readFileSync(TEMPLATE, 'utf8').replaceAll('WIDGET_URL', widget.url));
  return {
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

/** Loads the blog post with service workers allowed; counts before and after the pointer meets the widget. */
export async function measureEmbedBytes(browser, site, { quietMs, log }) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  const external = await guardContext(context, { abort: false });
  try {
    const page = await context.newPage();
    log('bench: blog post with one embed, no interaction');
    await page.goto(site.url, { waitUntil: 'load' });
    await embedIframe(page).waitFor({ state: 'attached' });
    await networkQuiet([site.widget, site.blog], quietMs);
    const before = stage(site.price(), context);
    const mark = site.mark();
    log('bench: pointer moves over the embed');
    const box = await embedIframe(page).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200), { steps: 5 });
    await networkQuiet([site.widget, site.blog], quietMs);
    const after = stage(site.price(mark), context);
    return { viewport: VIEWPORT, quietMs, before, afterPointer: after, externalRequests: external };
  } finally {
    await context.close();
  }
}
