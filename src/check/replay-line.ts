/**
 * The lines that replay a counterexample with `threadsim run PROGRAM --schedule '...'`: the
 * executed schedule in the trace notation (exact: the run follows it step by step), with the
 * legend of any thread aliases. PROGRAM is something the CLI can load: a built-in's name, the
 * module that defines the program at its top level, or the path the caller gave; when there
 * is none (a program made in a test file or by a function), the line says how to make one.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { isBuiltinModule } from '../scheduler/detect/site.js';
import type { ExecutionResult } from '../scheduler/execution.js';
import type { Program } from '../scheduler/program.js';
import { printSchedule } from '../trace/notation.js';
import { replayLines } from '../trace/replay-command.js';

/** Test files import the test runner, so `threadsim run` cannot load them. */
const TEST_FILE = /(^|[\\/])__tests__[\\/]|\.(test|spec)\.[cm]?[jt]sx?$/;

/** How the replay line names the program, when nobody said. */
export type ReplayTarget = { readonly spec: string } | { readonly unloadable: string };

/**
 * What `threadsim run` is given to load `program`: `programPath` when given, a built-in's name,
 * or its defining module relative to the working directory; else why no file can load it.
 */
export function replayTarget(program: Program, programPath?: string): ReplayTarget {
  if (programPath !== undefined) return { spec: programPath };
  const file = program.module;
  if (file === undefined) return { unloadable: `${program.name} is made inside a function` };
  if (isBuiltinModule(file)) return { spec: program.name };
  const rel = relative(process.cwd(), file);
  const shown = rel === '' || isAbsolute(rel) || rel.startsWith('..') ? file : rel.split(sep).join('/');
  if (TEST_FILE.test(file)) return { unloadable: `${program.name} is defined in ${shown}, a test file` };
  return { spec: shown };
}

/** Options of {@link replayLine}. */
export interface ReplayLineOptions {
  readonly maxSteps?: number;
  readonly cpuCount?: number;
  /** False when the check ran without race detection: the replay then runs with `--no-detect`. */
  readonly detect?: boolean;
}

/** `replay: npx threadsim run PROGRAM --schedule '...'` (and `where T1 = ...` when needed). */
export function replayLine(target: ReplayTarget | string, exec: ExecutionResult, options: ReplayLineOptions = {}): string {
  const t: ReplayTarget = typeof target === 'string' ? { spec: target } : target;
  const notation = printSchedule(exec.schedule, exec.threads.map((th) => th.name), exec.choices);
  const spec = 'spec' in t ? t.spec : 'MODULE';
  const lines = replayLines({ program: spec, policy: 'gil', seed: 0, schedule: notation, ...options }, exec);
  if ('unloadable' in t) {
    lines.push(
      `  where MODULE is a module whose default export is this program: ${t.unloadable}, which threadsim run cannot load.`,
      '  Move the program(...) call to the top level of its own module (export default program(...)), import it in the test, and this line names that module; or pass { programPath } to name it.',
    );
  }
  return lines.join('\n');
}
