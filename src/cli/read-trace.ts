/** Reading a trace file for the CLI. */
import { readRegularFile } from './io.js';
import { parseTraceFile, type TraceFile } from '../trace/format.js';

/** Largest trace file read (bytes): a run at the default step bound writes far less. */
export const MAX_TRACE_BYTES = 512 * 1024 * 1024;

/** Read and validate a trace file; TSIM008 when it cannot be read or is not a valid trace. */
export function readTraceFile(file: string): TraceFile {
  const text = readRegularFile(file, MAX_TRACE_BYTES, 'trace file', 'TSIM008', 'Pass a trace file written by `threadsim run ... --trace FILE`.');
  return parseTraceFile(text, file);
}
