import { program, type Program } from '../../scheduler/program.js';
import { Condition } from '../../models/condition.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';

/** Items each producer puts and each consumer takes. */
const ITEMS = 2;

/**
 * zoo/bounded-buffer-notify: a one-slot buffer shared by two producers and two consumers
 * through one Condition. Each waits in a `while` loop (correct) but wakes others with
 * `notify()`, which wakes one waiter of either kind: a producer's notify can wake the other
 * producer instead of a consumer, which finds the buffer full and waits again, and soon every
 * thread waits. The fixed twin wakes everyone with `notify_all()`.
 */
export function boundedBuffer(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/bounded-buffer-notify-fixed' : 'zoo/bounded-buffer-notify',
    function* main() {
      const buffer = shared('buffer', { size: 0, consumed: 0 });
      const cond = new Condition(undefined, { name: 'cond' });
      const wake = () => (fixed ? cond.notify_all() : cond.notify());
      function* producer(index: number) {
        for (let item = 0; item < ITEMS; item++) {
          yield* cond.with(function* () {
            while ((yield* buffer.get('size')) === 1) yield* cond.wait();
            yield* buffer.set('size', 1);
            yield* logging.info('Producer %d: put item %d', index, item);
            yield* wake();
          });
        }
      }
      function* consumer(index: number) {
        for (let item = 0; item < ITEMS; item++) {
          yield* cond.with(function* () {
            while ((yield* buffer.get('size')) === 0) yield* cond.wait();
            yield* buffer.set('size', 0);
            yield* buffer.set('consumed', (yield* buffer.get('consumed')) + 1);
            yield* logging.info('Consumer %d: took an item', index);
            yield* wake();
          });
        }
      }
      const threads = [
        new Thread({ target: producer, args: [0] as [number], name: 'producer-0' }),
        new Thread({ target: producer, args: [1] as [number], name: 'producer-1' }),
        new Thread({ target: consumer, args: [0] as [number], name: 'consumer-0' }),
        new Thread({ target: consumer, args: [1] as [number], name: 'consumer-1' }),
      ];
      for (const t of threads) yield* t.start();
      for (const t of threads) yield* t.join();
      yield* logging.info('Main    : %d items consumed', yield* buffer.get('consumed'));
    },
    {
      description: fixed
        ? 'The one-slot buffer wakes every waiter with notify_all(): no deadlock.'
        : 'A one-slot buffer wakes one waiter of either kind with notify(): a deadlock when it wakes the wrong kind.',
      claims: { 'every item is consumed': (s) => s.buffer?.consumed === 2 * ITEMS || `buffer.consumed is ${String(s.buffer?.consumed)}` },
    },
  );
}

export default boundedBuffer(false);
