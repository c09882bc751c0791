import { describe, expect, it } from 'vitest';
import { execute } from '../../../src/scheduler/execution.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { failureSignature, shrinkSchedule } from '../../../src/scheduler/explore/shrink.js';
import { ReplayPolicy } from '../../../src/scheduler/policies/replay.js';
import { RandomPolicy } from '../../../src/scheduler/policies/random.js';
import { named } from './helpers.js';

describe('shrinking a failing schedule', () => {
  // A lost update needs one thread switched out between its read and its write: exactly one
  // preemption. Without any, each adder reads and writes in one go.
  it('shrinks a random lost update in counter-5 to exactly one preemption, and it replays', () => {
    const p = named('bench/counter-5');
    let found;
    for (let seed = 0; found === undefined; seed++) {
      const r = execute(p, { policy: new RandomPolicy(), seed });
      if (r.failures.length > 0) found = r;
    }
    const sig = failureSignature(found.failures[0]!);
    const s = shrinkSchedule(p, found.schedule, sig);
    expect(s.preemptions).toBe(1);
    expect(s.original.preemptions).toBeGreaterThanOrEqual(1);
    expect(s.steps).toBeLessThanOrEqual(s.original.steps);
    const again = execute(p, { policy: new ReplayPolicy(s.schedule), seed: 0 });
    expect(again.failures.map(failureSignature)).toContain(sig);
    expect(again.schedule).toEqual(s.schedule);
  });

  it('returns the schedule unchanged when it does not fail that way', () => {
    const p = named('bench/locked-counter-3');
    const r = execute(p, { policy: new RandomPolicy(), seed: 1 });
    const s = shrinkSchedule(p, r.schedule, 'claim:no lost update');
    expect(s.schedule).toEqual(r.schedule);
    expect(Number.isNaN(s.preemptions)).toBe(true);
  });

  it('random and PCT failures are reported shrunk, DFS failures need no shrinking', () => {
    for (const strategy of ['random', 'pct'] as const) {
      const s = explore(named('bench/counter-6'), { strategy, seed: 3 });
      const f = s.failures[0]!;
      expect(f.shrunk).toBeDefined();
      expect(f.preemptions).toBe(1);
      expect(f.preemptions).toBeLessThanOrEqual(f.shrunk!.from.preemptions);
    }
    const d = explore(named('bench/counter-6'), { strategy: 'dfs' });
    expect(d.failures[0]!.preemptions).toBe(1);
    expect(d.failures[0]!.shrunk).toBeUndefined();
  });
});
