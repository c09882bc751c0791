import { program } from '../../scheduler/program.js';
import { Event } from '../../models/event.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import { logging } from '../../models/logging.js';
import { Queue } from '../../models/queue.js';
import { random } from '../../models/random.js';
import { sleep } from '../../models/time.js';
import type { Steps } from '../../scheduler/ops.js';

/** Python's `class Pipeline(queue.Queue)` with `set_message`/`get_message`. */
class Pipeline extends Queue<number> {
  constructor() {
    super(10, { name: 'pipeline' });
  }
  set_message(message: number): Steps<void> {
    return this.put(message);
  }
  get_message(): Steps<number> {
    return this.get();
  }
}

/**
 * tutorial/pipeline-queue: the pipeline as a `queue.Queue(maxsize=10)` subclass, stopped by an
 * Event. The producer makes a message every 10 ms, the consumer stores one every 25 ms, so the
 * queue fills up while main sleeps 0.1 s; after the event the consumer drains it. (The sleeps
 * keep the run short and the output readable; without them the producer would fill the queue
 * hundreds of times over in 0.1 s.) The stop protocol has two real bugs that untimed
 * exploration shows: the consumer checks "event set or queue not empty" and then calls
 * `get()`, so a producer that stops in between leaves the consumer blocked forever; and a
 * consumer that stops between the producer's log line and its `put()` loses that message.
 */
export default program(
  'tutorial/pipeline-queue',
  function* main() {
    const pipeline = new Pipeline();
    const event = new Event({ name: 'event' });
    function* producer() {
      while (!(yield* event.is_set())) {
        const message = random.randint(1, 101);
        yield* logging.info('Producer got message: %s', message);
        yield* pipeline.set_message(message);
        yield* sleep(0.01);
      }
      yield* logging.info('Producer received event. Exiting');
    }
    function* consumer() {
      while (!(yield* event.is_set()) || !(yield* pipeline.empty())) {
        const message = yield* pipeline.get_message();
        yield* logging.info('Consumer storing message: %s  (queue size=%s)', message, yield* pipeline.qsize());
        yield* sleep(0.025);
      }
      yield* logging.info('Consumer received event. Exiting');
    }
    yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {
      yield* executor.submit(producer);
      yield* executor.submit(consumer);
      yield* sleep(0.1);
      yield* logging.info('Main: about to set event');
      yield* event.set();
    });
  },
  { description: 'Producer and consumer through a Queue(maxsize=10) subclass, stopped by an Event.', programSeed: 0 },
);
