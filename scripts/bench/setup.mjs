// Command line, the build to measure, and the machine it is measured on.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, REPO } from '../../tests/support/paths.mjs';

export const USAGE = 'usage: scripts/bench.sh [--json | --markdown] [--loads N] [--moves N] [--throttle RATE] [--no-browser] [--no-lighthouse] [--rebuild]';

/** Options from argv; throws on anything unknown. */
export function parseArgs(argv) {
  const opts = { format: 'text', loads: 5, moves: 200, throttle: 4, browser: true, lighthouse: true, quietMs: 2000 };
  const flags = { '--json': ['format', 'json'], '--markdown': ['format', 'markdown'], '--no-browser': ['browser', false], '--no-lighthouse': ['lighthouse', false] };
  const numbers = { '--loads': 'loads', '--moves': 'moves', '--throttle': 'throttle' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (flags[a]) opts[flags[a][0]] = flags[a][1];
    else if (numbers[a]) {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs an integer >= 1`);
      opts[numbers[a]] = v;
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return opts;
}

/** Builds dist/ when it is missing (never when STACKWEIGH_DIST names another build). */
export function ensureDist(log) {
  if (existsSync(path.join(DIST, 'index.html'))) return DIST;
  if (process.env.STACKWEIGH_DIST) throw new Error(`${DIST}/index.html missing (STACKWEIGH_DIST)`);
  log('bench: dist/ missing, running `trunk build --release --offline`');
  const PATH = [path.join(REPO, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter);
  const r = spawnSync('trunk', ['build', '--release', '--offline'], { cwd: REPO, env: { ...process.env, PATH }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(path.join(DIST, 'index.html'))) throw new Error('trunk build failed; run ./scripts/setup.sh first if tools are missing');
  return DIST;
}

/** Date, CPUs, memory, OS and Node of this machine. */
export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const model = existsSync('/proc/cpuinfo') && /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  if (model) cpu = model[1].trim();
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memGB: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}
