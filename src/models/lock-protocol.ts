/**
 * What a Condition needs from its lock (Python's `_is_owned`, `_release_save` and
 * `_acquire_restore`), so that `Condition` works over a `Lock` or an `RLock` as in CPython.
 */
import type { Kernel, Op, Step, Steps } from '../scheduler/ops.js';

/** A lock a {@link Condition} can be built on. */
export interface ConditionLock {
  /** Name in traces (`Lock#1`, `RLock#1`). */
  readonly id: string;
  /** `acquire(blocking=True, timeout=-1)`. */
  acquire(blocking?: boolean, timeout?: number): Step<boolean>;
  /** `release()`. */
  release(): Step<void>;
  /** `_is_owned()`: for a Lock, whether anyone holds it; for an RLock, whether the current thread does. */
  isOwned(k: Kernel): boolean;
  /** `_release_save()`: release completely inside the current step; the result feeds the restore. */
  releaseSave(k: Kernel): unknown;
  /** `_acquire_restore(saved)`: a blocking op that takes the lock back as it was held. */
  acquireRestoreOp(saved: unknown): Op;
}

/** Anything with Python's context-manager pair of steps. */
export interface Acquirable {
  acquire(): Step<boolean>;
  release(): Step<void>;
}

/** Python's `with lock:` block: acquire, run `body`, release even when it raises. */
export function* holding<R>(lock: Acquirable, body: () => Steps<R>): Steps<R> {
  yield* lock.acquire();
  try {
    return yield* body();
  } finally {
    yield* lock.release();
  }
}
