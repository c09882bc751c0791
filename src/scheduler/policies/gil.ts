import type { Policy, SchedulingPoint } from './policy.js';

/** CPython's default `sys.getswitchinterval()`: 5 ms, in microseconds. */
export const SWITCH_INTERVAL_US = 5000;

/**
 * Model of CPython's GIL hand-off. The thread holding the GIL keeps running until it blocks,
 * finishes, or has held the GIL for a whole switch interval while another thread waits; then
 * the thread that has waited longest takes over and the old holder does not get it straight
 * back. After `start()` the new thread runs first (in CPython `start()` waits until the child
 * runs, and the child then holds the GIL).
 *
 * The holder is whoever ran last. The engine does not ask the policy when only one thread can
 * run (nor for an op glued to the previous one), so the holder can change, or keep running
 * alone, between two questions: then the thread that ran last holds the GIL, and the interval
 * starts now, when another thread starts waiting (CPython's waiter times its interval from when
 * it began to wait, not from when the holder took the GIL). A gap in the questions while the
 * same thread held on and a thread that waited at the last question still waits is not such
 * a case: the holder's steps were glued to one another (a `.py` program's `x = x + 1` under
 * the `cpython` switching rule), the waiter never stopped waiting, and its interval goes on.
 * A program's `sys.setswitchinterval` replaces the interval from then on.
 */
export class GilPolicy implements Policy {
  readonly name = 'gil';
  readonly ignoresSeed = true;
  private holder = -1;
  private heldSince = 0;
  /** The step of the last question; a gap means steps ran without asking. */
  private lastAsked = -2;
  /** The threads runnable at the last question (reused, not reallocated per question). */
  private readonly lastRunnable: number[] = [];

  constructor(private readonly interval: number = SWITCH_INTERVAL_US) {}

  begin(_seed: number): void {
    this.holder = -1;
    this.heldSince = 0;
    this.lastAsked = -2;
    this.lastRunnable.length = 0;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    if (at.previous >= 0 && (at.previous !== this.holder || (at.step !== this.lastAsked + 1 && !this.stillWaiting(runnable)))) {
      this.holder = at.previous;
      this.heldSince = at.now;
    }
    this.lastAsked = at.step;
    this.lastRunnable.length = 0;
    for (const t of runnable) this.lastRunnable.push(t);
    const interval = at.switchInterval ?? this.interval;
    let next: number;
    if (at.spawned >= 0 && runnable.includes(at.spawned)) {
      next = at.spawned;
    } else if (this.holder >= 0 && !at.yielded && runnable.includes(this.holder)) {
      const expired = runnable.length > 1 && at.now - this.heldSince >= interval;
      next = expired ? firstOther(runnable, this.holder) : this.holder;
    } else {
      next = firstOther(runnable, at.yielded ? at.previous : -1);
    }
    if (next !== this.holder) {
      this.holder = next;
      this.heldSince = at.now;
    }
    return next;
  }

  /** Whether a thread other than the holder was runnable at the last question and still is (it waited all along). */
  private stillWaiting(runnable: readonly number[]): boolean {
    for (const t of runnable) if (t !== this.holder && this.lastRunnable.includes(t)) return true;
    return false;
  }
}

/** The longest-waiting runnable thread other than `avoid`, or `avoid` when it is alone. */
function firstOther(runnable: readonly number[], avoid: number): number {
  for (const t of runnable) if (t !== avoid) return t;
  return runnable[0]!;
}
