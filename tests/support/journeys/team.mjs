// Decide as a team, and keep the decision, written once for both engines: three teammates' links pasted
// with their names give each person's verdict, the team's (the mean of the weights, against the oracle),
// where the team disagrees most and whether one person decides it; the team link restores exactly that
// view; every bad line gets its own message and the rest stays; a team holds twelve; the decision records
// reach the clipboard and the browser's downloads; axe finds nothing in the team view.

import assert from 'node:assert/strict';
import { uniformWeights, weightedWinner, weightText } from '../data.mjs';
import { describeViolations } from '../axe.mjs';
import { normalise, parseWinner } from '../reading.mjs';
import {
  ADD_BUTTON,
  LEAVE_ONE_OUT,
  PASTE_LABEL,
  PEOPLE_TABLE,
  RECORD_FILE,
  SPREAD_TABLE,
  TEAM,
  TEAM_LINK,
  TEAM_REGION,
  duplicateLine,
  linkOf,
  meanWeights,
  threeTeammates,
} from '../team.mjs';

const RECORD_HEADINGS = ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'More Information'];

/** Opens "Compare with your team" as a reader does, and waits for its paste box. */
export async function openTeam(app) {
  const summary = await app.summary(TEAM);
  if (!(await summary.evaluate((s) => s.parentElement.open))) await summary.click();
  return app.role('textbox', PASTE_LABEL);
}

/** Pastes `text` into the (empty) paste box, as a reader does, and presses "Add to the team". */
async function addPaste(app, text) {
  const box = await openTeam(app);
  assert.equal(await box.value(), '', 'an empty paste box to paste into');
  await box.fill(text);
  await (await app.button(ADD_BUTTON)).click();
}

/** A table of the team view by its accessible name, as the text of the cells of each row of its body. */
export async function tableRows(app, name) {
  return (await app.role('table', name)).evaluate((t) => [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
}

/** Waits until the people's table has `count` rows (person, started from, verdict, remove), and returns them. */
export function waitForPeople(app, count) {
  return app.waitFor(async () => {
    const found = await app.roles('table', { name: PEOPLE_TABLE });
    if (found.length !== 1) return false;
    const rows = await tableRows(app, PEOPLE_TABLE);
    return rows.length === count ? rows : false;
  }, { message: `${count} people in "${PEOPLE_TABLE}"` });
}

export const teamRegion = (app) => app.role('region', TEAM_REGION);
const regionText = async (app) => normalise(await (await teamRegion(app)).text());
const pasteBoxValue = async (app) => (await app.role('textbox', PASTE_LABEL)).value();

/** The alert that says which lines were not added. */
const notAddedAlert = (app) => app.roleWithText('alert', 'was not added');

/** Asserts a decision record's Markdown: its title and MADR headings, and the names in it. */
function assertRecord(text, { title, names = [] }) {
  assert.match(text, title);
  for (const heading of RECORD_HEADINGS) assert.ok(text.includes(`## ${heading}`), `the record has "${heading}"`);
  for (const name of names) assert.ok(text.includes(name), name);
}

export const teamJourneys = [
  {
    name: 'three pasted links: each verdict, the team verdict by the mean, disagreements, robustness; the team link round-trips',
    async run(app, { url }) {
      const { people, paste } = threeTeammates(url);
      await addPaste(app, paste);
      const rows = await waitForPeople(app, 3);
      assert.deepEqual(rows.map(([name]) => name), people.map(([name]) => name));
      for (const [i, [name, weights]] of people.entries()) {
        assert.equal(parseWinner(rows[i][2]), weightedWinner(weights).winner, `${name}'s verdict: ${rows[i][2]}`);
      }
      const verdict = normalise(await (await teamRegion(app)).evaluate((r) => r.querySelector('.sw-team-verdict').textContent));
      assert.equal(parseWinner(verdict), weightedWinner(meanWeights(people)).winner, `team verdict "${verdict}" is the mean weights' winner`);
      const text = await regionText(app);
      assert.match(text, /mean of the 3 weights/);
      assert.equal((await tableRows(app, SPREAD_TABLE)).length, 5, 'the five widest disagreements');
      assert.ok(text.includes(LEAVE_ONE_OUT), 'whether one person decides it');
      assert.equal((await app.roles('heading', { name: LEAVE_ONE_OUT, level: 3 })).length, 1, `the heading "${LEAVE_ONE_OUT}"`);
      assert.equal(await pasteBoxValue(app), '', 'the paste box is emptied once all of it was added');

      const teamLink = await (await app.role('textbox', TEAM_LINK)).value();
      assert.match(teamLink, /#t=1&n=Ana&/);
      const hash = teamLink.slice(teamLink.indexOf('#'));
      await app.waitFor(async () => (await app.evaluate(() => location.hash)) === hash, { message: 'the address to carry the team' });
      app.assertNoProblems();

      // In a new document, then in one with nothing saved: the link alone restores the view.
      for (const fresh of [false, true]) {
        if (fresh) await app.clearStorage();
        await app.load(teamLink);
        await waitForPeople(app, 3);
        assert.equal(await regionText(app), text, `the team link restores exactly this view${fresh ? ' (nothing saved)' : ''}`);
      }
    },
  },
  {
    name: 'a duplicate name gets its message; the team and the paste are kept',
    async run(app, { url }) {
      await addPaste(app, threeTeammates(url).paste);
      await waitForPeople(app, 3);
      const bad = duplicateLine(url);
      await addPaste(app, bad);
      const alert = normalise(await (await notAddedAlert(app)).text());
      assert.match(alert, /^Line 1 was not added: .*\bana\b/i, `the duplicate name is named: ${alert}`);
      assert.equal((await waitForPeople(app, 3)).length, 3, 'the team is intact');
      assert.equal(await pasteBoxValue(app), bad, 'the paste stays to be fixed');
    },
  },
  {
    name: 'bad lines each get their own message; the team and the paste are kept; removing by keyboard keeps focus in the panel',
    async run(app, { url }) {
      await addPaste(app, threeTeammates(url).paste);
      await waitForPeople(app, 3);
      const good = linkOf(url, uniformWeights(3));
      const bad = [
        `Dan https://example.com/compare#score=1`,
        `Eve ${url}#v=1&w=@@@`,
        `Fay ${url}#v=9&w=${weightText(uniformWeights(3))}`,
        duplicateLine(url),
        `${good}`,
      ].join('\n');
      await addPaste(app, bad);
      const lines = await (await notAddedAlert(app)).evaluate((a) => [...a.querySelectorAll('p')].map((p) => p.textContent));
      assert.equal(lines.length, 5, lines.join('\n'));
      lines.forEach((line, i) => assert.ok(line.startsWith(`Line ${i + 1} was not added: `), line));
      assert.equal(new Set(lines.map((l) => l.replace(/^Line \d+/, ''))).size, 5, `five different reasons:\n${lines.join('\n')}`);
      assert.match(lines[3], /ana/i, 'the duplicate name is named');
      assert.equal((await tableRows(app, PEOPLE_TABLE)).length, 3, 'the team is intact');
      await app.waitFor(() => app.evaluate((name) => document.activeElement?.textContent === name, ADD_BUTTON), { message: `focus on "${ADD_BUTTON}"` });
      // Removing by keyboard: focus stays in the panel, on the next person's button.
      await (await app.button('Remove Ben')).focus();
      await app.press('Enter');
      await waitForPeople(app, 2);
      await app.waitFor(() => app.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Remove Chloé'), { message: 'focus on "Remove Chloé"' });
      assert.equal(await pasteBoxValue(app), bad, 'the paste stays to be fixed');
    },
  },
  {
    name: 'a team holds twelve people; the thirteenth is refused with a reason',
    async run(app, { url }) {
      const lines = Array.from({ length: 13 }, (_, i) => `P${i + 1} ${linkOf(url, uniformWeights(i % 11))}`);
      await addPaste(app, lines.join('\n'));
      await waitForPeople(app, 12);
      assert.match(normalise(await (await notAddedAlert(app)).text()), /Line 13 was not added: .*12/);
    },
  },
  {
    name: "the team's record is handed to the browser as decision-record.md, and the page says so",
    async run(app, { url }) {
      await addPaste(app, threeTeammates(url).paste);
      await waitForPeople(app, 3);
      const download = await app.download(await app.button('Download the team’s record (.md)'));
      await app.roleWithText('status', `Decision record downloaded as ${RECORD_FILE}.`);
      assert.equal(download.name, RECORD_FILE);
      // What the page handed over as a blob (WebDriver's capture); a saved file has no type left to read.
      if (download.type !== undefined) assert.match(download.type, /^text\/markdown/);
      assertRecord(download.text, { title: /^# Use (Node\.js|Python) for the backend \(team of 3\)/, names: ['Ana', 'Ben', 'Chloé'] });
      assert.ok(download.text.includes(`${url}#t=1&`), 'a link that restores this team');
    },
  },
  {
    name: "the decision record: the team's copied, mine downloaded, both real Markdown",
    async run(app, { url }) {
      await addPaste(app, threeTeammates(url).paste);
      await waitForPeople(app, 3);
      await (await app.button('Copy the team’s decision record')).click();
      await app.roleWithText('status', 'Copied the decision record.');
      if (app.readClipboard) {
        assertRecord(await app.readClipboard(), { title: /^# Use (Node\.js|Python) for the backend \(team of 3\)/, names: ['Ana', 'Ben', 'Chloé'] });
      }

      await app.openPanels();
      const mine = await app.download(await app.button('Download .md'));
      assert.equal(mine.name, RECORD_FILE);
      assert.match(mine.text, /^# Use (Node\.js|Python) for the backend/);
      assert.ok(!mine.text.includes('team of'), "my own record, not the team's");
      assert.match(mine.text, /https?:\/\/\S+/, 'sources and the link that restores this state are written out');
      assert.ok(mine.text.includes(`${url}#v=1&`), 'a link that restores this exact state');
      await app.roleWithText('status', `Decision record downloaded as ${RECORD_FILE}.`);
    },
  },
  {
    name: 'axe finds no violation in the team view',
    async run(app, { url }) {
      await addPaste(app, `${threeTeammates(url).paste}\nZed nonsense`);
      await waitForPeople(app, 3);
      await notAddedAlert(app);
      const result = await app.axe();
      assert.ok(result.passes > 10, `axe checked the page (${result.passes} rules passed)`);
      assert.equal(result.violations.length, 0, describeViolations(result.violations));
    },
  },
];
