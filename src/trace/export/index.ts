/**
 * The export formats by name: `threadsim export FILE --format NAME` and `run --export NAME`.
 * Each exporter is a pure function of the trace. To add a format, add one entry.
 */
import { ThreadsimError } from '../../errors.js';
import type { Program } from '../../scheduler/program.js';
import type { TraceFile } from '../format.js';
import { racesInTrace } from '../trace-races.js';
import { exportChrome } from './chrome.js';
import { exportHtml } from './html.js';
import { exportJson } from './json.js';
import { exportMarkdown } from './markdown.js';
import { exportMermaid } from './mermaid.js';
import { EXPORT_FORMAT_NAMES, type ExportFormatName } from './names.js';
import type { StepRange } from './step-range.js';
import { exportSvg } from './svg.js';
import { exportText } from './text.js';

/** Options some formats take. */
export interface ExportOptions {
  /** `text`: prefix logging lines with `HH:MM:SS: `. Default true. */
  readonly timestamps?: boolean;
  /** `html`: the traced program, for the "you are the scheduler" mode (built-ins run live in the page). */
  readonly program?: Program;
  /** `text`: lowest logging level shown (10 DEBUG .. 50 CRITICAL). Default: the trace's. */
  readonly level?: number;
  /** Formats with `stepRange`: only these steps (an excerpt). */
  readonly steps?: StepRange;
}

/** An export format. */
export interface ExportFormat {
  /** File name extension of the format's files, with the dot. */
  readonly extension: string;
  readonly description: string;
  /** True when the format honours {@link ExportOptions.steps}. */
  readonly stepRange?: boolean;
  readonly render: (trace: TraceFile, options: ExportOptions) => string;
}

/** Every export format by name. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormatName, ExportFormat>> = {
  text: { extension: '.log', description: 'the log lines as Python prints them', render: (t, o) => exportText(t, { ...(o.timestamps === undefined ? {} : { timestamps: o.timestamps }), ...(o.level === undefined ? {} : { level: o.level }) }) },
  markdown: { extension: '.md', description: 'a table: one column per thread, one row per step', stepRange: true, render: (t, o) => exportMarkdown(t, o.steps === undefined ? {} : { steps: o.steps }) },
  mermaid: { extension: '.mmd', description: 'a Mermaid sequence diagram', stepRange: true, render: (t, o) => exportMermaid(t, o.steps === undefined ? {} : { steps: o.steps }) },
  chrome: { extension: '.chrome.json', description: 'Trace Event Format JSON for Perfetto and chrome://tracing', render: (t) => exportChrome(t) },
  json: { extension: '.json', description: 'the trace file itself', render: (t) => exportJson(t) },
  svg: { extension: '.svg', description: 'a swim-lane timeline on the virtual clock', render: (t) => exportSvg(t) },
  html: {
    extension: '.html',
    description: 'a self-contained page that plays the trace, with a "you are the scheduler" mode',
    render: (t, o) => exportHtml(t, o.program === undefined ? {} : { program: o.program }),
  },
};

/** Names of the export formats. */
export function exportFormatNames(): string[] {
  return [...EXPORT_FORMAT_NAMES];
}

/**
 * The trace as exporters should see it: with `races` filled in by race detection over its
 * steps when the trace carries none.
 */
export function withRaces(trace: TraceFile): TraceFile {
  return trace.races !== undefined ? trace : { ...trace, races: racesInTrace(trace) };
}

/** Render `trace` in the format called `name`; throws TSIM006 for an unknown name. */
export function renderExport(trace: TraceFile, name: string, options: ExportOptions = {}): string {
  const format = (EXPORT_FORMATS as Readonly<Record<string, ExportFormat | undefined>>)[name];
  if (format === undefined) {
    throw new ThreadsimError('TSIM006', `unknown export format '${name}'`, `Use one of: ${exportFormatNames().join(', ')}.`);
  }
  if (options.steps !== undefined && format.stepRange !== true) {
    const can = Object.entries(EXPORT_FORMATS).filter(([, f]) => f.stepRange === true).map(([n]) => n);
    throw new ThreadsimError('TSIM006', `--steps does not apply to the ${name} format`, `Drop --steps, or export as ${can.join(' or ')}.`);
  }
  return format.render(trace, options);
}
