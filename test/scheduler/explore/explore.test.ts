import { describe, expect, it } from 'vitest';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { named, sleepyRace } from './helpers.js';

describe('exploration', () => {
  it('iterated preemption bounds: the first failure has the fewest preemptions', () => {
    const s = explore(named('bench/counter-3'), { strategy: 'dfs' });
    expect(s.failures[0]!.preemptions).toBe(1);
    expect(s.bound).toBe(1);
  });

  it('a preemption bound of 0 finds no lost update and says the bound cut the search', () => {
    const s = explore(named('bench/counter-3'), { strategy: 'dfs', preemptionBound: 0 });
    expect(s.failures).toEqual([]);
    expect(s.stopped).toBe('bound');
    expect(s.exhaustive).toBe(false);
  });

  // Under virtual time a 0.1 s sleep outlasts every other step, so both threads read 0; untimed,
  // a sleeper may wake at any point, so one thread may read after the other's write.
  it('virtual-time rules show only the lost update; --untimed shows both outcomes', () => {
    const timed = explore(sleepyRace(false), { histogram: true });
    expect(timed.histogram!.states.map(([k]) => k)).toEqual(['db.value = 1']);
    expect(timed.notes.join(' ')).toMatch(/virtual-time/);
    const untimed = explore(sleepyRace(false), { histogram: true, untimed: true });
    expect(untimed.histogram!.states.map(([k]) => k).sort()).toEqual(['db.value = 1', 'db.value = 2']);
  });

  it('tutorial/race --untimed: DPOR shows both values', () => {
    const s = explore(named('tutorial/race'), { untimed: true, histogram: true });
    expect(s.histogram!.states.map(([k]) => k).sort()).toEqual(['db.value = 1', 'db.value = 2']);
  });

  it('--find-output finds a schedule printing the given lines, or proves none does', () => {
    const want = ['Testing update. Starting value is 0.', 'Thread 1: starting update', 'Thread 1: finishing update', 'Thread 0: starting update', 'Thread 0: finishing update', 'Testing update. Ending value is 2.'];
    const s = explore(named('tutorial/race'), { untimed: true, findOutput: want });
    expect(s.stopped).toBe('match');
    const impossible = explore(named('tutorial/race'), { untimed: true, findOutput: [...want.slice(0, -1), 'Testing update. Ending value is 3.'] });
    expect(impossible.match).toBeUndefined();
    expect(impossible.exhaustive).toBe(true);
  });

  it('keeps going with keepGoing and stops at the execution budget', () => {
    const s = explore(named('bench/counter-3'), { strategy: 'random', maxExecutions: 50, keepGoing: true });
    expect(s.executions).toBe(50);
    expect(s.stopped).toBe('budget');
  });

  it('rejects a preemption bound with DPOR', () => {
    expect(() => explore(named('bench/counter-3'), { strategy: 'dpor', preemptionBound: 1 })).toThrow(/TSIM006/);
  });
});

describe('first race reported', () => {
  it('detectRaces names the first execution with a data race, at or before the failing one', () => {
    const s = explore(named('bench/counter-4'), { strategy: 'random', detectRaces: true, shrink: false });
    expect(s.firstRace).toBeDefined();
    expect(s.firstRace!.location).toBe('counter.value');
    expect(s.firstRace!.execution).toBeLessThanOrEqual(s.failures[0]!.execution);
    expect(s.failures.map((f) => f.failure.kind)).toEqual(['claim']);
  });

  it('reports no race on a lock-protected program, and none without detectRaces', () => {
    expect(explore(named('bench/locked-counter-3'), { detectRaces: true }).firstRace).toBeUndefined();
    expect(explore(named('bench/counter-4'), { strategy: 'random', shrink: false }).firstRace).toBeUndefined();
  });
});
