import { describe, expect, it } from 'vitest';
import { log } from '../../src/models/logging.js';
import { Semaphore } from '../../src/models/semaphore.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, raised, run } from './helpers.js';

// Messages: CPython 3.11 (threading.Semaphore(-1), s.release(0), s.acquire(False, 1)).
describe('Semaphore messages', () => {
  it('negative initial value', () => {
    expect(raised(function* () {
      new Semaphore(-1);
    })).toBe('ValueError: semaphore initial value must be >= 0');
  });
  it('release(0)', () => {
    expect(raised(() => new Semaphore(0).release(0))).toBe('ValueError: n must be one or more');
  });
  it('non-blocking acquire with a timeout', () => {
    expect(raised(() => new Semaphore(0).acquire(false, 1))).toBe("ValueError: can't specify timeout for non-blocking acquire");
  });
});

describe('Semaphore behaviour', () => {
  it('counts down, refuses when at zero, and a negative timeout is one try (False)', () => {
    const r0 = run(function* () {
      const s = new Semaphore(2);
      const got = [yield* s.acquire(), yield* s.acquire(false), yield* s.acquire(false), yield* s.acquire(true, -1), yield* s.acquire(true, 0)];
      yield* log(got.join(','));
    });
    expect(lines(r0)).toEqual(['true,true,false,false,false']);
  });

  it('a timed acquire gives up with False after its timeout', () => {
    const r0 = run(function* () {
      yield* log(`${yield* new Semaphore(0).acquire(true, 0.05)}`);
    });
    expect(lines(r0)).toEqual(['false']);
    expect(r0.time).toBeGreaterThanOrEqual(50_000);
  });

  it('release(2) lets exactly two of three waiters through, the two oldest', () => {
    for (const seed of [0, 1, 2, 3]) {
      const r0 = run(function* () {
        const s = new Semaphore(0);
        const out: string[] = [];
        const ts = ['a', 'b', 'c'].map((n) => new Thread({ target: function* w(x: string) { yield* s.acquire(); out.push(x); }, args: [n] }));
        for (const t of ts) {
          yield* t.start();
          yield* sleep(0.01);
        }
        yield* s.release(2);
        yield* sleep(0.1);
        yield* log([...out].sort().join(''));
        yield* s.release();
        for (const t of ts) yield* t.join();
        yield* log(String(out.length));
      }, { policy: 'random', seed });
      expect(lines(r0)).toEqual(['ab', '3']);
    }
  });

  it('a thread arriving at acquire may take the permit before the woken waiter', () => {
    const seen = outcomes(function* () {
      const s = new Semaphore(0);
      const w = new Thread({ target: function* waiter() { yield* s.acquire(); yield* log('waiter'); } });
      yield* w.start();
      yield* sleep(0.01);
      const late = new Thread({ target: function* late() { if (yield* s.acquire(false)) yield* log('late'); } });
      yield* s.release();
      yield* late.start();
      yield* sleep(0.01);
      yield* s.release();
      yield* w.join();
    }, 100);
    expect(seen.has('waiter')).toBe(true);
    expect(seen.has('late\nwaiter')).toBe(true);
  });
});
