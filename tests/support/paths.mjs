// Where the repository, the build and the data are; engine-free, shared by both browser suites and the bench.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// $STACKWEIGH_DIST tests another build (e.g. one made with `trunk build --dist`).
export const DIST = process.env.STACKWEIGH_DIST ? path.resolve(process.env.STACKWEIGH_DIST) : path.join(REPO, 'dist');
export const DATA_FILE = path.join(REPO, 'data', 'node-vs-python.toml');
