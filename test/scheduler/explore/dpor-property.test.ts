import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lock } from '../../../src/models/lock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import type { Steps } from '../../../src/scheduler/ops.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { program, type Program } from '../../../src/scheduler/program.js';

/** One action of a generated thread: read or write a location, maybe inside a lock. */
interface Action {
  readonly write: boolean;
  readonly loc: number;
  /** -1: no lock; else the lock held around this action. */
  readonly lock: number;
}

const action = fc.record({ write: fc.boolean(), loc: fc.integer({ min: 0, max: 1 }), lock: fc.integer({ min: -1, max: 1 }) });
const threads = fc.array(fc.array(action, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 });

/**
 * A program from generated threads. A thread remembers the last value it read and writes
 * `2 * last + its number`, so the final state records which reads saw which writes.
 * With `nested`, thread 0 takes lock 0 then 1 around its actions and thread 1 takes them in
 * the other order, so some programs deadlock.
 */
function build(spec: readonly (readonly Action[])[], nested: boolean): Program {
  return program('test/generated', function* main() {
    const mem = shared<Record<string, number>>('m', { x0: 0, x1: 0 });
    const locks = [new Lock({ name: 'L0' }), new Lock({ name: 'L1' })];
    const ts = spec.map(
      (actions, i) =>
        new Thread({
          name: `t${i}`,
          target: function* (): Steps<void> {
            let last = 0;
            function* act(a: Action): Steps<void> {
              if (a.write) yield* mem.set(`x${a.loc}`, 2 * last + i + 1);
              else last = yield* mem.get(`x${a.loc}`);
            }
            function* body(): Steps<void> {
              for (const a of actions) {
                if (a.lock < 0) yield* act(a);
                else yield* locks[a.lock]!.with(() => act(a));
              }
            }
            if (nested && i < 2) {
              const [first, second] = i === 0 ? [locks[0]!, locks[1]!] : [locks[1]!, locks[0]!];
              yield* first.with(() => second.with(body));
            } else {
              yield* body();
            }
          },
        }),
    );
    for (const t of ts) yield* t.start();
  });
}

/** Final states reached, or undefined when DFS does not finish within the budget. */
function outcomes(p: Program, strategy: 'dpor' | 'dfs'): string[] | undefined {
  const s = explore(p, { strategy, histogram: true, iterateBounds: false, maxExecutions: 1500 });
  return s.exhaustive ? s.histogram!.states.map(([k]) => k).sort() : undefined;
}

describe('DPOR reaches every final state that DFS reaches (generated programs)', () => {
  it('reads, writes and locks', () => {
    fc.assert(
      fc.property(threads, fc.boolean(), (spec, nested) => {
        const p = build(spec, nested);
        const all = outcomes(p, 'dfs');
        fc.pre(all !== undefined);
        expect(outcomes(p, 'dpor')).toEqual(all);
      }),
      { numRuns: 40, seed: 20261127 },
    );
  });
});
