import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * A queue without a lock: a producer appends `k` items (`buf[tail] = v; tail += 1;
 * count += 1`) while a consumer takes them (`if count > 0: v = buf[head]; head += 1;
 * count -= 1`), each up to `k` tries. `count += 1` and `count -= 1` can interleave and lose
 * one, so the queue's count disagrees with its indices. Fixed: both under one lock.
 */
export function queue(k: number): BugPair {
  return bugPair(
    `queue-${k}`,
    [`A producer and a consumer share a ${k}-item queue without a lock: the count drifts.`, `The same queue under a lock.`],
    (fixed) =>
      function* main() {
        // Every slot starts at -1: a consumer misled by a drifted count reads a slot never
        // written (Python would read a stale or missing item), and the run goes on to the claim.
        const slots: Record<string, number> = {};
        for (let i = 0; i < k; i++) slots[`buf${i}`] = -1;
        const q = shared('q', { head: 0, tail: 0, count: 0, ...slots } as Record<string, number>);
        const lock = new Lock({ name: 'lock' });
        const guard = <R>(body: () => Steps<R>): Steps<R> => (fixed ? lock.with(body) : body());
        function* producer(): Steps<void> {
          for (let i = 0; i < k; i++) {
            yield* guard(function* () {
              const tail = yield* q.get('tail');
              yield* q.set(`buf${tail}`, i);
              yield* q.set('tail', tail + 1);
              yield* q.set('count', (yield* q.get('count')) + 1);
            });
          }
        }
        function* consumer(): Steps<void> {
          for (let i = 0; i < k; i++) {
            yield* guard(function* () {
              if ((yield* q.get('count')) === 0) return;
              const head = yield* q.get('head');
              yield* q.get(`buf${head}`);
              yield* q.set('head', head + 1);
              yield* q.set('count', (yield* q.get('count')) - 1);
            });
          }
        }
        const ts = [new Thread({ name: 'producer', target: producer }), new Thread({ name: 'consumer', target: consumer })];
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    {
      'count matches the indices': (s) => {
        const q = s.q ?? {};
        return (q.count as number) === (q.tail as number) - (q.head as number) || `q.count is ${String(q.count)}, but tail - head is ${(q.tail as number) - (q.head as number)}`;
      },
    },
  );
}
