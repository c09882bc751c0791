/**
 * Which timed ops of an execution could be affected by where their arrival step falls, under
 * virtual-time rules (see events.ts for why an arrival is otherwise ordered with every step).
 *
 * A timed op's deadline is the clock when its thread arrived at it plus its timeout. The
 * clock moves by one step cost per step, and jumps to the next deadline when no thread can
 * run. Moving the arrival step by k places among other steps moves the deadline by k step
 * costs; reordering the steps of an execution of n steps moves any clock value by at most n
 * step costs. So when, all the time the op was pending, the clock stayed more than
 * `2 n` step costs short of its deadline, and no other timed op pending at the same time had
 * a deadline within that distance, no reordering of those steps lets the deadline pass while
 * another thread can still run: the op can only end at a jump of the clock, that is, once
 * every other thread is blocked or done, wherever its arrival falls. Such an op is *far*, and
 * its arrival step is an ordinary step for race analysis. Which threads block, and when, is
 * decided by ordinary steps, whose races DPOR reverses anyway. An op that is not far is
 * *near* (two equally long sleeps that overlap, a timeout of a few microseconds), and its
 * arrival keeps being ordered with every step.
 *
 * The margin counts steps of this execution; executions that run longer (a spin loop that
 * went round more often) are classified again when they run.
 */

/** One timed op of an execution: the step that fixed its deadline, and how long it was pending. */
interface Timer {
  /** Index of the arrival step. */
  readonly arrival: number;
  /** Clock (µs) of the arrival step plus the timeout. */
  readonly deadline: number;
  readonly thread: number;
  /** Index of the step that ran the op, or -1 while it is pending. */
  end: number;
  /** The op ran because its deadline passed (a sleep ending, a wait timing out). */
  expired: boolean;
}

/** Records the timed ops of one execution step by step; see the file comment. */
export class TimerWindows {
  private readonly timers: Timer[] = [];
  private readonly times: number[] = [];
  /** Threads whose first op is timed, started by the step in progress: their timeouts. */
  private readonly starting = new Map<number, number>();

  /** True when the execution so far reached a timed op (else {@link far} has nothing to say). */
  get any(): boolean {
    return this.timers.length > 0 || this.starting.size > 0;
  }

  /** A new execution starts. */
  reset(): void {
    this.timers.length = 0;
    // `times` is overwritten step by step (only steps of the current execution are read):
    // emptying it would drop its storage and grow it again in every execution.
    this.starting.clear();
  }

  /**
   * Step `index` ran at clock `time`, by `thread`; `timedOp`: it ran a timed op, `expired`:
   * because its deadline had passed; `spawned`: the thread it started, or -1.
   */
  step(index: number, time: number, thread: number, timedOp: boolean, expired: boolean, spawned: number): void {
    this.times[index] = time;
    if (timedOp) {
      for (const t of this.timers) {
        if (t.thread === thread && t.end < 0) {
          t.end = index;
          t.expired = expired;
        }
      }
    }
    if (spawned >= 0) {
      const timeout = this.starting.get(spawned);
      if (timeout !== undefined) {
        this.starting.delete(spawned);
        this.timers.push({ arrival: index, deadline: time + timeout, thread: spawned, end: -1, expired: false });
      }
    }
  }

  /** `thread` reached an op with `timeout` after step `index` (its own last step). */
  arrived(index: number, thread: number, timeout: number): void {
    this.timers.push({ arrival: index, deadline: this.times[index]! + timeout, thread, end: -1, expired: false });
  }

  /** `thread`'s first op has `timeout`: the step starting it (not recorded yet) is its arrival. */
  arrivesAtStart(thread: number, timeout: number): void {
    this.starting.set(thread, timeout);
  }

  /**
   * The far timed ops of an execution of `n` steps: their arrival steps (leaving out any that
   * is also the arrival of a near op), and the steps that ran those that expired.
   */
  far(n: number): { readonly arrivals: Set<number>; readonly ends: Set<number> } {
    let cost = Infinity;
    for (let s = 1; s < n; s++) {
      const d = this.times[s]! - this.times[s - 1]!;
      if (d > 0 && d < cost) cost = d;
    }
    if (cost === Infinity) cost = 1;
    const margin = 2 * (n + 1) * cost;
    const near = new Set<number>();
    const arrivals = new Set<number>();
    const ends = new Set<number>();
    for (const b of this.timers) {
      const end = b.end < 0 ? n : b.end;
      let isNear = end - 1 > b.arrival && this.times[end - 1]! >= b.deadline - margin;
      for (const a of this.timers) {
        if (isNear) break;
        if (a === b) continue;
        const aEnd = a.end < 0 ? n : a.end;
        if (a.arrival < end && b.arrival < aEnd && Math.abs(a.deadline - b.deadline) <= margin) isNear = true;
      }
      if (isNear) near.add(b.arrival);
      else {
        arrivals.add(b.arrival);
        if (b.end >= 0 && b.expired) ends.add(b.end);
      }
    }
    for (const s of near) arrivals.delete(s);
    return { arrivals, ends };
  }
}
