import { program } from '../../scheduler/program.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';

/** tutorial/deadlock: one thread acquires the same Lock twice and waits for itself forever. */
export default program(
  'tutorial/deadlock',
  function* main() {
    const l = new Lock();
    yield* logging.info('before first acquire');
    yield* l.acquire();
    yield* logging.info('before second acquire');
    yield* l.acquire();
    yield* logging.info('acquired lock twice');
  },
  { description: 'A Lock acquired twice by the same thread: a self-deadlock.' },
);
