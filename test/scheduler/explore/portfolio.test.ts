import { describe, expect, it } from 'vitest';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { PORTFOLIO_MEMBERS } from '../../../src/scheduler/explore/portfolio.js';
import { named } from './helpers.js';

describe('the portfolio strategy', () => {
  it('is a pure function of the seed and credits the member that found the failure', () => {
    const a = explore(named('bench/bug-reorder-5'), { strategy: 'portfolio', seed: 4, shrink: false });
    const b = explore(named('bench/bug-reorder-5'), { strategy: 'portfolio', seed: 4, shrink: false });
    expect(a.failures[0]!.execution).toBe(b.failures[0]!.execution);
    expect(a.failures[0]!.schedule).toEqual(b.failures[0]!.schedule);
    expect(PORTFOLIO_MEMBERS).toContain(a.failures[0]!.foundBy);
  });

  // account-8's audit must fall between 8 deposits and 8 withdrawals: uniform random, POS and
  // reads-from fuzzing miss it in thousands of runs, while PCT depth 2 and DFS (bound 0) reach it early. A single
  // strategy's weakness does not carry over to the portfolio.
  it('finds a bug that uniform random misses, within a small budget', () => {
    const random = explore(named('bench/bug-account-8'), { strategy: 'random', maxExecutions: 300, shrink: false });
    expect(random.failures).toEqual([]);
    const p = explore(named('bench/bug-account-8'), { strategy: 'portfolio', maxExecutions: 300, shrink: false });
    expect(p.failures.length).toBe(1);
  });

  it('reports no failure on fixed twins', () => {
    for (const name of ['bench/bug-account-3-fixed', 'bench/bug-lazy-init-3-fixed', 'bench/bug-lost-notify-2-fixed']) {
      expect(explore(named(name), { strategy: 'portfolio', maxExecutions: 100 }).failures).toEqual([]);
    }
  });
});
