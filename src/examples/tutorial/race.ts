import { program } from '../../scheduler/program.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { sleep } from '../../models/time.js';

/**
 * tutorial/race: two pool workers update a fake database without a lock. Each copies the
 * value, sleeps 0.1 s, and writes the copy plus one back, so both read 0 and one update is lost.
 */
export default program(
  'tutorial/race',
  function* main() {
    const db = shared('db', { value: 0 });
    function* update(name: number) {
      yield* logging.info('Thread %s: starting update', name);
      const local = yield* db.get('value');
      yield* sleep(0.1);
      yield* db.set('value', local + 1);
      yield* logging.info('Thread %s: finishing update', name);
    }
    yield* logging.info('Testing update. Starting value is %d.', yield* db.get('value'));
    yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {
      for (const index of [0, 1]) yield* executor.submit(update, index);
    });
    yield* logging.info('Testing update. Ending value is %d.', yield* db.get('value'));
  },
  {
    description: 'Two pool workers update db.value without a lock: a lost update (ends at 1, not 2).',
    claims: { 'no lost update': (s) => s.db?.value === 2 || `db.value is ${String(s.db?.value)}, expected 2` },
  },
);
