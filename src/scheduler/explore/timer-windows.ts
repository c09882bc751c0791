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
 * arrival keeps being ordered with every step, except in a window ({@link NearWindow}): near
 * ops that overlap with deadlines close together, in a shape where only the number of steps
 * between their arrivals matters.
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
  /** The timeout (µs). */
  readonly timeout: number;
  /** A sleep (its end touches nothing), not a wait with a timeout. */
  readonly sleep: boolean;
  /**
   * The op is its thread's first, reached when the step starting the thread ran. The engine
   * fixes such a deadline before that step's cost is added to the clock, and any other after.
   */
  readonly atStart: boolean;
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
  private readonly starting = new Map<number, { readonly timeout: number; readonly sleep: boolean }>();

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
      const start = this.starting.get(spawned);
      if (start !== undefined) {
        this.starting.delete(spawned);
        this.timers.push({ arrival: index, deadline: time + start.timeout, timeout: start.timeout, sleep: start.sleep, atStart: true, thread: spawned, end: -1, expired: false });
      }
    }
  }

  /** `thread` reached an op with `timeout` after step `index` (its own last step); `sleep`: the op is a sleep. */
  arrived(index: number, thread: number, timeout: number, sleep: boolean): void {
    this.timers.push({ arrival: index, deadline: this.times[index]! + timeout, timeout, sleep, atStart: false, thread, end: -1, expired: false });
  }

  /** `thread`'s first op has `timeout`: the step starting it (not recorded yet) is its arrival. */
  arrivesAtStart(thread: number, timeout: number, sleep: boolean): void {
    this.starting.set(thread, { timeout, sleep });
  }

  /**
   * The far timed ops of an execution of `n` steps: their arrival steps (leaving out any that
   * is also the arrival of a near op), and the steps that ran those that expired. Also the
   * windows of the near groups whose arrivals need only be ordered with the steps between the
   * group's first and last arrival (see {@link NearWindow}); `clockRead`: some step of the
   * execution read the clock (then there are none).
   */
  far(n: number, clockRead = false): { readonly arrivals: Set<number>; readonly ends: Set<number>; readonly windows: readonly NearWindow[]; readonly clockedEnds: Set<number>; readonly loose: LooseSpan | undefined; readonly due: ClockDue | undefined } {
    let cost = Infinity;
    for (let s = 1; s < n; s++) {
      const d = this.times[s]! - this.times[s - 1]!;
      if (d > 0 && d < cost) cost = d;
    }
    if (cost === Infinity) cost = 1;
    const margin = 2 * (n + 1) * cost;
    const timers = this.timers;
    const count = timers.length;
    const endOf = (t: Timer): number => (t.end < 0 ? n : t.end);
    // partners[i]: the timers of other threads pending at the same time as timer i, with a
    // deadline within the margin of its own.
    const partners: number[][] = timers.map(() => []);
    for (let i = 0; i < count; i++) {
      const b = timers[i]!;
      for (let k = i + 1; k < count; k++) {
        const a = timers[k]!;
        if (a.thread !== b.thread && a.arrival < endOf(b) && b.arrival < endOf(a) && Math.abs(a.deadline - b.deadline) <= margin) {
          partners[i]!.push(k);
          partners[k]!.push(i);
        }
      }
    }
    // Self-near: the clock came within the margin of the deadline by steps alone, before any
    // partner expired (after a partner expires, the clock is near this deadline because the
    // two deadlines are near each other, which the partner relation already says). The clock
    // at the arrival counts too: a timeout shorter than the margin is near even when its end
    // came straight after the arrival (the clock jumped there, where other orders run steps).
    // A partner's end comes after this arrival (they overlap), so `until - 1` is never before it.
    const selfNear = timers.map((b, i) => {
      let until = endOf(b);
      for (const k of partners[i]!) {
        const a = timers[k]!;
        if (a.expired && a.end >= 0 && a.end < until) until = a.end;
      }
      return this.times[Math.max(until - 1, b.arrival)]! >= b.deadline - margin;
    });
    const near = new Set<number>();
    const arrivals = new Set<number>();
    const ends = new Set<number>();
    for (let i = 0; i < count; i++) {
      const b = timers[i]!;
      if (selfNear[i] || partners[i]!.length > 0) near.add(b.arrival);
      else {
        arrivals.add(b.arrival);
        if (b.end >= 0 && b.expired) ends.add(b.end);
      }
    }
    for (const s of near) arrivals.delete(s);
    const windows = clockRead ? [] : this.groups(partners, selfNear, n, cost);
    // Expiries of near ops outside windows: the clock decides where they can run, and it counts
    // every step, so they stay after the windows' arrivals (as they were when every arrival was
    // ordered with every step): moved before one, such an expiry could come before its deadline.
    const clockedEnds = new Set<number>();
    const inWindow = new Set<number>();
    for (const w of windows) for (const a of w.arrivals) inWindow.add(a);
    for (const t of timers) if (near.has(t.arrival) && !inWindow.has(t.arrival) && t.expired && t.end >= 0) clockedEnds.add(t.end);
    // Near ops outside windows: from the first one's arrival to the last one's end (or the end
    // of the execution), the clock decides which steps can run (see LooseSpan).
    let loose: LooseSpan | undefined;
    for (const t of timers) {
      if (!near.has(t.arrival) || inWindow.has(t.arrival)) continue;
      const to = t.end < 0 ? n : t.end;
      loose = loose === undefined ? { from: t.arrival, to } : { from: Math.min(loose.from, t.arrival), to: Math.max(loose.to, to) };
    }
    // Steps that ran a timed op because its deadline had passed, with the clock they needed.
    let due: ClockDue | undefined;
    for (const t of timers) {
      if (!t.expired || t.end < 0) continue;
      due ??= { cost, start: (s) => this.times[s]!, deadline: new Map() };
      // The engine fixes a deadline when the thread reaches the op: after its arrival step's
      // cost is added, or before it when the op is the thread's first (see Timer.atStart).
      due.deadline.set(t.end, this.times[t.arrival]! + t.timeout + (t.atStart ? 0 : cost));
    }
    return { arrivals, ends, windows, clockedEnds, loose, due };
  }

  /**
   * The near groups (timers linked by the partner relation) that qualify for a window: no
   * member is self-near, every member expired, every member arrived before any member ended,
   * and no near timer arrived after the group's first end (see {@link NearWindow}).
   */
  private groups(partners: readonly number[][], selfNear: readonly boolean[], n: number, cost: number): NearWindow[] {
    const timers = this.timers;
    const group = new Array<number>(timers.length).fill(-1);
    const out: NearWindow[] = [];
    for (let i = 0; i < timers.length; i++) {
      if (group[i]! >= 0 || partners[i]!.length === 0) continue;
      const members: number[] = [];
      const stack = [i];
      group[i] = i;
      while (stack.length > 0) {
        const m = stack.pop()!;
        members.push(m);
        for (const k of partners[m]!) {
          if (group[k]! < 0) {
            group[k] = i;
            stack.push(k);
          }
        }
      }
      let ok = true;
      let from = Infinity;
      let to = -1;
      let firstEnd = n;
      for (const m of members) {
        const t = timers[m]!;
        if (selfNear[m] || !t.expired || t.end < 0) ok = false;
        from = Math.min(from, t.arrival);
        to = Math.max(to, t.arrival);
        if (t.end >= 0) firstEnd = Math.min(firstEnd, t.end);
      }
      if (!ok || to >= firstEnd) continue;
      // Woken in the order they arrived (or together), whatever the gaps: arriving one step
      // after another never gives the later one an earlier deadline (else a smaller gap could
      // let it wake first and run alone while the other sleeps), and no two arrive at the same step.
      const reach = (m: number): number => timers[m]!.timeout + (timers[m]!.atStart ? 0 : cost);
      members.sort((x, y) => timers[x]!.arrival - timers[y]!.arrival);
      for (let m = 1; m < members.length; m++) {
        const prev = members[m - 1]!;
        const cur = members[m]!;
        if (timers[cur]!.arrival === timers[prev]!.arrival || cost + reach(cur) <= reach(prev)) ok = false;
      }
      // A later near timer could end before or after a member depending on the gaps: then
      // smaller gaps no longer allow everything larger ones do.
      for (let k = 0; k < timers.length; k++) if (timers[k]!.arrival >= firstEnd && (selfNear[k] || partners[k]!.length > 0)) ok = false;
      // Sleeps whose deadlines are as far apart as their arrivals: the order of their arrivals
      // does not matter (NearWindow.anyOrder).
      const anyOrder = members.every((m) => timers[m]!.sleep && reach(m) === reach(members[0]!));
      if (ok) out.push({ from, to, arrivals: members.map((m) => timers[m]!.arrival), firstEnd, laterEnds: members.map((m) => timers[m]!.end).filter((e) => e !== firstEnd), anyOrder });
    }
    return out;
  }
}

/**
 * The steps of an execution that ran a timed op because its deadline had passed (a sleep
 * ending, a wait timing out): no step enables them, the clock does, once enough steps of any
 * thread have run. DPOR keeps its wakeup sequences executable with them (dpor.ts, dueOrder).
 */
export interface ClockDue {
  /** The clock moves by this much per step. */
  readonly cost: number;
  /** The clock when step `s` of the execution started. */
  readonly start: (s: number) => number;
  /** For each such step: the clock at which its deadline had passed. */
  readonly deadline: Map<number, number>;
}

/**
 * The steps of an execution during which a near timed op outside every window was pending:
 * from the first such op's arrival step to the step that ended the last one (or the end of
 * the execution). Such an op's end can run once the clock has passed its deadline, and the
 * clock counts every step of every thread: no single step enables it, any step may be the
 * one that does, so it fits no dependency between two steps (classic DPOR's premise that only
 * a dependent step enables another). DPOR explores the states of this span as a plain search
 * does (DporSearch, fullSpan).
 */
export interface LooseSpan {
  /** Index of the first arrival step. */
  readonly from: number;
  /** Index of the last end step (the number of steps when one never ended). */
  readonly to: number;
}

/**
 * A group of near timed ops that overlap with deadlines close together, in a shape where only
 * the number of steps between their arrivals matters (docs/exploration.md, "Time"): every
 * member ends by expiring, all arrive before any ends, no member's deadline is within reach
 * of the clock before a member expires, no near timed op arrives after the first member ends,
 * and no step reads the clock. Then the clock jumps to the first member's deadline once every
 * thread is blocked, and the others wake as many steps later as separated their arrivals: a
 * step between the first and the last arrival delays a wake-up, and a step outside does not.
 * Moving a step out of that window only lets the later sleepers wake earlier (a scheduler may
 * still hold them back), so the window's steps are ordered with the group's arrivals, and the
 * other steps are not.
 */
export interface NearWindow {
  /** Index of the group's first arrival step. */
  readonly from: number;
  /** Index of the group's last arrival step. */
  readonly to: number;
  /** The members' arrival steps. */
  readonly arrivals: readonly number[];
  /**
   * The step that ended the first member to wake. It ran once every thread was blocked, so it
   * comes after every earlier step, as a far op's expiry does.
   */
  readonly firstEnd: number;
  /** The steps that ended the other members: each comes after {@link firstEnd} (a later deadline). */
  readonly laterEnds: readonly number[];
  /**
   * Every member is a sleep, all of one length: their arrivals need not be ordered with each
   * other. Whichever arrives first wakes first, and the next can wake one step later at the
   * earliest; as a sleep's end touches nothing, the sleeper that woke second could as well
   * have woken first, one step earlier, with every later step in the same order.
   */
  readonly anyOrder: boolean;
}
