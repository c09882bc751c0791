import { describe, expect, it } from 'vitest';
import { explore, type ExploreSummary } from '../../../src/scheduler/explore/explore.js';
import { named } from './helpers.js';

function states(s: ExploreSummary): string[] {
  return s.histogram!.states.map(([k]) => k).sort();
}

function outputs(s: ExploreSummary): string[] {
  return s.histogram!.outputs.map(([k]) => k).sort();
}

// Programs whose every schedule under virtual-time rules DFS enumerates in a few thousand runs.
const small = [
  'tutorial/single-thread',
  'tutorial/daemon-thread',
  'tutorial/join',
  'tutorial/deadlock',
  'tutorial/rlock',
  'tutorial/semaphore',
  'tutorial/timer',
  'tutorial/barrier',
  'zoo/check-then-act',
  'zoo/lock-order-inversion',
  'zoo/lost-notify',
  'zoo/barrier-timeout',
  'zoo/barrier-timeout-fixed',
  'zoo/daemon-lost-write',
];

describe('DPOR under virtual-time rules (sleeps and timeouts order steps)', () => {
  // The reference is brute force: DFS runs every schedule the virtual clock allows.
  it.each(small)('%s: the final states and outputs of every timed schedule, in fewer executions', (name) => {
    const p = named(name);
    const dfs = explore(p, { strategy: 'dfs', iterateBounds: false, histogram: true, maxExecutions: 5000 });
    expect(dfs.stopped).toBe('exhausted');
    const dpor = explore(p, { histogram: true });
    expect(dpor.strategy).toBe('dpor');
    expect(dpor.stopped).toBe('exhausted');
    expect(states(dpor)).toEqual(states(dfs));
    expect(outputs(dpor)).toEqual(outputs(dfs));
    expect(dpor.explored).toBeLessThanOrEqual(dfs.explored);
    // Timing only removes behaviours: what runs timed is a subset of what runs untimed.
    const untimed = explore(p, { histogram: true, untimed: true, maxExecutions: 1000 });
    if (untimed.stopped === 'exhausted') {
      for (const s of states(dpor)) expect(states(untimed)).toContain(s);
      for (const o of outputs(dpor)) expect(outputs(untimed)).toContain(o);
    }
  });

  // Before, a sleep turned DPOR into DFS over all 276,870 schedules.
  it('tutorial/race: thousands of executions, not hundreds of thousands, and only the lost update', () => {
    const s = explore(named('tutorial/race'), { histogram: true });
    expect(s.strategy).toBe('dpor');
    expect(s.stopped).toBe('exhausted');
    expect(states(s)).toEqual(['db.value = 1']);
    expect(s.explored).toBeLessThan(2000);
  });

  // The demand: timing only removes behaviours, so the timed search is no larger. The
  // two workers' sleeps overlap (a near group with a window, docs/exploration.md "Time").
  it.each([false, true])('tutorial/race (histogram: %s): no more executions than untimed', (histogram) => {
    const timed = explore(named('tutorial/race'), { histogram, keepGoing: true, shrink: false });
    const untimed = explore(named('tutorial/race'), { histogram, keepGoing: true, shrink: false, untimed: true });
    expect(timed.stopped).toBe('exhausted');
    expect(untimed.stopped).toBe('exhausted');
    expect(timed.complete).toBeLessThanOrEqual(untimed.complete);
    expect(timed.abandoned).toBe(0);
  });

  // Sleeps that never overlap (each worker sleeps holding the lock) end only when every other
  // thread is blocked: timing removes behaviours, and executions with them.
  it('tutorial/locked-update: no more executions than untimed, and no note that time orders steps', () => {
    const timed = explore(named('tutorial/locked-update'), {});
    const untimed = explore(named('tutorial/locked-update'), { untimed: true });
    expect(timed.stopped).toBe('exhausted');
    expect(untimed.stopped).toBe('exhausted');
    expect(timed.explored).toBeLessThanOrEqual(untimed.explored);
    expect(timed.notes.some((n) => n.startsWith('virtual-time rules'))).toBe(false);
  });

  // A near sleep outside every window is searched plainly around it, and the report says so;
  // sleeps in windows never are (docs/exploration.md, "Time").
  it('says how many executions had a near timed op outside every window, and only then', () => {
    const plain = (s: ExploreSummary): string | undefined => s.notes.find((n) => n.startsWith('executions with a sleep or timeout whose deadline other steps reach, outside every window'));
    const queue = explore(named('tutorial/pipeline-queue'), { histogram: true, keepGoing: true, shrink: false });
    expect(queue.stopped).toBe('exhausted');
    const n = Number(/: (\d+);/.exec(plain(queue) ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(queue.executions + queue.abandoned);
    expect(plain(explore(named('tutorial/race'), { histogram: true, keepGoing: true, shrink: false }))).toBeUndefined();
  });
});
