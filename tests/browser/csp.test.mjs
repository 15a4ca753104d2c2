// The Content-Security-Policy the bundle ships in its HTML: strict (no
// 'unsafe-inline', inline scripts by hash only) and never violated by the
// page, the embed (plain and in a sandboxed iframe of another origin) or
// the single file, through real use: a preset, a slider, "Why?", the chart
// exports and the embed dialog's preview.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadData } from '../support/data.mjs';
import { waitFor } from '../support/waits.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { launchChromium, openPanels } from './harness.mjs';
import { moveFirstSliderToAnEnd, openFirstWhy } from '../support/journeys/page.mjs';
import { DIST, cspViolations, openPage, requireDist, waitForApp } from './dist-helpers.mjs';

function policyOf(html) {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'a CSP <meta>');
  return Object.fromEntries(
    match[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]),
  );
}

async function exportChart(g) {
  const { page } = g;
  for (const [name, done] of [
    ['Download chart (SVG)', 'Chart downloaded as SVG.'],
    ['Download chart (PNG)', 'Chart downloaded as PNG.'],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    assert.match(download.suggestedFilename(), /\.(svg|png)$/);
    await page.getByRole('status').filter({ hasText: done }).waitFor();
  }
}

/** A framed embed starts its app at the reader's first intent: here, the pointer over its iframe. */
async function touch(frame) {
  await (await frame.frameElement()).hover();
}

/** Opens the embed dialog and waits for its preview (the app in embed mode) to render. */
async function previewEmbed(g) {
  const { page } = g;
  await page.getByRole('button', { name: 'Embed this', exact: true }).click();
  const frame = await waitFor(
    async () => {
      const f = page.frames().find((fr) => fr !== page.mainFrame() && /embed=1/.test(fr.url()));
      if (!f) return false;
      const ready = await f.getByRole('region', { name: 'Recommendation', exact: true }).isVisible().catch(() => false);
      return ready ? f : false;
    },
    { message: 'the embed preview to render' },
  );
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  return frame;
}

async function useTheApp(g) {
  const { app, page } = g;
  await waitForApp(app);
  const preset = loadData().presets[0];
  const button = await app.presetButton(preset.name);
  await button.click();
  await app.waitForAttribute(button, 'aria-pressed', 'true', 'the preset to apply');
  await moveFirstSliderToAnEnd(app);
  await openFirstWhy(app);
  await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy', () => {
  let browser;
  let server;
  let blog;
  const cleanup = [];
  before(async () => {
    requireDist('stackweigh.html');
    server = await startServer({ root: DIST, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    await blog?.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  test('index.html carries a strict policy and has no inline script to allow', () => {
    const policy = policyOf(readFileSync(path.join(DIST, 'index.html'), 'utf8'));
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.deepEqual(policy['style-src'], ["'self'"]);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'none'"]);
    assert.ok(policy['script-src'].includes("'wasm-unsafe-eval'"));
    assert.ok(!policy['script-src'].some((s) => s.startsWith("'sha256-")), 'no inline script: the boot script is a file');
    for (const sources of Object.values(policy)) {
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*']) {
        assert.ok(!sources.includes(loose), `no ${loose}`);
      }
    }
  });

  /** Opens `url`, uses the app (then each of `more`), and expects no CSP violation or other problem. */
  async function usedWithoutViolation(url, { more = [], ...options } = {}) {
    const g = await openPage(browser, options);
    try {
      await g.page.goto(url, { waitUntil: 'load' });
      await useTheApp(g);
      for (const step of more) await step(g);
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  }

  test('the page: presets, a slider, Why?, exports and the embed preview violate nothing', async () => {
    await usedWithoutViolation(server.url, { more: [exportChart, previewEmbed] });
  });

  test('is enforced: an inline style on the page is refused and reported', async () => {
    // Proves the checks above would see a violation if there were one.
    const g = await openPage(browser);
    try {
      await g.page.goto(server.url, { waitUntil: 'load' });
      await waitForApp(g.app);
      await g.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="probe" style="color: rgb(1, 2, 3)">probe</p>'));
      const violations = await waitFor(async () => {
        const found = await cspViolations(g.page);
        return found.length ? found : false;
      }, { message: 'a style-src violation report' });
      assert.match(violations[0], /^style-src/);
      assert.notEqual(await g.page.locator('#probe').evaluate((el) => getComputedStyle(el).color), 'rgb(1, 2, 3)');
    } finally {
      await g.close();
    }
  });

  test('the embed violates nothing', async () => {
    await usedWithoutViolation(`${server.url}index.html?embed=1&preset=ml_ai&theme=dark`);
  });

  test('the embed in a sandboxed iframe on another origin violates nothing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'stackweigh-blog-'));
    cleanup.push(root);
    writeFileSync(
      path.join(root, 'post.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title><link rel="icon" href="data:,"></head><body>' +
        `<iframe sandbox="allow-scripts" title="stackweigh" width="900" height="900" src="${server.url}index.html?embed=1"></iframe></body></html>`,
    );
    blog = await startServer({ root, port: 0 });
    const g = await openPage(browser);
    try {
      await g.page.goto(`${blog.url}post.html`, { waitUntil: 'load' });
      const frame = await waitFor(
        async () => {
          const f = g.page.frames().find((fr) => /embed=1/.test(fr.url()));
          if (!f) return false;
          await touch(f);
          return (await f.getByRole('region', { name: 'Recommendation', exact: true }).isVisible().catch(() => false)) ? f : false;
        },
        { message: 'the sandboxed embed to render' },
      );
      const { name } = loadData().criteria[0];
      await openPanels(frame);
      const slider = frame.getByRole('slider', { name, exact: true });
      const before = await slider.inputValue();
      await slider.focus();
      await slider.press(Number(before) < 10 ? 'End' : 'Home');
      await waitFor(async () => (await slider.inputValue()) !== before, { message: 'the sandboxed slider to move' });
      assert.deepEqual(await cspViolations(g.page), []);
      assert.deepEqual(g.problems(), []);
    } finally {
      await g.close();
    }
  });

  test('the single file carries its own policy and violates nothing from disk', async () => {
    const single = path.join(DIST, 'stackweigh.html');
    const policy = policyOf(readFileSync(single, 'utf8'));
    assert.deepEqual(policy['default-src'], ["'none'"]);
    assert.ok(policy['script-src'].includes("'wasm-unsafe-eval'"));
    assert.ok(policy['style-src'].every((s) => s.startsWith("'sha256-")), 'inline styles by hash only');
    await usedWithoutViolation(pathToFileURL(single).href, {
      more: [exportChart, previewEmbed],
      allowRequest: (url) => url.startsWith('file:'),
    });
  });
});
