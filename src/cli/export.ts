/** `threadsim export FILE --format F [-o OUT]`: render a trace file in another format. */
import { checkExportOptions, renderExport, withRaces, type ExportOptions } from '../trace/export/index.js';
import { parseStepRange } from '../trace/export/step-range.js';
import { parseThreads } from '../trace/export/window.js';
import { LEVEL_NUMBERS } from '../trace/text.js';
import { writeFileAtomic } from './io.js';
import { programForTrace } from './load.js';
import { readTraceFile } from './read-trace.js';

/** Options of `threadsim export`. */
export interface ExportArgs {
  readonly file: string;
  readonly format: string;
  /** Write here instead of standard output. */
  readonly output?: string;
  readonly force: boolean;
  readonly timestamps: boolean;
  /** `text`: lowest logging level shown, by name (`debug` .. `critical`). */
  readonly logLevel?: string;
  /** Only these steps, as `A..B`. */
  readonly steps?: string;
  /** Only these threads as lanes, comma-separated. */
  readonly threads?: string;
  /** `race` or `race:N`: the steps of that race. */
  readonly focus?: string;
  /** svg: accesses as glyphs, values in the footnote. */
  readonly compact?: boolean;
  /** html: the program whose choices give the scheduler mode, named by the user. */
  readonly program?: string;
}

/** The excerpt options of `--steps`, `--threads` and `--focus`, parsed (TSIM006 on a bad one). */
export function windowOptions(a: { readonly steps?: string; readonly threads?: string; readonly focus?: string }): Pick<ExportOptions, 'steps' | 'threads' | 'focus'> {
  return {
    ...(a.steps === undefined ? {} : { steps: parseStepRange(a.steps) }),
    ...(a.threads === undefined ? {} : { threads: parseThreads(a.threads) }),
    ...(a.focus === undefined ? {} : { focus: a.focus }),
  };
}

/** Write an export to `output` (atomically, never over an existing file without `force`) or to `out`. */
export function deliverExport(text: string, output: string | undefined, force: boolean, out: (text: string) => void): void {
  if (output === undefined) out(text);
  else writeFileAtomic(output, text, force);
}

/** Run the command; exit code 0. */
export async function exportCommand(args: ExportArgs, out: (text: string) => void): Promise<number> {
  const trace = withRaces(readTraceFile(args.file));
  // Refuse a bad excerpt before loading the program or writing anything.
  const windowed = checkExportOptions(trace, args.format, windowOptions(args));
  // Rendering never runs code named by the trace: a built-in program, or one the user names.
  const program = args.format === 'html' ? await programForTrace(trace.recipe.program, args.program) : undefined;
  const level = args.logLevel === undefined ? undefined : LEVEL_NUMBERS[args.logLevel];
  const options: ExportOptions = {
    ...windowed,
    timestamps: args.timestamps,
    ...(level === undefined ? {} : { level }),
    ...(program === undefined ? {} : { program }),
    ...(args.compact === true ? { compact: true } : {}),
  };
  deliverExport(renderExport(trace, args.format, options), args.output, args.force, out);
  return 0;
}
