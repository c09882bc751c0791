/** `threadsim export FILE --format F [-o OUT]`: render a trace file in another format. */
import { renderExport, withRaces } from '../trace/export/index.js';
import { parseStepRange } from '../trace/export/step-range.js';
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
  /** Only these steps, as `A..B` (markdown and mermaid). */
  readonly steps?: string;
  /** html: the program whose choices give the scheduler mode, named by the user. */
  readonly program?: string;
}

/** Write an export to `output` (atomically, never over an existing file without `force`) or to `out`. */
export function deliverExport(text: string, output: string | undefined, force: boolean, out: (text: string) => void): void {
  if (output === undefined) out(text);
  else writeFileAtomic(output, text, force);
}

/** Run the command; exit code 0. */
export async function exportCommand(args: ExportArgs, out: (text: string) => void): Promise<number> {
  const trace = withRaces(readTraceFile(args.file));
  // Rendering never runs code named by the trace: a built-in program, or one the user names.
  const program = args.format === 'html' ? await programForTrace(trace.recipe.program, args.program) : undefined;
  const level = args.logLevel === undefined ? undefined : LEVEL_NUMBERS[args.logLevel];
  const options = {
    timestamps: args.timestamps,
    ...(level === undefined ? {} : { level }),
    ...(args.steps === undefined ? {} : { steps: parseStepRange(args.steps) }),
    ...(program === undefined ? {} : { program }),
  };
  deliverExport(renderExport(trace, args.format, options), args.output, args.force, out);
  return 0;
}
