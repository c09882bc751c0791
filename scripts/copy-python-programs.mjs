// Copies the built-in Python programs (test/python/{tutorial,zoo}/*.py, the files the
// differential tests also run under CPython) into dist/python-programs/, so the package ships
// them inside dist/ and `threadsim run py/race` works from an installed package.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
for (const folder of ['tutorial', 'zoo']) {
  const from = join(root, 'test', 'python', folder);
  const to = join(root, 'dist', 'python-programs', folder);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) if (name.endsWith('.py')) copyFileSync(join(from, name), join(to, name));
}
