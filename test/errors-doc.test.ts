/** docs/errors.md lists every code of the catalogue, in order, and no other. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.js';

it('docs/errors.md has one row per error code, in the order of ERROR_CODES', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| (TSIM\d{3}) \|/gm)].map((m) => m[1]);
  expect(rows).toEqual(Object.keys(ERROR_CODES));
});
