import { program } from '../../scheduler/program.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { random } from '../../models/random.js';
import { shared } from '../../models/shared.js';
import type { Steps } from '../../scheduler/ops.js';

/** Python's `SENTINEL = object()`: a value no message can equal. */
const SENTINEL = 'SENTINEL';

/**
 * tutorial/pipeline-lock: a producer hands ten random messages, then a sentinel, to a consumer
 * through a one-message pipeline guarded by two Locks. `consumer_lock` starts held, so the
 * consumer waits for the first message; each side releases the lock the other side waits on
 * (a Lock may be released by a thread that did not acquire it).
 */
export default program(
  'tutorial/pipeline-lock',
  function* main() {
    const slot = shared('pipeline', { message: 0 as number | string });
    const producerLock = new Lock({ name: 'producer_lock' });
    const consumerLock = new Lock({ name: 'consumer_lock' });
    yield* consumerLock.acquire();
    const pipeline = {
      *get_message(): Steps<number | string> {
        yield* consumerLock.acquire();
        const message = yield* slot.get('message');
        yield* producerLock.release();
        return message;
      },
      *set_message(message: number | string): Steps<void> {
        yield* producerLock.acquire();
        yield* slot.set('message', message);
        yield* consumerLock.release();
      },
    };
    function* producer() {
      for (let index = 0; index < 10; index++) {
        const message = random.randint(1, 101);
        yield* logging.info('Producer got message: %s', message);
        yield* pipeline.set_message(message);
      }
      yield* pipeline.set_message(SENTINEL);
    }
    function* consumer() {
      let message: number | string = 0;
      while (message !== SENTINEL) {
        message = yield* pipeline.get_message();
        if (message !== SENTINEL) yield* logging.info('Consumer storing message: %s', message);
      }
    }
    yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {
      yield* executor.submit(producer);
      yield* executor.submit(consumer);
    });
  },
  {
    description: 'Producer and consumer through a one-slot pipeline guarded by two Locks (random messages from programSeed).',
    programSeed: 0,
  },
);
