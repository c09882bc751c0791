/**
 * `linearizable(subject, options)`: the fast-check property "every concurrent scenario of the
 * subject's operations, under every schedule tried, has a linearizable history". Scenarios are
 * generated and shrunk by fast-check; interleavings are either generated with them (`random`,
 * shrunk toward fewer preemptions) or enumerated for each scenario (`exhaustive`, up to a
 * preemption bound).
 */
import fc from 'fast-check';
import type { ExecutionResult } from '../scheduler/execution.ts';
import { enumerateSchedules, type ExhaustiveOptions } from './exhaustive.ts';
import { checkLinearizable, showCall, type HistoryOp } from './linearizability.ts';
import { sizeOf } from './report.ts';
import { runChoices, type ChoiceRun } from './run-choices.ts';
import { Schedule } from './schedule.ts';
import { choices } from './schedules.ts';
import { scenarioProgram, scenarios, specOf, type Scenario, type ScenarioOptions, type Subject } from './scenario.ts';
import { escapeCell, swimLaneTable } from './swimlane.ts';

/** Options of {@link linearizable}. */
export interface LinearizableOptions extends ScenarioOptions, ExhaustiveOptions {
  /** `random` (default): one generated schedule per scenario; `exhaustive`: every schedule up to `preemptionBound`. */
  readonly explore?: 'random' | 'exhaustive';
}

/** A scenario whose history is not linearizable; the message is the full report. */
export class LinearizabilityError extends Error {
  constructor(
    readonly scenario: Scenario,
    readonly schedule: Schedule,
    readonly history: readonly HistoryOp[],
    readonly reason: string,
    report: string,
  ) {
    super(report);
    this.name = 'LinearizabilityError';
  }
}

/** The history as a Markdown table: one column per thread, one row per call, by call time. */
export function historyTable(history: readonly HistoryOp[], threads: number): string {
  const header = ['MainThread (init)', ...Array.from({ length: threads }, (_, i) => `T${i + 1}`)];
  const rows = [...history].sort((a, b) => a.invoked - b.invoked || a.thread - b.thread);
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const o of rows) {
    const cells = header.map(() => '');
    const result = o.returned === undefined ? 'still waiting' : `→ ${showResult(o.result)}`;
    const when = o.returned === undefined ? `called after step ${o.invoked - 1}` : `steps ${o.invoked}..${o.returned - 1}`;
    cells[o.thread + 1] = escapeCell(`${showCall(o.name, o.arg)} ${result} (${when})`);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function showResult(v: unknown): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'object' && v !== null && 'raised' in v) return `raises ${String((v as { raised: unknown }).raised)}`;
  return JSON.stringify(v) ?? String(v);
}

/** Problems with one execution of a scenario, or undefined when its history is linearizable. */
function judge<I, S>(subject: Subject<I, S>, scenario: Scenario, run: ChoiceRun, history: readonly HistoryOp[]): string | undefined {
  const exec: ExecutionResult = run.execution;
  const other = exec.failures.filter((f) => f.kind !== 'deadlock');
  if (other.length > 0) return other.map((f) => f.message).join('; ');
  const verdict = checkLinearizable(history, specOf(subject), exec.ending === 'deadlock');
  return verdict.linearizable ? undefined : verdict.reason;
}

function report<I, S>(subject: Subject<I, S>, scenario: Scenario, schedule: Schedule, reason: string, history: readonly HistoryOp[], options: ExhaustiveOptions): string {
  const recorded = runChoices(scenarioProgram(subject, scenario).program, schedule.choices, options, true);
  return [
    `${subject.name} is not linearizable: ${reason}.`,
    `scenario: ${scenario.toString()}`,
    `schedule: ${schedule.toString()}, ${sizeOf(recorded)}, ending ${recorded.execution.ending}`,
    '',
    historyTable(history, scenario.threads.length),
    '',
    swimLaneTable(recorded.execution, recorded.points),
  ].join('\n');
}

/** Check `scenario` under one schedule; throw a {@link LinearizabilityError} when it fails. */
export function assertLinearizable<I, S>(subject: Subject<I, S>, scenario: Scenario, schedule: Schedule, options: ExhaustiveOptions = {}): void {
  const sp = scenarioProgram(subject, scenario);
  const run = runChoices(sp.program, schedule.choices, options);
  const history = sp.history();
  const reason = judge(subject, scenario, run, history);
  if (reason !== undefined) throw new LinearizabilityError(scenario, schedule, history, reason, report(subject, scenario, schedule, reason, history, options));
}

/** Check `scenario` under every schedule up to the preemption bound. */
export function assertLinearizableExhaustively<I, S>(subject: Subject<I, S>, scenario: Scenario, options: ExhaustiveOptions = {}): void {
  const sp = scenarioProgram(subject, scenario);
  for (const run of enumerateSchedules(sp.program, options)) {
    const history = sp.history();
    const reason = judge(subject, scenario, run, history);
    if (reason !== undefined) {
      const schedule = new Schedule(run.choices);
      throw new LinearizabilityError(scenario, schedule, history, reason, report(subject, scenario, schedule, reason, history, options));
    }
  }
}

/** The property that every generated scenario of `subject` is linearizable. */
export function linearizable<I, S>(subject: Subject<I, S>, options: LinearizableOptions = {}): fc.IPropertyWithHooks<[Scenario, Schedule]> {
  if (options.explore === 'exhaustive') {
    // every schedule is enumerated per scenario; the generated schedule is not used
    return fc.property(scenarios(subject, options), fc.constant(new Schedule([])), (scenario: Scenario, _unused: Schedule) => assertLinearizableExhaustively(subject, scenario, options));
  }
  const maxChoice = Math.max(1, options.threads ?? 2);
  return fc.property(scenarios(subject, options), choices({ maxChoice, maxLength: 48 }), (scenario, schedule) => assertLinearizable(subject, scenario, schedule, options));
}
