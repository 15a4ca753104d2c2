// Hostile names in Chromium (issue 22): a team of names that are HTML, Markdown, links or entities shows
// them as text in the team panel (each isolated in <bdi>, no element made of them), in the decision
// record on the clipboard (every punctuation character escaped) and in print (the PDF's text); names
// with U+202E or U+200B, or that only look like another's, are refused, each with its own message. The
// names are compared by the worker with the browser's own NFKC (src/bin/reports.rs), tested only here.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { HOSTILE_NAMES, hiddenPaste, hostilePaste, recordProblems, sameLookingPaste } from '../support/hostile.mjs';
import { normalise } from '../support/reading.mjs';
import { ADD_BUTTON, PASTE_LABEL, PEOPLE_TABLE, TEAM, TEAM_LINK, TEAM_REGION } from '../support/team.mjs';
import { waitFor } from '../support/waits.mjs';
import { newGuardedPage, startEnv } from './harness.mjs';
import { AppPage } from './page.mjs';

async function openApp(env, url, { clipboard = false } = {}) {
  const guarded = await newGuardedPage(env);
  if (clipboard) {
    await guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  }
  await guarded.context.addInitScript(() => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls += 1;
    };
  });
  const app = new AppPage(guarded, env.url);
  await app.load(url ?? env.url);
  return app;
}

async function withApp(env, fn, opts = {}) {
  const app = await openApp(env, opts.url, opts);
  try {
    await fn(app.page);
    app.assertNoProblems();
  } finally {
    await app.close();
  }
}

async function addPaste(page, text) {
  const summary = page.locator('summary', { hasText: TEAM });
  if (!(await summary.evaluate((s) => s.parentElement.open))) await summary.click();
  await page.getByRole('textbox', { name: PASTE_LABEL }).fill(text);
  await page.getByRole('button', { name: ADD_BUTTON, exact: true }).click();
}

const region = (page) => page.getByRole('region', { name: TEAM_REGION });

async function waitForPeople(page, count) {
  const rows = region(page).getByRole('table', { name: PEOPLE_TABLE }).locator('tbody tr');
  await waitFor(async () => (await rows.count()) === count, { message: `${count} people` });
  return rows.locator('th').allTextContents();
}

async function problemLines(page) {
  const alert = page.getByRole('alert').filter({ hasText: 'was not added' });
  await alert.waitFor();
  return (await alert.locator('p').allTextContents()).map(normalise);
}

/** The PDF's text, whitespace collapsed. */
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

describe('hostile names (Chromium)', () => {
  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('the team panel shows every hostile name as text, isolated, and makes no element of any', async () => {
    await withApp(env, async (page) => {
      await addPaste(page, hostilePaste(env.url));
      assert.deepEqual(await waitForPeople(page, HOSTILE_NAMES.length), HOSTILE_NAMES);
      const team = region(page);
      assert.equal(await team.locator('img, b, a, del, script').count(), 0, 'no element made of a name');
      const isolated = await team.locator('bdi').allTextContents();
      for (const name of HOSTILE_NAMES) assert.ok(isolated.includes(name), `${name} in a <bdi>`);
      const text = normalise(await team.textContent());
      assert.match(text, /Without <img src=x: /, 'the leave-one-out line names the person as typed');
      for (const name of HOSTILE_NAMES) {
        await page.getByRole('button', { name: `Remove ${name}`, exact: true }).waitFor();
      }
    });
  });

  test('the team’s decision record on the clipboard writes every name escaped', async () => {
    await withApp(env, async (page) => {
      await addPaste(page, hostilePaste(env.url));
      await waitForPeople(page, HOSTILE_NAMES.length);
      await page.getByRole('button', { name: 'Copy the team’s decision record' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied the decision record.' }).waitFor();
      const record = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(record, /^# Use (Node\.js|Python) for the backend \(team of 8\)/);
      assert.deepEqual(recordProblems(record), [], record.slice(0, 1200));
    }, { clipboard: true });
  });

  test('printed, the team view holds every name as text', async () => {
    let teamLink;
    await withApp(env, async (page) => {
      await addPaste(page, hostilePaste(env.url));
      await waitForPeople(page, HOSTILE_NAMES.length);
      teamLink = await page.getByRole('textbox', { name: TEAM_LINK }).inputValue();
    });
    await withApp(env, async (page) => {
      await waitForPeople(page, HOSTILE_NAMES.length);
      await page.getByRole('button', { name: 'Print or save as PDF', exact: true }).click();
      await waitFor(() => page.evaluate(() => window.__printCalls > 0), { message: 'the page to call window.print()' });
      const printed = await pdfText(await page.pdf({ format: 'A4' }));
      for (const name of HOSTILE_NAMES) assert.ok(printed.includes(name), `the PDF shows ${name}: ${printed.slice(0, 600)}`);
    }, { url: teamLink });
  });

  test('a name with U+202E or U+200B, or one that only looks like another, is refused with its own message', async () => {
    await withApp(env, async (page) => {
      const hidden = hiddenPaste(env.url);
      await addPaste(page, hidden.paste);
      assert.deepEqual(await problemLines(page), hidden.lines);
      assert.equal(await region(page).count(), 0, 'nobody was added');

      const looking = sameLookingPaste(env.url);
      await addPaste(page, looking.paste);
      assert.deepEqual(await waitForPeople(page, 1), ['Ana']);
      assert.deepEqual(await problemLines(page), looking.lines);
    });
  });
});
