// The reports worker (src/bin/reports.rs) as the page's shell will use it, for both engines' tests: the
// boot script tag's data-reports names the worker script; the worker posts ["ready"] once it can take
// requests, then answers each array of strings with one (the wire of src/core/protocol.rs).

import assert from 'node:assert/strict';
import { uniformWeights } from './data.mjs';
import { TIMEOUT_MS } from './waits.mjs';
import { alternating, linkOf } from './team.mjs';

/**
 * Runs in the page (Playwright's evaluate, WebDriver's execute): starts the worker named by
 * `script[data-reports]`, waits for its first message, posts `request`, and resolves with every message
 * (the first is ["ready"]) or what went wrong. Self-contained, with one argument: it is serialised into
 * the page.
 */
export function askReportsWorker({ request, timeoutMs }) {
  const tag = document.querySelector('script[data-reports]');
  const url = tag && tag.getAttribute('data-reports');
  if (!url) return Promise.resolve({ url, error: 'no script[data-reports] with a URL' });
  let worker;
  try {
    worker = new Worker(url);
  } catch (err) {
    return Promise.resolve({ url, error: `new Worker: ${err}` });
  }
  const replies = [];
  return new Promise((resolve) => {
    const done = (result) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ url, replies, ...result });
    };
    const timer = setTimeout(() => done({ error: `no answer in ${timeoutMs} ms` }), timeoutMs);
    worker.addEventListener('error', (event) => done({ error: `worker error: ${event.message || 'failed to load'}` }));
    worker.addEventListener('message', (event) => {
      replies.push(event.data);
      if (replies.length === 1) worker.postMessage(request);
      else done({});
    });
  });
}

/** The team request of the issue as the page sends it: Ana and Ben, each with a real share link of `page`, pasted. */
export function teamRequest(page) {
  const address = page.replace(/#.*$/, '');
  const paste = `Ana ${linkOf(address, uniformWeights(8))}\nBen ${linkOf(address, alternating(1, 9))}`;
  // Request::Team on the wire: [kind, team link, lines to add]
  return ['team', '', paste];
}

/** What is wrong with the worker's run of `teamRequest` (askReportsWorker's result): [] when nothing. */
export function teamAnswerProblems(result) {
  if (result.error) return [`${result.error} (worker ${result.url}, messages ${JSON.stringify(result.replies)})`];
  const [ready, answer] = result.replies;
  const problems = [];
  if (JSON.stringify(ready) !== '["ready"]') problems.push(`first message ${JSON.stringify(ready)}, not ["ready"]`);
  // Answer::Team on the wire: [kind, team link, "1" if every line was added, report HTML, name…]
  if (!Array.isArray(answer) || answer.length !== 6 || answer.some((s) => typeof s !== 'string')) {
    return [...problems, `answer ${JSON.stringify(answer)?.slice(0, 200)} is not six strings`];
  }
  const [kind, hash, addedAll, html, ...people] = answer;
  if (kind !== 'team') problems.push(`answer kind ${kind}`);
  if (!hash.startsWith('t=1&n=Ana')) problems.push(`team hash ${hash}`);
  if (addedAll !== '1') problems.push(`not every line was added (${addedAll})`);
  if (people.join() !== 'Ana,Ben') problems.push(`people ${people.join()}`);
  if (html.includes('was not added')) problems.push(`problems reported: ${html.slice(0, 300)}`);
  if (!html.includes('Ana') || !html.includes('Ben')) problems.push(`team view without both names: ${html.slice(0, 200)}`);
  return problems;
}

/** Asks the reports worker of `app`'s current document for the team of `teamRequest(pageUrl)`, and checks the answer. */
export async function askTeam(app, pageUrl) {
  const result = await app.evaluate(askReportsWorker, { request: teamRequest(pageUrl), timeoutMs: app.poll.timeout ?? TIMEOUT_MS });
  assert.deepEqual(teamAnswerProblems(result), []);
  return result;
}
