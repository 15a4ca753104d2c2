// The build's prerendered first paint: content a reader can use
// before the wasm arrives and with JavaScript off, and no layout jump when
// the live app takes over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData, optionName, weightedWinner } from '../support/data.mjs';
import { waitFor } from '../support/waits.mjs';
import { describeWithEnv, withApp } from './runner.mjs';

/** The default view's winner, by the independent oracle: every weight 5. */
function defaultHeadline() {
  const weights = Object.fromEntries(loadData().criteria.map((c) => [c.id, 5]));
  const { winner } = weightedWinner(weights);
  assert.ok(winner, 'the default weights pick a winner');
  return `${optionName(winner)} leads, by`;
}

describeWithEnv('prerendered first paint', (env) => {

  for (const [label, query] of [
    ['the page', ''],
    ['the embed', '?embed=1&theme=dark'],
  ]) {
    test(`with JavaScript off, ${label} shows the default recommendation, chart and presets, and says the sliders need JavaScript`, async () => {
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(env.url + query, { waitUntil: 'load' });
        const region = page.getByRole('region', { name: 'Recommendation', exact: true });
        await region.waitFor({ state: 'visible' });
        assert.match(await region.innerText(), new RegExp(defaultHeadline()));
        assert.ok(await page.getByRole('img', { name: /^Radar chart/ }).isVisible(), 'the radar chart is drawn');
        const sliders = page.getByRole('slider');
        assert.equal(await sliders.count(), loadData().criteria.length);
        assert.deepEqual(new Set(await sliders.evaluateAll((els) => els.map((e) => e.value))), new Set(['5']));
        // A live form: real, enabled controls from the first paint (the app adopts what they hold).
        assert.ok(await sliders.first().isEnabled(), 'sliders are enabled before any script');
        const presets = page.getByRole('group', { name: 'Use-case presets', exact: true }).getByRole('button');
        assert.equal(await presets.count(), loadData().presets.length);
        assert.ok(await presets.first().isEnabled());
        assert.match(await page.locator('noscript').first().textContent(), /need JavaScript/);
        assert.ok(requests.every((u) => u.startsWith(env.url)), `only the page's own files: ${requests}`);
      } finally {
        await context.close();
      }
    });
  }

  // The browser's own CLS cannot see this swap (the app builds new nodes,
  // and only an existing node that moves counts as a shift), so compare
  // where the landmarks a reader sees are drawn in the prerendered page
  // (JavaScript off) and in the live app, at a phone and a desktop width.
  for (const width of [320, 1280]) {
    test(`at ${width} px the live app draws every landmark where the prerendered page drew it`, async () => {
      const viewport = { width, height: 900 };
      const landmarks = async (page) => {
        const boxes = {};
        const named = {
          heading: page.getByRole('heading', { level: 1 }),
          presets: page.getByRole('group', { name: 'Use-case presets', exact: true }),
          firstSlider: page.getByRole('slider').first(),
          lastSlider: page.getByRole('slider').last(),
          recommendation: page.getByRole('region', { name: 'Recommendation', exact: true }),
          radar: page.getByRole('img', { name: /^Radar chart/ }),
        };
        for (const [name, locator] of Object.entries(named)) {
          const b = await locator.boundingBox();
          boxes[name] = b && [b.x, b.y, b.width, b.height].map((n) => Math.round(n));
        }
        return boxes;
      };
      const off = await env.browser.newContext({ javaScriptEnabled: false, viewport });
      let before;
      try {
        const page = await off.newPage();
        await page.goto(env.url, { waitUntil: 'load' });
        before = await landmarks(page);
      } finally {
        await off.close();
      }
      await withApp(env, async (app) => {
        const live = await landmarks(app.page);
        for (const [name, box] of Object.entries(before)) {
          assert.ok(box, `${name} is drawn in the prerendered page`);
          assert.deepEqual(live[name], box, `${name} stays put at ${width}px (prerendered vs live: x, y, width, height)`);
        }
      }, { viewport });
    });
  }

  test('a shared link replaces the prerendered default state once the app runs', async () => {
    await withApp(env, async (app) => {
      const weights = `a${'0'.repeat(loadData().criteria.length - 1)}`;
      await app.load(`${env.url}#v=1&w=${weights}`);
      const values = await waitFor(async () => {
        const v = await app.page.getByRole('slider').evaluateAll((els) => els.map((e) => Number(e.value)));
        return v[0] === 10 ? v : false;
      }, { message: 'the link weights in the live sliders' });
      assert.deepEqual(values, [10, ...Array(values.length - 1).fill(0)]);
    });
  });
});
