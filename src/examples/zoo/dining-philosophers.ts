import { program, type Program } from '../../scheduler/program.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';

/**
 * zoo/dining-philosophers: five philosophers around a table, one fork (a Lock) between each
 * two. Each picks up the left fork, then the right one, eats once and puts both down. When
 * all five hold their left fork, nobody can take a right one: a deadlock. The fixed twin
 * breaks the cycle by ordering the forks: everyone picks up the lower-numbered fork first.
 */
export function diningPhilosophers(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/dining-philosophers-fixed' : 'zoo/dining-philosophers',
    function* main() {
      const table = shared('table', { meals: 0 });
      const count = new Lock({ name: 'meals_lock' });
      const forks = [0, 1, 2, 3, 4].map((i) => new Lock({ name: `fork_${i}` }));
      function* philosopher(index: number) {
        const left = index;
        const right = (index + 1) % 5;
        const [first, second] = fixed ? [Math.min(left, right), Math.max(left, right)] : [left, right];
        yield* forks[first]!.with(function* () {
          yield* logging.info('Philosopher %d: picked up fork %d', index, first);
          yield* forks[second]!.with(function* () {
            yield* logging.info('Philosopher %d: eating', index);
            yield* count.with(function* () {
              yield* table.set('meals', (yield* table.get('meals')) + 1);
            });
          });
        });
      }
      const diners = [0, 1, 2, 3, 4].map((index) => new Thread({ target: philosopher, args: [index] as [number] }));
      for (const t of diners) yield* t.start();
      for (const t of diners) yield* t.join();
      yield* logging.info('Main    : %d meals eaten', yield* table.get('meals'));
    },
    {
      description: fixed
        ? 'Five philosophers pick up the lower-numbered fork first: no cycle, no deadlock.'
        : 'Five philosophers each pick up the left fork first: a deadlock when all hold one.',
      claims: { 'everyone ate': (s) => s.table?.meals === 5 || `table.meals is ${String(s.table?.meals)}` },
    },
  );
}

export default diningPhilosophers(false);
