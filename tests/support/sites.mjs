// The sites the browser tests serve, engine-free: throw-away copies of dist/ (with embed.js and the
// example blog post), host pages on another 127.0.0.1 port that embed the widget as a blog would (so the
// embed is cross-origin, as on a real blog), and a recorder of the messages a host page receives.

import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';
import { loadData } from './data.mjs';
import { DIST, REPO } from './paths.mjs';

export const EMBED_SOURCE = path.join(REPO, 'embed', 'embed.js');
export const EMBED_DIST = path.join(DIST, 'embed.js');
export const BLOG_POST = path.join(REPO, 'examples', 'blog-post.html');
export const ACAO = Object.freeze({ 'Access-Control-Allow-Origin': '*' });
export const HEIGHT_MESSAGE = 'stackweigh:height';

/** Fails unless dist/ has index.html and each of `files`. */
export function requireDist(...files) {
  for (const file of ['index.html', ...files]) {
    const full = path.join(DIST, file);
    if (!existsSync(full)) throw new Error(`${full} missing: build first with \`trunk build --release --offline\``);
  }
}

export function tempDir(label) {
  return mkdtempSync(path.join(tmpdir(), `stackweigh-${label}-`));
}

/** A copy of dist/ in a temp dir, under `subPath` (e.g. 'tools/stackweigh'). */
export function copyDist(subPath = '') {
  requireDist();
  const root = tempDir('dist');
  const dir = path.join(root, subPath);
  mkdirSync(dir, { recursive: true });
  cpSync(DIST, dir, { recursive: true, dereference: true });
  return { root, dir };
}

/** dist/stackweigh.html copied alone into an empty folder: { dir, file, fileUrl }. */
export function copySingleFile() {
  requireDist('stackweigh.html');
  const dir = tempDir('single');
  const file = path.join(dir, 'stackweigh.html');
  copyFileSync(path.join(DIST, 'stackweigh.html'), file);
  return { dir, file, fileUrl: pathToFileURL(file).href };
}

/**
 * The loader the tests run: $STACKWEIGH_EMBED_JS if set (e.g. to check that
 * the tests catch a broken loader), else the built copy, else the source.
 */
export function embedScriptPath() {
  if (process.env.STACKWEIGH_EMBED_JS) return process.env.STACKWEIGH_EMBED_JS;
  return existsSync(EMBED_DIST) ? EMBED_DIST : EMBED_SOURCE;
}

/** dist/ at "/" (plus embed.js) and the blog post at /examples/blog-post.html. */
export function makeSiteRoot() {
  requireDist();
  const root = tempDir('site');
  cpSync(DIST, root, { recursive: true });
  copyFileSync(embedScriptPath(), path.join(root, 'embed.js'));
  mkdirSync(path.join(root, 'examples'));
  copyFileSync(BLOG_POST, path.join(root, 'examples', 'blog-post.html'));
  return root;
}

/** A stand-in widget: embed.js beside an embed.html (and each use case's embed-<id>.html) that never posts anything. */
export function makeStubWidgetRoot() {
  const root = tempDir('stub');
  copyFileSync(embedScriptPath(), path.join(root, 'embed.js'));
  const stub =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stub widget</title></head>' +
    '<body><p>stub widget</p></body></html>\n';
  for (const name of ['embed.html', ...loadData().presets.map((p) => `embed-${p.id}.html`)]) {
    writeFileSync(path.join(root, name), stub);
  }
  return root;
}

/** A directory of host pages: { 'name.html': html }. */
export function makePagesRoot(pages) {
  const root = tempDir('host');
  for (const [name, html] of Object.entries(pages)) writeFileSync(path.join(root, name), html);
  return root;
}

/**
 * Runs in a host page before its own scripts: records every `message` it receives in window.__swMessages
 * ({tag, raw, type, id, height, from, origin}; `from` is the index of the sending iframe among the page's
 * iframes, -1 for anything else). Self-contained: it is inlined or handed to an engine as an init script.
 */
export function recordMessages() {
  if (window !== window.top) return;
  window.__swMessages = [];
  window.addEventListener('message', (e) => {
    const d = e.data && typeof e.data === 'object' ? e.data : { raw: String(e.data) };
    const from = [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === e.source);
    window.__swMessages.push({ tag: d.tag, raw: d.raw, type: d.type, id: d.id, height: d.height, from, origin: e.origin });
  });
}

/** A minimal host page around `body` (no favicon request, no external anything); `messages` inlines recordMessages. */
export function hostPage(body, { head = '', messages = false } = {}) {
  const recorder = messages ? `<script>(${recordMessages})();</script>` : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    '<title>host page</title><link rel="icon" href="data:,">' +
    `${recorder}${head}</head><body>${body}</body></html>\n`
  );
}

/** The embed as a blog author writes it: the div with its fallback link, then embed.js from the widget's host. */
export function embedSnippet(widgetUrl, { attributes = '', text = 'Compare' } = {}) {
  return `<div class="stackweigh-embed"${attributes}><a href="${widgetUrl}">${text}</a></div><script async src="${widgetUrl}embed.js"></script>`;
}

/** The blog post as a cross-origin blog would carry it: "../x" → widgetUrl + "x"; `messages` adds the recorder. */
export function blogPostFor(widgetUrl, { messages = false } = {}) {
  const post = readFileSync(BLOG_POST, 'utf8').replace(/(\s(?:src|href)=")\.\.\//g, `$1${widgetUrl}`);
  return messages ? post.replace('<head>', `<head><script>(${recordMessages})();</script>`) : post;
}

/**
 * Static servers and temp dirs, closed and removed together: `serve(root, options)` starts one more
 * server over `root` (removed at close when `temp`).
 */
export function siteSet() {
  const servers = [];
  const dirs = [];
  return {
    async serve(root, { temp = true, ...options } = {}) {
      if (temp) dirs.push(root);
      const server = await startServer({ root, port: 0, ...options });
      servers.push(server);
      return server;
    },
    /** A server of host pages ({ 'name.html': html }); returns its address. */
    async host(pages) {
      return (await this.serve(makePagesRoot(pages))).url;
    },
    async close() {
      for (const s of servers.splice(0)) await s.close();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
