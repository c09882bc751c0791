import { describe, expect, it } from 'vitest';
import { Lock, TIMEOUT_MAX } from '../../src/models/lock.js';
import { RLock } from '../../src/models/rlock.js';
import { log } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, raised, run } from './helpers.js';

// Messages and behaviour: CPython 3.11 (threading.Lock().release(), acquire(False, 1), ...).
describe('Lock messages', () => {
  it('release of an unlocked lock', () => {
    expect(raised(() => new Lock().release())).toBe('RuntimeError: release unlocked lock');
  });
  it('non-blocking acquire with a timeout', () => {
    expect(raised(() => new Lock().acquire(false, 1))).toBe("ValueError: can't specify a timeout for a non-blocking call");
  });
  it('negative timeout other than -1', () => {
    expect(raised(() => new Lock().acquire(true, -2))).toBe('ValueError: timeout value must be positive');
  });
});

describe('Lock limits', () => {
  it('a timeout above TIMEOUT_MAX', () => {
    expect(raised(() => new Lock().acquire(true, TIMEOUT_MAX + 1))).toBe('OverflowError: timestamp out of range for platform time_t');
  });
  it('TIMEOUT_MAX itself is accepted', () => {
    expect(raised(() => new Lock().acquire(true, TIMEOUT_MAX))).toBe('no error');
  });
});

describe('Lock behaviour', () => {
  it('an acquire or release made without yield* is an error, not a lock silently not taken', () => {
    for (const [made, what] of [
      [(l: Lock) => void l.acquire(), 'an acquire of guard'],
      [(l: Lock) => void l.acquire(false), 'an acquire of guard'],
      [(l: Lock) => void l.release(), 'a release of guard'],
    ] as const) {
      expect(() =>
        run(function* () {
          const l = new Lock({ name: 'guard' });
          made(l);
          yield* log('after');
        }),
      ).toThrow(`thread MainThread made ${what} without yield*, so it never ran`);
    }
    // RLock too, and with yield* nothing is reported.
    expect(() => run(function* () { void new RLock({ name: 'r' }).acquire(); yield* log('after'); })).toThrow('made an acquire of r without yield*');
    expect(lines(run(function* () { const l = new Lock(); yield* l.acquire(); yield* l.release(); yield* log('ok'); }))).toEqual(['ok']);
  });

  it('a failed try returns False: non-blocking, timeout 0, timeout expiring', () => {
    const r0 = run(function* () {
      const l = new Lock();
      yield* l.acquire();
      yield* log(`${yield* l.acquire(true, 0.05)} ${yield* l.acquire(false)} ${yield* l.acquire(true, 0)} ${l.locked()}`);
    });
    expect(lines(r0)).toEqual(['false false false true']);
    expect(r0.time).toBeGreaterThanOrEqual(50_000);
  });

  it('any thread may release it', () => {
    const r0 = run(function* () {
      const l = new Lock();
      yield* l.acquire();
      const t = new Thread({ target: function* other() { yield* l.release(); } });
      yield* t.start();
      yield* t.join();
      yield* log(`${l.locked()}`);
    });
    expect(lines(r0)).toEqual(['false']);
  });

  it('any waiter can win a released lock, and the releaser can take it back first', () => {
    const seen = outcomes(function* () {
      const l = new Lock();
      yield* l.acquire();
      const w = function* (name: string) {
        yield* l.acquire();
        yield* log(name);
        yield* l.release();
      };
      const a = new Thread({ target: w, args: ['a'] });
      const b = new Thread({ target: w, args: ['b'] });
      yield* a.start();
      yield* sleep(0.01);
      yield* b.start();
      yield* sleep(0.01);
      yield* l.release();
      if (yield* l.acquire(false)) {
        yield* log('main');
        yield* l.release();
      }
      yield* a.join();
      yield* b.join();
    }, 200);
    const firsts = new Set([...seen].map((s) => s.split('\n')[0]));
    expect(firsts).toEqual(new Set(['a', 'b', 'main']));
  });
});
