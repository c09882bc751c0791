import { program, type Program } from '../../scheduler/program.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import { sleep } from '../../models/time.js';

/**
 * zoo/daemon-lost-write: a daemon thread saves the results 1 s after it starts, but main
 * ends first, and daemon threads are dropped at interpreter exit: the write never happens.
 * The fixed twin joins the saver before main ends.
 */
export function daemonWrite(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/daemon-lost-write-fixed' : 'zoo/daemon-lost-write',
    function* main() {
      const store = shared('store', { saved: false });
      function* saver() {
        yield* sleep(1);
        yield* store.set('saved', true);
        yield* logging.info('Saver   : results saved');
      }
      const t = new Thread({ target: saver, daemon: true });
      yield* t.start();
      yield* logging.info('Main    : work done, exiting');
      if (fixed) yield* t.join();
    },
    {
      description: fixed ? 'Main joins the daemon saver before it ends: the write happens.' : 'A daemon thread\'s write is lost because main exits first.',
      claims: { 'the results are saved': (s) => s.store?.saved === true || 'store.saved is false' },
    },
  );
}

export default daemonWrite(false);
