import { describe, expect, it } from 'vitest';
import { log } from '../../src/models/logging.js';
import { RLock } from '../../src/models/rlock.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, raised, run } from './helpers.js';

// Messages: CPython 3.11 (python3 -c 'import threading; threading.RLock().release()' etc.).
describe('RLock messages', () => {
  it('release of a never-acquired RLock', () => {
    expect(raised(function* () {
      yield* new RLock().release();
    })).toBe('RuntimeError: cannot release un-acquired lock');
  });

  it('release once too often', () => {
    expect(raised(function* () {
      const r = new RLock();
      yield* r.acquire();
      yield* r.release();
      yield* r.release();
    })).toBe('RuntimeError: cannot release un-acquired lock');
  });

  it('release by a thread that does not own it', () => {
    const r0 = run(function* () {
      const r = new RLock();
      yield* r.acquire();
      const t = new Thread({ target: function* other() { yield* r.release(); } });
      yield* t.start();
      yield* t.join();
    });
    expect(r0.failures.map((f) => f.message)).toEqual(['uncaught RuntimeError in Thread-1 (other): cannot release un-acquired lock']);
  });

  it('non-blocking acquire with a timeout', () => {
    expect(raised(function* () {
      yield* new RLock().acquire(false, 1);
    })).toBe("ValueError: can't specify a timeout for a non-blocking call");
  });

  it('negative timeout other than -1', () => {
    expect(raised(function* () {
      yield* new RLock().acquire(true, -2);
    })).toBe('ValueError: timeout value must be positive');
  });
});

describe('RLock behaviour', () => {
  it('the owner re-enters; another thread gets it only after as many releases', () => {
    const r0 = run(function* () {
      const r = new RLock();
      const got: boolean[] = [];
      const probe = function* probe() {
        got.push(yield* r.acquire(false));
      };
      expect(yield* r.acquire()).toBe(true);
      expect(yield* r.acquire()).toBe(true);
      yield* r.release();
      let t = new Thread({ target: probe });
      yield* t.start();
      yield* t.join();
      yield* r.release();
      t = new Thread({ target: probe });
      yield* t.start();
      yield* t.join();
      yield* log(got.join(','));
    });
    expect(lines(r0)).toEqual(['false,true']);
  });

  it('a thread blocked on a held RLock gives up at its timeout with False', () => {
    const r0 = run(function* () {
      const r = new RLock();
      yield* r.acquire();
      const t = new Thread({ target: function* w() { yield* log(`got ${yield* r.acquire(true, 0.5)}`); } });
      yield* t.start();
      yield* t.join();
    });
    expect(lines(r0)).toEqual(['got false']);
    expect(r0.time).toBeGreaterThanOrEqual(500_000);
  });

  it('either blocked waiter can win the released lock', () => {
    const seen = outcomes(function* () {
      const r = new RLock();
      yield* r.acquire();
      const body = function* (name: string) {
        yield* r.acquire();
        yield* log(name);
        yield* r.release();
      };
      const a = new Thread({ target: body, args: ['a'] });
      const b = new Thread({ target: body, args: ['b'] });
      // a parks first, then b: a FIFO hand-off would always pick a.
      yield* a.start();
      yield* sleep(0.01);
      yield* b.start();
      yield* sleep(0.01);
      yield* r.release();
      yield* a.join();
      yield* b.join();
    }, 100);
    expect(seen).toEqual(new Set(['a\nb', 'b\na']));
  });

  it('acquiring twice in the same thread does not deadlock (unlike Lock)', () => {
    const r0 = run(function* () {
      const r = new RLock();
      yield* r.acquire();
      yield* r.acquire();
      yield* r.release();
      yield* r.release();
      yield* log('done');
    });
    expect(r0.ending).toBe('complete');
    expect(lines(r0)).toEqual(['done']);
  });
});
