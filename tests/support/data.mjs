// The matrix data as the tests read it, and an independent oracle of who wins for given weights.

import { existsSync, readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { DATA_FILE } from './paths.mjs';

let dataCache;

/** The matrix data, parsed from data/node-vs-python.toml. */
export function loadData() {
  if (!dataCache) {
    if (!existsSync(DATA_FILE)) throw new Error(`data file missing: ${DATA_FILE}`);
    const raw = parseToml(readFileSync(DATA_FILE, 'utf8'));
    dataCache = { raw, options: raw.option ?? [], criteria: raw.criterion ?? [], presets: raw.preset ?? [] };
  }
  return dataCache;
}

/** The preset whose id or name matches `re`; throws when none does. */
export function findPreset(re) {
  const p = loadData().presets.find((x) => re.test(x.id) || re.test(x.name));
  if (!p) throw new Error(`the data has no preset matching ${re}`);
  return p;
}

/** {criterionId: value} for every criterion. */
export function uniformWeights(value) {
  return Object.fromEntries(loadData().criteria.map((c) => [c.id, value]));
}

/** Share-link weight text of {criterionId: weight}: one character per criterion, 0–9 or "a" for 10. */
export function weightText(weights) {
  return loadData().criteria.map((c) => (weights[c.id] === 10 ? 'a' : String(weights[c.id]))).join('');
}

/** Option name by id ("node" -> "Node.js"). */
export function optionName(id) {
  const opt = loadData().options.find((o) => o.id === id);
  if (!opt) throw new Error(`no option ${id} in the data`);
  return opt.name;
}

/**
 * Independent oracle: weighted sum of scores per option for a weights map
 * {criterionId: weight}. Returns {scores: {optionId: sum}, winner: optionId|null}.
 */
export function weightedWinner(weights) {
  const { options, criteria } = loadData();
  const scores = Object.fromEntries(options.map((o) => [o.id, 0]));
  for (const c of criteria) {
    const w = weights[c.id] ?? 0;
    for (const o of options) scores[o.id] += w * c.scores[o.id].score;
  }
  const sorted = [...options].sort((a, b) => scores[b.id] - scores[a.id]);
  const winner = scores[sorted[0].id] === scores[sorted[1].id] ? null : sorted[0].id;
  return { scores, winner };
}
