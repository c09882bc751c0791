/**
 * The first timeout that fired in a run, and who came to its object too late: the first
 * thread to reach the object only after the timeout (a barrier party that arrives after
 * another gave up), or the first release-like op on it by another thread (the `release`,
 * `set`, `put` or `notify` the waiter gave up on). Op data only.
 */
import type { Op } from '../ops.js';

/** A timed-out op and what came after it. */
export interface FiredTimeout {
  readonly step: number;
  /** Virtual time (µs) when the op gave up. */
  readonly time: number;
  readonly thread: number;
  readonly kind: string;
  readonly obj: string;
  /** The op's timeout, µs. */
  readonly timeout: number;
  /** The op that came too late, once one has run. */
  late?: { readonly thread: number; readonly step: number; readonly time: number; readonly kind: string; readonly first: boolean };
}

const GIVES: ReadonlySet<string> = new Set(['release', 'set', 'put', 'notify']);

/** Watches sync ops for the first timeout. */
export class Timeouts {
  /** The first timeout of the run, if one fired. */
  first: FiredTimeout | undefined;
  /** Threads that touched each object before the first timeout fired. */
  private readonly seen = new Map<string, Set<number>>();

  /** After every sync op, also those that raised. */
  onSync(op: Op, thread: number, step: number, time: number, timedOut: boolean): void {
    const obj = op.obj;
    if (obj === undefined) return;
    const first = this.first;
    if (first === undefined) {
      if (timedOut && op.timeout !== undefined) {
        this.first = { step, time, thread, kind: op.kind, obj, timeout: op.timeout };
        return;
      }
      let s = this.seen.get(obj);
      if (s === undefined) this.seen.set(obj, (s = new Set()));
      s.add(thread);
      return;
    }
    if (first.late !== undefined || obj !== first.obj || thread === first.thread) return;
    const newcomer = !(this.seen.get(obj)?.has(thread) ?? false);
    if (newcomer || GIVES.has(op.kind)) first.late = { thread, step, time, kind: op.kind, first: newcomer };
  }
}
