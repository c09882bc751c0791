/**
 * Lock-order inversion: one thread takes lock A then B, the other B then A. Without a
 * preemption each thread takes both locks in turn; with one preemption between the two
 * acquires of the first thread, both block for ever.
 */
import { Lock, Thread, program } from 'threadsim';

export default program('check/lock-order', function* main() {
  const a = new Lock({ name: 'A' });
  const b = new Lock({ name: 'B' });
  function* both(first: Lock, second: Lock) {
    yield* first.acquire();
    yield* second.acquire();
    yield* second.release();
    yield* first.release();
  }
  const t1 = new Thread({ target: both, args: [a, b] as [Lock, Lock] });
  const t2 = new Thread({ target: both, args: [b, a] as [Lock, Lock] });
  yield* t1.start();
  yield* t2.start();
  yield* t1.join();
  yield* t2.join();
});
