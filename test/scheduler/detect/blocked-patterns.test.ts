import { describe, expect, it } from 'vitest';
import { builtin } from '../../../src/examples/index.js';
import { execute } from '../../../src/scheduler/execution.js';
import { RandomPolicy } from '../../../src/scheduler/policies/random.js';
import { RaceMonitor } from '../../../src/scheduler/detect/index.js';
import type { DeadlockFailure } from '../../../src/scheduler/failures.js';

/** The deadlock failures of `name` over random seeds, with the detector watching. */
function deadlocks(name: string, seeds = 40): DeadlockFailure[] {
  const program = builtin(name);
  if (program === undefined) throw new Error(`no built-in ${name}`);
  const found: DeadlockFailure[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const r = execute(program, { policy: new RandomPolicy(), seed, monitor: new RaceMonitor() });
    for (const f of r.failures) if (f.kind === 'deadlock') found.push(f);
  }
  return found;
}

describe('deadlocks without a wait-for cycle are named from the sync history', () => {
  it('zoo/check-then-act: a consumer checked the queue, the other emptied it, its get waits for ever', () => {
    const found = deadlocks('zoo/check-then-act');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.pattern).toBe('check-then-act');
      expect(f.message).toMatch(/check-then-act on q: Thread-\d \(consumer\) checked it at step \d+ .* Thread-\d \(consumer\)'s get at step \d+ changed it/);
    }
  });

  it('zoo/lost-notify: the notify came before the wait and woke nobody', () => {
    const found = deadlocks('zoo/lost-notify');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.pattern).toBe('order violation');
      expect(f.message).toMatch(/MainThread notified it at step (\d+), before Thread-1 \(waiter\) began to wait at step (\d+)/);
      const [, notified, waited] = /notified it at step (\d+), before .* began to wait at step (\d+)/.exec(f.message)!;
      expect(Number(notified)).toBeLessThan(Number(waited));
    }
  });

  it('zoo/bounded-buffer-notify: notifies reached waiters, so it is not called a lost notify', () => {
    const found = deadlocks('zoo/bounded-buffer-notify');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.pattern).not.toBe('order violation');
  });
});
