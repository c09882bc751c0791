/**
 * A FIFO queue over a shared list: `offer(x)` appends, `poll()` removes and returns the head,
 * or None when empty. The correct one holds its Lock in both; the buggy one forgot it in
 * `poll`, so two polls can both take the same head.
 */
import fc from 'fast-check';
import { operation, type Subject } from '../../../src/check/scenario.js';
import { Lock, shared, type Shared, type Steps } from 'threadsim';

interface Impl {
  readonly store: Shared<{ items: readonly number[] }>;
  readonly lock: Lock;
}

/** The queue; `pollLocked: false` is the bug. */
export function queueSubject(pollLocked: boolean): Subject<Impl, readonly number[]> {
  function* poll(impl: Impl): Steps<number | null> {
    const items = yield* impl.store.get('items');
    if (items.length === 0) return null;
    yield* impl.store.set('items', items.slice(1));
    return items[0]!;
  }
  return {
    name: pollLocked ? 'LockedQueue' : 'QueueMissingLock',
    *create() {
      return { store: shared('queue', { items: [] as readonly number[] }), lock: new Lock() };
    },
    initial: [],
    operations: [
      operation<Impl, readonly number[], number>({
        name: 'offer',
        arg: fc.integer({ min: 1, max: 3 }),
        *run(impl, x) {
          yield* impl.lock.with(function* () {
            const items = yield* impl.store.get('items');
            yield* impl.store.set('items', [...items, x]);
          });
          return null;
        },
        spec: (q, x) => ({ state: [...q, x], result: null }),
      }),
      operation<Impl, readonly number[]>({
        name: 'poll',
        *run(impl) {
          return pollLocked ? yield* impl.lock.with(() => poll(impl)) : yield* poll(impl);
        },
        spec: (q) => ({ state: q.slice(1), result: q[0] ?? null }),
      }),
    ],
  };
}
