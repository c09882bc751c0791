/**
 * File output for the CLI: never overwrite without `--force`, always write atomically
 * (a temporary file in the same folder, then rename).
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ThreadsimError } from '../errors.js';

/** Write `text` to `path` atomically; refuses an existing file unless `force`. */
export function writeFileAtomic(path: string, text: string, force: boolean): void {
  if (!force && existsSync(path)) {
    throw new ThreadsimError('TSIM009', `${path} exists already`, 'Pass --force to overwrite it, or choose another file name.');
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ThreadsimError('TSIM006', `cannot write ${path}: ${(e as Error).message}`, 'Check that the folder exists and is writable.');
  }
}
