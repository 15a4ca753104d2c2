// Scenarios both suites play: a share-link round trip and the bad links the app must refuse.

import assert from 'node:assert/strict';
import { loadData, weightText } from './data.mjs';

/**
 * A share-link round trip from `preset`: a criterion the keyboard raises by
 * 2 (`up`), one it lowers by 1 (`down`), one whose "Why?" is open (`why`),
 * and the weights that leaves (`want`).
 */
export function linkScenario(preset) {
  const { criteria } = loadData();
  const up = criteria.find((c) => preset.weights[c.id] <= 8);
  const down = criteria.find((c) => c !== up && preset.weights[c.id] >= 1);
  const why = criteria.find((c) => c !== up && c !== down);
  const want = { ...preset.weights, [up.id]: preset.weights[up.id] + 2, [down.id]: preset.weights[down.id] - 1 };
  return { up, down, why, want };
}

/** Asserts that share link `link` points at `pageUrl` and carries `scenario` (see linkScenario) from `preset`. */
export function assertScenarioLink(link, pageUrl, preset, { want, why }) {
  const url = new URL(link);
  assert.equal(`${url.origin}${url.pathname}`, pageUrl, `the link points at the page: ${link}`);
  const params = new URLSearchParams(url.hash.slice(1));
  assert.equal(params.get('v'), '1', `version in ${url.hash}`);
  assert.equal(params.get('w'), weightText(want), `weights in ${url.hash}`);
  assert.equal(params.get('p'), preset.id, `preset in ${url.hash}`);
  assert.equal(params.get('o'), why.id, `open criterion in ${url.hash}`);
  return url;
}

/**
 * Share links the app must refuse, each with the reason its message gives
 * (`${LINK_PROBLEM}: ${reason}; showing the defaults.`), for `n` criteria.
 */
export function badLinks(n) {
  const fives = '5'.repeat(n);
  const overLong = `v=1&w=${fives}${'&s=w'.repeat(130)}`;
  assert.ok(overLong.length > 512, 'the over-long link is longer than a real one can be');
  return [
    { what: 'garbled', hash: 'v=1&w=5z', reason: '“z” is not a weight from 0 to 10' },
    { what: 'truncated', hash: `v=1&w=${fives.slice(0, 8)}`, reason: `it has 8 weights where this version has ${n} criteria` },
    { what: 'over-long', hash: overLong, reason: `it is ${overLong.length} characters long, more than the 512 a real one needs` },
    { what: 'newer version', hash: `v=9&w=${fives}`, reason: 'it was made by a newer version of stackweigh (format 9); reload the page to update' },
  ];
}
