import { describe, expect, it } from 'vitest';
import { Event } from '../../src/models/event.js';
import { log } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, run } from './helpers.js';

// Behaviour checked against CPython 3.11 (see the report): set(); clear() still wakes waiters.
describe('Event', () => {
  it('starts clear; set and clear change is_set; wait on a set event returns True at once', () => {
    const r0 = run(function* () {
      const e = new Event();
      const a = yield* e.is_set();
      yield* e.set();
      const b = yield* e.is_set();
      const w = yield* e.wait();
      yield* e.clear();
      yield* log(`${a} ${b} ${w} ${yield* e.is_set()}`);
    });
    expect(lines(r0)).toEqual(['false true true false']);
  });

  it('wait(timeout) on a clear event returns False after the timeout; negative is zero', () => {
    const r0 = run(function* () {
      const e = new Event();
      yield* log(`${yield* e.wait(0.2)} ${yield* e.wait(-1)}`);
    });
    expect(lines(r0)).toEqual(['false false']);
    expect(r0.time).toBeGreaterThanOrEqual(200_000);
    expect(r0.time).toBeLessThan(210_000);
  });

  it('set() wakes every waiter', () => {
    const r0 = run(function* () {
      const e = new Event();
      const ts = [0, 1, 2].map((i) => new Thread({ target: function* w(n: number) { yield* log(`${n} ${yield* e.wait()}`); }, args: [i] }));
      for (const t of ts) yield* t.start();
      yield* sleep(0.1);
      yield* e.set();
      for (const t of ts) yield* t.join();
    });
    expect(lines(r0).sort()).toEqual(['0 true', '1 true', '2 true']);
  });

  it('set(); clear() still wakes the threads waiting at the time, with True', () => {
    const r0 = run(function* () {
      const e = new Event();
      const t = new Thread({ target: function* w() { yield* log(`waiter got ${yield* e.wait(1)}`); } });
      yield* t.start();
      yield* sleep(0.05);
      yield* e.set();
      yield* e.clear();
      yield* t.join();
      yield* log(`flag ${yield* e.is_set()}`);
    }, { policy: 'random', seed: 1 });
    expect(lines(r0)).toEqual(['waiter got true', 'flag false']);
  });

  it('a timed wait racing set() can end either way', () => {
    const seen = outcomes(function* () {
      const e = new Event();
      const t = new Thread({ target: function* w() { yield* log(`${yield* e.wait(1)}`); } });
      yield* t.start();
      yield* e.set();
      yield* t.join();
    }, 200, { untimed: true });
    expect(seen).toEqual(new Set(['true', 'false']));
  });

  it('a timeout and a set() due at the same virtual instant: the policy picks either', () => {
    const seen = outcomes(function* () {
      const e = new Event();
      const t = new Thread({ target: function* setter() { yield* sleep(0.1); yield* e.set(); } });
      yield* t.start();
      yield* log(`${yield* e.wait(0.1)}`);
      yield* t.join();
    }, 200, { stepCost: 0 });
    expect(seen).toEqual(new Set(['true', 'false']));
  });

  it('a waiter blocked forever is reported as a deadlock naming the event', () => {
    const r0 = run(function* () {
      yield* new Event({ name: 'ready' }).wait();
    });
    expect(r0.ending).toBe('deadlock');
    expect(r0.failures[0]?.message).toContain('MainThread waits for ready to be set');
  });
});
