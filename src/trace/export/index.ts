/**
 * The export formats by name: `threadsim export FILE --format NAME` and `run --export NAME`.
 * Each exporter is a pure function of the trace. To add a format, add one entry.
 */
import { ThreadsimError } from '../../errors.ts';
import type { TraceFile } from '../format.ts';
import { findRaces } from '../happens-before.ts';
import { exportChrome } from './chrome.ts';
import { exportJson } from './json.ts';
import { exportMarkdown } from './markdown.ts';
import { exportMermaid } from './mermaid.ts';
import { exportText } from './text.ts';

/** Options some formats take. */
export interface ExportOptions {
  /** `text`: prefix logging lines with `HH:MM:SS: `. Default true. */
  readonly timestamps?: boolean;
}

/** An export format. */
export interface ExportFormat {
  /** File name extension of the format's files, with the dot. */
  readonly extension: string;
  readonly description: string;
  readonly render: (trace: TraceFile, options: ExportOptions) => string;
}

/** Every export format by name. */
export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  text: { extension: '.log', description: 'the log lines as Python prints them', render: (t, o) => exportText(t, o.timestamps === undefined ? {} : { timestamps: o.timestamps }) },
  markdown: { extension: '.md', description: 'a table: one column per thread, one row per step', render: (t) => exportMarkdown(t) },
  mermaid: { extension: '.mmd', description: 'a Mermaid sequence diagram', render: (t) => exportMermaid(t) },
  chrome: { extension: '.chrome.json', description: 'Trace Event Format JSON for Perfetto and chrome://tracing', render: (t) => exportChrome(t) },
  json: { extension: '.json', description: 'the trace file itself', render: (t) => exportJson(t) },
};

/** Names of the export formats. */
export function exportFormatNames(): string[] {
  return Object.keys(EXPORT_FORMATS);
}

/**
 * The trace as exporters should see it: with `races` filled in from its happens-before
 * analysis when the trace carries none.
 */
export function withRaces(trace: TraceFile): TraceFile {
  return trace.races !== undefined ? trace : { ...trace, races: findRaces(trace) };
}

/** Render `trace` in the format called `name`; throws TS006 for an unknown name. */
export function renderExport(trace: TraceFile, name: string, options: ExportOptions = {}): string {
  const format = EXPORT_FORMATS[name];
  if (format === undefined) {
    throw new ThreadsimError('TS006', `unknown export format '${name}'`, `Use one of: ${exportFormatNames().join(', ')}.`);
  }
  return format.render(trace, options);
}
