import { builtin } from '../../../src/examples/index.js';
import { Lock } from '../../../src/models/lock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { sleep } from '../../../src/models/time.js';
import { program, type Program } from '../../../src/scheduler/program.js';

/** The built-in program `name` (fails the test when missing). */
export function named(name: string): Program {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no built-in program ${name}`);
  return p;
}

/** n! */
export function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** Mazurkiewicz traces of lastzero(N), from the reference: (N+3) * 2^(N-2) for N >= 2, 2 for N = 1. */
export function lastzeroTraces(n: number): number {
  return n === 1 ? 2 : (n + 3) * 2 ** (n - 2);
}

/** tutorial/race without the executor: read, sleep, write in two threads; optionally under a lock. */
export function sleepyRace(locked: boolean): Program {
  return program(`test/sleepy-race${locked ? '-locked' : ''}`, function* main() {
    const db = shared('db', { value: 0 });
    const lock = new Lock({ name: 'lock' });
    function* update() {
      const local = yield* db.get('value');
      yield* sleep(0.1);
      yield* db.set('value', local + 1);
    }
    const ts = [0, 1].map((i) => new Thread({ name: `w${i}`, target: locked ? () => lock.with(update) : update }));
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
    yield* db.get('value');
  });
}

