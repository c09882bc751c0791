import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, NOTHING_BAD, type BugPair } from './pair.js';

/**
 * Two-stage update (the shape of SCTBench's twostage_bad): writers set `data1 = 1` under lock
 * m1, release it, then set `data2 = data1 + 1` under lock m2. Readers, under m1, see
 * `data1 == 1` and then, under m2, expect `data2 == data1 + 1`. A reader that runs between
 * a writer's two stages sees the first without the second: each stage is locked, the update
 * as a whole is not. Fixed: each writer holds m1 across both stages.
 */
export function twoStage(writers: number, readers: number): BugPair {
  return bugPair(
    `two-stage-${writers}-${readers}`,
    [`${writers} writers update data1 then data2 under two locks; ${readers} readers can see the first stage alone.`, `The same, with m1 held across both stages.`],
    (fixed) =>
      function* main() {
        const d = shared('d', { data1: 0, data2: 0 });
        const check = shared('check', { bad: 0 });
        const m1 = new Lock({ name: 'm1' });
        const m2 = new Lock({ name: 'm2' });
        function* stage2(): Steps<void> {
          yield* m2.with(function* () {
            yield* d.set('data2', (yield* d.get('data1')) + 1);
          });
        }
        function* writer(): Steps<void> {
          yield* m1.acquire();
          yield* d.set('data1', 1);
          if (fixed) {
            yield* stage2();
            yield* m1.release();
          } else {
            yield* m1.release();
            yield* stage2();
          }
        }
        function* reader(): Steps<void> {
          yield* m1.with(function* () {
            const t1 = yield* d.get('data1');
            if (t1 !== 1) return;
            yield* m2.with(function* () {
              if ((yield* d.get('data2')) !== t1 + 1) yield* check.set('bad', 1);
            });
          });
        }
        const ts = [];
        for (let i = 0; i < writers; i++) ts.push(new Thread({ name: `writer-${i + 1}`, target: writer }));
        for (let i = 0; i < readers; i++) ts.push(new Thread({ name: `reader-${i + 1}`, target: reader }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    NOTHING_BAD,
  );
}
