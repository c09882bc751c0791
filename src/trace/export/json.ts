/** `json` export: the trace itself, in its file form. */
import { serializeTrace, type TraceFile } from '../format.js';

/** The trace file's text. */
export function exportJson(trace: TraceFile): string {
  return serializeTrace(trace);
}
