import { program } from '../../scheduler/program.js';
import { logging } from '../../models/logging.js';
import { Timer } from '../../models/timer.js';
import { sleep } from '../../models/time.js';

/**
 * tutorial/timer: two Timers. The first fires after 0.5 s; the second, due after 1 s, is
 * cancelled at 0.3 s and never fires; cancelling the first after it fired changes nothing.
 */
export default program(
  'tutorial/timer',
  function* main() {
    function* remind(what: string) {
      yield* logging.info('Timer   : %s', what);
    }
    const first = new Timer(0.5, remind, ['first reminder'] as [string]);
    const second = new Timer(1.0, remind, ['second reminder'] as [string]);
    yield* logging.info('Main    : starting two timers');
    yield* first.start();
    yield* second.start();
    yield* sleep(0.3);
    yield* logging.info('Main    : cancelling the second timer');
    yield* second.cancel();
    yield* sleep(0.4);
    yield* logging.info('Main    : cancelling the first timer, which has fired already');
    yield* first.cancel();
    yield* first.join();
    yield* second.join();
    yield* logging.info('Main    : all done');
  },
  { description: 'Timer fires once after its interval; cancel() before it fires suppresses it, after it is a no-op.' },
);
