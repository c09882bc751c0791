import { describe, expect, it } from 'vitest';
import { builtin } from '../../../src/examples/index.js';
import { Lock } from '../../../src/models/lock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { sleep } from '../../../src/models/time.js';
import type { Steps } from '../../../src/scheduler/ops.js';
import { program } from '../../../src/scheduler/program.js';
import { runProgram } from '../../../src/scheduler/run.js';

describe('deadlock explanations', () => {
  it('a self-deadlock is a one-thread cycle through a lock it holds', () => {
    const f = runProgram(builtin('tutorial/deadlock')!, { detect: true }).execution.failures[0];
    expect(f?.kind).toBe('deadlock');
    expect(f?.kind === 'deadlock' && f.cycle).toEqual(['MainThread holds Lock#1 and waits for Lock#1, which it holds itself (it is not re-entrant)']);
    expect(f?.kind === 'deadlock' && f.pattern).toBeUndefined();
  });

  it('without a cycle, each blocked thread and what it waits for (a lock held by a finished thread)', () => {
    const p = program('test/orphaned-lock', function* main() {
      const l = new Lock({ name: 'L' });
      const t = new Thread({ target: function* grab(): Steps<void> { yield* l.acquire(); } });
      yield* t.start();
      yield* t.join();
      yield* l.acquire();
    });
    const f = runProgram(p, { detect: true }).execution.failures[0];
    expect(f?.kind === 'deadlock' && f.cycle).toBeUndefined();
    expect(f?.message).toContain('MainThread waits for L held by Thread-1 (grab), and no thread that could end the wait can run');
  });

  it('a join on a thread blocked on a lock the joiner holds is a cycle', () => {
    const p = program('test/join-cycle', function* main() {
      const l = new Lock({ name: 'L' });
      const t = new Thread({ target: function* want(): Steps<void> { yield* l.acquire(); } });
      yield* l.acquire();
      yield* t.start();
      yield* t.join();
    });
    const f = runProgram(p, { detect: true }).execution.failures[0];
    expect(f?.kind === 'deadlock' && f.cycle).toEqual(['MainThread holds L and waits for Thread-1 (want) to finish (join)', 'Thread-1 (want) waits for L, held by MainThread']);
  });
});

describe('invariants', () => {
  const counter = (values: readonly number[]) =>
    program(
      'test/invariant',
      function* main() {
        const c = shared('c', { n: 0 });
        for (const v of values) yield* c.set('n', v);
      },
      { invariants: { 'n is not negative': (s) => (s.c?.n as number) >= 0 } },
    );

  it('reports the first step after which an invariant is false, once', () => {
    // Steps: 0 writes 1, 1 writes -1 (false from here), 2 writes -2, 3 writes 2.
    const fs = runProgram(counter([1, -1, -2, 2])).execution.failures;
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: 'invariant', claim: 'n is not negative', step: 1, thread: 'MainThread' });
    expect(fs[0]?.message).toContain('write c.n = -1');
  });

  it('holds quietly when never false, although the end state alone would not show a dip', () => {
    expect(runProgram(counter([1, 2, 3])).execution.failures).toEqual([]);
  });
});

describe('lock-order analysis leaves signals alone', () => {
  it('a Lock released by a thread that does not hold it (a hand-off) is no mutex: no inversion', () => {
    // T1 takes A then B and keeps A. T2 takes B, releases A for T1 (a hand-off), then takes
    // A while holding B: the orders are opposite, yet T2 never waits for A, so no deadlock
    // is possible.
    const p = program('test/hand-off', function* main() {
      const a = new Lock({ name: 'A' });
      const b = new Lock({ name: 'B' });
      const t1 = new Thread({
        target: function* one(): Steps<void> {
          yield* a.acquire();
          yield* b.with(function* () {});
        },
      });
      const t2 = new Thread({
        target: function* two(): Steps<void> {
          yield* sleep(0.01);
          yield* b.with(function* () {
            yield* a.release();
            yield* a.with(function* () {});
          });
        },
      });
      yield* t1.start();
      yield* t2.start();
      yield* t1.join();
      yield* t2.join();
    });
    expect(runProgram(p, { detect: true }).execution.failures).toEqual([]);
  });
});
