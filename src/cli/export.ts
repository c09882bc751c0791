/** `threadsim export FILE --format F [-o OUT]`: render a trace file in another format. */
import { renderExport, withRaces } from '../trace/export/index.ts';
import { writeFileAtomic } from './io.ts';
import { readTraceFile } from './read-trace.ts';

/** Options of `threadsim export`. */
export interface ExportArgs {
  readonly file: string;
  readonly format: string;
  /** Write here instead of standard output. */
  readonly output?: string;
  readonly force: boolean;
  readonly timestamps: boolean;
}

/** Write an export to `output` (atomically, never over an existing file without `force`) or to `out`. */
export function deliverExport(text: string, output: string | undefined, force: boolean, out: (text: string) => void): void {
  if (output === undefined) out(text);
  else writeFileAtomic(output, text, force);
}

/** Run the command; exit code 0. */
export function exportCommand(args: ExportArgs, out: (text: string) => void): number {
  const trace = withRaces(readTraceFile(args.file));
  deliverExport(renderExport(trace, args.format, { timestamps: args.timestamps }), args.output, args.force, out);
  return 0;
}
