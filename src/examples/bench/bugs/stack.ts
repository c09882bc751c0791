import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * A stack without a lock (the shape of SV-COMP's stack_bad): two pushers each push `k`
 * items with `slot[top] = v; top += 1`. Two pushes that read the same `top` write the same
 * slot, and one item is lost. Fixed: push under a lock.
 */
export function stack(k: number): BugPair {
  return bugPair(
    `stack-${k}`,
    [`Two threads push ${k} items each onto a stack without a lock: a push can be lost.`, `The same pushes under a lock.`],
    (fixed) =>
      function* main() {
        const st = shared('stack', { top: 0 } as Record<string, number>);
        const lock = new Lock({ name: 'lock' });
        function* push(v: number): Steps<void> {
          const top = yield* st.get('top');
          yield* st.set(`slot${top}`, v);
          yield* st.set('top', top + 1);
        }
        function* pusher(base: number): Steps<void> {
          for (let i = 0; i < k; i++) yield* fixed ? lock.with(() => push(base + i)) : push(base + i);
        }
        const ts = [new Thread({ name: 'pusher-1', target: pusher, args: [100] as [number] }), new Thread({ name: 'pusher-2', target: pusher, args: [200] as [number] })];
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    {
      'every push kept': (s) => {
        const st = s.stack ?? {};
        const kept = new Set(Object.entries(st).filter(([key]) => key.startsWith('slot')).map(([, v]) => v));
        return (st.top === 2 * k && kept.size === 2 * k) || `stack.top is ${String(st.top)} and ${kept.size} distinct items are stored, expected ${2 * k}`;
      },
    },
  );
}
