import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * Lazy initialisation: `n` threads call `get_instance()`, which creates the instance when
 * `instance is None` (check, build, publish: three steps). Two callers that both check before
 * either publishes both create one. Fixed: the check and the creation under a lock.
 */
export function lazyInit(n: number): BugPair {
  return bugPair(
    `lazy-init-${n}`,
    [`${n} threads lazily create a shared instance without a lock: it can be created twice.`, `Creation under a lock: exactly once.`],
    (fixed) =>
      function* main() {
        const s = shared('singleton', { instance: 0, created: 0 });
        const lock = new Lock({ name: 'lock' });
        function* getInstance(): Steps<void> {
          if ((yield* s.get('instance')) !== 0) return;
          const created = yield* s.get('created');
          yield* s.set('created', created + 1);
          yield* s.set('instance', created + 1);
        }
        function* user(): Steps<void> {
          yield* fixed ? lock.with(getInstance) : getInstance();
        }
        const ts = [];
        for (let i = 0; i < n; i++) ts.push(new Thread({ name: `user-${i + 1}`, target: user }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    { 'created once': (s) => s.singleton?.created === 1 || `singleton.created is ${String(s.singleton?.created)}` },
  );
}
