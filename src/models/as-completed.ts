/**
 * Model of `concurrent.futures.as_completed(fs, timeout=None)`.
 *
 * Mirrors: nothing happens until the first `next()` (CPython's is a generator); futures done
 * by then come first, then the others in the order they complete; duplicates are yielded
 * once; when `timeout` seconds (counted from the first `next()`) pass with futures still
 * pending, `TimeoutError: N (of M) futures unfinished` is raised.
 * The futures already done at the first `next()`: CPython 3.11 takes them as
 * `list(finished_set)` and pops from its end, so their order is the set's, which memory
 * addresses decide: any permutation can show. Here it is a choice of the policy (one choice
 * per future of that batch, among the ones not yet placed), so random runs vary it,
 * exhaustive searches try every order, and the schedule records it. The default answer (the
 * gil policy, `run`'s default) keeps the order given.
 */
import { runtime } from '../scheduler/context.js';
import { WaitQueue, type Op, type Steps } from '../scheduler/ops.js';
import { TimeoutError } from './exceptions.js';
import type { Future, FutureWaiter } from './future.js';
import { toMicros } from './time.js';

/** Iterate with `yield* it.next()` or take everything with `yield* it.all()`. */
export class AsCompleted<R> {
  private readonly fs: Future<R>[];
  private readonly ready: Future<R>[] = [];
  private readonly pending = new Set<Future<R>>();
  private waiter: FutureWaiter | undefined;
  private endTime: number | undefined;

  constructor(fs: Iterable<Future<R>>, private readonly timeout: number | null) {
    this.fs = [...new Set(fs)];
  }

  /** The next future to complete, or `{ done: true }` when all were yielded. */
  *next(): Steps<{ done: true } | { done: false; value: Future<R> }> {
    if (this.waiter === undefined) yield this.installOp();
    while (this.ready.length === 0 && this.pending.size > 0) yield this.waitOp();
    const f = this.ready.shift();
    return f === undefined ? { done: true } : { done: false, value: f };
  }

  /** Every future in completion order (`list(as_completed(fs))`). */
  *all(): Steps<Future<R>[]> {
    const out: Future<R>[] = [];
    for (let r = yield* this.next(); !r.done; r = yield* this.next()) out.push(r.value);
    return out;
  }

  private installOp(): Op {
    const rt = runtime('as_completed()');
    const waiter: FutureWaiter = { queue: new WaitQueue('as_completed'), finished: [] };
    this.waiter = waiter;
    return {
      kind: 'wait',
      obj: this.fs[0]?.id,
      objs: this.fs.slice(1).map((f) => f.id),
      access: 'sync',
      value: 'as_completed',
      run: (k) => {
        if (this.timeout !== null) this.endTime = rt.now + toMicros(this.timeout);
        const batch: Future<R>[] = [];
        for (const f of this.fs) {
          if (f.done()) batch.push(f);
          else {
            this.pending.add(f);
            f.addWatcher(waiter);
          }
        }
        // One choice per place, among the futures not placed yet: k! orders with k - 1
        // choices (the last place has one alternative and is not asked).
        while (batch.length > 0) this.ready.push(batch.splice(k.choose(batch.length), 1)[0]!);
      },
    };
  }

  private waitOp(): Op {
    const waiter = this.waiter!;
    const rt = runtime('as_completed()');
    const pending = [...this.pending];
    const remaining = this.endTime === undefined ? undefined : Math.max(0, this.endTime - rt.now);
    return {
      kind: 'wait',
      obj: pending[0]?.id,
      objs: pending.slice(1).map((f) => f.id),
      access: 'sync',
      value: 'as_completed',
      waitOn: waiter.queue,
      enabled: () => waiter.finished.length > 0,
      ...(remaining === undefined ? {} : { timeout: remaining }),
      run: (_k, timedOut) => {
        if (timedOut) {
          this.detach();
          throw new TimeoutError(`${this.pending.size} (of ${this.fs.length}) futures unfinished`);
        }
        for (const f of waiter.finished.splice(0) as Future<R>[]) {
          if (this.pending.delete(f)) this.ready.push(f);
        }
        if (this.pending.size === 0) this.detach();
      },
      describeWait: () => `one of ${pending.map((f) => f.id).join(', ')} to complete (as_completed)`,
    };
  }

  private detach(): void {
    for (const f of this.pending) f.removeWatcher(this.waiter!);
  }
}

/** `concurrent.futures.as_completed(fs, timeout=None)`. */
export function as_completed<R>(fs: Iterable<Future<R>>, timeout: number | null = null): AsCompleted<R> {
  return new AsCompleted(fs, timeout);
}
