import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import { program, type Program } from '../../scheduler/program.js';
import type { Steps } from '../../scheduler/ops.js';

/**
 * bench/lastzero-N, the DPOR benchmark of Abdulla, Aronis, Jonsson and Sagonas (POPL 2014):
 * an array a[0..N] of zeros; thread 0 scans from a[N] down to the last zero
 * (`i = N; while (a[i] != 0) i--;`), threads j = 1..N each do `a[j] = a[j-1] + 1`.
 * It has (N+3) * 2^(N-2) Mazurkiewicz traces for N >= 2, and 2 for N = 1.
 */
export function lastzero(n: number): Program {
  return program(
    `bench/lastzero-${n}`,
    function* main() {
      const init: Record<string, number> = {};
      for (let i = 0; i <= n; i++) init[String(i)] = 0;
      const a = shared<Record<string, number>>('a', init);
      function* scan(): Steps<void> {
        let i = n;
        while ((yield* a.get(String(i))) !== 0) i--;
      }
      function* step(j: number): Steps<void> {
        const before = yield* a.get(String(j - 1));
        yield* a.set(String(j), before + 1);
      }
      const threads: Thread<never[]>[] = [new Thread({ target: scan, name: 'scanner' })];
      for (let j = 1; j <= n; j++) threads.push(new Thread({ target: () => step(j), name: `writer-${j}` }));
      for (const t of threads) yield* t.start();
    },
    { description: `DPOR benchmark: a scanner looks for the last zero while ${n} writers fill the array ((N+3)*2^(N-2) traces).` },
  );
}
