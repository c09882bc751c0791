import { program } from '../../scheduler/program.js';
import { Event } from '../../models/event.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import { logging } from '../../models/logging.js';
import { Queue } from '../../models/queue.js';
import { random } from '../../models/random.js';
import { sleep } from '../../models/time.js';

/**
 * tutorial/pipeline-final: pipeline-queue with a plain `queue.Queue(maxsize=10)` passed to
 * both threads, no Pipeline class. Same timing, same stop condition, and the same two stop
 * bugs (a consumer blocked in `get()` forever, or a last message never stored).
 */
export default program(
  'tutorial/pipeline-final',
  function* main() {
    function* producer(queue: Queue<number>, event: Event) {
      while (!(yield* event.is_set())) {
        const message = random.randint(1, 101);
        yield* logging.info('Producer got message: %s', message);
        yield* queue.put(message);
        yield* sleep(0.01);
      }
      yield* logging.info('Producer received event. Exiting');
    }
    function* consumer(queue: Queue<number>, event: Event) {
      while (!(yield* event.is_set()) || !(yield* queue.empty())) {
        const message = yield* queue.get();
        yield* logging.info('Consumer storing message: %s (size=%d)', message, yield* queue.qsize());
        yield* sleep(0.025);
      }
      yield* logging.info('Consumer received event. Exiting');
    }
    const pipeline = new Queue<number>(10, { name: 'pipeline' });
    const event = new Event({ name: 'event' });
    yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {
      yield* executor.submit(producer, pipeline, event);
      yield* executor.submit(consumer, pipeline, event);
      yield* sleep(0.1);
      yield* logging.info('Main: about to set event');
      yield* event.set();
    });
  },
  { description: 'Producer and consumer sharing a queue.Queue(maxsize=10) directly, stopped by an Event.', programSeed: 0 },
);
