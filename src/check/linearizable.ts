/**
 * `linearizable(subject, options)`: the fast-check property "every concurrent scenario of the
 * subject's operations, under every schedule tried, has a linearizable history". Scenarios are
 * generated and shrunk by fast-check; interleavings are either generated with them (`random`,
 * shrunk toward fewer preemptions) or enumerated for each scenario (`exhaustive`, up to a
 * preemption bound).
 */
import fc from 'fast-check';
import type { ExecutionResult } from '../scheduler/execution.js';
import { enumerateSchedules, type ExhaustiveOptions } from './exhaustive.js';
import { checkLinearizable, showCall, type HistoryOp } from './linearizability.js';
import { sizeOf } from './report.js';
import { runChoices, type ChoiceRun } from './run-choices.js';
import { Schedule } from './schedule.js';
import { minimizeSchedule } from './shrink.js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { scenarioProgram, scenarios, specOf, type Scenario, type ScenarioOptions, type Subject } from './scenario.js';
import { laneText } from './lanes.js';
import { escapeCell } from './swimlane.js';

/** Options of {@link linearizable}. */
export interface LinearizableOptions extends ScenarioOptions, ExhaustiveOptions {
  /**
   * `random` (default): `schedulesPerScenario` random schedules per scenario, from a seed
   * fast-check generates; `exhaustive`: every schedule up to `preemptionBound` (default 2).
   */
  readonly explore?: 'random' | 'exhaustive';
  /** Random schedules tried per scenario. Default 20. */
  readonly schedulesPerScenario?: number;
}

/** A scenario whose history is not linearizable; the message is the full report. */
export class LinearizabilityError extends Error {
  // Private fields behind getters: a test runner prints the report, not a dump of these.
  readonly #scenario: Scenario;
  readonly #schedule: Schedule;
  readonly #history: readonly HistoryOp[];
  readonly #reason: string;
  constructor(scenario: Scenario, schedule: Schedule, history: readonly HistoryOp[], reason: string, report: string) {
    super(report);
    this.name = 'LinearizabilityError';
    this.#scenario = scenario;
    this.#schedule = schedule;
    this.#history = history;
    this.#reason = reason;
  }

  /**
   * What a test runner serialises besides the message: nothing (vitest would otherwise print
   * the schedule and failures as a "Serialized Error" dump under the report that tells them).
   */
  toJSON(): { name: string; message: string } {
    return { name: this.name, message: this.message };
  }

  /** The failing scenario. */
  get scenario(): Scenario {
    return this.#scenario;
  }

  /** The shrunk schedule under which it fails. */
  get schedule(): Schedule {
    return this.#schedule;
  }

  /** Every call of the failing execution. */
  get history(): readonly HistoryOp[] {
    return this.#history;
  }

  /** Why the history is not linearizable. */
  get reason(): string {
    return this.#reason;
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

/** The history as aligned plain-text columns (what a test runner's failure message shows). */
export function historyText(history: readonly HistoryOp[], threads: number): string {
  const header = ['MainThread (init)', ...Array.from({ length: threads }, (_, i) => `T${i + 1}`)];
  const rows = [...history].sort((a, b) => a.invoked - b.invoked || a.thread - b.thread);
  const cells = rows.map((o) => {
    const result = o.returned === undefined ? 'still waiting' : `→ ${showResult(o.result)}`;
    const when = o.returned === undefined ? `called after step ${o.invoked - 1}` : `steps ${o.invoked}..${o.returned - 1}`;
    const row = header.map(() => '');
    row[o.thread + 1] = `${showCall(o.name, o.arg)} ${result} (${when})`.replace(/[\u0000-\u001f]/g, ' ');
    return row;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
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
    historyText(history, scenario.threads.length),
    '',
    laneText(recorded.execution, recorded.points),
  ].join('\n');
}

/** Check one execution; on failure shrink its schedule and throw the report. */
function checkRun<I, S>(subject: Subject<I, S>, scenario: Scenario, run: ChoiceRun, history: readonly HistoryOp[], schedule: Schedule, options: ExhaustiveOptions): void {
  if (judge(subject, scenario, run, history) === undefined) return;
  const sp = scenarioProgram(subject, scenario);
  const fails = (s: Schedule): boolean => judge(subject, scenario, runChoices(sp.program, s.choices, options), sp.history()) !== undefined;
  const small = minimizeSchedule(sp.program, schedule, fails, options);
  const again = runChoices(sp.program, small.choices, options);
  const smallHistory = sp.history();
  const reason = judge(subject, scenario, again, smallHistory) ?? 'unreachable: the shrunk schedule passes';
  throw new LinearizabilityError(scenario, small, smallHistory, reason, report(subject, scenario, small, reason, smallHistory, options));
}

/** Check `scenario` under one schedule; throw a {@link LinearizabilityError} when it fails. */
export function assertLinearizable<I, S>(subject: Subject<I, S>, scenario: Scenario, schedule: Schedule, options: ExhaustiveOptions = {}): void {
  const sp = scenarioProgram(subject, scenario);
  const run = runChoices(sp.program, schedule.choices, options);
  checkRun(subject, scenario, run, sp.history(), schedule, options);
}

/** Check `scenario` under `count` random schedules drawn from `seed` (xoroshiro128+). */
export function assertLinearizableSampled<I, S>(subject: Subject<I, S>, scenario: Scenario, seed: number, count: number, options: ExhaustiveOptions = {}): void {
  const rng = xoroshiro128plus(seed);
  const threads = scenario.threads.length + 1;
  for (let i = 0; i < count; i++) {
    const schedule = new Schedule(Array.from({ length: 16 * threads }, () => uniformInt(rng, 0, threads - 1)));
    assertLinearizable(subject, scenario, schedule, options);
  }
}

/** Check `scenario` under every schedule up to the preemption bound. */
export function assertLinearizableExhaustively<I, S>(subject: Subject<I, S>, scenario: Scenario, options: ExhaustiveOptions = {}): void {
  const sp = scenarioProgram(subject, scenario);
  for (const run of enumerateSchedules(sp.program, options)) checkRun(subject, scenario, run, sp.history(), new Schedule(run.choices), options);
}

/** The property that every generated scenario of `subject` is linearizable. */
export function linearizable<I, S>(subject: Subject<I, S>, options: LinearizableOptions = {}): fc.IPropertyWithHooks<[Scenario, number]> {
  if (options.explore === 'exhaustive') {
    // every schedule is enumerated per scenario; the generated number is not used
    return fc.property(scenarios(subject, options), fc.constant(0), (scenario: Scenario, _unused: number) => assertLinearizableExhaustively(subject, scenario, options));
  }
  const count = options.schedulesPerScenario ?? 20;
  return fc.property(scenarios(subject, options), fc.nat(), (scenario, seed) => assertLinearizableSampled(subject, scenario, seed, count, options));
}
