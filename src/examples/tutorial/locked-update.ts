import { program } from '../../scheduler/program.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { sleep } from '../../models/time.js';

/** tutorial/locked-update: the race with a Lock held around read, sleep and write. */
export default program(
  'tutorial/locked-update',
  function* main() {
    const db = shared('db', { value: 0 });
    const lock = new Lock({ name: '_lock' });
    function* locked_update(name: number) {
      yield* logging.info('Thread %s: starting update', name);
      yield* logging.debug('Thread %s about to lock', name);
      yield* lock.with(function* () {
        yield* logging.debug('Thread %s has lock', name);
        const local = yield* db.get('value');
        yield* sleep(0.1);
        yield* db.set('value', local + 1);
        yield* logging.debug('Thread %s about to release lock', name);
      });
      yield* logging.debug('Thread %s after release', name);
      yield* logging.info('Thread %s: finishing update', name);
    }
    yield* logging.info('Testing locked update. Starting value is %d.', yield* db.get('value'));
    yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {
      for (const index of [0, 1]) yield* executor.submit(locked_update, index);
    });
    yield* logging.info('Testing locked update. Ending value is %d.', yield* db.get('value'));
  },
  {
    description: 'The race fixed with a Lock: ends at 2 under every schedule (debug lines show the lock).',
    logLevel: 'debug',
    claims: { 'no lost update': (s) => s.db?.value === 2 || `db.value is ${String(s.db?.value)}, expected 2` },
  },
);
