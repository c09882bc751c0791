import { Condition } from '../../../models/condition.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * Lost notify: `n` workers each wait on a condition for a go signal, without checking a
 * predicate first; the starter sets `go` and calls `notify_all()`. A worker that reaches
 * `wait()` after the notify waits for ever. Fixed: `while not go: cond.wait()`.
 */
export function lostNotify(n: number): BugPair {
  return bugPair(
    `lost-notify-${n}`,
    [`${n} workers wait for a notify without a predicate: one that arrives late waits for ever.`, `Workers wait in a loop on the go flag.`],
    (fixed) =>
      function* main() {
        const s = shared('start', { go: false, started: 0 });
        const cond = new Condition(undefined, { name: 'cond' });
        function* worker(): Steps<void> {
          yield* cond.with(function* () {
            if (fixed) {
              while (!(yield* s.get('go'))) yield* cond.wait();
            } else {
              yield* cond.wait();
            }
            yield* s.set('started', (yield* s.get('started')) + 1);
          });
        }
        function* starter(): Steps<void> {
          yield* cond.with(function* () {
            yield* s.set('go', true);
            yield* cond.notify_all();
          });
        }
        const ts = [];
        for (let i = 0; i < n; i++) ts.push(new Thread({ name: `worker-${i + 1}`, target: worker }));
        ts.push(new Thread({ name: 'starter', target: starter }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    { 'every worker started': (s) => s.start?.started === n || `start.started is ${String(s.start?.started)}` },
  );
}
