import { describe, expect, it } from 'vitest';
import { log } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { Timer } from '../../src/models/timer.js';
import { lines, outcomes, run } from './helpers.js';

function* fire(what: string) {
  yield* log(`fired ${what}`);
}

// Behaviour checked against CPython 3.11: Timer names, cancel before and after firing.
describe('Timer', () => {
  it('is a non-daemon Thread named Thread-N, sharing the Thread counter', () => {
    const r0 = run(function* () {
      const a = new Timer(1, fire, ['x']);
      const b = new Thread({ target: fire });
      yield* log(`${a.name} | ${b.name} | ${a.daemon} | ${a instanceof Thread}`);
    });
    expect(lines(r0)).toEqual(['Thread-1 | Thread-2 (fire) | false | true']);
  });

  it('fires once, after the interval', () => {
    const r0 = run(function* () {
      const t = new Timer(0.5, fire, ['x']);
      yield* t.start();
      yield* t.join();
      yield* log(`alive ${t.is_alive()}`);
    });
    expect(lines(r0)).toEqual(['fired x', 'alive false']);
    expect(r0.output[0]!.time).toBeGreaterThanOrEqual(500_000);
  });

  it('cancel() before the interval suppresses the call', () => {
    const r0 = run(function* () {
      const t = new Timer(0.5, fire, ['x']);
      yield* t.start();
      yield* sleep(0.1);
      yield* t.cancel();
      yield* t.join();
      yield* log('end');
    });
    expect(lines(r0)).toEqual(['end']);
    expect(r0.time).toBeLessThan(500_000);
  });

  it('cancel() after it fired is a no-op', () => {
    const r0 = run(function* () {
      const t = new Timer(0.01, fire, ['x']);
      yield* t.start();
      yield* sleep(0.1);
      yield* t.cancel();
      yield* t.join();
      yield* log('end');
    });
    expect(lines(r0)).toEqual(['fired x', 'end']);
  });

  it('a cancel racing the interval: both fire and no-fire are reachable', () => {
    const seen = outcomes(function* () {
      const t = new Timer(1, fire, ['x']);
      yield* t.start();
      yield* t.cancel();
      yield* t.join();
    }, 100, { untimed: true });
    expect(seen).toEqual(new Set(['', 'fired x']));
  });

  it('the interpreter waits for a pending non-daemon timer at exit', () => {
    const r0 = run(function* () {
      yield* new Timer(2, fire, ['late']).start();
      yield* log('main done');
    });
    expect(lines(r0)).toEqual(['main done', 'fired late']);
  });
});
