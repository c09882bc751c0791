/**
 * `text` export: the run's output as Python prints it (`HH:MM:SS: message` logging lines on
 * the virtual clock, or bare messages), control characters made visible.
 */
import type { TraceFile } from '../format.js';
import { renderOutput } from '../text.js';
import { escapeText } from './escape-text.js';
import type { ExportWindow } from './window.js';

/** Options of the text export. */
export interface TextExportOptions {
  /** Prefix logging lines with `HH:MM:SS: `. Default true. */
  readonly timestamps?: boolean;
  /** Lowest logging level shown. Default: the trace's `logLevel`, else INFO (20), as Python's default. */
  readonly level?: number;
  /** Only the lines written by the window's threads during its steps. */
  readonly window?: ExportWindow;
}

/** The output lines, one per line, ending with a newline (empty output: empty string). */
export function exportText(trace: TraceFile, options: TextExportOptions = {}): string {
  const w = options.window;
  let output = trace.output;
  if (w !== undefined) {
    // Output lines carry their time and thread name, not their step: a step is one tick, so the window's times select its lines.
    const start = trace.steps[w.from]?.time ?? 0;
    const end = trace.steps[w.to]?.time ?? start;
    const names = new Set(w.lanes.map((i) => trace.threads[i]?.name));
    output = output.filter((l) => l.time >= start && l.time <= end && names.has(l.thread));
  }
  const lines = renderOutput(output, { timestamps: options.timestamps ?? true, level: options.level ?? trace.logLevel ?? 20 });
  return lines.map((l) => `${escapeText(l)}\n`).join('');
}
