// "Compare with your team" as both engines' tests drive it: the panel's names, the issue's team of three
// as pasted share links, the oracle of the team's verdict, and the bad lines that must each be refused.

import { loadData, uniformWeights, weightText } from './data.mjs';

/** The panel's summary, its paste box, the region of the team view and its tables (src/core/team.rs). */
export const TEAM = 'Compare with your team';
export const PASTE_LABEL = 'Teammates’ links';
export const ADD_BUTTON = 'Add to the team';
export const TEAM_REGION = 'Team comparison';
export const PEOPLE_TABLE = "Each person's verdict";
export const SPREAD_TABLE = 'Where the team disagrees most';
export const LEAVE_ONE_OUT = 'Does one person decide it?';
export const TEAM_LINK = 'Team link';
export const RECORD_FILE = 'decision-record.md';

const criteria = () => loadData().criteria;

/** Weights that alternate between `even` and `odd` criteria. */
export const alternating = (even, odd) => Object.fromEntries(criteria().map((c, i) => [c.id, i % 2 ? odd : even]));

/** `page`'s share link for `weights`. */
export const linkOf = (page, weights) => `${page}#v=1&w=${weightText(weights)}`;

/** The team of three: two who disagree on everything, one in the middle; and their paste. */
export function threeTeammates(page) {
  const people = [
    ['Ana', alternating(9, 1)],
    ['Ben', alternating(1, 9)],
    ['Chloé', uniformWeights(5)],
  ];
  return { people, paste: people.map(([name, w]) => `${name} ${linkOf(page, w)}`).join('\n') };
}

/** The team's weights as the issue combines them: per criterion the mean, rounded half up. */
export function meanWeights(people) {
  const n = people.length;
  return Object.fromEntries(
    criteria().map((c) => [c.id, Math.floor((2 * people.reduce((sum, [, w]) => sum + w[c.id], 0) + n) / (2 * n))]),
  );
}

/** A duplicate of Ana's name (in lower case): refused, and the message names it. */
export const duplicateLine = (page) => `ana ${linkOf(page, uniformWeights(3))}`;
