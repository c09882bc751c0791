/**
 * `json` export: the trace itself, in its file form; or, for an excerpt, a smaller document
 * (`"format": "threadsim-excerpt"`) holding the window's steps with their trace step numbers,
 * the races that touch them and the recipe that replays the whole run. An excerpt is not a
 * trace file (it cannot be replayed or exported again), so it says so in its format name.
 */
import { serializeTrace, type TraceFile } from '../format.js';
import { stepInWindow, type ExportWindow } from './window.js';

/** Options of the JSON export. */
export interface JsonExportOptions {
  readonly window?: ExportWindow;
}

/** The trace file's text, or an excerpt's. */
export function exportJson(trace: TraceFile, options: JsonExportOptions = {}): string {
  const w = options.window;
  if (w === undefined) return serializeTrace(trace);
  const shown = new Set([...w.lanes, ...w.folded]);
  const excerpt = {
    format: 'threadsim-excerpt',
    version: 1,
    recipe: trace.recipe,
    programName: trace.programName,
    window: { from: w.from, to: w.to, threads: w.lanes, folded: w.folded, idle: w.idle, ofSteps: trace.steps.length },
    threads: trace.threads.filter((t) => shown.has(t.index)),
    steps: trace.steps.filter((s) => stepInWindow(s, w) && shown.has(s.thread)),
    races: (trace.races ?? []).filter((r) => stepInWindow(r.first.step, w) || stepInWindow(r.second.step, w)),
  };
  return `${JSON.stringify(excerpt, null, 1)}\n`;
}
