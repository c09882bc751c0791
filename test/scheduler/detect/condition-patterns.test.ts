/**
 * "lost wake-up" names a deadlock only when a notify passed over a thread that is still
 * waiting on that Condition when the program deadlocks, and waking every waiter
 * (`notify_all()`, tried in a what-if run) would have avoided the deadlock.
 */
import { describe, expect, it } from 'vitest';
import { Condition, shared, Thread } from '../../../src/models/index.js';
import { RaceMonitor } from '../../../src/scheduler/detect/index.js';
import { execute } from '../../../src/scheduler/execution.js';
import type { DeadlockFailure } from '../../../src/scheduler/failures.js';
import { policyByName } from '../../../src/scheduler/policies/index.js';
import { builtin } from '../../../src/examples/index.js';
import { program } from '../../../src/scheduler/program.js';

/** One consumer waits for ever, whatever notify does. */
const oneShort = shortProgram(false);

/** Three consumers and a producer that makes one item too few (notify or notify_all each item). */
function shortProgram(all: boolean) {
  return program(all ? 'one-short-all' : 'one-short', function* () {
    const box = shared('box', { items: 0 });
    const cond = new Condition(undefined, { name: 'cond' });
    function* consumer() {
      yield* cond.with(function* () {
        while ((yield* box.get('items')) === 0) yield* cond.wait();
        yield* box.set('items', (yield* box.get('items')) - 1);
      });
    }
    function* producer() {
      for (let i = 0; i < 2; i++) {
        yield* cond.with(function* () {
          yield* box.set('items', (yield* box.get('items')) + 1);
          yield* (all ? cond.notify_all() : cond.notify());
        });
      }
    }
    const ts = [consumer, consumer, consumer, producer].map((f) => new Thread({ target: f }));
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}

describe('Condition deadlock patterns are confirmed by what-if runs', () => {
  it('is not named when notify_all would not help: the producer makes one item too few', () => {
    let deadlocks = 0;
    for (let seed = 0; seed < 300; seed++) {
      const r = execute(oneShort, { policy: policyByName('random'), seed, monitor: new RaceMonitor() });
      const d = r.failures.find((f): f is DeadlockFailure => f.kind === 'deadlock');
      if (d === undefined) continue;
      deadlocks++;
      expect(d.pattern, `seed ${seed}: ${d.cause ?? ''}`).not.toBe('lost wake-up');
    }
    expect(deadlocks).toBeGreaterThan(0);
  });

  it('a notify before the wait is not called lost when remembering it would not help either', () => {
    let deadlocks = 0;
    for (let seed = 0; seed < 300; seed++) {
      const r = execute(shortProgram(true), { policy: policyByName('random'), seed, monitor: new RaceMonitor() });
      const d = r.failures.find((f): f is DeadlockFailure => f.kind === 'deadlock');
      if (d === undefined) continue;
      deadlocks++;
      expect(d.pattern, `seed ${seed}: ${d.cause ?? ''}`).toBeUndefined();
    }
    expect(deadlocks).toBeGreaterThan(0);
  });

  it('names zoo/bounded-buffer-notify, and only threads still waiting as passed over', () => {
    let named = 0;
    for (let seed = 0; seed < 100; seed++) {
      const r = execute(builtin('zoo/bounded-buffer-notify')!, { policy: policyByName('random'), seed, monitor: new RaceMonitor() });
      const d = r.failures.find((f): f is DeadlockFailure => f.kind === 'deadlock');
      if (d?.pattern !== 'lost wake-up') continue;
      named++;
      const left = /while (.*) (?:was|were) left waiting/.exec(d.cause ?? '')![1]!.split(/, | and /);
      for (const name of left) expect(d.blocked.find((b) => b.thread === name)?.waitsFor, `seed ${seed}`).toBe('a notify on cond');
    }
    expect(named).toBeGreaterThan(0);
  });
});
