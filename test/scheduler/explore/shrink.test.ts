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

describe('the minimality of a shrunk schedule', () => {
  const p = named('bench/counter-5');
  const failing = (): { schedule: readonly number[]; sig: string } => {
    for (let seed = 0; ; seed++) {
      const r = execute(p, { policy: new RandomPolicy(), seed });
      if (r.failures.length > 0) {
        const sig = failureSignature(r.failures[0]!);
        // A start with several preemptions, so that greedy editing has work to do.
        if (shrinkSchedule(p, r.schedule, sig, { budget: 1, searchBudget: 0 }).preemptions >= 3) return { schedule: r.schedule, sig };
      }
    }
  };

  // With one greedy run the greedy part cannot shrink anything: only the search over fewer
  // preemptions can bring a lost update down to its one necessary preemption.
  it('finds a schedule with fewer preemptions that greedy editing missed, and proves it fewest', () => {
    const { schedule, sig } = failing();
    const s = shrinkSchedule(p, schedule, sig, { budget: 1 });
    expect(s.preemptions).toBe(1);
    expect(s.minimal).toBe(true);
    expect(s.searched).toBeGreaterThan(0);
    const again = execute(p, { policy: new ReplayPolicy(s.schedule), seed: 0 });
    expect(again.failures.map(failureSignature)).toContain(sig);
  });

  it('does not claim minimality when the search budget runs out', () => {
    const { schedule, sig } = failing();
    const s = shrinkSchedule(p, schedule, sig, { budget: 1, searchBudget: 0 });
    expect(s.preemptions).toBeGreaterThanOrEqual(3);
    expect(s.minimal).toBe(false);
  });

  // counter-5 without preemptions: each adder reads and writes in one stretch, so the 0-bound
  // space has no failure; the proof covers all of its schedules.
  it('proves a one-preemption lost update minimal by running every preemption-free schedule', () => {
    const s = explore(p, { strategy: 'random', seed: 1 });
    const f = s.failures[0]!;
    expect(f.preemptions).toBe(1);
    expect(f.shrunk!.minimal).toBe(true);
    const free = explore(p, { strategy: 'dfs', preemptionBound: 0, iterateBounds: false });
    expect(f.shrunk!.searched).toBe(free.executions);
  });
});
