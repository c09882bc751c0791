import { program } from '../../scheduler/program.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { Semaphore } from '../../models/semaphore.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import { sleep } from '../../models/time.js';

/**
 * tutorial/semaphore: four workers share a pool of two connections guarded by a
 * `Semaphore(2)`: two connect at once, the others wait until one disconnects. Main starts a
 * worker every 20 ms and worker i holds its connection for 0.1 * (i + 1) s, so every line has
 * its own instant. A Lock guards the count of connections in use, whose peak the claim checks.
 */
export default program(
  'tutorial/semaphore',
  function* main() {
    const pool = shared('pool', { inUse: 0, peak: 0 });
    const connections = new Semaphore(2, { name: 'connections' });
    const counter = new Lock({ name: 'counter_lock' });
    function* worker(index: number) {
      yield* logging.info('Worker %d: waiting for a connection', index);
      yield* connections.with(function* () {
        const inUse = yield* counter.with(function* () {
          const n = (yield* pool.get('inUse')) + 1;
          yield* pool.set('inUse', n);
          if (n > (yield* pool.get('peak'))) yield* pool.set('peak', n);
          return n;
        });
        yield* logging.info('Worker %d: connected (%d in use)', index, inUse);
        yield* sleep(0.1 * (index + 1));
        yield* counter.with(function* () {
          yield* pool.set('inUse', (yield* pool.get('inUse')) - 1);
        });
        yield* logging.info('Worker %d: disconnecting', index);
      });
    }
    const workers: Thread<[number]>[] = [];
    for (const index of [0, 1, 2, 3]) {
      const t = new Thread({ target: worker, args: [index] as [number] });
      workers.push(t);
      yield* t.start();
      yield* sleep(0.02);
    }
    for (const t of workers) yield* t.join();
    yield* logging.info('Main    : at most %d connections were in use at once', yield* pool.get('peak'));
  },
  {
    description: 'A Semaphore(2) lets two of four workers hold a connection at a time.',
    claims: { 'at most two connections at once': (s) => (s.pool?.peak as number) <= 2 || `pool.peak is ${String(s.pool?.peak)}` },
  },
);
