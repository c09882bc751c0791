import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import { program, type Program } from '../../scheduler/program.js';

/**
 * bench/readers-N, the DPOR benchmark of Abdulla et al. (POPL 2014): one writer does
 * `x = 42`; N readers each read their own private variable, then x. Each reader reads x before
 * or after the write, so there are 2^N Mazurkiewicz traces.
 */
export function readers(n: number): Program {
  return program(
    `bench/readers-${n}`,
    function* main() {
      const x = shared('x', { value: 0 });
      const own: Record<string, number> = {};
      for (let r = 1; r <= n; r++) own[`r${r}`] = 0;
      const mine = shared<Record<string, number>>('private', own);
      const writer = new Thread({ target: function* writer() { yield* x.set('value', 42); }, name: 'writer' });
      const rs = [];
      for (let r = 1; r <= n; r++) {
        rs.push(
          new Thread({
            target: function* reader() {
              yield* mine.get(`r${r}`);
              yield* x.get('value');
            },
            name: `reader-${r}`,
          }),
        );
      }
      yield* writer.start();
      for (const t of rs) yield* t.start();
    },
    { description: `DPOR benchmark: one writer and ${n} readers of x (2^N traces).` },
  );
}
