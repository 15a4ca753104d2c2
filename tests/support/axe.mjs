// axe-core for both suites: its source, read once from node_modules, and its results as a failure
// message printed the same way.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './paths.mjs';

const AXE_DIR = path.join(REPO, 'node_modules', 'axe-core');
let axeText;

/** axe-core's script, to evaluate in a page. */
export const axeSource = () => (axeText ??= readFileSync(path.join(AXE_DIR, 'axe.min.js'), 'utf8'));

/** The installed axe-core's version (what an injected axe must report). */
export const axeVersion = () => JSON.parse(readFileSync(path.join(AXE_DIR, 'package.json'), 'utf8')).version;

/** axe-core violations as a readable failure message. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}\n      ${n.html.slice(0, 200)}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/**
 * Runs in the page (after axe-core's source): axe on the whole document with `options`, as plain data
 * (the engine's version, how many rules passed, and the violations with their nodes).
 */
export function runAxe(options) {
  return window.axe.run(document, options).then((r) => ({
    version: r.testEngine.version,
    passes: r.passes.length,
    violations: r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
    })),
  }));
}
