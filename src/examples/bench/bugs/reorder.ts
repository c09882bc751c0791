import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, NOTHING_BAD, type BugPair } from './pair.js';

/**
 * Reordered writer/reader pairs (the shape of SCTBench's reorder_N_bad): `setters` threads
 * each write `a = 1` then `b = -1`; one checker reads `a` then `b` and expects (0, 0) or
 * (1, -1). It fails only when its first read sees a setter's first write and its second read
 * does not see any setter's second write: two reads that must see particular writes. Fixed:
 * both pairs under one lock.
 */
export function reorder(setters: number): BugPair {
  return bugPair(
    `reorder-${setters}`,
    [`${setters} setters write a then b; a checker reads a then b without a lock and can see a half-done pair.`, `The same with writes and reads of the pair under one lock.`],
    (fixed) =>
      function* main() {
        const s = shared('s', { a: 0, b: 0 });
        const check = shared('check', { bad: 0 });
        const lock = new Lock({ name: 'lock' });
        const guard = <R>(body: () => Steps<R>): Steps<R> => (fixed ? lock.with(body) : body());
        function* setter(): Steps<void> {
          yield* guard(function* () {
            yield* s.set('a', 1);
            yield* s.set('b', -1);
          });
        }
        function* checker(): Steps<void> {
          const [a, b] = yield* guard(function* () {
            return [yield* s.get('a'), yield* s.get('b')] as const;
          });
          if (!((a === 0 && b === 0) || (a === 1 && b === -1))) yield* check.set('bad', 1);
        }
        const ts = [];
        for (let i = 0; i < setters; i++) ts.push(new Thread({ name: `setter-${i + 1}`, target: setter }));
        ts.push(new Thread({ name: 'checker', target: checker }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    NOTHING_BAD,
  );
}
