// axe-core finds no accessibility violation: at first load, after a preset,
// with a disclosure open, and with every weight at zero.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO, loadData, startEnv, waitFor } from './harness.mjs';
import { NO_WEIGHT_MESSAGE, withApp } from './page.mjs';

const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations;
}

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}\n      ${n.html.slice(0, 200)}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

async function assertNoViolations(page, when) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe violations ${when}:\n${describeViolations(violations)}`);
}

describe('accessibility (axe-core)', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('no violations at first load', async () => {
    await withApp(env, async (app) => {
      await assertNoViolations(app.page, 'at first load');
    });
  });

  test('no violations after a preset and with a disclosure open', async () => {
    const { presets, criteria } = loadData();
    await withApp(env, async (app) => {
      const button = app.presetButton(presets[0].name);
      await button.click();
      await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true', { message: 'preset pressed' });
      const why = app.whyButton(criteria[0].name);
      await why.click();
      await waitFor(async () => (await why.getAttribute('aria-expanded')) === 'true', { message: 'disclosure open' });
      await assertNoViolations(app.page, 'after a preset with a disclosure open');
    });
  });

  test('no violations with every weight at zero', async () => {
    const { criteria } = loadData();
    await withApp(env, async (app) => {
      for (const c of criteria) await app.pressOnSlider(c.name, 'Home');
      await waitFor(async () => (await app.recommendationText()).includes(NO_WEIGHT_MESSAGE), { message: 'zero-weight message' });
      await assertNoViolations(app.page, 'with every weight at zero');
    });
  });

  test('no violations on a narrow (phone) viewport', async () => {
    await withApp(env, async (app) => {
      await assertNoViolations(app.page, 'at 375x740');
    }, { viewport: { width: 375, height: 740 } });
  });
});
