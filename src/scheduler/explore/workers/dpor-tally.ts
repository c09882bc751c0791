/**
 * The tally of a DPOR search run in pieces: the jobs of `--workers` (dpor-job-coordinator.ts)
 * or the prefix parts of `--shard` combined by `threadsim merge` (dpor-shard.ts). It adds up
 * what each piece found and gives the summary one thread gives, apart from timing.
 *
 * The counts and the histogram follow from the set of traces, which does not depend on the
 * order the pieces ran in. What does depend on the order (the execution a failure or the
 * output looked for is first met at, and with it the count of executions when a search stops
 * there) is taken from the sequential search itself, re-run in this thread up to that point:
 * the rule that picks the reported failure is the sequential order, never the workers' timing.
 * Pure: no clock, no threads.
 */
import type { Program } from '../../program.js';
import { execute } from '../../execution.js';
import { GuidedPolicy } from '../../policies/guided.js';
import { Exploration, sorted, TIMED_NOTE, type ExploreOptions, type ExploreSummary, type FoundFailure } from '../explore.js';
import type { DporStats } from '../dpor.js';
import { failureSignature } from '../shrink.js';
import type { BranchResult } from './dpor-branch.js';

/** Options a split DPOR search accepts: the exploration's, run to its end. */
export type SplitOptions = Omit<ExploreOptions, 'clock' | 'firstRun'>;

/**
 * True when a DPOR exploration with these options can be split with the one-thread result:
 * the whole space is explored (no --max-executions: which executions fit a budget depends on
 * the order), and no per-execution race report (it names the first execution with a race).
 */
export function splitsDpor(options: ExploreOptions): boolean {
  return (options.strategy ?? 'dpor') === 'dpor' && options.maxExecutions === undefined && options.detectRaces !== true;
}

/** The tally; see the file comment. */
export class DporTally {
  private readonly states = new Map<string, number>();
  private readonly outputs = new Map<string, number>();
  /** Kind of failure -> the first schedule a piece reported for it, and the executions run when the piece ended. */
  private readonly failures = new Map<string, { schedule: readonly number[]; execution: number }>();
  private readonly traceKeys = new Set<string>();
  private readonly stats: DporStats = { sleepBlocked: 0, infeasible: 0, races: 0, inserted: 0 };
  private executions = 0;
  /** Executions run, over every piece. */
  private run = 0;
  /** Executions whose trace (by key, when pieces send keys) was counted already: zero when the split is sound. */
  private repeats = 0;
  private complete = 0;
  private deadlocks = 0;
  private stepBound = 0;
  private abandoned = 0;
  private match = false;
  private timed = false;
  private interrupted = false;

  constructor(
    readonly program: Program,
    readonly options: SplitOptions,
  ) {}

  private get stopOnFailure(): boolean {
    return !this.options.keepGoing && !this.options.histogram && this.options.findOutput === undefined;
  }

  /** Executions run by the pieces absorbed so far, and kinds of failure they found. */
  progress(): { executions: number; failures: number } {
    return { executions: this.run, failures: this.failures.size };
  }

  /** Executions that repeated a trace another piece had counted (pieces send trace keys only with countTraces). */
  get redundant(): number {
    return this.repeats;
  }

  /** The search was stopped by the user: the summary keeps what was found, unshrunk. */
  interrupt(): void {
    this.interrupted = true;
  }

  /** Add what a piece found; `interrupted` when it was stopped by the user. */
  absorb(r: BranchResult, interrupted = false): void {
    for (const f of r.failures) if (!this.failures.has(f.signature)) this.failures.set(f.signature, { schedule: f.schedule, execution: this.run + f.at });
    this.abandoned += r.abandoned;
    this.run += r.executions;
    for (const x of r.records) {
      // A repeat is counted apart, not twice: the tests of the splits assert there are none.
      if (x.trace !== '' && this.traceKeys.has(x.trace)) {
        this.repeats++;
        continue;
      }
      if (x.trace !== '') this.traceKeys.add(x.trace);
      this.executions++;
      if (x.ending === 0) this.complete++;
      else if (x.ending === 1) this.deadlocks++;
      else this.stepBound++;
      if (x.state !== undefined) this.states.set(x.state, (this.states.get(x.state) ?? 0) + 1);
      if (x.output !== undefined) this.outputs.set(x.output, (this.outputs.get(x.output) ?? 0) + 1);
    }
    this.stats.sleepBlocked += r.stats.sleepBlocked;
    this.stats.infeasible += r.stats.infeasible;
    this.stats.races += r.stats.races;
    this.stats.inserted += r.stats.inserted;
    if (r.match) this.match = true;
    if (r.timed) this.timed = true;
    if (interrupted) this.interrupted = true;
  }

  /** The summary one thread gives (apart from timing), once every piece is absorbed. */
  summary(elapsedMs: number): ExploreSummary {
    const { maxExecutions: _m, ...portable } = this.options;
    const found = !this.interrupted && ((this.stopOnFailure && this.failures.size > 0) || this.match);
    if (found) {
      // The search stops at the first failure (or match) in its order: that order is the one thread's.
      const e = new Exploration(this.program, portable);
      e.run();
      return { ...e.summary(), elapsedMs };
    }
    const base = new Exploration(this.program, portable).summary();
    const notes = this.timed && !base.notes.includes(TIMED_NOTE) ? [...base.notes, TIMED_NOTE] : base.notes;
    return {
      ...base,
      notes,
      executions: this.executions,
      explored: this.executions,
      complete: this.complete,
      deadlocks: this.deadlocks,
      stepBound: this.stepBound,
      abandoned: this.abandoned,
      exhaustive: !this.interrupted,
      stopped: this.interrupted ? 'interrupted' : 'exhausted',
      failures: this.interrupted ? this.foundSoFar() : this.firstFailures(portable),
      ...(this.options.histogram ? { histogram: { states: sorted(this.states), outputs: sorted(this.outputs) } } : {}),
      ...(this.options.countTraces ? { traces: this.traceKeys.size } : {}),
      dpor: { ...this.stats },
      elapsedMs,
    };
  }

  /**
   * Every kind of failure found, each reported by the first execution that shows it in the
   * sequential order: the sequential search is re-run until it has met them all.
   */
  private firstFailures(options: SplitOptions): FoundFailure[] {
    if (this.failures.size === 0) return [];
    let tick = 0;
    const e = new Exploration(this.program, { ...options, keepGoing: true, clock: () => tick++ });
    while (!e.run(1) && e.progress().failures < this.failures.size);
    e.interrupt();
    return [...e.summary().failures];
  }

  /** After Ctrl-C: the failures found, replayed from their schedules, unshrunk, numbered by when their piece ended. */
  private foundSoFar(): FoundFailure[] {
    const o = this.options;
    const out: FoundFailure[] = [];
    for (const [signature, f] of this.failures) {
      const policy = new GuidedPolicy(f.schedule);
      const result = execute(this.program, { policy, seed: 0, untimed: o.untimed ?? false, maxSteps: o.maxSteps, cpuCount: o.cpuCount });
      const failure = result.failures.find((x) => failureSignature(x) === signature);
      if (failure === undefined) continue;
      out.push({ failure, signature, execution: f.execution, schedule: [...result.schedule], preemptions: policy.preemptions, steps: result.steps, result });
    }
    return out;
  }
}
