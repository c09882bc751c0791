/**
 * A bounded buffer on one Condition, as Python code often writes it:
 *
 *     def put(self, x):
 *         with self.cond:
 *             while len(self.items) == self.capacity: self.cond.wait()
 *             self.items.append(x); self.cond.notify()      # or notify_all()
 *
 * and `get` symmetrically. Producers and consumers wait on the same Condition, so `notify()`
 * can wake a thread of the wrong kind while the right one sleeps on: a lost wake-up that ends
 * in a deadlock. `notify_all()` wakes everyone and every waiter re-checks its condition.
 */
import fc from 'fast-check';
import { BLOCKS } from '../../../src/check/linearizability.js';
import { operation, type Subject } from '../../../src/check/scenario.js';
import { Condition, Thread, program, shared, type Program, type Shared, type Steps } from 'threadsim';

/** Which wake-up the buffer uses. */
export type Wakeup = 'notify' | 'notify_all';

/** The buffer's implementation. */
export class BoundedBuffer {
  private readonly store: Shared<{ items: readonly number[] }>;
  private readonly cond = new Condition();
  constructor(
    private readonly capacity: number,
    private readonly wakeup: Wakeup,
  ) {
    this.store = shared('buffer', { items: [] as readonly number[] });
  }

  private wake(): Steps<void> {
    return this.wakeup === 'notify' ? this.cond.notify() : this.cond.notify_all();
  }

  *put(x: number): Steps<void> {
    const self = this;
    yield* this.cond.with(function* () {
      while ((yield* self.store.get('items')).length === self.capacity) yield* self.cond.wait();
      yield* self.store.set('items', [...(yield* self.store.get('items')), x]);
      yield* self.wake();
    });
  }

  *get(): Steps<number> {
    const self = this;
    return yield* this.cond.with(function* () {
      while ((yield* self.store.get('items')).length === 0) yield* self.cond.wait();
      const items = yield* self.store.get('items');
      yield* self.store.set('items', items.slice(1));
      yield* self.wake();
      return items[0]!;
    });
  }
}

/** Two consumers take one item each; one producer puts two items into a one-slot buffer. */
export function bufferProgram(wakeup: Wakeup): Program {
  return program(`check/bounded-buffer-${wakeup.replace('_', '-')}`, function* main() {
    const buffer = new BoundedBuffer(1, wakeup);
    const consumers = [0, 1].map(() => new Thread({ target: function* consumer() { return yield* buffer.get(); } }));
    const producer = new Thread({
      target: function* producer() {
        yield* buffer.put(1);
        yield* buffer.put(2);
      },
    });
    for (const t of [...consumers, producer]) yield* t.start();
    for (const t of [...consumers, producer]) yield* t.join();
  });
}

/** The buffer as a scenario subject (one slot). */
export function bufferSubject(wakeup: Wakeup): Subject<BoundedBuffer, readonly number[]> {
  return {
    name: `BoundedBuffer(${wakeup})`,
    *create() {
      return new BoundedBuffer(1, wakeup);
    },
    initial: [],
    operations: [
      operation<BoundedBuffer, readonly number[], number>({
        name: 'put',
        arg: fc.integer({ min: 1, max: 2 }),
        run: (b, x) => b.put(x),
        spec: (items, x) => (items.length >= 1 ? BLOCKS : { state: [...items, x], result: undefined }),
      }),
      operation<BoundedBuffer, readonly number[]>({
        name: 'get',
        run: (b) => b.get(),
        spec: (items) => (items.length === 0 ? BLOCKS : { state: items.slice(1), result: items[0] }),
      }),
    ],
  };
}
