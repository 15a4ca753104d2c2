// Hostile names in Firefox (issue 22), on the journeys of tests/browser/hostile.test.mjs: a team of
// names that are HTML, Markdown, links or entities shows them as text in the team panel (each isolated
// in <bdi>, no element made of them), in the decision record the page hands over (every punctuation
// character escaped) and in print (WebDriver's Print Page, the PDF's text); names with U+202E or
// U+200B, or that only look like another's, are refused, each with its own message.
//
// WebDriver classic cannot see a download: as tests/firefox/team.test.mjs does, the record test keeps
// the Markdown the page hands the browser instead of letting Firefox save it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { HOSTILE_NAMES, hiddenPaste, hostilePaste, recordProblems, sameLookingPaste } from '../support/hostile.mjs';
import { normalise } from '../support/reading.mjs';
import { ADD_BUTTON, PASTE_LABEL, PEOPLE_TABLE, RECORD_FILE, TEAM, TEAM_LINK, TEAM_REGION } from '../support/team.mjs';
import { startFirefoxEnv, waitFor } from './harness.mjs';
import { FirefoxApp } from './page.mjs';

describe('Firefox: hostile names', () => {
  let env;
  let app;
  before(async () => {
    env = await startFirefoxEnv();
    app = new FirefoxApp(env);
  });
  after(async () => {
    await env?.close();
  });

  async function openTeam() {
    const [summary] = await env.session.execute((name) => [...document.querySelectorAll('summary')].filter((s) => s.textContent.includes(name)), TEAM);
    if (!(await env.session.execute((s) => s.parentElement.open, summary))) await summary.click();
    return waitFor(async () => (await app.byRole('textarea', 'textbox', PASTE_LABEL))[0], { message: `the "${PASTE_LABEL}" box` });
  }

  /** Puts `text` in the paste box as a paste does (one input event) and presses "Add to the team". */
  async function addPaste(text) {
    const box = await openTeam();
    await env.session.execute(
      (el, value) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      box,
      text,
    );
    await (await app.one('button', 'button', ADD_BUTTON)).click();
  }

  const region = () => app.one('section, [aria-label]', 'region', TEAM_REGION);

  async function waitForPeople(count) {
    return waitFor(
      async () => {
        const [table] = await app.byRole('table', 'table', PEOPLE_TABLE);
        if (!table) return false;
        const names = await env.session.execute((t) => [...t.tBodies[0].rows].map((r) => r.cells[0].textContent), table);
        return names.length === count ? names : false;
      },
      { message: `${count} people in "${PEOPLE_TABLE}"` },
    );
  }

  const problemLines = () => waitFor(async () => (await app.alerts()).find((a) => a.includes('was not added')), { message: 'the alert' });

  test('the team panel shows every hostile name as text, isolated, and makes no element of any', async () => {
    await app.open();
    await addPaste(hostilePaste(env.url));
    assert.deepEqual(await waitForPeople(HOSTILE_NAMES.length), HOSTILE_NAMES);
    const team = await region();
    const made = await env.session.execute((r) => r.querySelectorAll('img, b, a, del, script').length, team);
    assert.equal(made, 0, 'no element made of a name');
    const isolated = await env.session.execute((r) => [...r.querySelectorAll('bdi')].map((b) => b.textContent), team);
    for (const name of HOSTILE_NAMES) assert.ok(isolated.includes(name), `${name} in a <bdi>`);
    for (const name of HOSTILE_NAMES) await app.one('button', 'button', `Remove ${name}`);
    app.assertNoProblems();
  });

  test('the team’s decision record the page hands over writes every name escaped', async () => {
    await app.open();
    await addPaste(hostilePaste(env.url));
    await waitForPeople(HOSTILE_NAMES.length);
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
    await waitFor(async () => (await app.bodyText()).includes(`Decision record downloaded as ${RECORD_FILE}.`), { message: 'the status' });
    const [download] = await env.session.execute(() => Promise.all(window.__downloads.map(async (d) => ({ name: d.name, text: await d.blob?.text() }))));
    assert.equal(download.name, RECORD_FILE);
    assert.match(download.text, /^# Use (Node\.js|Python) for the backend \(team of 8\)/);
    assert.deepEqual(recordProblems(download.text), [], download.text.slice(0, 1200));
    app.assertNoProblems();
  });

  test('printed, the team view holds every name as text', async () => {
    await app.open();
    await addPaste(hostilePaste(env.url));
    await waitForPeople(HOSTILE_NAMES.length);
    const teamLink = await (await app.one('input', 'textbox', TEAM_LINK)).property('value');
    await app.load(teamLink);
    await waitForPeople(HOSTILE_NAMES.length);
    await env.session.execute(() => {
      window.__printCalls = 0;
      window.print = () => {
        window.__printCalls += 1;
      };
    });
    await (await app.one('button', 'button', 'Print or save as PDF')).click();
    await waitFor(() => env.session.execute(() => window.__printCalls > 0), { message: 'the page to call window.print()' });
    const pdf = Buffer.from(await env.session.cmd('POST', '/print', { background: true }), 'base64');
    const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
    const pages = [];
    for (let n = 1; n <= document.numPages; n++) {
      const { items } = await (await document.getPage(n)).getTextContent();
      pages.push(items.map((item) => `${item.str}${item.hasEOL ? ' ' : ''}`).join(''));
    }
    await document.destroy();
    const printed = normalise(pages.join(' '));
    for (const name of HOSTILE_NAMES) assert.ok(printed.includes(name), `the PDF shows ${name}: ${printed.slice(0, 600)}`);
    app.assertNoProblems();
  });

  test('a name with U+202E or U+200B, or one that only looks like another, is refused with its own message', async () => {
    await app.open();
    const hidden = hiddenPaste(env.url);
    await addPaste(hidden.paste);
    await problemLines();
    const lines = await env.session.execute(() => [...document.querySelectorAll('[role=alert] p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(lines, hidden.lines);

    const looking = sameLookingPaste(env.url);
    await addPaste(looking.paste);
    assert.deepEqual(await waitForPeople(1), ['Ana']);
    await waitFor(async () => (await app.alerts()).some((a) => a.includes('Line 3')), { message: 'the new alert' });
    const again = await env.session.execute(() => [...document.querySelectorAll('[role=alert] p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(again, looking.lines);
    app.assertNoProblems();
  });
});
