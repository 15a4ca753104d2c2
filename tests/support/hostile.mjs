// Hostile names (issue 22), for both engines' tests/*/hostile.test.mjs: names that are HTML, Markdown,
// links, autolinks or entities, which a team may hold and every output must show as text; names with a
// character nobody sees, which are refused each with its own message; and the decision record's
// escaping of others' text (src/core/reports/text/markdown.rs), written again here as the oracle.

import { alternating, linkOf } from './team.mjs';
import { uniformWeights } from './data.mjs';

/** Allowed names that would be markup if any output wrote them raw. */
export const HOSTILE_NAMES = ['<img src=x', 'onerror=alert()>', '"><b>', '[a](//x.co)', 'https://x.co', 'a@x.co', '~~s~~', '&amp;'];

/** The weights each hostile person gives: enough disagreement that every name shows in the analysis. */
const weightsOf = (i) => (i % 3 === 0 ? alternating(9, 1) : i % 3 === 1 ? alternating(1, 9) : uniformWeights(2 + i));

/** A paste of every hostile name, one share link of `page` each. */
export const hostilePaste = (page) => HOSTILE_NAMES.map((name, i) => `${name} ${linkOf(page, weightsOf(i))}`).join('\n');

/** A paste of two names with a character nobody sees (U+202E, U+200B), and the line each must get. */
export function hiddenPaste(page) {
  return {
    paste: [`Ana\u202Ex ${linkOf(page, uniformWeights(3))}`, `Ben\u200B ${linkOf(page, uniformWeights(4))}`].join('\n'),
    lines: [
      'Line 1 was not added: the name “Anax” holds U+202E, an invisible mark that changes the direction of the text around it; type the name again without it.',
      'Line 2 was not added: the name “Ben” holds U+200B, an invisible formatting character; type the name again without it.',
    ],
  };
}

/** A team of Ana, then the same name in full-width letters and with a Cyrillic А: refused, each with why. */
export function sameLookingPaste(page) {
  return {
    paste: ['Ana', 'Ａｎａ', '\u0410na'].map((name, i) => `${name} ${linkOf(page, uniformWeights(i + 2))}`).join('\n'),
    lines: [
      'Line 2 was not added: the name “Ａｎａ” is used twice; give each person a different name.',
      'Line 3 was not added: the name “Аna” looks like “Ana” but is spelled with other characters; give each person a name that reads differently.',
    ],
  };
}

/** Others' text as the record writes it: every ASCII punctuation character backslash-escaped. */
export const markdownOf = (text) => text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

/** What is wrong with a decision record of the hostile team: [] when every name is escaped text. */
export function recordProblems(record) {
  const problems = [];
  // An autolink's text is literal in Markdown (a team link keeps `~` unencoded).
  const outsideLinks = record.replace(/<[a-z][a-z0-9+.-]*:[^<>\s]*>/gi, '');
  const decidedBy = `Decided by: ${HOSTILE_NAMES.slice(0, -1).map(markdownOf).join(', ')} and ${markdownOf(HOSTILE_NAMES.at(-1))}.`;
  if (!record.includes(decidedBy)) problems.push(`no "${decidedBy}"`);
  for (const name of HOSTILE_NAMES) {
    if (!record.includes(`| ${markdownOf(name)} |`)) problems.push(`${name} is not a row of the people's table`);
    if (outsideLinks.includes(name)) problems.push(`${name} is written raw`);
  }
  return problems;
}
