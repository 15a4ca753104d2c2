// Accessibility (tests/support/journeys/a11y.mjs) in Chromium: axe-core at first load, after a preset,
// with every weight at zero, on a phone, under the page's CSP, and over the whole matrix {page, embed} ×
// {theme=light, theme=dark, auto with prefers-color-scheme light, auto with dark} × {320, 1280 px} ×
// {default, "Why?" open, questionnaire open}; the keyboard path; and prefers-reduced-motion, which only
// Chromium can emulate here (as it does prefers-color-scheme).
//
// Violations owned by src/ or styles/ and not yet fixed are listed in KNOWN_VIOLATIONS: they are reported
// as TODO subtests (visible, counted, not failing) while every other rule keeps failing the run.
// A11Y_REPORT=/path/file.json writes every violation the matrix saw.
import { after } from 'node:test';
import { writeFileSync } from 'node:fs';
import { axeJourneys, axeMatrix, keyboardJourneys, reducedMotionJourneys } from '../support/journeys/a11y.mjs';
import { describeJourneys } from './runner.mjs';

/**
 * Known violations caused by src/ or styles/, waiting for their owner:
 * { rule id: { why, where(combo) -> bool } }. Empty when everything passes.
 */
const KNOWN_VIOLATIONS = {
  // An entry looks like:
  //   'rule-id': { why: 'what and whose', where: (w) => w.mode === 'embed' },
};

const report = [];
after(() => {
  if (process.env.A11Y_REPORT) writeFileSync(process.env.A11Y_REPORT, JSON.stringify(report, null, 2));
});

describeJourneys('accessibility (axe-core)', axeJourneys);
describeJourneys(
  'accessibility matrix (axe-core): page/embed x theme x width x state',
  axeMatrix({ widths: [{ width: 320, height: 640 }, { width: 1280, height: 900 }], known: KNOWN_VIOLATIONS, report }),
);
describeJourneys('keyboard path', keyboardJourneys);
describeJourneys('prefers-reduced-motion: reduce', reducedMotionJourneys);
