import { program } from '../../scheduler/program.js';
import { logging } from '../../models/logging.js';
import { Thread } from '../../models/thread.js';
import { thread_function } from './thread-function.js';

/** tutorial/many-threads: three threads started in a loop, then joined in order. */
export default program(
  'tutorial/many-threads',
  function* main() {
    const threads: Thread<[number]>[] = [];
    for (const index of [0, 1, 2]) {
      yield* logging.info('Main    : create and start thread %d.', index);
      const x = new Thread({ target: thread_function, args: [index] as [number] });
      threads.push(x);
      yield* x.start();
    }
    for (const [index, thread] of threads.entries()) {
      yield* logging.info('Main    : before joining thread %d.', index);
      yield* thread.join();
      yield* logging.info('Main    : thread %d done', index);
    }
  },
  { description: 'Three threads started in a loop and joined in order; they finish in any order.' },
);
