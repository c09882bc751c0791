/**
 * `npm run traces`: regenerate traces/ (golden traces and their exports of every built-in
 * program). `npm run traces -- --out DIR` writes elsewhere. Stale files are removed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examples } from '../src/examples/index.js';
import { goldenFiles } from '../src/trace/golden.js';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const root = resolve(outIndex >= 0 && args[outIndex + 1] !== undefined ? args[outIndex + 1]! : join(dirname(fileURLToPath(import.meta.url)), '..', 'traces'));
rmSync(root, { recursive: true, force: true });
const files = goldenFiles(examples());
for (const f of files) {
  const path = join(root, f.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.text);
}
process.stdout.write(`wrote ${files.length} files to ${root}\n`);
