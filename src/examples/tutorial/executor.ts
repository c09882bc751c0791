import { program } from '../../scheduler/program.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import { thread_function } from './thread-function.js';

/** tutorial/executor: `executor.map(thread_function, range(3))` in a 3-worker pool. */
export default program(
  'tutorial/executor',
  function* main() {
    yield* ThreadPoolExecutor.with({ maxWorkers: 3 }, function* (executor) {
      yield* executor.map(thread_function, [0, 1, 2]);
    });
  },
  { description: 'executor.map over three calls in a 3-worker pool, as a with block.' },
);
