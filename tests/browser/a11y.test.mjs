// Accessibility, checked in headless Chromium:
//
// 1. axe-core finds no violation at first load, after a preset, with every
//    weight at zero, on a phone.
// 2. The matrix: {page, embed} x {theme=light, theme=dark, auto with
//    prefers-color-scheme light, auto with dark} x {320, 1280 px wide} x
//    {default, a criterion's "Why?" open, the questionnaire open}.
// 3. The keyboard path: Tab reaches presets, sliders and the share buttons in
//    that order, every focused control shows a visible focus indicator; the
//    embed dialog keeps focus inside, closes with Escape and hands focus back
//    to "Embed this".
// 4. prefers-reduced-motion: reduce leaves no transition or animation longer
//    than 0.01 s.
//
// Violations owned by src/ or styles/ and not yet fixed are listed in
// KNOWN_VIOLATIONS: they are reported as TODO subtests (visible, counted, not
// failing) while every other rule keeps failing the run.
// A11Y_REPORT=/path/file.json writes every violation the matrix saw.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describeViolations } from '../support/axe.mjs';
import { normalise } from '../support/reading.mjs';
import { loadData } from '../support/data.mjs';
import { NO_WEIGHT_MESSAGE } from '../support/phrases.mjs';
import { waitFor } from '../support/waits.mjs';
import { axeViolations, newGuardedPage, startEnv } from './harness.mjs';
import { AppPage, withApp } from './page.mjs';

/**
 * Known violations caused by src/ or styles/, waiting for their owner:
 * { rule id: { why, where(combo) -> bool } }. Empty when everything passes.
 */
const KNOWN_VIOLATIONS = {
  // An entry looks like:
  //   'rule-id': { why: 'what and whose', where: (w) => w.mode === 'embed' },
};

async function assertNoViolations(page, when) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe violations ${when}:\n${describeViolations(violations)}`);
}

const QUIZ_BUTTON = 'Not sure how to weigh? Answer a few questions';

/**
 * Open the app at `query` with the given viewport and media emulation.
 * Embeds have no h1, so only the Recommendation region is awaited.
 */
async function openApp(env, { query = '', viewport = { width: 1280, height: 900 }, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const guarded = await newGuardedPage(env, { viewport });
  await guarded.page.emulateMedia({ colorScheme, reducedMotion });
  const app = new AppPage(guarded, env.url);
  await app.page.goto(env.url + query, { waitUntil: 'load' });
  // The build may prerender into index.html (<main data-prerendered>, inert
  // controls): check the live app, once it has taken over.
  await app.page.waitForFunction(() => !document.querySelector('[data-prerendered]'));
  await app.recommendation().waitFor({ state: 'visible' });
  return app;
}

async function openWhy(app) {
  await app.openPanels();
  const { criteria, options } = loadData();
  const c = criteria[0];
  const why = app.whyButton(c.name);
  await why.click();
  await waitFor(async () => (await why.getAttribute('aria-expanded')) === 'true', { message: `"Why? ${c.name}" open` });
  const panel = app.page.locator(`[id="${await why.getAttribute('aria-controls')}"]`);
  // Wait for the lazily loaded text so axe sees the real content.
  const rationale = normalise(c.scores[options[0].id].rationale).slice(0, 40);
  await waitFor(async () => (await panel.innerText()).replace(/\s+/g, ' ').includes(rationale), { message: 'the rationale to load' });
  return async () => {
    await why.click();
    await waitFor(async () => (await why.getAttribute('aria-expanded')) === 'false', { message: 'Why? closed' });
  };
}

async function openQuiz(app) {
  await app.openPanels();
  const button = app.page.getByRole('button', { name: QUIZ_BUTTON, exact: true });
  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'true', { message: 'questionnaire open' });
  await app.page.locator(`[id="${await button.getAttribute('aria-controls')}"]`).waitFor({ state: 'visible' });
  return async () => {
    await button.click();
    await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'false', { message: 'questionnaire closed' });
  };
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

// ---------------------------------------------------------------------------
const MODES = [
  { name: 'page', query: '' },
  { name: 'embed', query: 'embed=1' },
];
const THEMES = [
  { name: 'light', query: 'theme=light', colorScheme: 'light' },
  { name: 'dark', query: 'theme=dark', colorScheme: 'light' },
  { name: 'auto (prefers light)', query: '', colorScheme: 'light' },
  { name: 'auto (prefers dark)', query: '', colorScheme: 'dark' },
];
const WIDTHS = [
  { width: 320, height: 640 },
  { width: 1280, height: 900 },
];
const STATES = [
  { name: 'default', open: null },
  { name: '"Why?" open', open: openWhy },
  { name: 'questionnaire open', open: openQuiz },
];

describe('accessibility matrix (axe-core): page/embed x theme x width x state', () => {
  let env;
  const report = [];
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
    if (process.env.A11Y_REPORT) writeFileSync(process.env.A11Y_REPORT, JSON.stringify(report, null, 2));
  });

  for (const mode of MODES) {
    for (const theme of THEMES) {
      for (const viewport of WIDTHS) {
        const combo = `${mode.name}, ${theme.name}, ${viewport.width}px`;
        const params = [mode.query, theme.query].filter(Boolean).join('&');
        test(combo, async (t) => {
          const app = await openApp(env, { query: params ? `?${params}` : '', viewport, colorScheme: theme.colorScheme });
          try {
            const expectTheme = theme.query ? theme.name : null;
            assert.equal(await app.page.evaluate(() => document.documentElement.getAttribute('data-theme')), expectTheme,
              `<html data-theme> for ${combo}`);
            for (const state of STATES) {
              const close = state.open ? await state.open(app) : null;
              const violations = await axeViolations(app.page);
              const where = { mode: mode.name, theme: theme.name, width: viewport.width, state: state.name };
              for (const v of violations) {
                report.push({ ...where, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 300) })) });
              }
              const known = violations.filter((v) => KNOWN_VIOLATIONS[v.id]?.where(where));
              const unknown = violations.filter((v) => !known.includes(v));
              await t.test(state.name, () => {
                assert.equal(unknown.length, 0, `axe violations (${combo}, ${state.name}):\n${describeViolations(unknown)}`);
              });
              for (const v of known) {
                await t.test(`${state.name}: known ${v.id}`, { todo: KNOWN_VIOLATIONS[v.id].why }, () => {
                  assert.fail(describeViolations([v]));
                });
              }
              if (close) await close();
            }
            app.assertNoProblems();
          } finally {
            await app.close();
          }
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------
/** What the focused element is, and whether a focus indicator is drawn around it. */
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.getAttribute('name') || '';
  const inDialog = !!el.closest('dialog');
  let kind = el.tagName.toLowerCase();
  if (kind === 'input') kind += `[${el.type}]`;
  if (el.closest('[role=group][aria-label="Use-case presets"]')) kind = 'preset';
  return {
    kind,
    label: label.replace(/\s+/g, ' ').trim().slice(0, 60),
    visible: outline || shadow,
    outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
    boxShadow: cs.boxShadow,
    inShare: !!el.closest('.sw-share, [aria-labelledby="sw-share-heading"]'),
    inDialog,
  };
}

describe('keyboard path', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('Tab reaches presets, then sliders, then the share buttons, each with a visible focus indicator', async () => {
    const app = await openApp(env);
    try {
      const { page } = app;
      const seen = [];
      // From the top of the document, Tab until focus leaves the page or wraps.
      await page.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(focusInfo);
        if (!info) break;
        if (seen.length && info.kind === seen[0].kind && info.label === seen[0].label) break;
        seen.push(info);
      }
      const firstIndex = (pred) => seen.findIndex(pred);
      const preset = firstIndex((f) => f.kind === 'preset');
      const slider = firstIndex((f) => f.kind === 'input[range]');
      const share = firstIndex((f) => f.inShare && f.kind === 'button');
      assert.ok(preset >= 0, 'Tab reaches a preset button');
      assert.ok(slider >= 0, 'Tab reaches a slider');
      assert.ok(share >= 0, 'Tab reaches a share button');
      assert.ok(preset < slider && slider < share, `order presets (${preset}) < sliders (${slider}) < share (${share})`);
      const sliders = seen.filter((f) => f.kind === 'input[range]').length;
      assert.equal(sliders, loadData().criteria.length, 'every slider is in the Tab order');
      for (const label of ['Copy link', 'Embed this']) {
        assert.ok(seen.some((f) => f.inShare && f.label === label), `Tab reaches "${label}"`);
      }
      const invisible = seen.filter((f) => !f.visible);
      assert.deepEqual(invisible, [], 'every focused control shows an outline or box-shadow');
      app.assertNoProblems();
    } finally {
      await app.close();
    }
  });

  test('the embed dialog keeps focus inside, closes with Escape and returns focus to "Embed this"', async () => {
    const app = await openApp(env);
    try {
      const { page } = app;
      const opener = page.getByRole('button', { name: 'Embed this', exact: true });
      await opener.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Embed this comparison' }).waitFor({ state: 'visible' });
      // A handle, not a role locator: once closed, the dialog leaves the accessibility tree.
      const dialog = await page.getByRole('dialog', { name: 'Embed this comparison' }).elementHandle();
      assert.ok(await dialog.evaluate((d) => d.open && d.matches(':modal')), 'opened as a modal dialog');
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus moves into the dialog');
      const focusable = await dialog.evaluate((d) => d.querySelectorAll('button, textarea, input, iframe, a[href], [tabindex]').length);
      const outside = [];
      let inside = 0;
      // Twice round the dialog, forwards then backwards: focus may go to the
      // browser's own UI between rounds (that is how modal dialogs work) but
      // never to the page behind.
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < 2 * focusable + 2; i++) {
          await page.keyboard.press(key);
          const where = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return 'none';
            return el.closest('dialog') ? 'inside' : `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 40)}`;
          });
          if (where === 'inside') {
            inside++;
            const info = await page.evaluate(focusInfo);
            // The live preview is a picture (inert): never a stop of its own.
            assert.notEqual(info?.kind, 'iframe', 'Tab never enters the inert preview');
            if (info) assert.ok(info.visible, `focus visible in the dialog on ${info.kind} "${info.label}"`);
          } else if (where !== 'none') outside.push(where);
        }
      }
      assert.deepEqual(outside, [], 'Tab never leaves the modal dialog for the page behind it');
      assert.ok(inside > 0, 'Tab moves between the dialog\'s controls');
      // Escape from wherever the Tab presses left focus closes it.
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await dialog.evaluate((d) => d.open)), { message: 'Escape to close the dialog' });
      assert.ok(await opener.evaluate((el) => document.activeElement === el), 'focus returns to "Embed this"');
      app.assertNoProblems();
    } finally {
      await app.close();
    }
  });
});

// ---------------------------------------------------------------------------
describe('prefers-reduced-motion: reduce', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  /** Elements (and ::before/::after) with a transition or animation longer than 0.01 s. */
  function longMotion() {
    const seconds = (list) => list.split(',').map((s) => (s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)) || 0);
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        const props = cs.transitionProperty.split(',').map((s) => s.trim());
        const durations = seconds(cs.transitionDuration);
        const transition = Math.max(...durations.map((d, i) => (props[i % props.length] === 'none' ? 0 : d)));
        const animation = cs.animationName === 'none' ? 0 : Math.max(...seconds(cs.animationDuration));
        if (transition > 0.01 || animation > 0.01) {
          const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.classList.length ? `.${[...el.classList].join('.')}` : '') + (pseudo ?? '');
          out.push(`${name}: transition ${cs.transitionDuration} (${cs.transitionProperty}), animation ${cs.animationName} ${cs.animationDuration}`);
        }
      }
    }
    return [...new Set(out)].slice(0, 20);
  }

  for (const mode of MODES) {
    test(`${mode.name}: no transition or animation longer than 0.01 s`, async () => {
      const app = await openApp(env, { query: mode.query ? `?${mode.query}` : '', reducedMotion: 'reduce' });
      try {
        assert.ok(await app.page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'reduced motion is emulated');
        assert.deepEqual(await app.page.evaluate(longMotion), [], 'default state');
        const closeWhy = await openWhy(app);
        const closeQuiz = await openQuiz(app);
        assert.deepEqual(await app.page.evaluate(longMotion), [], 'with "Why?" and the questionnaire open');
        await closeQuiz();
        await closeWhy();
        app.assertNoProblems();
      } finally {
        await app.close();
      }
    });
  }
});
