#!/usr/bin/env node
// Minifies, in place, the scripts Trunk 0.21 copies unminified (terser
// leaves 5% less gzip than Trunk's own minifier). The post-build tool runs it
// with the files it names (src/postbuild/trunk.rs, unminified_scripts):
//   node scripts/minify-glue.mjs --module GLUE.js --classic boot.js --classic reports.js
// Property names are kept, so the wasm's imports still match.
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0 || args.some((a, i) => i % 2 === 0 && a !== '--module' && a !== '--classic')) {
  console.error('usage: minify-glue.mjs (--module|--classic) FILE [(--module|--classic) FILE]...');
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  const file = args[i + 1];
  const source = await readFile(file, 'utf8');
  const result = await minify(source, { module: args[i] === '--module', compress: { passes: 2 }, mangle: true });
  await writeFile(file, result.code);
}
