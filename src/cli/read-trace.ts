/** Reading a trace file for the CLI. */
import { readFileSync } from 'node:fs';
import { ThreadsimError } from '../errors.js';
import { parseTraceFile, type TraceFile } from '../trace/format.js';

/** Read and validate a trace file; TSIM008 when it cannot be read or is not a valid trace. */
export function readTraceFile(file: string): TraceFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ThreadsimError('TSIM008', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'Pass a trace file written by `threadsim run ... --trace FILE`.');
  }
  return parseTraceFile(text, file);
}
