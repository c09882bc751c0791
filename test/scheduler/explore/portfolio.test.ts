import { describe, expect, it } from 'vitest';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { BUG_SUITE } from '../../../src/examples/bench/bugs/index.js';
import { PORTFOLIO_MEMBERS, PORTFOLIO_TURNS } from '../../../src/scheduler/explore/portfolio.js';
import { named } from './helpers.js';
import { doneFirst } from '../../fixtures/done-futures.js';

describe('the portfolio strategy', () => {
  it('is a pure function of the seed and credits the member that found the failure', () => {
    const a = explore(named('bench/bug-reorder-5'), { strategy: 'portfolio', seed: 4, shrink: false });
    const b = explore(named('bench/bug-reorder-5'), { strategy: 'portfolio', seed: 4, shrink: false });
    expect(a.failures[0]!.execution).toBe(b.failures[0]!.execution);
    expect(a.failures[0]!.schedule).toEqual(b.failures[0]!.schedule);
    expect(PORTFOLIO_MEMBERS).toContain(a.failures[0]!.foundBy);
  });

  // account-8's audit must fall between 8 deposits and 8 withdrawals: uniform random, POS and
  // reads-from fuzzing miss it in thousands of runs, while periodical scheduling reaches it early. A single
  // strategy's weakness does not carry over to the portfolio.
  it('finds a bug that uniform random misses, within a small budget', () => {
    const random = explore(named('bench/bug-account-8'), { strategy: 'random', maxExecutions: 300, shrink: false });
    expect(random.failures).toEqual([]);
    const p = explore(named('bench/bug-account-8'), { strategy: 'portfolio', maxExecutions: 300, shrink: false });
    expect(p.failures.length).toBe(1);
  });

  // The bound does not rest on the sampler's luck: the period member alone finds every bug of
  // the suite within 15 of its own executions (bench/strategies.ts; it ignores the seed), and
  // it has 3 turns in every 5, so its 15th execution is the portfolio's 25th at the latest.
  it('finds every bug of the suite within 25 executions, whatever the seed', () => {
    expect(PORTFOLIO_TURNS.filter((m) => PORTFOLIO_MEMBERS[m] === 'period').length).toBe(3);
    expect(PORTFOLIO_TURNS.length).toBe(5);
    for (const { buggy } of BUG_SUITE) {
      const alone = explore(buggy, { strategy: 'period', maxExecutions: 15, shrink: false });
      expect(alone.failures.length, buggy.name).toBe(1);
      for (const seed of [0, 7]) {
        const s = explore(buggy, { strategy: 'portfolio', seed, maxExecutions: 25, shrink: false });
        expect(s.failures.length, `${buggy.name} seed ${seed}`).toBe(1);
      }
    }
  });

  // DPOR alone proves the fixed twin in a few executions; the portfolio stops there too rather
  // than sampling on to its budget.
  it('ends with a proof when a systematic member covers its whole space', () => {
    const fixed = named('bench/bug-two-stage-1-1-fixed');
    const s = explore(fixed, { strategy: 'portfolio', maxExecutions: 1000 });
    expect(s.failures).toEqual([]);
    expect(s.stopped).toBe('exhausted');
    expect(s.exhaustive).toBe(true);
    expect(s.executions).toBeLessThan(100);
    const alone = explore(fixed, { strategy: s.proof!.member as 'dpor' | 'period' });
    expect(alone.exhaustive).toBe(true);
    expect(s.proof!.executions).toBe(alone.executions);
  });

  // Its members answer the program's choices their own way (DPOR and period take the default),
  // so covering their space is no proof for a program that makes choices: here only a
  // non-default order of two done futures fails the claim, and the portfolio samples on
  // until reads-from fuzzing draws it.
  it('claims no proof for a program that makes choices', () => {
    const p = doneFirst(2, 'b');
    const s = explore(p, { strategy: 'portfolio', maxExecutions: 200, shrink: false });
    expect(s.proof).toBeUndefined();
    expect(s.exhaustive).toBe(false);
    expect(s.failures.map((f) => f.failure.kind)).toEqual(['claim']);
    expect(s.failures[0]!.foundBy).toBe('rff');
  });

  it('reports no failure on fixed twins', () => {
    for (const { fixed } of BUG_SUITE) {
      expect(explore(fixed, { strategy: 'portfolio', maxExecutions: 60, shrink: false }).failures, fixed.name).toEqual([]);
    }
  });
});
