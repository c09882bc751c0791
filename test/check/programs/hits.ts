/** The program of docs/property-testing.md (the docs import it from threadsim). */
import { Thread, program, shared } from 'threadsim';

export default program(
  'hits',
  function* main() {
    const stats = shared('stats', { hits: 0 });
    function* hit() {
      const n = yield* stats.get('hits'); // hits += 1 is a read step...
      yield* stats.set('hits', n + 1); //      ...then a write step
    }
    const threads = [new Thread({ target: hit }), new Thread({ target: hit })];
    for (const t of threads) yield* t.start();
    for (const t of threads) yield* t.join();
  },
  { claims: { 'both hits counted': (s) => s.stats?.hits === 2 || `stats.hits is ${String(s.stats?.hits)}, expected 2` } },
);
