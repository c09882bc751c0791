/**
 * The trace file: one execution, enough to replay it and check every step.
 * Version 1. A reader rejects other formats and newer versions with a clear error.
 */
import { ThreadsimError } from '../errors.ts';
import type { ExecutionResult } from '../scheduler/execution.ts';
import type { ReplayRecipe } from './replay-command.ts';

/** Current trace format version. */
export const TRACE_VERSION = 1;

/** A step as stored in a trace file. */
export interface TraceStep {
  readonly step: number;
  readonly time: number;
  readonly since: number;
  readonly thread: number;
  readonly kind: string;
  readonly obj?: string;
  readonly access: string;
  readonly value?: unknown;
  readonly result?: unknown;
  readonly timedOut: boolean;
  readonly raised?: string;
  /** True when the thread blocked (parked) between reaching the op and running it. */
  readonly blocked?: boolean;
}

/** The trace file's content. */
export interface TraceFile {
  readonly format: 'threadsim-trace';
  readonly version: number;
  readonly recipe: ReplayRecipe;
  readonly ending: string;
  readonly threads: ExecutionResult['threads'];
  readonly schedule: readonly number[];
  readonly steps: readonly TraceStep[];
  readonly output: ExecutionResult['output'];
  readonly failures: ExecutionResult['failures'];
  readonly state: ExecutionResult['state'];
}

/** Build the trace file of a recorded execution. */
export function toTraceFile(exec: ExecutionResult, recipe: ReplayRecipe): TraceFile {
  const steps: TraceStep[] = (exec.trace ?? []).map((s) => ({
    step: s.step,
    time: s.time,
    since: s.since,
    thread: s.thread,
    kind: s.kind,
    ...(s.obj === undefined ? {} : { obj: s.obj }),
    access: s.access,
    ...(s.value === undefined ? {} : { value: s.value }),
    ...(s.result === undefined ? {} : { result: s.result }),
    timedOut: s.timedOut,
    ...(s.raised === undefined ? {} : { raised: s.raised }),
    ...(s.blocked === true ? { blocked: true } : {}),
  }));
  return {
    format: 'threadsim-trace',
    version: TRACE_VERSION,
    recipe,
    ending: exec.ending,
    threads: exec.threads,
    schedule: exec.schedule,
    steps,
    output: exec.output,
    failures: exec.failures,
    state: exec.state,
  };
}

/** Parse and check a trace file's text; `where` names the file in errors. */
export function parseTraceFile(text: string, where: string): TraceFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw malformed(where, `it is not JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null) throw malformed(where, 'the top level is not an object');
  const t = data as Record<string, unknown>;
  if (t.format !== 'threadsim-trace') throw malformed(where, 'field "format" is not "threadsim-trace"');
  if (typeof t.version !== 'number') throw malformed(where, 'field "version" is missing');
  if (t.version > TRACE_VERSION) {
    throw new ThreadsimError('TS008', `${where} is trace format version ${t.version}; this threadsim reads up to version ${TRACE_VERSION}`, 'Upgrade threadsim to read it.');
  }
  const recipe = t.recipe as Record<string, unknown> | undefined;
  if (typeof recipe !== 'object' || recipe === null) throw malformed(where, 'field "recipe" is missing');
  if (typeof recipe.program !== 'string') throw malformed(where, 'field "recipe.program" is not a string');
  if (typeof recipe.policy !== 'string') throw malformed(where, 'field "recipe.policy" is not a string');
  if (typeof recipe.seed !== 'number') throw malformed(where, 'field "recipe.seed" is not a number');
  if (!Array.isArray(t.schedule) || !t.schedule.every((x) => Number.isInteger(x) && x >= 0)) {
    throw malformed(where, 'field "schedule" is not a list of thread indices');
  }
  if (!Array.isArray(t.steps)) throw malformed(where, 'field "steps" is not a list');
  if (!Array.isArray(t.threads)) throw malformed(where, 'field "threads" is not a list');
  return data as TraceFile;
}

function malformed(where: string, why: string): ThreadsimError {
  return new ThreadsimError('TS008', `${where} is not a valid threadsim trace: ${why}`, 'Pass a file written by `threadsim run ... --trace FILE`.');
}
