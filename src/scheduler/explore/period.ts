/**
 * Systematic periodical scheduling, after PERIOD: Cheng Wen, Mengda He, Bohao Wu, Zhiwu Xu,
 * Shengchao Qin, "Controlled Concurrency Testing via Periodical Scheduling", ICSE 2022.
 *
 * An execution is split into periods. In each period every live thread runs one segment of
 * consecutive steps (possibly empty), the segments one after another in an order of that
 * period's own. A schedule (the thread of every step) therefore has a least number of periods:
 * cut it greedily, starting a new period at the first step of a thread that already ran a
 * segment in the current period and was switched away from. Greedy cutting is optimal: any
 * stretch of a valid period is itself a valid period, so extending the current period as far
 * as it goes never costs a later one. A bug that needs d orderings between threads shows up
 * within about d + 1 periods (the paper's "bug depth"), and with few periods each thread runs
 * long stretches, which is what an audit between two whole loops needs
 * (bench/bug-account-8: depositor, auditor, withdrawer, each whole, then the main thread's
 * joins: two periods), where PCT must draw the right priorities and change points.
 *
 * The search enumerates complete executions in order of their number of periods. Within one
 * number of periods the order is a choice of ours, measured on the bug suite
 * (bench/strategies.ts):
 * - fewest deviations first: choices that differ from the default one (the thread that ran
 *   last, else the oldest runnable thread new to the period). That is delay bounding's order
 *   (Emmi, Qadeer, Rakamaric, POPL 2011) inside each period bound: one change to a schedule
 *   that did not fail is tried at every point before two changes anywhere. Depth-first order
 *   instead (the newest branch first, as DFS) needed 1,201 executions for bench/bug-reorder-5
 *   and 202 for bench/bug-two-stage-2-3: it spends the budget reordering the last steps of one
 *   early schedule, while those bugs need one thread switched away from early.
 * - then deviations at key points first: where the chosen thread's next op conflicts with the
 *   step just run (a race, as DPOR defines conflicts), or where the thread that ran cannot go
 *   on. PERIOD schedules only at key points, the shared accesses a static analysis flags as
 *   possibly racing; threadsim can switch at every step, so it tries those points first
 *   instead of only those. This took bench/bug-reorder-5 from 26 executions to 11 and
 *   bench/bug-two-stage-2-3 from 17 to 7 (PCT: about 123 and 11).
 * - then the branch made first.
 *
 * It is a uniform-cost search: each execution replays the choices of one frontier
 * entry, then takes the default choice (the thread that ran last, else the oldest runnable
 * thread that has not run in this period) at every new scheduling point, and adds the other
 * runnable threads there to the frontier with the cost of their prefix. Every node of the tree
 * is made once and every alternative added once, so no schedule is run twice; costs never
 * fall along a path, so once the cheapest frontier entry has more than d periods every
 * schedule with at most d periods has been run ({@link PeriodSearch.coveredPeriods}).
 *
 * The search is stateless in the program (each execution re-runs it from the start) but keeps
 * its frontier, which grows with the executions run (a few small objects per scheduling point
 * of each execution), unlike DFS, whose memory is one path. So the frontier has a limit
 * ({@link MAX_FRONTIER} untried choices): once it is full it gives up its costliest alternatives
 * (period-frontier.ts), and the least number of periods among those given up caps what the
 * search can claim to have covered. Memory then stays flat however long the search runs, the
 * search goes on in the same order over what it kept, and a search that gave up anything
 * never calls itself exhausted.
 */
import type { Monitor, StepEvent } from '../monitor.js';
import { conflict, eventOf, type DependencyRules, type EventInfo } from './events.js';
import type { Policy, SchedulingPoint } from '../policies/policy.js';
import { AbandonExecution, isPreemption, runGuarded, type Runner, type Search, type SearchStep } from './search.js';
import { PeriodFrontier } from './period-frontier.js';

/**
 * Untried choices the frontier keeps at most. With their share of the tree they keep about
 * 30 MB alive on bench/lastzero-10; 10^6 executions there peak at about 250 MB of RSS (the
 * rest is garbage awaiting collection), where an unbounded frontier grew by about 2.7 GB
 * (bench/explore.ts measures it).
 */
export const MAX_FRONTIER = 1 << 16;

/** Conflicts as DPOR sees them, without output ordering. */
const RULES: DependencyRules = { orderOutput: false, daemon: () => false };

/** A scheduling choice on the tree: the choices before it (parent) and the thread chosen. */
interface Choice {
  readonly parent: Choice | undefined;
  readonly thread: number;
}

/**
 * A frontier entry: an untried choice and the cost of the prefix that ends with it. One object
 * for both (the entry is the tree node once tried), to keep the frontier small.
 */
interface Entry extends Choice {
  readonly periods: number;
  /** Choices in the prefix that differ from the default choice. */
  readonly deviations: number;
  /**
   * A key point: the chosen thread's op conflicts with the step just run, or the thread that
   * ran it cannot go on (it blocked or ended), so the switch costs no preemption.
   */
  readonly keyPoint: boolean;
  readonly seq: number;
}

/** True when `a` is tried before `b`: fewer periods, fewer deviations, a key point, oldest. */
function before(a: Entry, b: Entry): boolean {
  if (a.periods !== b.periods) return a.periods < b.periods;
  if (a.deviations !== b.deviations) return a.deviations < b.deviations;
  if (a.keyPoint !== b.keyPoint) return a.keyPoint;
  return a.seq < b.seq;
}

/** Counts periods and preemptions step by step. */
class PeriodCounter {
  periods = 0;
  private last = -1;
  private readonly inPeriod = new Set<number>();

  reset(): void {
    this.periods = 0;
    this.last = -1;
    this.inPeriod.clear();
  }

  /** Periods the schedule would have after thread `t` runs the next step. */
  costOf(t: number): number {
    if (this.periods === 0) return 1;
    return t === this.last || !this.inPeriod.has(t) ? this.periods : this.periods + 1;
  }

  step(t: number): void {
    if (t === this.last) return;
    if (this.periods === 0 || this.inPeriod.has(t)) {
      this.periods++;
      this.inPeriod.clear();
    }
    this.inPeriod.add(t);
    this.last = t;
  }
}

/** The PERIOD search; see the file comment. */
export class PeriodSearch implements Search, Policy, Monitor {
  readonly name = 'period';
  /** The schedules still to try, cheapest on top. */
  private readonly frontier: PeriodFrontier<Entry>;
  private readonly counter = new PeriodCounter();
  private seq = 0;
  private started = false;
  private finished = false;
  /** Choices to replay, first to last, and how far the current execution has got. */
  private forced: number[] = [];
  private choiceIndex = 0;
  /** The tree node of the current execution's prefix. */
  private at: Choice | undefined;
  private preemptions = 0;
  private lastEvent: EventInfo | undefined;
  /** Deviations of the prefix the current execution replays. */
  private baseDeviations = 0;
  /** Periods of the last execution run. */
  lastPeriods = 0;
  /** Executions run, by their number of periods. */
  private readonly byPeriods: number[] = [];

  constructor(
    private readonly runner: Runner,
    /** Untried choices kept at most (see the file comment). */
    private readonly maxFrontier = MAX_FRONTIER,
  ) {
    this.frontier = new PeriodFrontier<Entry>(before, maxFrontier);
  }

  /** True once every schedule has run: never after an alternative was given up. */
  get exhausted(): boolean {
    return this.finished && this.frontier.dropped === Infinity;
  }

  /** True once the frontier was full and gave up alternatives (the search is then not exhaustive). */
  get frontierFull(): boolean {
    return this.frontier.dropped !== Infinity;
  }

  /** Untried choices the frontier holds now. */
  get untried(): number {
    return this.frontier.size;
  }

  /** The frontier's limit, for reports. */
  get frontierLimit(): number {
    return this.maxFrontier;
  }

  /**
   * Every schedule with at most this many periods has been run (Infinity once the search is
   * exhausted; 0 before the first execution).
   */
  get coveredPeriods(): number {
    if (!this.started) return 0;
    const top = this.finished ? undefined : this.frontier.peek();
    const kept = top === undefined ? Infinity : top.periods - 1;
    return Math.min(kept, this.frontier.dropped - 1);
  }

  /** Executions run so far with at most `d` periods. */
  runWithin(d: number): number {
    let n = 0;
    for (let p = 0; p < this.byPeriods.length && p <= d; p++) n += this.byPeriods[p] ?? 0;
    return n;
  }

  next(): SearchStep {
    if (this.finished) return { kind: 'done' };
    if (this.started) {
      const e = this.frontier.pop();
      if (e === undefined) {
        this.finished = true;
        return { kind: 'done' };
      }
      this.forced = [];
      for (let c: Choice | undefined = e; c !== undefined; c = c.parent) this.forced.push(c.thread);
      this.forced.reverse();
      this.at = e;
      this.baseDeviations = e.deviations;
    } else {
      this.forced = [];
      this.at = undefined;
      this.baseDeviations = 0;
    }
    this.started = true;
    const step = runGuarded(this.runner, this, this, () => this.preemptions);
    this.lastPeriods = this.counter.periods;
    if (step.kind === 'execution') this.byPeriods[this.lastPeriods] = (this.byPeriods[this.lastPeriods] ?? 0) + 1;
    return step;
  }

  begin(_seed: number): void {
    this.choiceIndex = 0;
    this.preemptions = 0;
    this.counter.reset();
    this.lastEvent = undefined;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const i = this.choiceIndex++;
    let chosen: number;
    if (i < this.forced.length) {
      chosen = this.forced[i]!;
      // The program is deterministic given its choices, so a replayed choice is always there.
      if (!runnable.includes(chosen)) throw new AbandonExecution('infeasible');
    } else {
      chosen = this.defaultChoice(runnable, at);
      for (const t of runnable) {
        if (t === chosen) continue;
        const op = at.pending(t);
        const keyPoint = !runnable.includes(at.previous) || (op !== undefined && this.lastEvent !== undefined && conflict(eventOf(t, op, -1), this.lastEvent, RULES));
        this.frontier.push({ parent: this.at, thread: t, periods: this.counter.costOf(t), deviations: this.baseDeviations + 1, keyPoint, seq: this.seq++ });
      }
      this.at = { parent: this.at, thread: chosen };
    }
    if (isPreemption(runnable, at.previous, at.yielded, chosen)) this.preemptions++;
    return chosen;
  }

  /** The thread that ran last if it can go on, else the oldest runnable one new to this period. */
  private defaultChoice(runnable: readonly number[], at: SchedulingPoint): number {
    if (at.previous >= 0 && runnable.includes(at.previous)) return at.previous;
    const periods = this.counter.periods;
    for (const t of runnable) if (this.counter.costOf(t) === periods) return t;
    return runnable[0]!;
  }

  onStep(ev: StepEvent): void {
    this.counter.step(ev.thread);
    this.lastEvent = eventOf(ev.thread, ev.op, ev.spawned);
  }
}
