// Accessibility in the second engine: the embed dialog from the keyboard
// (focus goes in, Tab stays in, Escape closes, focus comes back to "Embed
// this"), and axe-core run inside Firefox on the page and the embed, light
// and dark, at 1280 px. Mirrors the keyboard path and the matrix of
// tests/browser/a11y.test.mjs (same axe options: axe's default rule set,
// violations only).
//
// axe comes in through WebDriver Execute Script: the page's CSP allows no
// inline script and no 'unsafe-eval', but script execution by the
// automation is not the page's and Firefox does not hold it to the CSP
// (the first test checks both halves of that).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeSource, axeVersion, describeViolations } from '../support/axe.mjs';
import { normalise } from '../support/reading.mjs';
import { loadData } from '../support/data.mjs';
import { EMBED_DIALOG, PREVIEW_TITLE } from '../support/phrases.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';
import { FirefoxApp, Key } from './page.mjs';

const AXE_VERSION = axeVersion();
// tests/browser/a11y.test.mjs: axe.run(document, { resultTypes: ['violations'] }).
const AXE_OPTIONS = { resultTypes: ['violations'] };

async function assertNoViolations(app, when) {
  const result = await app.axeViolations(axeSource(), AXE_OPTIONS);
  assert.equal(result.version, AXE_VERSION, 'the injected axe is the one in node_modules');
  // A run that checked nothing would pass vacuously.
  assert.ok(result.passes > 10, `axe checked the page (${result.passes} rules passed) ${when}`);
  assert.equal(result.violations.length, 0, `axe violations in Firefox ${when}:\n${describeViolations(result.violations)}`);
}

describe('Firefox: accessibility', () => {
  let env;
  let app;
  before(async () => {
    env = await startFirefoxEnv({ width: 1280, height: 900 });
    app = new FirefoxApp(env);
  });
  after(async () => {
    await env?.close();
  });

  test('axe-core injected over WebDriver runs under the page\'s strict CSP and reports a planted violation', async () => {
    await app.open();
    const csp = await app.session.execute(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    assert.match(csp, /script-src [^;]*'self'/, `the page has a script-src policy: ${csp}`);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/, 'no eval and no inline script for the page itself');
    // The page's own scripts really are held to it: an inline <script> is
    // refused, and Firefox says so with a securitypolicyviolation event.
    const refused = await app.session.execute(
      () =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(null), 2000);
          document.addEventListener(
            'securitypolicyviolation',
            (e) => {
              clearTimeout(timer);
              resolve({ directive: e.effectiveDirective, blocked: e.blockedURI });
            },
            { once: true },
          );
          const s = document.createElement('script');
          s.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
          document.head.appendChild(s);
          s.remove();
        }),
    );
    assert.deepEqual(refused, { directive: 'script-src-elem', blocked: 'inline' }, 'the CSP refuses an inline <script>');
    assert.equal(await app.session.execute(() => document.documentElement.dataset.inlineRan ?? null), null, 'the inline script did not run');
    // A control with no accessible name: axe in Firefox must see it.
    await app.session.execute(() => {
      const b = document.createElement('button');
      b.type = 'button';
      b.id = 'planted-unnamed-button';
      document.querySelector('main').appendChild(b);
    });
    const result = await app.axeViolations(axeSource(), AXE_OPTIONS);
    assert.equal(result.version, AXE_VERSION);
    const buttonName = result.violations.find((v) => v.id === 'button-name');
    assert.ok(buttonName, `axe reports the planted unnamed button; it reported: ${result.violations.map((v) => v.id).join(', ') || 'nothing'}`);
    assert.deepEqual(buttonName.nodes.map((n) => n.target.join(' ')), ['#planted-unnamed-button'], 'and only that button');
    // Firefox does not print the CSP refusal above to stdout as a page
    // error, so any console error here is a real one.
    app.assertNoProblems();
  });

  const combos = [
    { name: 'page, light', query: '?theme=light', theme: 'light', embed: false },
    { name: 'page, dark', query: '?theme=dark', theme: 'dark', embed: false },
    { name: 'embed, light', query: '?embed=1&theme=light', theme: 'light', embed: true },
    { name: 'embed, dark', query: '?embed=1&theme=dark', theme: 'dark', embed: true },
  ];
  for (const combo of combos) {
    test(`axe-core in Firefox: no violations (${combo.name}, 1280 px), also with a "Why?" open`, async () => {
      await app.open(combo.query);
      const info = await app.session.execute(() => ({
        width: window.innerWidth,
        theme: document.documentElement.getAttribute('data-theme'),
        embed: !!document.querySelector('.sw[data-embed]'),
      }));
      assert.deepEqual(info, { width: 1280, theme: combo.theme, embed: combo.embed }, `viewport, theme and mode for ${combo.name}`);
      await assertNoViolations(app, `(${combo.name}, 1280 px, default)`);

      const { criteria, options } = loadData();
      const c = criteria[0];
      await app.openPanels();
      const why = await app.whyButton(c.name);
      await why.click();
      await waitFor(async () => (await why.attribute('aria-expanded')) === 'true', { message: `"Why? ${c.name}" to open` });
      // Wait for the lazily loaded text so axe sees the real content.
      const panelId = await why.attribute('aria-controls');
      const rationale = normalise(c.scores[options[0].id].rationale).slice(0, 40);
      await waitFor(
        async () =>
          (await app.session.execute((id) => document.getElementById(id)?.innerText ?? '', panelId)).replace(/\s+/g, ' ').includes(rationale),
        { message: 'the rationale to load' },
      );
      await assertNoViolations(app, `(${combo.name}, 1280 px, "Why? ${c.name}" open)`);
      app.assertNoProblems();
    });
  }

  test('the embed dialog from the keyboard: focus moves in, Tab stays in, Escape closes, focus returns to "Embed this"', async (t) => {
    await app.open();
    // Before opening: no preview (a second app instance) anywhere.
    assert.equal((await app.previewFrames()).length, 0, 'no preview iframe while the dialog is closed');
    const opener = await app.button('Embed this');
    // Keyboard only: focus the button, press Enter.
    await app.session.execute((el) => el.focus(), opener);
    assert.ok(await app.session.execute((el) => document.activeElement === el, opener), '"Embed this" has focus');
    await app.session.pressKeys(Key.Enter);

    const dialog = await waitFor(async () => (await app.byRole('dialog', 'dialog', EMBED_DIALOG))[0], {
      message: `the dialog "${EMBED_DIALOG}" to open`,
    });
    assert.deepEqual(
      await app.session.execute((d) => ({ open: d.open, modal: d.matches(':modal') }), dialog),
      { open: true, modal: true },
      'opened as a modal dialog',
    );
    assert.equal(await dialog.computedLabel(), EMBED_DIALOG);
    const start = await app.focusWhere();
    assert.equal(start.where, 'dialog', `focus moves into the dialog (it is on ${JSON.stringify(start)})`);

    // The live preview exists while the dialog is open, inside it, with the current weights.
    const frames = await app.previewFrames();
    assert.equal(frames.length, 1, `one iframe titled "${PREVIEW_TITLE}"`);
    assert.ok(await app.session.execute((f, d) => d.contains(f), frames[0], dialog), 'the preview is inside the dialog');
    assert.match(await frames[0].attribute('src'), new RegExp(`\\?embed=1#v=1&w=${'5'.repeat(loadData().criteria.length)}$`), 'the preview shows the current (default) weights');
    await waitFor(
      async () =>
        (await app.session.execute(
          (f) => f.contentDocument?.querySelectorAll('main:not([data-prerendered]) input[type=range]').length ?? 0,
          frames[0],
        )) === loadData().criteria.length,
      { message: 'the preview to render the live widget with every slider' },
    );

    // 15 Tab presses from the first control: never onto the page behind.
    // Focus may pass through the browser's own UI (that is how Firefox
    // leaves a modal dialog's last control), which reads as 'none'.
    const seen = [start];
    for (let i = 0; i < 15; i++) {
      await app.session.pressKeys(Key.Tab);
      seen.push(await app.focusWhere());
    }
    const outside = seen.filter((f) => f.where !== 'dialog' && f.where !== 'none');
    assert.deepEqual(outside, [], `Tab never leaves the modal dialog for the page behind it: ${JSON.stringify(seen)}`);
    const visited = new Set(seen.filter((f) => f.where === 'dialog').map((f) => f.what));
    for (const control of ['textarea Auto-sizing widget (recommended)', 'button Copy widget snippet', 'textarea Plain iframe', 'button Copy iframe snippet', 'button Close']) {
      assert.ok(visited.has(control), `Tab reaches ${control} in the dialog (visited: ${[...visited].join(' | ')})`);
    }
    // The live preview is a picture (inert): Tab never stops on it or in it.
    assert.deepEqual(seen.filter((f) => f.inner || f.what?.startsWith('iframe')), [], `Tab never enters the inert preview: ${JSON.stringify(seen)}`);

    // Backwards from the first control: the dialog box, the browser's own
    // UI, then back into the dialog's controls, never the page behind.
    // (Firefox re-enters at "Copy iframe snippet", not at "Close" after the
    // inert preview; "Close" is reached going forwards, above.)
    await app.session.execute((d) => d.querySelector('textarea').focus(), dialog);
    const back = [];
    for (let i = 0; i < 8; i++) {
      await app.session.pressChord(Key.Shift, Key.Tab);
      back.push(await app.focusWhere());
      if (back.some((f) => f.where === 'none') && /^button /.test(back.at(-1).what ?? '')) break;
    }
    t.diagnostic(`Shift+Tab path: ${back.map((f) => (f.where === 'dialog' ? f.what : f.where)).join(' -> ')}`);
    assert.match(back.at(-1).what ?? '', /^button (Close|Copy iframe snippet)$/, `Shift+Tab from the first control wraps round to the dialog's last controls: ${JSON.stringify(back)}`);
    assert.deepEqual(back.filter((f) => f.where !== 'dialog' && f.where !== 'none'), [], `Shift+Tab never leaves the dialog: ${JSON.stringify(back)}`);

    // Escape from a control of the dialog closes it.
    await app.session.pressKeys(Key.Escape);
    await waitFor(async () => !(await app.session.execute((d) => d.open, dialog)), { message: 'Escape to close the dialog' });
    await waitFor(async () => app.session.execute((el) => document.activeElement === el, opener), {
      message: 'focus to return to "Embed this"',
    });
    await waitFor(async () => (await app.previewFrames()).length === 0, { message: 'the preview iframe to go once the dialog closes' });
    assert.deepEqual(await app.byRole('dialog', 'dialog', EMBED_DIALOG), [], 'the closed dialog is out of the accessibility tree');
    app.assertNoProblems();
  });
});
