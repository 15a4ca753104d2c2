// Share and remember (tests/support/journeys/share.mjs) in Chromium, and what only Chromium can check
// here: storage that throws on access (an init script must run before the page's own, which WebDriver
// classic cannot add) and the exports (Playwright sees downloads and reads the clipboard; WebDriver
// classic does neither).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { findPreset, loadData, optionName, uniformWeights, weightedWinner } from '../support/data.mjs';
import { DEFAULT_WEIGHT, assertSliderMovesRecommendation, shareJourneys, shareStatus } from '../support/journeys/share.mjs';
import { choosePreset } from '../support/journeys/page.mjs';
import { describeJourneys, describeWithEnv, withApp } from './runner.mjs';

const STORAGE_NOTE = 'This browser does not let the page remember your weights; use “Copy link” to keep them.';

describeJourneys('share and remember (Chromium)', shareJourneys);

/** Clicks the button `name` and returns the download it starts. */
async function download(app, name) {
  const button = await app.button(name);
  const [file] = await Promise.all([app.page.waitForEvent('download'), button.click()]);
  return file;
}

describeWithEnv('storage that throws, and the exports (Chromium only)', (env) => {

  test('blocked storage (localStorage throws): the widget works, says so, and logs no error', async () => {
    const init = () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      });
    };
    await withApp(env, async (app) => {
      const blocked = await app.evaluate(() => {
        try {
          void window.localStorage;
          return false;
        } catch {
          return true;
        }
      });
      assert.equal(blocked, true, 'localStorage throws on access in this context');
      const note = app.page.getByText(STORAGE_NOTE, { exact: true });
      await note.waitFor({ state: 'visible' });
      assert.equal((await app.roles('alert')).length, 0, 'no error message, only the quiet note');
      await app.waitForWeights(uniformWeights(DEFAULT_WEIGHT), 'the default weights');
      await assertSliderMovesRecommendation(app);
      assert.equal(await note.count(), 1, 'the note stays');
    }, { init });
  });

  test('exports: Markdown table on the clipboard matches the page; SVG and PNG chart downloads are real files', async () => {
    await withApp(env, async (app) => {
      await choosePreset(app, findPreset(/ml_ai/));
      const weights = await app.sliderValues();
      const oracle = weightedWinner(weights).winner;
      assert.ok(oracle, 'the preset has a winner');
      await app.waitForWinner(oracle);
      const pageWinner = await app.winner();

      await (await app.button('Copy as Markdown table')).click();
      assert.equal(await shareStatus(app, 'Copied the Markdown table.'), 'Copied the Markdown table.');
      const md = await app.readClipboard();
      const rows = md.split('\n').filter((l) => l.startsWith('|'));
      const names = loadData().options.map((o) => o.name);
      assert.equal(rows[0], `| Criterion | Weight | ${names.join(' | ')} |`, `header row: ${rows[0]}`);
      assert.match(rows[1], /^\|(\s*:?-{3,}:?\s*\|)+$/, `separator row: ${rows[1]}`);
      for (const c of loadData().criteria) {
        const matching = rows.filter((r) => r.startsWith(`| ${c.name} |`));
        assert.equal(matching.length, 1, `one row for "${c.name}" in\n${md}`);
        const cells = matching[0].split('|').slice(1, -1).map((s) => s.trim());
        assert.equal(cells[1], String(weights[c.id]), `weight of "${c.name}" in the table`);
        assert.deepEqual(
          cells.slice(2).map((s) => Number(s.replace(/\/10$/, ''))),
          loadData().options.map((o) => c.scores[o.id].score),
          `scores of "${c.name}": ${matching[0]}`,
        );
      }
      const result = md.split('\n').find((l) => l.startsWith('Result:'));
      assert.ok(result, `a "Result:" line in\n${md}`);
      const named = loadData().options.filter((o) => result.includes(o.name));
      assert.deepEqual(named.map((o) => o.id), [pageWinner], `"${result}" names the page's winner ${optionName(pageWinner)} (only)`);

      const svg = await download(app, 'Download chart (SVG)');
      assert.equal(await svg.failure(), null, 'the SVG download completed');
      assert.match(svg.suggestedFilename(), /\.svg$/);
      const svgText = await readFile(await svg.path(), 'utf8');
      assert.ok(svgText.startsWith('<svg'), `starts with <svg: ${svgText.slice(0, 80)}`);
      assert.match(svgText.slice(0, svgText.indexOf('>')), /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'the root carries the SVG namespace');
      assert.ok(svgText.trimEnd().endsWith('</svg>'), 'a complete document');
      for (const o of loadData().options) assert.ok(svgText.includes(`data-option="${o.id}"`), `the ${o.name} shape is in the file`);
      assert.equal(await shareStatus(app, 'Chart downloaded as SVG.'), 'Chart downloaded as SVG.');

      const png = await download(app, 'Download chart (PNG)');
      assert.equal(await png.failure(), null, 'the PNG download completed');
      assert.match(png.suggestedFilename(), /\.png$/);
      const pngBytes = await readFile(await png.path());
      assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG magic bytes');
      assert.ok(pngBytes.length > 1000, `a real image, not an empty canvas: ${pngBytes.length} bytes`);
      assert.equal(await shareStatus(app, 'Chart downloaded as PNG.'), 'Chart downloaded as PNG.');
    });
  });
});
