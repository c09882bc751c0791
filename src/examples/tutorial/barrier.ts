import { program } from '../../scheduler/program.js';
import { Barrier } from '../../models/barrier.js';
import { logging } from '../../models/logging.js';
import { Thread } from '../../models/thread.js';
import { sleep } from '../../models/time.js';

/**
 * tutorial/barrier: three runners reach a `Barrier(3)` at 0.1, 0.2 and 0.3 s; the last to
 * arrive runs the barrier's action, then all three go on. `wait()` returns the arrival index.
 * Each runner pauses 0.1 * (i + 1) s after the barrier so that every line has its own instant.
 */
export default program(
  'tutorial/barrier',
  function* main() {
    const start = new Barrier(3, {
      name: 'start',
      action: function* () {
        yield* logging.info('Barrier : all three arrived, releasing them');
      },
    });
    function* runner(index: number) {
      yield* sleep(0.1 * (index + 1));
      yield* logging.info('Runner %d: at the barrier', index);
      const arrival = yield* start.wait();
      yield* sleep(0.1 * (index + 1));
      yield* logging.info('Runner %d: passed the barrier (arrival index %d)', index, arrival);
    }
    const runners = [0, 1, 2].map((index) => new Thread({ target: runner, args: [index] as [number] }));
    for (const t of runners) yield* t.start();
    for (const t of runners) yield* t.join();
    yield* logging.info('Main    : all runners passed');
  },
  { description: 'Three threads meet at a Barrier(3); the last arrival runs its action; wait() returns the arrival index.' },
);
