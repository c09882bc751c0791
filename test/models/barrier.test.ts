import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/scheduler/exception-line.js';
import { Barrier } from '../../src/models/barrier.js';
import { BrokenBarrierError, RuntimeError } from '../../src/models/exceptions.js';
import { log } from '../../src/models/logging.js';
import { current_thread, Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import type { Steps } from '../../src/scheduler/ops.js';
import { lines, outcomes, raised, run } from './helpers.js';

/** Start n threads that wait at `b` (20 ms apart), run `between`, join; sorted `i result` lines. */
function* round(b: Barrier, n: number, between?: () => Steps<void>): Steps<string[]> {
  const out: string[] = [];
  const ts = Array.from({ length: n }, (_, i) =>
    new Thread({
      target: function* w(x: number) {
        try {
          out.push(`${x} ${yield* b.wait()}`);
        } catch (e) {
          out.push(`${x} ${describeError(e).type}`);
        }
      },
      args: [i],
    }),
  );
  for (const t of ts) {
    yield* t.start();
    yield* sleep(0.02);
  }
  if (between) yield* between();
  for (const t of ts) yield* t.join();
  return out.sort();
}

// Expected results: CPython 3.11 runs of the same scenarios (see the report).
describe('Barrier', () => {
  it('BrokenBarrierError is a RuntimeError printed as threading.BrokenBarrierError', () => {
    expect(raised(function* () {
      throw new BrokenBarrierError();
    })).toBe('threading.BrokenBarrierError: ');
    expect(new BrokenBarrierError()).toBeInstanceOf(RuntimeError);
  });

  it('wait returns each arrival index once; the action runs once, in the last arrival', () => {
    const r0 = run(function* () {
      const who: string[] = [];
      const b = new Barrier(3, { action: () => void who.push(current_thread().name) });
      const out = yield* round(b, 3);
      yield* log(`${out.join(',')} | ${who.join(',')}`);
    });
    expect(lines(r0)).toEqual(['0 0,1 1,2 2 | Thread-3 (w)']);
  });

  it('the action runs before any waiter is released, under every schedule', () => {
    const seen = outcomes(function* () {
      const b = new Barrier(2, { action: () => log('action') });
      const w = function* (n: string) {
        yield* b.wait();
        yield* log(`${n} passed`);
      };
      const a = new Thread({ target: w, args: ['a'] });
      const c = new Thread({ target: w, args: ['b'] });
      yield* a.start();
      yield* c.start();
      yield* a.join();
      yield* c.join();
    }, 100);
    for (const s of seen) expect(s.split('\n')[0]).toBe('action');
    expect(seen.size).toBe(2);
  });

  it('a timeout breaks the barrier: BrokenBarrierError, and later waits fail at once', () => {
    const r0 = run(function* () {
      const b = new Barrier(2, { timeout: 0.05 });
      const first = yield* round(b, 1);
      const broken = yield* b.broken();
      const again = yield* round(b, 1);
      yield* log(`${first} | ${broken} | ${again}`);
    });
    expect(lines(r0)).toEqual(['0 threading.BrokenBarrierError | true | 0 threading.BrokenBarrierError']);
  });

  it('abort() breaks it for every waiter', () => {
    const r0 = run(function* () {
      const b = new Barrier(3);
      const out = yield* round(b, 2, () => b.abort());
      yield* log(`${out.join(',')} | ${yield* b.broken()}`);
    });
    expect(lines(r0)).toEqual(['0 threading.BrokenBarrierError,1 threading.BrokenBarrierError | true']);
  });

  it('reset() makes waiters raise and the barrier usable again', () => {
    const r0 = run(function* () {
      const b = new Barrier(2);
      let waiting = -1;
      const out = yield* round(b, 1, function* () {
        waiting = yield* b.n_waiting();
        yield* b.reset();
      });
      const broken = yield* b.broken();
      const again = yield* round(b, 2);
      yield* log(`${waiting} | ${out} | ${broken} | ${again.join(',')}`);
    });
    expect(lines(r0)).toEqual(['1 | 0 threading.BrokenBarrierError | false | 0 0,1 1']);
  });

  it('an action that raises breaks the barrier; the raise reaches the last arrival', () => {
    const r0 = run(function* () {
      const b = new Barrier(2, {
        action: () => {
          throw new RuntimeError('boom');
        },
      });
      const out = yield* round(b, 2);
      yield* log(`${out.join(',')} | ${yield* b.broken()}`);
    });
    expect(lines(r0)).toEqual(['0 threading.BrokenBarrierError,1 RuntimeError | true']);
  });

  it('a timeout racing the last arrival can end either way', () => {
    const seen = outcomes(function* () {
      const b = new Barrier(2);
      const out = yield* round(b, 0);
      const t = new Thread({
        target: function* early() {
          try {
            yield* log(`early ${yield* b.wait(1)}`);
          } catch (e) {
            yield* log(`early ${describeError(e).type}`);
          }
        },
      });
      yield* t.start();
      try {
        yield* log(`late ${yield* b.wait()}`);
      } catch (e) {
        yield* log(`late ${describeError(e).type}`);
      }
      yield* t.join();
      void out;
    }, 200, { untimed: true });
    const sorted = new Set([...seen].map((s) => s.split('\n').sort().join(' ')));
    expect(sorted.has('early 0 late 1')).toBe(true);
    expect(sorted.has('early threading.BrokenBarrierError late threading.BrokenBarrierError')).toBe(true);
  });

  it('four threads at a 2-party barrier form two rounds, indices 0 and 1 each, under any schedule', () => {
    for (let seed = 0; seed < 30; seed++) {
      const r0 = run(function* () {
        const b = new Barrier(2);
        const got: number[] = [];
        const ts = [0, 1, 2, 3].map(() => new Thread({ target: function* w() { got.push(yield* b.wait()); } }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
        yield* log(got.sort().join(','));
      }, { policy: 'random', seed });
      expect(lines(r0)).toEqual(['0,0,1,1']);
    }
  });
});
