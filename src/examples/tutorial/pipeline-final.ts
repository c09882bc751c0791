import { program } from '../../scheduler/program.ts';
import { Event } from '../../models/event.ts';
import { ThreadPoolExecutor } from '../../models/executor.ts';
import { logging } from '../../models/logging.ts';
import { Queue } from '../../models/queue.ts';
import { random } from '../../models/random.ts';
import { sleep } from '../../models/time.ts';

/**
 * tutorial/pipeline-final: pipeline-queue with a plain `queue.Queue(maxsize=10)` passed to
 * both threads, no Pipeline class. Same timing, same stop condition (and the same possible
 * hang when the event is set between the consumer's check and its `get()`).
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
