import { Event } from '../../../models/event.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * Token ring (the shape of SV-COMP's token_ring): node 1 sets `x1 = (x_n + 1) % 3`, node i
 * sets `x_i = x_(i-1)`. The claim, checked after all have run, is that every node holds the
 * same value, which holds only when each node copies after its predecessor has written:
 * the nodes assume an order that nothing enforces. Fixed: each node waits for an Event its
 * predecessor sets after writing.
 */
export function tokenRing(n: number): BugPair {
  return bugPair(
    `token-ring-${n}`,
    [`${n} nodes pass a value around a ring without waiting for their predecessor.`, `Each node waits for its turn before copying.`],
    (fixed) =>
      function* main() {
        const init: Record<string, number> = {};
        for (let i = 1; i <= n; i++) init[`x${i}`] = 0;
        const r = shared('ring', init);
        const written = Array.from({ length: n + 1 }, (_, i) => new Event({ name: `written-${i}` }));
        function* node(i: number): Steps<void> {
          if (fixed && i > 1) yield* written[i - 1]!.wait();
          const from = i === 1 ? n : i - 1;
          const v = yield* r.get(`x${from}`);
          yield* r.set(`x${i}`, i === 1 ? (v + 1) % 3 : v);
          if (fixed) yield* written[i]!.set();
        }
        const ts = [];
        for (let i = 1; i <= n; i++) ts.push(new Thread({ name: `node-${i}`, target: node, args: [i] as [number] }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    {
      'all nodes agree': (s) => {
        const r = s.ring ?? {};
        const vs = Array.from({ length: n }, (_, i) => r[`x${i + 1}`]);
        return vs.every((v) => v === vs[0]) || `ring holds ${vs.join(', ')}`;
      },
    },
  );
}
