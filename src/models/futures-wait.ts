/**
 * Model of `concurrent.futures.wait(fs, timeout=None, return_when=ALL_COMPLETED)`.
 *
 * Mirrors: returns `{ done, not_done }` (sets; duplicates count once) as soon as
 * `FIRST_COMPLETED` (any future done or cancelled), `FIRST_EXCEPTION` (any raised, or all
 * done) or `ALL_COMPLETED` holds, or when `timeout` seconds pass; an unknown `return_when`
 * raises `ValueError: Invalid return condition: 'X'` only when it would have to wait, as in
 * CPython. One step: it touches every future given (`obj` and `objs`).
 * Does not mirror: nothing known.
 */
import { WaitQueue, type Op, type Steps } from '../scheduler/ops.js';
import { ValueError } from './exceptions.js';
import type { Future, FutureWaiter } from './future.js';
import { toMicros } from './time.js';

/** `concurrent.futures.FIRST_COMPLETED`. */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** `concurrent.futures.FIRST_EXCEPTION`. */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
/** `concurrent.futures.ALL_COMPLETED`. */
export const ALL_COMPLETED = 'ALL_COMPLETED';

/** `DoneAndNotDoneFutures(done, not_done)`. */
export interface DoneAndNotDone<R> {
  readonly done: Set<Future<R>>;
  readonly not_done: Set<Future<R>>;
}

/** `concurrent.futures.wait(fs, timeout=None, return_when=ALL_COMPLETED)`. */
export function* wait<R>(fs: Iterable<Future<R>>, timeout: number | null = null, return_when: string = ALL_COMPLETED): Steps<DoneAndNotDone<R>> {
  const all = [...new Set(fs)];
  const satisfied = (): boolean => {
    const done = all.filter((f) => f.done());
    if (done.length === all.length) return true;
    if (return_when === FIRST_COMPLETED) return done.length > 0;
    if (return_when === FIRST_EXCEPTION) return done.some((f) => f.raisedException());
    return false;
  };
  const valid = return_when === FIRST_COMPLETED || return_when === FIRST_EXCEPTION || return_when === ALL_COMPLETED;
  const waiter: FutureWaiter = { queue: new WaitQueue('concurrent.futures.wait'), finished: [] };
  if (valid) for (const f of all) f.addWatcher(waiter);
  const op: Op = {
    kind: 'wait',
    obj: all[0]?.id,
    objs: all.slice(1).map((f) => f.id),
    access: 'sync',
    value: return_when,
    ...(valid
      ? {
          waitOn: waiter.queue,
          enabled: satisfied,
          ...(timeout === null ? {} : { timeout: toMicros(Math.max(0, timeout)) }),
          describeWait: () => `${return_when} of ${all.map((f) => f.id).join(', ')} (concurrent.futures.wait)`,
        }
      : {}),
    run: () => {
      for (const f of all) f.removeWatcher(waiter);
      if (!valid && !all.every((f) => f.done())) throw new ValueError(`Invalid return condition: '${return_when}'`);
      return {
        done: new Set(all.filter((f) => f.done())),
        not_done: new Set(all.filter((f) => !f.done())),
      };
    },
  };
  return (yield op) as DoneAndNotDone<R>;
}
