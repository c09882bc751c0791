/**
 * The report of a failing schedule: what failed, how many preemptions and steps, the
 * swim-lane table, the explanation of the shared accesses, and the replay line.
 */
import type { Failure } from '../scheduler/failures.js';
import type { Program } from '../scheduler/program.js';
import { explainAccesses } from '../trace/explain.js';
import { failureMessageLines } from '../trace/report.js';
import { replayLine, replayTarget } from './replay-line.js';
import { CHECK_MAX_STEPS, detecting, runChoices, type ChoiceRun, type EngineOptions } from './run-choices.js';
import type { Schedule } from './schedules.js';
import { escapeControls, failureSteps, FULL_LANES, laneText, summarySteps } from './lanes.js';
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
  /**
   * The module path or built-in name the replay line runs. Default: the built-in's name, or
   * the module that defines the program at its top level (relative to the working directory).
   */
  readonly programPath?: string;
  /**
   * `text` (default): aligned plain-text swim lanes, summarised to the deciding steps when the
   * run is long (what a terminal and a test runner show well); `markdown`: the whole run as a
   * GitHub-flavoured Markdown table, for an issue or a pull request.
   */
  readonly format?: 'text' | 'markdown';
}

/**
 * The explanation's `step N ...` access lines kept only for the deciding steps, the others
 * folded into `…` lines; its sentences (the lost updates) are all kept.
 */
function foldAccesses(lines: readonly string[], keep: ReadonlySet<number>): string[] {
  const out: string[] = [];
  let folded = 0;
  const flush = (): void => {
    if (folded > 0) out.push(`  … (${folded} more access${folded === 1 ? '' : 'es'})`);
    folded = 0;
  };
  for (const line of lines) {
    const m = /^\s+step\s+(\d+)\s/.exec(line);
    if (m !== null && !keep.has(Number(m[1]))) {
      folded++;
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
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
  const run = runChoices(program, schedule.choices, detecting(options), true);
  const exec = run.execution;
  const name = (i: number): string => exec.threads[i]?.name ?? `#${i}`;
  const lines: string[] = [];
  const found = origin === undefined ? '' : ` (found after ${origin.numRuns} run${origin.numRuns === 1 ? '' : 's'}, shrunk ${origin.numShrinks} time${origin.numShrinks === 1 ? '' : 's'})`;
  lines.push(`${program.name} fails under ${schedule.toString()}${found}: ${sizeOf(run)}, ending ${exec.ending}.`);
  // The recorded run names each race's pattern and code sites; the same races, by their steps.
  const named = exec.failures.filter((f) => f.kind === 'race');
  const shown = failures.map((f) =>
    f.kind !== 'race' ? f : (named.find((r) => r.location === f.location && r.first.step === f.first.step && r.second.step === f.second.step) ?? f),
  );
  for (const f of shown) lines.push(...failureMessageLines(f));
  const table = options.format === 'markdown' ? swimLaneTable(exec, run.points) : laneText(exec, run.points, { keep: failureSteps(failures) });
  lines.push('', table, '');
  let explanation = explainAccesses(exec.trace ?? [], name);
  if (options.format !== 'markdown' && (exec.trace?.length ?? 0) > FULL_LANES) {
    explanation = foldAccesses(explanation, summarySteps(exec, run.points, failureSteps(failures)));
  }
  if (explanation.length > 0) lines.push(...explanation, '');
  if (origin !== undefined) {
    lines.push(`fast-check: seed ${origin.seed}, path "${origin.path}" (pass { seed: ${origin.seed}, path: "${origin.path}" } to replay this counterexample first)`);
  }
  const bound = options.maxSteps ?? (exec.ending === 'step-bound' ? CHECK_MAX_STEPS : undefined);
  lines.push(
    replayLine(replayTarget(program, options.programPath), exec, {
      ...(bound === undefined ? {} : { maxSteps: bound }),
      ...(options.cpuCount === undefined ? {} : { cpuCount: options.cpuCount }),
      ...(options.detect === false ? { detect: false } : {}),
    }),
  );
  const own = program.options.claims ?? {};
  const given = failures.filter((f) => f.kind === 'claim' && !(f.claim in own)).map((f) => (f.kind === 'claim' ? `'${f.claim}'` : ''));
  if (given.length > 0) lines.push(`  (the replay checks the program's own claims, not ${given.join(', ')}, which only the check knows)`);
  if (options.untimed === true) lines.push('  (found in untimed mode: sleeps and timeouts ordered nothing)');
  return escapeControls(lines.join('\n'));
}
