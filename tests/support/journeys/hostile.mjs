// Hostile names (issue 22), written once for both engines: a team of names that are HTML, Markdown, links
// or entities shows them as text in the team panel (each isolated in <bdi>, no element made of them), in
// the decision records on the clipboard and handed to the browser (every punctuation character escaped)
// and in print (the PDF's text); names with U+202E or U+200B, or that only look like another's, are
// refused, each with its own message. The worker compares names with the browser's own NFKC
// (src/bin/reports.rs), tested only here.

import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { HOSTILE_NAMES, hiddenPaste, hostilePaste, recordProblems, sameLookingPaste } from '../hostile.mjs';
import { normalise } from '../reading.mjs';
import { ADD_BUTTON, PEOPLE_TABLE, RECORD_FILE, TEAM_LINK, TEAM_REGION } from '../team.mjs';
import { openTeam, teamRegion } from './team.mjs';

const TEAM_RECORD = /^# Use (Node\.js|Python) for the backend \(team of 8\)/;

/** Puts `text` in the paste box as a paste does (one input event) and presses "Add to the team". */
async function addPaste(app, text) {
  await (await openTeam(app)).paste(text);
  await (await app.button(ADD_BUTTON)).click();
}

/** Waits until the people's table has `count` rows, and returns the names in it. */
function waitForPeople(app, count) {
  return app.waitFor(async () => {
    const [table] = await app.roles('table', { name: PEOPLE_TABLE });
    if (!table) return false;
    const names = await table.evaluate((t) => [...t.tBodies[0].rows].map((r) => r.cells[0].textContent));
    return names.length === count ? names : false;
  }, { message: `${count} people in "${PEOPLE_TABLE}"` });
}

/** The lines of the alert that says what was not added, once it holds `including`. */
async function problemLines(app, including = 'was not added') {
  const alert = await app.roleWithText('alert', including);
  return alert.evaluate((a) => [...a.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
}

/** A PDF's text, whitespace collapsed. */
async function pdfText(bytes) {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  const pages = [];
  for (let n = 1; n <= document.numPages; n++) {
    const { items } = await (await document.getPage(n)).getTextContent();
    pages.push(items.map((item) => `${item.str}${item.hasEOL ? ' ' : ''}`).join(''));
  }
  await document.destroy();
  return normalise(pages.join(' '));
}

export const hostileJourneys = [
  {
    name: 'the team panel shows every hostile name as text, isolated, and makes no element of any',
    async run(app, { url }) {
      await addPaste(app, hostilePaste(url));
      assert.deepEqual(await waitForPeople(app, HOSTILE_NAMES.length), HOSTILE_NAMES);
      const team = await teamRegion(app);
      assert.equal((await team.css('img, b, a, del, script')).length, 0, 'no element made of a name');
      const isolated = await team.evaluate((r) => [...r.querySelectorAll('bdi')].map((b) => b.textContent));
      for (const name of HOSTILE_NAMES) assert.ok(isolated.includes(name), `${name} in a <bdi>`);
      assert.match(normalise(await team.evaluate((r) => r.textContent)), /Without <img src=x: /, 'the leave-one-out line names the person as typed');
      for (const name of HOSTILE_NAMES) await app.button(`Remove ${name}`);
    },
  },
  {
    name: 'the team’s decision record, copied and handed to the browser, writes every name escaped',
    async run(app, { url }) {
      await addPaste(app, hostilePaste(url));
      await waitForPeople(app, HOSTILE_NAMES.length);
      await (await app.button('Copy the team’s decision record')).click();
      await app.roleWithText('status', 'Copied the decision record.');
      if (app.readClipboard) {
        const copied = await app.readClipboard();
        assert.match(copied, TEAM_RECORD);
        assert.deepEqual(recordProblems(copied), [], copied.slice(0, 1200));
      }
      const download = await app.download(await app.button('Download the team’s record (.md)'));
      await app.waitFor(async () => (await app.bodyText()).includes(`Decision record downloaded as ${RECORD_FILE}.`), { message: 'the status' });
      assert.equal(download.name, RECORD_FILE);
      assert.match(download.text, TEAM_RECORD);
      assert.deepEqual(recordProblems(download.text), [], download.text.slice(0, 1200));
    },
  },
  {
    name: 'printed, the team view holds every name as text',
    async run(app, { url }) {
      await addPaste(app, hostilePaste(url));
      await waitForPeople(app, HOSTILE_NAMES.length);
      const teamLink = await (await app.role('textbox', TEAM_LINK)).value();
      // In a new document, then in one with nothing saved: the link alone restores the team.
      await app.load(teamLink);
      await waitForPeople(app, HOSTILE_NAMES.length);
      await app.clearStorage();
      await app.load(teamLink);
      await waitForPeople(app, HOSTILE_NAMES.length);
      // window.print() counted instead of opening a dialog.
      await app.evaluate(() => {
        window.__printCalls = 0;
        window.print = () => {
          window.__printCalls += 1;
        };
      });
      await (await app.button('Print or save as PDF')).click();
      await app.waitFor(() => app.evaluate(() => window.__printCalls > 0), { message: 'the page to call window.print()' });
      const printed = await pdfText(await app.printPdf());
      for (const name of HOSTILE_NAMES) assert.ok(printed.includes(name), `the PDF shows ${name}: ${printed.slice(0, 600)}`);
    },
  },
  {
    name: 'a name with U+202E or U+200B, or one that only looks like another, is refused with its own message',
    async run(app, { url }) {
      const hidden = hiddenPaste(url);
      await addPaste(app, hidden.paste);
      assert.deepEqual(await problemLines(app), hidden.lines);
      assert.equal((await app.roles('region', { name: new RegExp(TEAM_REGION, 'i') })).length, 0, 'nobody was added');

      const looking = sameLookingPaste(url);
      await addPaste(app, looking.paste);
      assert.deepEqual(await waitForPeople(app, 1), ['Ana']);
      assert.deepEqual(await problemLines(app, 'Line 3'), looking.lines);
    },
  },
  {
    name: 'a hostile query (the security review\'s fake login warning) gets notices that echo none of its text',
    open: {
      path:
        '?preset=%E2%80%AEmoc.live%20ta%20nigol&criteria=Your%20session%20expired,Re-enter%20at%20evil.example&theme=%3Cb%3Ex',
    },
    async run(app) {
      await app.roleWithText('alert', 'an unknown value');
      const said = (await app.alerts()).join(' ');
      for (const echoed in { '\u202e': 0, 'moc.live': 0, nigol: 0, session: 0, 'evil.example': 0, 'Re-enter': 0, '<b>': 0 }) {
        assert.ok(!said.includes(echoed), `the notices echo "${echoed}": ${said}`);
      }
      assert.ok(said.includes('as a use-case preset'), said);
      assert.ok(!(await app.bodyText()).includes('evil.example'), 'nowhere on the page');
    },
  },
];
