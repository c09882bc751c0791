import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * Wrong lock (the shape of SCTBench's wronglock_bad): `n` threads add 1 to a counter, each
 * under a lock, but the first thread takes a different lock from the others, so its
 * read-modify-write can interleave with theirs. Fixed: all take the same lock.
 */
export function wrongLock(n: number): BugPair {
  return bugPair(
    `wrong-lock-${n}`,
    [`${n} threads increment a counter; one of them locks the wrong lock.`, `All ${n} lock the same lock.`],
    (fixed) =>
      function* main() {
        const c = shared('counter', { value: 0 });
        const locks = [new Lock({ name: 'lock' }), new Lock({ name: 'other_lock' })];
        function* add(which: number): Steps<void> {
          yield* locks[which]!.with(function* () {
            yield* c.set('value', (yield* c.get('value')) + 1);
          });
        }
        const ts = [];
        for (let i = 0; i < n; i++) ts.push(new Thread({ name: `adder-${i + 1}`, target: add, args: [i === 0 && !fixed ? 1 : 0] as [number] }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    { 'no lost update': (s) => s.counter?.value === n || `counter.value is ${String(s.counter?.value)}, expected ${n}` },
  );
}
