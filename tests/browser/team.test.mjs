// Decide as a team, and keep the decision (Chromium): three teammates'
// links pasted with their names give each person's verdict, the team's
// (the mean of the weights, checked against an independent oracle), where
// the team disagrees most and whether one person decides it; the team link
// restores exactly that view; every bad line gets its own message and the
// rest stays; the decision record reaches the clipboard and the download;
// axe finds nothing in the team view.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describeViolations } from '../support/axe.mjs';
import { uniformWeights, weightedWinner, weightText } from '../support/data.mjs';
import { normalise, parseWinner } from '../support/reading.mjs';
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
} from '../support/team.mjs';
import { axeViolations, newGuardedPage, startEnv } from './harness.mjs';
import { AppPage } from './page.mjs';

async function openApp(env, url, { clipboard = false } = {}) {
  const guarded = await newGuardedPage(env);
  if (clipboard) {
    await guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  }
  const app = new AppPage(guarded, env.url);
  await app.load(url ?? env.url);
  return app;
}

async function withTeamPage(env, fn, opts = {}) {
  const app = await openApp(env, opts.url, opts);
  try {
    await fn(app, app.page);
    app.assertNoProblems();
  } finally {
    await app.close();
  }
}

/** Opens "Compare with your team" as a reader does, and waits for its form. */
async function openTeam(page) {
  const summary = page.locator('summary', { hasText: TEAM });
  const open = await summary.evaluate((s) => s.parentElement.open);
  if (!open) await summary.click();
  await page.getByRole('textbox', { name: PASTE_LABEL }).waitFor({ state: 'visible' });
}

async function addPaste(page, text) {
  await page.getByRole('textbox', { name: PASTE_LABEL }).fill(text);
  await page.getByRole('button', { name: ADD_BUTTON, exact: true }).click();
}

const teamRegion = (page) => page.getByRole('region', { name: TEAM_REGION });

/** The people's table as [name, verdict] rows. */
async function peopleRows(page) {
  const table = teamRegion(page).getByRole('table', { name: PEOPLE_TABLE });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('th').textContent.trim(), r.querySelectorAll('td')[1].textContent.trim()]),
  );
}

async function waitForPeople(page, count) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.sw-team-view table:first-of-type tbody tr').length === n,
    count,
  );
}

describe('team view and decision record (Chromium)', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('three pasted links: each verdict, the team verdict by the mean, disagreements, robustness; the team link round-trips', async () => {
    let teamLink;
    let teamText;
    await withTeamPage(env, async (app, page) => {
      const { people, paste } = threeTeammates(env.url);
      await openTeam(page);
      await addPaste(page, paste);
      await waitForPeople(page, 3);
      const rows = await peopleRows(page);
      assert.deepEqual(rows.map(([name]) => name), people.map(([name]) => name));
      for (const [i, [name, weights]] of people.entries()) {
        assert.equal(parseWinner(rows[i][1]), weightedWinner(weights).winner, `${name}'s verdict: ${rows[i][1]}`);
      }
      const region = teamRegion(page);
      const verdict = normalise(await region.locator('.sw-team-verdict').textContent());
      assert.equal(parseWinner(verdict), weightedWinner(meanWeights(people)).winner, `team verdict "${verdict}" is the mean weights' winner`);
      const text = normalise(await region.textContent());
      assert.match(text, /mean of the 3 weights/);
      const spread = region.getByRole('table', { name: SPREAD_TABLE });
      assert.equal(await spread.locator('tbody tr').count(), 5, 'the five widest disagreements');
      assert.ok(text.includes(LEAVE_ONE_OUT), 'whether one person decides it');
      assert.equal(await page.getByRole('textbox', { name: PASTE_LABEL }).inputValue(), '', 'the paste box is emptied once all of it was added');

      teamLink = await page.getByRole('textbox', { name: TEAM_LINK }).inputValue();
      assert.match(teamLink, /#t=1&n=Ana&/);
      await page.waitForFunction((hash) => location.hash === hash, teamLink.slice(teamLink.indexOf('#')));
      teamText = text;
    });
    await withTeamPage(env, async (app, page) => {
      await waitForPeople(page, 3);
      assert.equal(normalise(await teamRegion(page).textContent()), teamText, 'the team link restores exactly this view');
    }, { url: teamLink });
  });

  test('bad lines each get their own message; the team and the paste are kept', async () => {
    await withTeamPage(env, async (app, page) => {
      const { paste } = threeTeammates(env.url);
      await openTeam(page);
      await addPaste(page, paste);
      await waitForPeople(page, 3);
      const good = linkOf(env.url, uniformWeights(3));
      const bad = [
        `Dan https://example.com/compare#score=1`,
        `Eve ${env.url}#v=1&w=@@@`,
        `Fay ${env.url}#v=9&w=${weightText(uniformWeights(3))}`,
        duplicateLine(env.url),
        `${good}`,
      ].join('\n');
      await addPaste(page, bad);
      const alert = page.getByRole('alert').filter({ hasText: 'was not added' });
      await alert.waitFor();
      const lines = await alert.locator('p').allTextContents();
      assert.equal(lines.length, 5, lines.join('\n'));
      lines.forEach((line, i) => assert.ok(line.startsWith(`Line ${i + 1} was not added: `), line));
      assert.equal(new Set(lines.map((l) => l.replace(/^Line \d+/, ''))).size, 5, `five different reasons:\n${lines.join('\n')}`);
      assert.match(lines[3], /ana/i, 'the duplicate name is named');
      assert.equal((await peopleRows(page)).length, 3, 'the team is intact');
      await page.waitForFunction((name) => document.activeElement?.textContent === name, ADD_BUTTON);
      // Removing by keyboard: focus stays in the panel, on the next person's button.
      await page.getByRole('button', { name: 'Remove Ben' }).focus();
      await page.keyboard.press('Enter');
      await waitForPeople(page, 2);
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Remove Chloé');
      assert.equal(await page.getByRole('textbox', { name: PASTE_LABEL }).inputValue(), bad, 'the paste stays to be fixed');
    });
  });

  test('a team holds twelve people; the thirteenth is refused with a reason', async () => {
    await withTeamPage(env, async (app, page) => {
      const lines = Array.from({ length: 13 }, (_, i) => `P${i + 1} ${linkOf(env.url, uniformWeights(i % 11))}`);
      await openTeam(page);
      await addPaste(page, lines.join('\n'));
      await waitForPeople(page, 12);
      const alert = page.getByRole('alert').filter({ hasText: 'was not added' });
      assert.match(await alert.textContent(), /Line 13 was not added: .*12/);
    });
  });

  test('the decision record: the team\'s on the clipboard, mine as a download, both real Markdown', async () => {
    await withTeamPage(env, async (app, page) => {
      const { paste } = threeTeammates(env.url);
      await openTeam(page);
      await addPaste(page, paste);
      await waitForPeople(page, 3);
      await page.getByRole('button', { name: 'Copy the team’s decision record' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied the decision record.' }).waitFor();
      const team = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(team, /^# Use (Node\.js|Python) for the backend \(team of 3\)/);
      for (const heading of ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'More Information']) {
        assert.ok(team.includes(`## ${heading}`), `the team record has "${heading}"`);
      }
      for (const name of ['Ana', 'Ben', 'Chloé']) assert.ok(team.includes(name), name);

      await app.openPanels();
      const button = page.getByRole('button', { name: 'Download .md', exact: true });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(download.suggestedFilename(), RECORD_FILE);
      const mine = await readFile(await download.path(), 'utf8');
      assert.match(mine, /^# Use (Node\.js|Python) for the backend/);
      assert.ok(!mine.includes('team of'), 'my own record, not the team\'s');
      assert.match(mine, /https?:\/\/\S+/, 'sources and the link that restores this state are written out');
      assert.ok(mine.includes(`${env.url}#v=1&`), 'a link that restores this exact state');
      await page.getByRole('status').filter({ hasText: `Decision record downloaded as ${RECORD_FILE}.` }).waitFor();
    }, { clipboard: true });
  });

  test('axe finds no violation in the team view', async () => {
    await withTeamPage(env, async (app, page) => {
      await openTeam(page);
      await addPaste(page, `${threeTeammates(env.url).paste}\nZed nonsense`);
      await waitForPeople(page, 3);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  });
});
