// The radar chart as a reader sees it: every axis label fully inside the
// chart and clear of every other label, at the widget's narrowest width
// (320 px) and a desktop width, for the shapes the presets produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData } from '../support/data.mjs';
import { describeWithEnv, withApp } from './runner.mjs';

/** Rendered boxes of the chart and its labels, in CSS pixels. */
async function labelBoxes(app) {
  return (await app.radar()).evaluate((svg) => {
    const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    return {
      chart: box(svg.getBoundingClientRect()),
      labels: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, ...box(t.getBoundingClientRect()) })),
    };
  });
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describeWithEnv('radar labels', (env) => {

  for (const width of [320, 1280]) {
    test(`at ${width} px wide, no label overlaps another or leaves the chart`, async () => {
      await withApp(env, async (app) => {
        const { criteria } = loadData();
        for (const preset of [null, 'ML / AI product']) {
          if (preset) await (await app.presetButton(preset)).click();
          const { chart, labels } = await labelBoxes(app);
          assert.ok(chart.right <= width + 0.5, `the chart fits the viewport (${chart.right} > ${width})`);
          const axisLabels = labels.filter((l) => criteria.some((c) => c.short === l.text));
          assert.equal(axisLabels.length, criteria.length, `one label per criterion: ${labels.map((l) => l.text)}`);
          for (const l of labels) {
            assert.ok(l.right - l.left > 0, `"${l.text}" is rendered`);
            assert.ok(
              l.left >= chart.left - 0.5 && l.right <= chart.right + 0.5 && l.top >= chart.top - 0.5 && l.bottom <= chart.bottom + 0.5,
              `"${l.text}" is clipped at ${width}px: ${JSON.stringify(l)} outside ${JSON.stringify(chart)}`,
            );
          }
          for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
              assert.ok(!overlap(labels[i], labels[j]), `"${labels[i].text}" overlaps "${labels[j].text}" at ${width}px`);
            }
          }
        }
      }, { viewport: { width, height: 900 } });
    });
  }
});
