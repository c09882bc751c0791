/**
 * A test file to copy: thread-safety claims checked with fast-check and vitest. Inside the
 * threadsim repository the imports point into src/; in a project using threadsim, import from
 * 'threadsim' (and the matchers' registration from threadsim's src/check/vitest.ts).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import '../../src/check/vitest.js';
import { assertScheduleSafe, Lock, linearizable, operation, program, schedules, shared, Thread, threadSafe, type Outcome, type Steps, type Subject } from '../../src/index.js';

/** Two threads each do `hits += 1`; with `lock`, inside `with lock:`. */
function hitCounter(locked: boolean) {
  return program(locked ? 'example/locked-hits' : 'example/hits', function* main() {
    const stats = shared('stats', { hits: 0 });
    const lock = new Lock();
    function* hit() {
      const body = function* () {
        const n = yield* stats.get('hits');
        yield* stats.set('hits', n + 1);
      };
      if (locked) yield* lock.with(body);
      else yield* body();
    }
    const threads = [new Thread({ target: hit }), new Thread({ target: hit })];
    for (const t of threads) yield* t.start();
    for (const t of threads) yield* t.join();
  });
}

/** The claim: both hits are counted. */
const bothCounted = (o: Outcome) => o.state.stats?.hits === 2 || `stats.hits is ${String(o.state.stats?.hits)}, expected 2`;

describe('thread-safety claims', () => {
  // The matchers: search 1,000 schedules with fast-check, shrink a failing one.
  test('the locked counter is thread-safe', () => {
    expect(hitCounter(true)).toBeThreadSafe({ claim: bothCounted, numRuns: 1000, seed: 42 });
  });

  test('the unlocked counter loses an update under some schedule', () => {
    expect(hitCounter(false)).toHaveRace({ claim: bothCounted, seed: 42 });
  });

  // @fast-check/vitest: schedules are ordinary arbitraries.
  test.prop([schedules(hitCounter(true))], { numRuns: 200, seed: 7 })('every schedule of the locked counter counts both hits', (schedule) => {
    assertScheduleSafe(hitCounter(true), schedule, bothCounted);
  });

  // Plain fast-check: threadSafe is a property; a failure throws with the shrunk schedule.
  test('fc.assert with threadSafe', () => {
    fc.assert(threadSafe(hitCounter(true), bothCounted), { numRuns: 200, seed: 7 });
    expect(() => fc.assert(threadSafe(hitCounter(false), bothCounted), { seed: 7 })).toThrow(/Counterexample: \[Schedule\(/);
  });
});

// Linearizability: a data structure, its operations, and a sequential specification.
interface Register {
  readonly cell: ReturnType<typeof shared<{ value: number }>>;
  readonly lock: Lock;
}

/** A register whose `getAndSet(x)` returns the old value; `locked: false` forgets the lock. */
function register(locked: boolean): Subject<Register, number> {
  function* getAndSet(r: Register, x: number): Steps<number> {
    const old = yield* r.cell.get('value');
    yield* r.cell.set('value', x);
    return old;
  }
  return {
    name: locked ? 'LockedRegister' : 'Register',
    *create() {
      return { cell: shared('register', { value: 0 }), lock: new Lock() };
    },
    initial: 0,
    operations: [
      operation<Register, number, number>({
        name: 'getAndSet',
        arg: fc.integer({ min: 1, max: 9 }),
        *run(r, x) {
          return locked ? yield* r.lock.with(() => getAndSet(r, x)) : yield* getAndSet(r, x);
        },
        spec: (value, x) => ({ state: x, result: value }),
      }),
    ],
  };
}

describe('linearizability', () => {
  test('getAndSet under a lock is linearizable', () => {
    fc.assert(linearizable(register(true), { schedulesPerScenario: 10 }), { numRuns: 30, seed: 1 });
  });

  test('getAndSet without the lock is not: two calls can both return the old value', () => {
    // fast-check's message names the shrunk scenario; its cause is threadsim's full report
    expect(() => fc.assert(linearizable(register(false)), { seed: 1 })).toThrow(/Counterexample: \[Scenario\(T1: \[getAndSet\(\d\)\] \| T2: \[getAndSet\(\d\)\]\)/);
  });
});
