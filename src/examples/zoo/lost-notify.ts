import { program, type Program } from '../../scheduler/program.js';
import { Condition } from '../../models/condition.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';

/**
 * zoo/lost-notify: main starts a waiter that waits on a Condition, then notifies it. When main
 * notifies before the waiter has started waiting, the notify is lost (a Condition keeps no
 * memory) and the waiter waits forever. The fixed twin sets a flag under the lock and the
 * waiter uses `wait_for(lambda: ready)`, which does not wait when the flag is set already.
 */
export function lostNotify(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/lost-notify-fixed' : 'zoo/lost-notify',
    function* main() {
      const signal = shared('signal', { ready: false, received: false });
      const cond = new Condition(undefined, { name: 'cond' });
      function* waiter() {
        yield* cond.with(function* () {
          if (fixed) {
            yield* cond.wait_for(function* () {
              return yield* signal.get('ready');
            });
          } else {
            yield* cond.wait();
          }
        });
        yield* signal.set('received', true);
        yield* logging.info('Waiter  : got the signal');
      }
      const t = new Thread({ target: waiter });
      yield* t.start();
      yield* cond.with(function* () {
        yield* signal.set('ready', true);
        yield* cond.notify();
      });
      yield* logging.info('Main    : signalled');
      yield* t.join();
    },
    {
      description: fixed
        ? 'The waiter checks a flag with wait_for(), so an early notify is not lost.'
        : 'A notify sent before the waiter waits is lost: the waiter waits forever.',
      claims: { 'the signal is received': (s) => s.signal?.received === true || 'signal.received is false' },
    },
  );
}

export default lostNotify(false);
