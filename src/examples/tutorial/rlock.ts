import { program } from '../../scheduler/program.js';
import { logging } from '../../models/logging.js';
import { RLock } from '../../models/rlock.js';

/** tutorial/rlock: the deadlock program with an RLock: the owner may acquire it again. */
export default program(
  'tutorial/rlock',
  function* main() {
    const l = new RLock();
    yield* logging.info('before first acquire');
    yield* l.acquire();
    yield* logging.info('before second acquire');
    yield* l.acquire();
    yield* logging.info('acquired lock twice');
    yield* l.release();
    yield* l.release();
    yield* logging.info('released lock twice');
  },
  { description: 'The deadlock program with an RLock: acquired twice by its owner, released twice, no deadlock.' },
);
