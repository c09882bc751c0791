import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import { WaitQueue, type Op, type Steps } from '../../scheduler/ops.js';
import { program, type Program } from '../../scheduler/program.js';

/**
 * bench/independent-N-K: N threads of K steps each that share nothing. A starting gate makes
 * the K steps of every thread the only interleaved ones: MainThread starts the threads, which
 * wait at the gate (their first step passes it, a read), then opens it and waits for the end.
 * So a plain depth-first search sees (N*K)! / (K!)^N interleavings, all of them one
 * Mazurkiewicz trace.
 */
export function independent(n: number, k: number): Program {
  return program(
    `bench/independent-${n}-${k}`,
    function* main() {
      const own: Record<string, number> = {};
      for (let t = 1; t <= n; t++) own[`t${t}`] = 0;
      const store = shared<Record<string, number>>('own', own);
      let open = false;
      const queue = new WaitQueue('gate');
      function* pass(): Steps<void> {
        const op: Op = { kind: 'read', obj: 'gate.open', access: 'read', waitOn: queue, enabled: () => open, run: () => open, describeWait: () => 'the gate' };
        yield op;
      }
      const ts = [];
      for (let t = 1; t <= n; t++) {
        ts.push(
          new Thread({
            name: `worker-${t}`,
            target: function* work() {
              yield* pass();
              for (let s = 1; s < k; s++) yield* store.set(`t${t}`, s);
            },
          }),
        );
      }
      for (const t of ts) yield* t.start();
      const openOp: Op = {
        kind: 'write',
        obj: 'gate.open',
        access: 'write',
        value: true,
        run: (kernel) => {
          open = true;
          kernel.wake(queue);
        },
      };
      yield openOp;
    },
    { description: `${n} threads of ${k} private steps each behind a starting gate: one trace, (N*K)!/(K!)^N interleavings.` },
  );
}
