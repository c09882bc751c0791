#!/usr/bin/env node
// The threadsim command runs the compiled CLI in dist/ (built by `npm run build`, which
// `npm install` runs through the prepare script in a clone).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('threadsim: dist/ is missing: run `npm run build` in the threadsim folder first\n');
  process.exit(2);
}
await import(entry.href);
