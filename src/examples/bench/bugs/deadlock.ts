import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * A ring of `n` threads, thread i taking lock i and then lock i+1 (mod n), with `work`
 * private steps before the first lock: every thread holding its first lock at once is a
 * deadlock (n = 2 is a lock-order inversion, n = 3 the dining philosophers' shape). Fixed: the
 * last thread takes its locks in the global order, lowest first.
 */
export function lockRing(n: number, work: number): BugPair {
  return bugPair(
    `lock-ring-${n}`,
    [`${n} threads take two locks each in a ring: a deadlock when all hold their first.`, `The last thread takes its locks lowest first: no cycle.`],
    (fixed) =>
      function* main() {
        const locks = Array.from({ length: n }, (_, i) => new Lock({ name: `lock-${i}` }));
        const meals = shared('meals', { eaten: 0 });
        const own = Array.from({ length: n }, (_, i) => shared(`private-${i}`, { x: 0 }));
        function* diner(i: number): Steps<void> {
          const mine = own[i]!;
          for (let w = 0; w < work; w++) yield* mine.set('x', w);
          const a = i;
          const b = (i + 1) % n;
          const [first, second] = fixed ? [Math.min(a, b), Math.max(a, b)] : [a, b];
          yield* locks[first]!.with(() =>
            locks[second]!.with(function* () {
              yield* meals.set('eaten', (yield* meals.get('eaten')) + 1);
            }),
          );
        }
        const ts = [];
        for (let i = 0; i < n; i++) ts.push(new Thread({ name: `diner-${i}`, target: diner, args: [i] as [number] }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    { 'everyone ate': (s) => s.meals?.eaten === n || `meals.eaten is ${String(s.meals?.eaten)}` },
  );
}
