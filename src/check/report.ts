/**
 * The report of a failing schedule: what failed, how many preemptions and steps, the
 * swim-lane table, the explanation of the shared accesses, and the replay line.
 */
import type { Failure } from '../scheduler/failures.js';
import type { Program } from '../scheduler/program.js';
import { explainAccesses } from '../trace/explain.js';
import { failureMessageLines } from '../trace/report.js';
import { replayLine } from './replay-line.js';
import { CHECK_MAX_STEPS, runChoices, type ChoiceRun, type EngineOptions } from './run-choices.js';
import type { Schedule } from './schedules.js';
import { swimLaneTable } from './swimlane.js';

/** How fast-check found a counterexample, for the report's replay recipe. */
export interface FastCheckOrigin {
  readonly seed: number;
  readonly path: string;
  readonly numRuns: number;
  readonly numShrinks: number;
}

/** Options of {@link scheduleReport}. */
export interface ReportOptions extends EngineOptions {
  /** The module path or built-in name the replay line runs. Default: the program's name. */
  readonly programPath?: string;
}

/** `1 preemption, 9 steps`. */
export function sizeOf(run: ChoiceRun): string {
  const p = run.preemptions;
  return `${p} preemption${p === 1 ? '' : 's'}, ${run.execution.steps} steps`;
}

/**
 * The report of `schedule` on `program` (re-run with its trace kept; runs are deterministic).
 * `failures` are the failures to show (the engine's plus a claim's); `origin` adds
 * fast-check's seed and path.
 */
export function scheduleReport(
  program: Program,
  schedule: Schedule,
  failures: readonly Failure[],
  options: ReportOptions = {},
  origin?: FastCheckOrigin,
): string {
  const run = runChoices(program, schedule.choices, options, true);
  const exec = run.execution;
  const name = (i: number): string => exec.threads[i]?.name ?? `#${i}`;
  const lines: string[] = [];
  const found = origin === undefined ? '' : ` (found after ${origin.numRuns} run${origin.numRuns === 1 ? '' : 's'}, shrunk ${origin.numShrinks} time${origin.numShrinks === 1 ? '' : 's'})`;
  lines.push(`${program.name} fails under ${schedule.toString()}${found}: ${sizeOf(run)}, ending ${exec.ending}.`);
  for (const f of failures) lines.push(...failureMessageLines(f));
  lines.push('', swimLaneTable(exec, run.points), '');
  const explanation = explainAccesses(exec.trace ?? [], name);
  if (explanation.length > 0) lines.push(...explanation, '');
  if (origin !== undefined) {
    lines.push(`fast-check: seed ${origin.seed}, path "${origin.path}" (pass { seed: ${origin.seed}, path: "${origin.path}" } to replay this counterexample first)`);
  }
  const bound = options.maxSteps ?? (exec.ending === 'step-bound' ? CHECK_MAX_STEPS : undefined);
  lines.push(replayLine(options.programPath ?? program.name, exec, { ...(bound === undefined ? {} : { maxSteps: bound }), ...(options.cpuCount === undefined ? {} : { cpuCount: options.cpuCount }) }));
  if (options.untimed === true) lines.push('  (found in untimed mode: sleeps and timeouts ordered nothing)');
  return lines.join('\n');
}
