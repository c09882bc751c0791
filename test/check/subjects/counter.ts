/**
 * A counter object for scenario tests: `inc()` adds one and returns the new value (Java's
 * incrementAndGet), `get()` returns the value. The unsafe one reads and writes without a lock.
 */
import { operation, type Subject } from '../../../src/check/scenario.js';
import { Lock, shared, type Shared, type Steps } from 'threadsim';

interface Impl {
  readonly cell: Shared<{ value: number }>;
  readonly lock: Lock | undefined;
}

function* guarded<R>(impl: Impl, body: () => Steps<R>): Steps<R> {
  return impl.lock === undefined ? yield* body() : yield* impl.lock.with(body);
}

/** The counter, with or without its lock. */
export function counterSubject(locked: boolean): Subject<Impl, number> {
  return {
    name: locked ? 'LockedCounter' : 'UnsafeCounter',
    *create() {
      return { cell: shared('counter', { value: 0 }), lock: locked ? new Lock() : undefined };
    },
    initial: 0,
    operations: [
      operation<Impl, number>({
        name: 'inc',
        *run(impl) {
          return yield* guarded(impl, function* () {
            const v = yield* impl.cell.get('value');
            yield* impl.cell.set('value', v + 1);
            return v + 1;
          });
        },
        spec: (n) => ({ state: n + 1, result: n + 1 }),
      }),
      operation<Impl, number>({
        name: 'get',
        *run(impl) {
          return yield* guarded(impl, function* () {
            return yield* impl.cell.get('value');
          });
        },
        spec: (n) => ({ state: n, result: n }),
      }),
    ],
  };
}
