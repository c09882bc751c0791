import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChoices } from '../../src/check/run-choices.js';
import { Schedule, schedules } from '../../src/check/schedules.js';
import { assertScheduleSafe, threadSafe, ThreadSafetyError } from '../../src/check/thread-safe.js';
import { lockedCounter, unsafeCounter } from './programs/counter.js';
import lockOrder from './programs/lock-order.js';

import { countsEveryIncrement } from './fixtures/claims.js';
import { caught } from './fixtures/errors.js';

const counterexampleOf = (run: () => void): ThreadSafetyError => caught(ThreadSafetyError, run);

describe('threadSafe', () => {
  it('a lock-protected counter passes 1,000 runs', () => {
    expect(() => fc.assert(threadSafe(lockedCounter(), countsEveryIncrement(2)), { seed: 1, numRuns: 1000 })).not.toThrow();
  });

  it('by default an unlocked increment fails without any claim: a data race, found with no preemption', () => {
    const error = counterexampleOf(() => fc.assert(threadSafe(unsafeCounter()), { seed: 1 }));
    expect(error.failures.map((f) => f.kind)).toContain('race');
    expect(error.message).toContain('data race on counter.value');
    expect(runChoices(unsafeCounter(), error.schedule.choices).preemptions).toBe(0);
    expect(() => fc.assert(threadSafe(lockedCounter()), { seed: 1, numRuns: 200 })).not.toThrow();
    expect(() => fc.assert(threadSafe(unsafeCounter(), undefined, { detect: false }), { seed: 1, numRuns: 200 })).not.toThrow();
  });

  it('by default a lock-order inversion fails without a deadlocking schedule', () => {
    const error = counterexampleOf(() => assertScheduleSafe(lockOrder, new Schedule([])));
    expect(error.failures.map((f) => f.kind)).toEqual(['lock-order']);
  });

  it('without race detection, the unprotected counter fails by its claim and shrinks to one preemption', () => {
    const error = counterexampleOf(() => fc.assert(threadSafe(unsafeCounter(), countsEveryIncrement(2), { detect: false }), { seed: 1 }));
    const run = runChoices(unsafeCounter(), error.schedule.choices);
    expect(run.preemptions).toBe(1);
    expect(run.execution.state.counter?.value).toBe(1);
    expect(error.failures.map((f) => f.kind)).toEqual(['claim']);
  });

  it('the shrunk counterexample replays exactly: same schedule, same failure, same report', () => {
    const error = counterexampleOf(() => fc.assert(threadSafe(unsafeCounter(2, 2), countsEveryIncrement(4)), { seed: 3 }));
    const again = counterexampleOf(() => assertScheduleSafe(unsafeCounter(2, 2), error.schedule, countsEveryIncrement(4)));
    expect(again.message).toBe(error.message);
    expect(runChoices(unsafeCounter(2, 2), error.schedule.choices).execution.schedule).toEqual(
      runChoices(unsafeCounter(2, 2), again.schedule.choices).execution.schedule,
    );
  });

  it('the claim sees every thread result: main returns the final count', () => {
    const seen: unknown[] = [];
    fc.assert(
      threadSafe(lockedCounter(3), (o) => {
        seen.push(o.results[0]);
        return o.results[0] === 3 && o.threads.length === 4 && o.ending === 'complete';
      }),
      { seed: 2, numRuns: 20 },
    );
    expect(seen).toHaveLength(20);
  });

  it('a claim that returns false fails with a message saying so', () => {
    const error = counterexampleOf(() => assertScheduleSafe(unsafeCounter(), new Schedule([]), () => false, { detect: false }));
    expect(error.failures[0]?.message).toBe('claim is false: it returned false');
  });

  it('a deadlock fails the property without any claim', () => {
    expect(() => assertScheduleSafe(lockOrder, new Schedule([]), undefined, { detect: false })).not.toThrow();
    const error = counterexampleOf(() => fc.assert(threadSafe(lockOrder, undefined, { detect: false }), { seed: 4 }));
    expect(error.failures.map((f) => f.kind)).toEqual(['deadlock']);
    expect(runChoices(lockOrder, error.schedule.choices).preemptions).toBe(1);
  });

  it('schedules are sized from a run without preemptions', () => {
    const values = fc.sample(schedules(unsafeCounter(3)), { seed: 5, numRuns: 50 });
    const probe = runChoices(unsafeCounter(3), []);
    for (const s of values) {
      expect(s.choices.length).toBeLessThanOrEqual(2 * probe.points.length + 8);
      expect(Math.max(0, ...s.choices)).toBeLessThanOrEqual(3);
    }
  });
});
