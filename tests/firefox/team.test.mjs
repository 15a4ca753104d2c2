// Decide as a team in the second engine, on the main path of tests/browser/team.test.mjs: three
// teammates' links pasted with their names give each person's verdict and the team's (the mean of the
// weights, against the oracle), the five widest disagreements and whether one person decides it; the
// team link restores exactly that view in a new document; a duplicate name gets its message and the
// team stays; the team's record is handed to the browser as decision-record.md; axe finds nothing.
//
// WebDriver classic cannot see a download, and the harness's profile has no download folder of its
// own: the download test records what the page hands the browser (the link's file name and its
// Markdown) instead of letting Firefox save it, and checks the page's own status line.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeSource, describeViolations } from '../support/axe.mjs';
import { weightedWinner } from '../support/data.mjs';
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
  meanWeights,
  threeTeammates,
} from '../support/team.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';
import { FirefoxApp } from './page.mjs';

describe('Firefox: the team view and its record', () => {
  let env;
  let app;
  before(async () => {
    env = await startFirefoxEnv();
    app = new FirefoxApp(env);
  });
  after(async () => {
    await env?.close();
  });

  /** Opens "Compare with your team" as a reader does, and waits for the worker to draw its form. */
  async function openTeam() {
    const found = await env.session.execute((name) => [...document.querySelectorAll('summary')].filter((s) => s.textContent.includes(name)), TEAM);
    assert.equal(found.length, 1, `one summary "${TEAM}"`);
    const [summary] = found;
    if (!(await env.session.execute((s) => s.parentElement.open, summary))) await summary.click();
    return waitFor(async () => (await app.byRole('textarea', 'textbox', PASTE_LABEL))[0], { message: `the "${PASTE_LABEL}" box` });
  }

  /** Types `text` into the paste box, as a reader pastes it, and presses "Add to the team". */
  async function addPaste(text) {
    const box = await openTeam();
    assert.equal(await box.property('value'), '', 'an empty paste box to paste into');
    await box.sendKeys(text);
    await (await app.one('button', 'button', ADD_BUTTON)).click();
  }

  const region = () => app.one('section, [aria-label]', 'region', TEAM_REGION);

  /** A table of the team view by its accessible name, as [header cell, cells…] rows of its body. */
  async function tableRows(name) {
    const table = await app.one('table', 'table', name);
    return env.session.execute(
      (t) => [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
      table,
    );
  }

  async function waitForPeople(count) {
    return waitFor(
      async () => {
        const found = await app.byRole('table', 'table', PEOPLE_TABLE);
        if (found.length !== 1) return false;
        const rows = await tableRows(PEOPLE_TABLE);
        return rows.length === count ? rows : false;
      },
      { message: `${count} people in "${PEOPLE_TABLE}"` },
    );
  }

  const regionText = async () => normalise(await (await region()).text());

  test('three pasted links: each verdict, the team verdict by the mean, disagreements, robustness; the team link round-trips', async () => {
    await app.open();
    const { people, paste } = threeTeammates(env.url);
    await addPaste(paste);
    const rows = await waitForPeople(3);
    assert.deepEqual(rows.map(([name]) => name), people.map(([name]) => name));
    for (const [i, [name, weights]] of people.entries()) {
      // Person, started from, verdict, remove.
      assert.equal(parseWinner(rows[i][2]), weightedWinner(weights).winner, `${name}'s verdict: ${rows[i][2]}`);
    }
    const verdict = normalise(await env.session.execute((r) => r.querySelector('.sw-team-verdict').textContent, await region()));
    assert.equal(parseWinner(verdict), weightedWinner(meanWeights(people)).winner, `team verdict "${verdict}" is the mean weights' winner`);
    const text = await regionText();
    assert.match(text, /mean of the 3 weights/);
    assert.equal((await tableRows(SPREAD_TABLE)).length, 5, 'the five widest disagreements');
    assert.equal((await app.byRole('h3', 'heading', LEAVE_ONE_OUT)).length, 1, `the heading "${LEAVE_ONE_OUT}"`);
    const box = await app.one('textarea', 'textbox', PASTE_LABEL);
    assert.equal(await box.property('value'), '', 'the paste box is emptied once all of it was added');

    const teamLink = await (await app.one('input', 'textbox', TEAM_LINK)).property('value');
    assert.match(teamLink, /#t=1&n=Ana&/);
    const hash = teamLink.slice(teamLink.indexOf('#'));
    await waitFor(async () => (await env.session.execute(() => location.hash)) === hash, { message: 'the address to carry the team' });
    app.assertNoProblems();

    await app.load(teamLink);
    await waitForPeople(3);
    assert.equal(await regionText(), text, 'the team link restores exactly this view');
    app.assertNoProblems();
  });

  test('a duplicate name gets its message; the team and the paste are kept', async () => {
    await app.open();
    await addPaste(threeTeammates(env.url).paste);
    await waitForPeople(3);
    const bad = duplicateLine(env.url);
    await addPaste(bad);
    const alert = await waitFor(async () => (await app.alerts()).find((a) => a.includes('was not added')), { message: 'the alert' });
    assert.match(alert, /^Line 1 was not added: .*\bana\b/i, `the duplicate name is named: ${alert}`);
    assert.equal((await waitForPeople(3)).length, 3, 'the team is intact');
    assert.equal(await (await app.one('textarea', 'textbox', PASTE_LABEL)).property('value'), bad, 'the paste stays to be fixed');
    app.assertNoProblems();
  });

  test("the team's record is handed to the browser as decision-record.md, and the page says so", async () => {
    await app.open();
    await addPaste(threeTeammates(env.url).paste);
    await waitForPeople(3);
    // Keep the blob and the link the page makes, and stop the link's click short of Firefox's save.
    await env.session.execute(() => {
      const create = URL.createObjectURL;
      window.__blobs = new Map();
      URL.createObjectURL = (blob) => {
        const url = create.call(URL, blob);
        window.__blobs.set(url, blob);
        return url;
      };
      window.__downloads = [];
      HTMLAnchorElement.prototype.click = function () {
        window.__downloads.push({ name: this.download, blob: window.__blobs.get(this.href) });
      };
    });
    await (await app.one('button', 'button', 'Download the team’s record (.md)')).click();
    const status = `Decision record downloaded as ${RECORD_FILE}.`;
    await waitFor(async () => (await app.bodyText()).includes(status), { message: `the status "${status}"` });
    const [download, ...more] = await env.session.execute(() =>
      Promise.all(window.__downloads.map(async (d) => ({ name: d.name, type: d.blob?.type, text: await d.blob?.text() }))),
    );
    assert.equal(more.length, 0, 'one download');
    assert.equal(download.name, RECORD_FILE);
    assert.match(download.type, /^text\/markdown/);
    assert.match(download.text, /^# Use (Node\.js|Python) for the backend \(team of 3\)/);
    for (const heading of ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'More Information']) {
      assert.ok(download.text.includes(`## ${heading}`), `the team record has "${heading}"`);
    }
    for (const name of ['Ana', 'Ben', 'Chloé']) assert.ok(download.text.includes(name), name);
    assert.ok(download.text.includes(`${env.url}#t=1&`), 'a link that restores this team');
    app.assertNoProblems();
  });

  test('axe finds no violation in the team view', async () => {
    await app.open();
    await addPaste(`${threeTeammates(env.url).paste}\nZed nonsense`);
    await waitForPeople(3);
    await waitFor(async () => (await app.alerts()).some((a) => a.includes('was not added')), { message: 'the alert' });
    const result = await app.axeViolations(axeSource());
    assert.ok(result.passes > 10, `axe checked the page (${result.passes} rules passed)`);
    assert.equal(result.violations.length, 0, describeViolations(result.violations));
    app.assertNoProblems();
  });
});
