import { describe, expect, it } from 'vitest';
import { execute } from '../../../src/scheduler/execution.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { PosPolicy } from '../../../src/scheduler/explore/pos.js';
import { failureSignature } from '../../../src/scheduler/explore/shrink.js';
import { RandomPolicy } from '../../../src/scheduler/policies/random.js';
import { ReplayPolicy } from '../../../src/scheduler/policies/replay.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { program } from '../../../src/scheduler/program.js';
import type { Policy } from '../../../src/scheduler/policies/policy.js';
import { named } from './helpers.js';

/** Thread `long` does k private writes and then writes x; thread `short` only writes x. */
function longVersusShort(k: number) {
  return program(`test/long-short-${k}`, function* main() {
    const x = shared('x', { last: '' });
    const own = shared('own', { v: 0 });
    function* long() {
      for (let i = 0; i < k; i++) yield* own.set('v', i);
      yield* x.set('last', 'long');
    }
    function* short() {
      yield* x.set('last', 'short');
    }
    const ts = [new Thread({ name: 'short', target: short }), new Thread({ name: 'long', target: long })];
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}

describe('POS (partial order sampling)', () => {
  it('is deterministic per seed and its failures replay', () => {
    const p = named('bench/bug-reorder-2');
    const a = execute(p, { policy: new PosPolicy(), seed: 5 });
    const b = execute(p, { policy: new PosPolicy(), seed: 5 });
    expect(a.schedule).toEqual(b.schedule);
    const s = explore(p, { strategy: 'pos', seed: 0 });
    const f = s.failures[0]!;
    expect(s.strategy).toBe('pos');
    expect(f.shrunk).toBeDefined();
    const again = execute(p, { policy: new ReplayPolicy(f.schedule), seed: 0 });
    expect(again.failures.map(failureSignature)).toContain(f.signature);
  });

  // The two writes of x race; the long thread's private writes race with nothing. POS keeps
  // the short thread's priority while the long one runs private steps, so the long write goes
  // first with probability 1/(k+2) (the long thread must beat one fixed draw k+1 times);
  // uniform random needs k+1 wins of a coin toss: 1/2^(k+1).
  it('samples the order of two racing writes far more evenly than uniform random', () => {
    const k = 8;
    const p = longVersusShort(k);
    const longLast = (policy: Policy): number => {
      let n = 0;
      for (let seed = 0; seed < 600; seed++) if (execute(p, { policy, seed }).state.x?.last === 'short') n++;
      return n / 600;
    };
    const pos = longLast(new PosPolicy());
    const random = longLast(new RandomPolicy());
    expect(pos).toBeGreaterThan(0.04);
    expect(random).toBeLessThan(0.02);
  });

  it('never fails a fixed twin', () => {
    for (const name of ['bench/bug-reorder-5-fixed', 'bench/bug-two-stage-2-3-fixed', 'bench/bug-lock-ring-3-fixed']) {
      expect(explore(named(name), { strategy: 'pos', maxExecutions: 100 }).failures).toEqual([]);
    }
  });
});
