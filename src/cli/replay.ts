/** `threadsim replay FILE`: re-run a recorded trace and check that every step matches. */
import { safeStringify } from '../scheduler/json-safe.js';
import { ThreadsimError } from '../errors.js';
import { RaceMonitor } from '../scheduler/detect/detector.js';
import { execute, type StepRecord } from '../scheduler/execution.js';
import { ReplayPolicy } from '../scheduler/policies/index.js';
import type { TraceStep } from '../trace/format.js';
import { failureReport } from '../trace/report.js';
import { renderOutput } from '../trace/text.js';
import { loadProgram, looksLikePath, programForTrace, programNotNamed } from './load.js';
import { readTraceFile } from './read-trace.js';

/** Options of `threadsim replay`. */
export interface ReplayArgs {
  readonly file: string;
  readonly timestamps: boolean;
  /** The program to run, named by the user; without it only a built-in program named by the trace is run. */
  readonly program?: string;
}

/** Replay; returns the exit code (0 matched and no failure, 1 matched with the failure). */
export async function replayCommand(args: ReplayArgs, out: (line: string) => void): Promise<number> {
  const trace = readTraceFile(args.file);
  const spec = trace.recipe.program;
  if (args.program === undefined && looksLikePath(spec)) throw programNotNamed(spec, args.file, 'replay');
  // A built-in name that is not one (a trace from another version) gets loadProgram's error.
  const program = (await programForTrace(spec, args.program)) ?? (await loadProgram(spec));
  const names = (i: number): string => trace.threads[i]?.name ?? `#${i}`;
  const exec = execute(program, {
    policy: new ReplayPolicy(trace.schedule, names, trace.choices),
    seed: trace.recipe.seed,
    record: true,
    monitor: new RaceMonitor({ patterns: true }),
    maxSteps: Math.max(trace.schedule.length, trace.recipe.maxSteps ?? 0, 1),
    ...(trace.recipe.cpuCount === undefined ? {} : { cpuCount: trace.recipe.cpuCount }),
  });
  const diverged = firstDifference(trace.steps, exec.trace ?? []);
  if (diverged !== undefined) {
    throw new ThreadsimError('TSIM007', `replay diverged at step ${diverged.step}: ${diverged.why}`, 'The program changed since the trace was recorded; record a new trace.');
  }
  for (const l of renderOutput(exec.output, { timestamps: args.timestamps })) out(l);
  out('');
  out(`replayed ${exec.steps} steps of ${trace.recipe.program}: every step matches the trace`);
  const recipe = trace.recipe;
  for (const l of failureReport({ ...exec, policy: recipe.policy }, recipe, exec)) out(l);
  return exec.failures.length === 0 ? 0 : 1;
}

function firstDifference(want: readonly TraceStep[], got: readonly StepRecord[]): { step: number; why: string } | undefined {
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined) return { step: i, why: 'the program takes more steps than the trace holds' };
    if (g === undefined) return { step: i, why: `the program ended, the trace goes on with ${w.kind} ${w.obj ?? ''}`.trim() };
    const a = `${w.thread} ${w.kind} ${w.obj ?? ''} ${safeStringify(w.value)} ${safeStringify(w.result)}`;
    const b = `${g.thread} ${g.kind} ${g.obj ?? ''} ${safeStringify(g.value)} ${safeStringify(g.result)}`;
    if (a !== b) return { step: i, why: `expected ${describe(w.kind, w.obj, w.value, w.result)}, got ${describe(g.kind, g.obj, g.value, g.result)}` };
  }
  return undefined;
}

function describe(kind: string, obj: string | undefined, value: unknown, result: unknown): string {
  const parts = [kind, obj ?? ''];
  if (value !== undefined) parts.push(`value ${safeStringify(value)}`);
  if (result !== undefined) parts.push(`result ${safeStringify(result)}`);
  return parts.filter((p) => p !== '').join(' ');
}
