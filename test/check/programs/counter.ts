/**
 * Counters for the property-testing examples: `threads` threads each add 1 to a shared
 * counter `increments` times, as Python's `counter.value += 1` (a read step, then a write
 * step). The unsafe one has no lock; the locked one holds a Lock around the read and write.
 * MainThread returns the final value.
 */
import { Lock, Thread, program, shared, type Program, type SharedState } from 'threadsim';

/** The program claim that no increment is lost (attached when asked for). */
function everyIncrement(total: number) {
  return { 'every increment counted': (s: SharedState) => s.counter?.value === total || `counter.value is ${String(s.counter?.value)}, expected ${total}` };
}

function counterProgram(kind: 'unsafe' | 'locked', threads: number, increments: number, claimed: boolean): Program {
  return program(
    `counter/${kind}-${threads}x${increments}`,
    function* main() {
      const counter = shared('counter', { value: 0 });
      const lock = new Lock();
      function* add() {
        const v = yield* counter.get('value');
        yield* counter.set('value', v + 1);
      }
      function* increment() {
        for (let i = 0; i < increments; i++) {
          if (kind === 'locked') yield* lock.with(add);
          else yield* add();
        }
      }
      const workers = Array.from({ length: threads }, () => new Thread({ target: increment }));
      for (const w of workers) yield* w.start();
      for (const w of workers) yield* w.join();
      return yield* counter.get('value');
    },
    claimed ? { claims: everyIncrement(threads * increments) } : {},
  );
}

/**
 * The unprotected counter with `threads` threads of `increments` increments each; `claimed`
 * attaches the claim to the program itself (so `threadsim run` reports the failure too).
 */
export function unsafeCounter(threads = 2, increments = 1, claimed = false): Program {
  return counterProgram('unsafe', threads, increments, claimed);
}

/** The same counter with a Lock held around each read-modify-write. */
export function lockedCounter(threads = 2, increments = 1): Program {
  return counterProgram('locked', threads, increments, false);
}

/** The unprotected two-thread counter, for `threadsim run test/check/programs/counter.ts`. */
export default unsafeCounter(2, 1, true);
