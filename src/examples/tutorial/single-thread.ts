import { program } from '../../scheduler/program.js';
import { logging } from '../../models/logging.js';
import { Thread } from '../../models/thread.js';
import { thread_function } from './thread-function.js';

/** tutorial/single-thread: main starts one thread and does not join it; exit waits for it. */
export function singleThread(name: string, daemon: boolean, join: boolean) {
  return program(
    name,
    function* main() {
      yield* logging.info('Main    : before creating thread');
      const x = new Thread({ target: thread_function, args: [1] as [number], daemon });
      yield* logging.info('Main    : before running thread');
      yield* x.start();
      yield* logging.info('Main    : wait for the thread to finish');
      if (join) yield* x.join();
      yield* logging.info('Main    : all done');
    },
    {
      description: daemon
        ? 'A daemon thread is dropped at exit: its last line never appears.'
        : join
          ? 'join() waits for the thread, so its last line comes before "all done".'
          : 'One non-daemon thread; interpreter exit waits for it to finish.',
    },
  );
}

export default singleThread('tutorial/single-thread', false, false);
