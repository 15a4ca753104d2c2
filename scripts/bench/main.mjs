#!/usr/bin/env node
// stackweigh benchmark: what a visitor and a blog's reader download, and how fast the page and embed react.
// A measurement, never a test: it fails only when a measurement could not be made. Run it as scripts/bench.sh.

import { distFiles, markFirstLoad } from './sizes.mjs';
import { ensureDist, machine, parseArgs } from './setup.mjs';

async function measure(opts, log) {
  const dist = ensureDist(log);
  const result = { machine: machine(), files: distFiles(dist), firstLoad: null, browser: null, lighthouse: null, errors: {} };
  if (!opts.browser) return result;
  try {
    const { measureInBrowser } = await import('./browser.mjs');
    result.browser = await measureInBrowser(dist, opts, log);
    Object.assign(result.errors, result.browser.errors);
    if (result.browser.paint) result.firstLoad = markFirstLoad(result.files, result.browser.paint.requested);
  } catch (err) {
    result.errors.browser = err.message;
  }
  if (opts.lighthouse) {
    try {
      const { measureLighthouse } = await import('./lighthouse.mjs');
      result.lighthouse = await measureLighthouse(dist, log);
    } catch (err) {
      result.errors.lighthouse = err.message;
    }
  }
  return result;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (m) => console.error(m);
  const result = await measure(opts, log);
  const { details, markdown } = await import('./report.mjs');
  if (opts.format === 'json') console.log(JSON.stringify(result, null, 2));
  else if (opts.format === 'markdown') console.log(markdown(result));
  else console.log(`${details(result)}\n\n${markdown(result)}`);
  for (const [what, err] of Object.entries(result.errors)) {
    console.error(`bench: ${what} failed: ${err}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
