import { Lock } from '../../models/lock.js';
import { shared, type Shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import type { Steps } from '../../scheduler/ops.js';
import { program, type Program } from '../../scheduler/program.js';

type Counter = Shared<{ value: number }>;

/*
 * The thread bodies are defined once, at module level, and get the counter as an argument: a
 * generator function defined inside main would be a new closure in every execution, and V8
 * makes a fresh prototype and object shape for each generator closure the first time it is
 * called (about 5 us, more than the rest of a short run); see docs/performance.md.
 */
function* increment(c: Counter): Steps<void> {
  const v = yield* c.get('value');
  yield* c.set('value', v + 1);
}

function* lockedIncrement(c: Counter, lock: Lock): Steps<void> {
  yield* lock.with(() => increment(c));
}

/** N adder threads; each does `counter.value += 1` (a read, then a write), under a lock or not. */
function counter(n: number, locked: boolean): Program {
  // Made once per program, not per execution.
  const names = Array.from({ length: n }, (_, i) => `adder-${i + 1}`);
  return program(
    `bench/${locked ? 'locked-counter' : 'counter'}-${n}`,
    function* main() {
      const c = shared('counter', { value: 0 });
      // The unlocked program makes no lock: one that no thread takes would only cost time.
      const lock = locked ? new Lock({ name: 'lock' }) : undefined;
      const ts = [];
      for (let i = 0; i < n; i++) {
        ts.push(lock === undefined ? new Thread({ name: names[i], target: increment, args: [c] }) : new Thread({ name: names[i], target: lockedIncrement, args: [c, lock] }));
      }
      for (const t of ts) yield* t.start();
    },
    {
      description: locked ? `${n} threads increment a counter under a Lock (N! traces, never fails).` : `${n} threads increment a counter without a lock: lost updates.`,
      claims: { 'no lost update': (s) => s.counter?.value === n || `counter.value is ${String(s.counter?.value)}, expected ${n}` },
    },
  );
}

/**
 * bench/locked-counter-N: N threads each add one to a counter inside `with lock:`; correct
 * under every schedule. The lock orders the critical sections, so there are N! Mazurkiewicz
 * traces (one per order in which the threads take the lock). SPIN's figure for N = 7 is the
 * reference in the benchmarks.
 */
export function lockedCounter(n: number): Program {
  return counter(n, true);
}

/**
 * bench/counter-N: the same counter without the lock, so updates can be lost (`x += 1` is a
 * read and a write). The claim fails whenever two threads interleave their read and write.
 */
export function racyCounter(n: number): Program {
  return counter(n, false);
}
