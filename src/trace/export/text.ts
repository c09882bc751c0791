/**
 * `text` export: the run's output as Python prints it (`HH:MM:SS: message` logging lines on
 * the virtual clock, or bare messages), control characters made visible.
 */
import type { TraceFile } from '../format.js';
import { renderOutput } from '../text.js';
import { escapeText } from './escape-text.js';

/** Options of the text export. */
export interface TextExportOptions {
  /** Prefix logging lines with `HH:MM:SS: `. Default true. */
  readonly timestamps?: boolean;
  /** Lowest logging level shown. Default: the trace's `logLevel`, else INFO (20), as Python's default. */
  readonly level?: number;
}

/** The output lines, one per line, ending with a newline (empty output: empty string). */
export function exportText(trace: TraceFile, options: TextExportOptions = {}): string {
  const lines = renderOutput(trace.output, { timestamps: options.timestamps ?? true, level: options.level ?? trace.logLevel ?? 20 });
  return lines.map((l) => `${escapeText(l)}\n`).join('');
}
