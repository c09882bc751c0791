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
import { exportSlides } from './slides.js';
import { exportSlidesHtml } from './slides-html.js';
import { exportSvg } from './svg.js';
import { exportText } from './text.js';
import { isWindowed, resolveWindow, type ExportWindow } from './window.js';

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
  /** Formats with `stepRange`: only these threads as lanes (names, `#i` or `T<i>`); the rest folded or listed. */
  readonly threads?: readonly string[];
  /** Formats with `stepRange`: `race` or `race:N`, the steps of that race (instead of `steps`). */
  readonly focus?: string;
  /** `svg` and the `html` page's timeline: accesses as glyphs, their values listed in the footnote (for long traces). */
  readonly compact?: boolean;
  /**
   * The excerpt resolved from `steps`, `threads` and `focus` by {@link renderExport} (which
   * validates them first); renderers read this, never the three raw options.
   */
  readonly window?: ExportWindow;
}

/** An export format. */
export interface ExportFormat {
  /** File name extension of the format's files, with the dot. */
  readonly extension: string;
  readonly description: string;
  /** True when the format honours {@link ExportOptions.window} (`--steps`, `--threads`, `--focus`). */
  readonly stepRange?: boolean;
  readonly render: (trace: TraceFile, options: ExportOptions) => string;
}

/** Every export format by name. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormatName, ExportFormat>> = {
  text: {
    extension: '.log',
    description: 'the log lines as Python prints them',
    stepRange: true,
    render: (t, o) => exportText(t, { ...(o.timestamps === undefined ? {} : { timestamps: o.timestamps }), ...(o.level === undefined ? {} : { level: o.level }), ...win(o) }),
  },
  markdown: { extension: '.md', description: 'a table: one column per thread, one row per step', stepRange: true, render: (t, o) => exportMarkdown(t, win(o)) },
  mermaid: { extension: '.mmd', description: 'a Mermaid sequence diagram', stepRange: true, render: (t, o) => exportMermaid(t, win(o)) },
  chrome: { extension: '.chrome.json', description: 'Trace Event Format JSON for Perfetto and chrome://tracing', stepRange: true, render: (t, o) => exportChrome(t, win(o)) },
  json: { extension: '.json', description: 'the trace file itself', stepRange: true, render: (t, o) => exportJson(t, win(o)) },
  svg: { extension: '.svg', description: 'a swim-lane timeline on the virtual clock', stepRange: true, render: (t, o) => exportSvg(t, { ...win(o), ...(o.compact === true ? { compact: true } : {}) }) },
  slides: {
    extension: '.slides.md',
    description: 'a Markdown slide deck (Marp, Slidev): setup, the interleaving, the race, the fix, the replay',
    stepRange: true,
    render: (t, o) => exportSlides(t, win(o)),
  },
  'slides-html': {
    extension: '.slides.html',
    description: 'the slide deck as one self-contained HTML page: 16:9 slides, arrow keys or buttons, works offline',
    stepRange: true,
    render: (t, o) => exportSlidesHtml(t, win(o)),
  },
  html: {
    extension: '.html',
    description: 'a self-contained page that plays the trace, with a "you are the scheduler" mode',
    stepRange: true,
    render: (t, o) => exportHtml(t, { ...(o.program === undefined ? {} : { program: o.program }), ...win(o), ...(o.compact === true ? { compact: true } : {}) }),
  },
};

/** The resolved window as an exporter option. */
function win(o: ExportOptions): { window?: ExportWindow } {
  return o.window === undefined ? {} : { window: o.window };
}

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

/** Render `trace` in the format called `name`; throws TSIM006 for an unknown name or a bad excerpt. */
export function renderExport(trace: TraceFile, name: string, options: ExportOptions = {}): string {
  const checked = checkExportOptions(trace, name, options);
  const window = checked.window;
  return formatNamed(name).render(trace, window === undefined || window.whole ? { ...checked, window: undefined } : checked);
}

function formatNamed(name: string): ExportFormat {
  const format = (EXPORT_FORMATS as Readonly<Record<string, ExportFormat | undefined>>)[name];
  if (format === undefined) {
    throw new ThreadsimError('TSIM006', `unknown export format '${name}'`, `Use one of: ${exportFormatNames().join(', ')}.`);
  }
  return format;
}

/**
 * Check the excerpt options against a trace without rendering, and resolve them into
 * {@link ExportOptions.window}: throws TSIM006 for a format without excerpts or a bad
 * `--steps`, `--threads` or `--focus`, so that the CLI refuses before it writes anything.
 */
export function checkExportOptions(trace: TraceFile, name: string, options: ExportOptions): ExportOptions {
  const format = formatNamed(name);
  if (options.window !== undefined || !isWindowed(options)) return options;
  if (format.stepRange !== true) {
    const can = Object.entries(EXPORT_FORMATS).filter(([, f]) => f.stepRange === true).map(([n]) => n);
    const flag = options.focus !== undefined ? '--focus' : options.threads !== undefined ? '--threads' : '--steps';
    throw new ThreadsimError('TSIM006', `${flag} does not apply to the ${name} format`, `Drop ${flag}, or export as ${can.join(', ')}.`);
  }
  const window = resolveWindow(trace, options);
  return window === undefined ? options : { ...options, window };
}
