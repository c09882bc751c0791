/**
 * Counters for the property-testing examples: `threads` threads each add 1 to a shared
 * counter `increments` times, as Python's `counter.value += 1` (a read step, then a write
 * step). The unsafe one has no lock; the locked one holds a Lock around the read and write.
 */
import { Lock, Thread, program, shared, type Program } from '../../../src/index.ts';

/** The unprotected counter with `threads` threads of `increments` increments each. */
export function unsafeCounter(threads = 2, increments = 1): Program {
  return program(`counter/unsafe-${threads}x${increments}`, function* main() {
    const counter = shared('counter', { value: 0 });
    function* increment() {
      for (let i = 0; i < increments; i++) {
        const v = yield* counter.get('value');
        yield* counter.set('value', v + 1);
      }
    }
    const workers = Array.from({ length: threads }, () => new Thread({ target: increment }));
    for (const w of workers) yield* w.start();
    for (const w of workers) yield* w.join();
    return yield* counter.get('value');
  });
}

/** The same counter with a Lock held around each read-modify-write. */
export function lockedCounter(threads = 2, increments = 1): Program {
  return program(`counter/locked-${threads}x${increments}`, function* main() {
    const counter = shared('counter', { value: 0 });
    const lock = new Lock();
    function* increment() {
      for (let i = 0; i < increments; i++) {
        yield* lock.with(function* () {
          const v = yield* counter.get('value');
          yield* counter.set('value', v + 1);
        });
      }
    }
    const workers = Array.from({ length: threads }, () => new Thread({ target: increment }));
    for (const w of workers) yield* w.start();
    for (const w of workers) yield* w.join();
    return yield* counter.get('value');
  });
}

/** The unprotected two-thread counter, for `threadsim run test/check/programs/counter.ts`. */
export default unsafeCounter();
