import { describe, expect, it } from 'vitest';
import { execute } from '../../../src/scheduler/execution.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { randomSearch, runSeed } from '../../../src/scheduler/explore/sampling.js';
import { RandomPolicy } from '../../../src/scheduler/policies/random.js';
import type { Runner } from '../../../src/scheduler/explore/search.js';
import { named } from './helpers.js';

describe('seeds of sampled runs', () => {
  const p = named('bench/counter-4');
  const runner: Runner = (policy, monitor, seed = 0) => execute(p, { policy, seed, ...(monitor === undefined ? {} : { monitor }) });

  // With run seeds S, S+1, ... the trials --seed 0 and --seed 1 shared all runs but one,
  // so "20 independent trials" were one trial shifted by a run each.
  it('trials at consecutive base seeds share no run', () => {
    const seen = new Map<number, number>();
    for (let base = 0; base < 20; base++) {
      const search = randomSearch(runner, base);
      for (let i = 0; i < 200; i++) {
        search.next();
        const s = search.lastSeed;
        expect(seen.get(s), `run seed ${s} of base ${base} also came from base ${seen.get(s)}`).toBeUndefined();
        seen.set(s, base);
      }
    }
    expect(seen.size).toBe(20 * 200);
  });

  it('trials at consecutive base seeds find a failure at unrelated executions', () => {
    const at = [0, 1, 2, 3, 4, 5].map((seed) => explore(named('bench/counter-6'), { strategy: 'random', seed, shrink: false, maxExecutions: 5000 }).failures[0]?.execution ?? -1);
    // Shifted trials would give n, n-1, n-2, ...
    const shifted = at.every((n, i) => i === 0 || n === at[i - 1]! - 1);
    expect(shifted).toBe(false);
  });

  it('a run seed is a non-negative integer that replays under `run --policy random --seed`', () => {
    for (const [base, index] of [[0, 0], [7, 12345], [2 ** 40 + 3, 9]] as const) {
      const s = runSeed(base, index);
      expect(Number.isSafeInteger(s) && s >= 0).toBe(true);
    }
    const found = explore(named('bench/counter-6'), { strategy: 'random', seed: 3, shrink: false }).failures[0]!;
    const again = execute(named('bench/counter-6'), { policy: new RandomPolicy(), seed: found.seed! });
    expect(again.schedule).toEqual(found.schedule);
  });
});

// A random search runs its policy unwrapped and counts a run's preemptions only when asked,
// by replaying the run under a counting wrapper: the count must be the run's own.
describe('preemptions of random runs', () => {
  it('are those of the run itself, counted independently step by step', () => {
    const p = named('bench/bug-reorder-5');
    const runner: Runner = (policy, monitor, seed = 0) => execute(p, { policy, seed, ...(monitor === undefined ? {} : { monitor }) });
    const search = randomSearch(runner, 11);
    let nonzero = 0;
    for (let i = 0; i < 60; i++) {
      const step = search.next();
      if (step.kind !== 'execution') throw new Error('a random run is never abandoned');
      const schedule = [...step.result.schedule];
      // Count by hand: a switch away from a thread that ran the previous step and could go on.
      let counted = 0;
      const policy = new RandomPolicy();
      execute(p, {
        policy: {
          name: 'counting by hand',
          begin: (seed) => policy.begin(seed),
          pick: (runnable, at) => {
            const t = policy.pick(runnable, at);
            if (at.previous >= 0 && t !== at.previous && !at.yielded && runnable.includes(at.previous)) counted++;
            return t;
          },
        },
        seed: search.lastSeed,
      });
      expect(step.preemptions).toBe(counted);
      // Read again, it is the same count (worked out once per run).
      expect(step.preemptions).toBe(counted);
      expect([...step.result.schedule]).toEqual(schedule);
      if (counted > 0) nonzero++;
    }
    expect(nonzero).toBeGreaterThan(10);
  });
});
