/**
 * One part of a sampled exploration: runs number `from` .. `from + count - 1` of the seed
 * sequence an exploration names, run by an ordinary {@link Exploration}, and a small
 * structured-clone-safe result that parts can be merged from (counts, histogram counts, and
 * each failure by signature and run number, never an execution result: the merge re-runs the
 * few runs it reports, which is deterministic).
 *
 * This works for every seed-based strategy by name, because a part is just the exploration
 * the user asked for with `firstRun` and `maxExecutions` set to its range.
 */
import { Exploration, type ExploreOptions, type StopReason } from '../explore.js';
import type { Program } from '../../program.js';

/** Options of an exploration that can cross a thread or process boundary (no clock). */
export type PortableOptions = Omit<ExploreOptions, 'clock' | 'firstRun' | 'maxExecutions'>;

/** A range of runs: numbers `from` .. `from + count - 1` (0-based, in seed order). */
export interface PartRange {
  readonly from: number;
  readonly count: number;
}

/** What a part found, ready to merge. */
export interface PartResult extends PartRange {
  /** Runs made: `count`, or fewer when the part stopped early. */
  readonly executions: number;
  readonly complete: number;
  readonly deadlocks: number;
  readonly stepBound: number;
  readonly abandoned: number;
  /** `budget` when the range was run to its end. */
  readonly stopped: StopReason;
  readonly states?: readonly [string, number][];
  readonly outputs?: readonly [string, number][];
  /** One entry per kind of failure, in run order: the first run (0-based) that showed it. */
  readonly failures: readonly { readonly signature: string; readonly run: number }[];
  /** With findOutput: the first run that printed it. */
  readonly match?: number;
}

/** A part being run, in slices, so a worker can report progress and obey a stop. */
export class PartRun {
  private readonly exploration: Exploration;

  constructor(
    program: Program,
    options: PortableOptions,
    readonly range: PartRange,
    clock?: () => number,
  ) {
    this.exploration = new Exploration(program, {
      ...options,
      firstRun: range.from,
      maxExecutions: range.count,
      // Parts report failures by run; the merge shrinks the ones it reports.
      shrink: false,
      ...(clock === undefined ? {} : { clock }),
    });
  }

  /** Run for about `budgetMs`; true when the part is done. */
  run(budgetMs = Infinity): boolean {
    return this.exploration.run(budgetMs);
  }

  /** Runs made so far and kinds of failure found. */
  progress(): { executions: number; failures: number } {
    const p = this.exploration.progress();
    return { executions: p.executions, failures: p.failures };
  }

  /** Stop at the next run; the result keeps what was found. */
  interrupt(): void {
    this.exploration.interrupt();
  }

  result(): PartResult {
    const s = this.exploration.summary();
    return {
      from: this.range.from,
      count: this.range.count,
      executions: s.executions,
      complete: s.complete,
      deadlocks: s.deadlocks,
      stepBound: s.stepBound,
      abandoned: s.abandoned,
      stopped: s.stopped,
      ...(s.histogram === undefined ? {} : { states: s.histogram.states, outputs: s.histogram.outputs }),
      failures: s.failures.map((f) => ({ signature: f.signature, run: this.range.from + f.execution - 1 })),
      ...(s.match === undefined ? {} : { match: this.range.from + s.match.execution - 1 }),
    };
  }
}

/** Run one part to its end (or its first failure, when the options stop there). */
export function runPart(program: Program, options: PortableOptions, range: PartRange): PartResult {
  const part = new PartRun(program, options, range);
  part.run();
  return part.result();
}

/** The sampling strategies: those that name each run by a seed and can be split by run number. */
export function splitsBySeed(strategy: ExploreOptions['strategy']): boolean {
  // rff keeps a corpus from run to run and the portfolio interleaves systematic members: neither names a
  // run by its seed alone, so neither can be cut by run number.
  return strategy === 'random' || strategy === 'pct' || strategy === 'pos';
}
