// Reads the Recommendation region's text by the exact phrases the app writes (see phrases.mjs).

import { loadData } from './data.mjs';
import { DEAD_HEAT, LEADS_BY, OUT_OF } from './phrases.mjs';

/** Whitespace collapsed, as innerText differs between engines. */
export function normalise(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

/** The winner's option id from "<Option> leads, by …", or null (a dead heat, no weights, or no headline). */
export function parseWinner(text) {
  let first = null;
  for (const o of loadData().options) {
    const index = text.indexOf(`${o.name}${LEADS_BY}`);
    // The headline comes first; later sentences may name the other option.
    if (index >= 0 && (!first || index < first.index)) first = { id: o.id, index };
  }
  if (first && text.includes(DEAD_HEAT) && text.indexOf(DEAD_HEAT) < first.index) return null;
  return first ? first.id : null;
}

/** {optionId: score} from the totals ("<Option> 62.4 / 100"), or null when none is shown. */
export function parseScores(text) {
  const out = {};
  for (const o of loadData().options) {
    const match = new RegExp(`${escapeRe(o.name)} (\\d{1,3}\\.\\d)${escapeRe(OUT_OF)}`).exec(text);
    if (match) out[o.id] = Number(match[1]);
  }
  return Object.keys(out).length ? out : null;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `problems` minus one match of each pattern in `expected`; fails (assert) if one is missing.
 * For the crash tests: the trap and the hook's own report must appear once each.
 */
export function withoutExpected(problems, expected, assert) {
  const rest = [...problems];
  for (const re of expected) {
    const at = rest.findIndex((p) => re.test(p));
    assert.ok(at >= 0, `expected a problem matching ${re} in ${JSON.stringify(problems)}`);
    rest.splice(at, 1);
  }
  return rest;
}
