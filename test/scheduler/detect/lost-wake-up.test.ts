/**
 * "lost wake-up" names a deadlock only when a notify passed over a thread that is still
 * waiting on that Condition when the program deadlocks.
 */
import { describe, expect, it } from 'vitest';
import { Condition, shared, Thread } from '../../../src/models/index.ts';
import { RaceMonitor } from '../../../src/scheduler/detect/index.ts';
import { execute } from '../../../src/scheduler/execution.ts';
import type { DeadlockFailure } from '../../../src/scheduler/failures.ts';
import { policyByName } from '../../../src/scheduler/policies/index.ts';
import { program } from '../../../src/scheduler/program.ts';

/** Three consumers and a producer that makes one item too few: one consumer waits for ever. */
const oneShort = program('one-short', function* () {
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
        yield* cond.notify();
      });
    }
  }
  const ts = [consumer, consumer, consumer, producer].map((f) => new Thread({ target: f }));
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

describe('lost wake-up', () => {
  it('is not named when the threads a notify passed over have all finished', () => {
    let deadlocks = 0;
    for (let seed = 0; seed < 300; seed++) {
      const r = execute(oneShort, { policy: policyByName('random'), seed, monitor: new RaceMonitor() });
      const d = r.failures.find((f): f is DeadlockFailure => f.kind === 'deadlock');
      if (d === undefined) continue;
      deadlocks++;
      if (d.pattern !== 'lost wake-up') continue;
      // Named: then every thread it says was left waiting is blocked on cond now.
      const left = /while (.*) (?:was|were) left waiting/.exec(d.cause ?? '')![1]!.split(/, | and /);
      for (const name of left) expect(d.blocked.find((b) => b.thread === name)?.waitsFor, `seed ${seed}`).toBe('a notify on cond');
    }
    expect(deadlocks).toBeGreaterThan(0);
  });
});
