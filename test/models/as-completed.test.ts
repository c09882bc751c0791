import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/scheduler/exception-line.js';
import { as_completed } from '../../src/models/as-completed.js';
import { ThreadPoolExecutor } from '../../src/models/executor.js';
import { Future } from '../../src/models/future.js';
import { log } from '../../src/models/logging.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, raised, run } from './helpers.js';

function* sl(x: number) {
  yield* sleep(x / 10);
  return x;
}

// CPython 3.11: as_completed over tasks sleeping 0.3, 0.1, 0.2 yields 1, 2, 3.
describe('as_completed', () => {
  it('timeout with futures pending', () => {
    expect(raised(() => as_completed([new Future(), new Future()], 0).all())).toBe('TimeoutError: 2 (of 2) futures unfinished');
  });

  it('yields in completion order, done ones first, each once', () => {
    const r0 = run(function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 3 }, function* (ex) {
        const fs = [];
        for (const x of [3, 1, 2]) fs.push(yield* ex.submit(sl, x));
        const pre = new Future<number>();
        yield* pre.set_result(0);
        const out: number[] = [];
        for (const f of yield* as_completed([...fs, pre, fs[0]!]).all()) out.push(yield* f.result());
        yield* log(out.join(','));
      });
    });
    expect(lines(r0)).toEqual(['0,1,2,3']);
  });

  it('does nothing until iterated; the timeout counts from the first next()', () => {
    const r0 = run(function* () {
      const f = new Future<number>();
      const it = as_completed([f, new Future<number>()], 0.1);
      yield* sleep(1);
      yield* f.set_result(1);
      const got = yield* it.next();
      let err = '';
      try {
        yield* it.next();
      } catch (e) {
        err = `${describeError(e).type}: ${describeError(e).detail}`;
      }
      yield* log(`${got.done ? 'none' : yield* got.value.result()} | ${err}`);
    });
    expect(lines(r0)).toEqual(['1 | TimeoutError: 1 (of 2) futures unfinished']);
  });

  it('the futures done at the first next() come in an order the policy chooses; later ones in finishing order', () => {
    const main = function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
        const slow = yield* ex.submit(sl, 2);
        const fast = yield* ex.submit(sl, 1);
        const done = [new Future<number>(), new Future<number>()];
        yield* done[0]!.set_result(-1);
        yield* done[1]!.set_result(-2);
        const out: number[] = [];
        for (const f of yield* as_completed([slow, ...done, fast]).all()) out.push(yield* f.result());
        yield* log(out.join(','));
      });
    };
    // Default answer (fifo, gil): the done ones in the order given.
    expect(lines(run(main))).toEqual(['-1,-2,1,2']);
    expect(lines(run(main, { policy: 'gil' }))).toEqual(['-1,-2,1,2']);
    const seen = outcomes(main, 40);
    expect([...seen].sort()).toEqual(['-1,-2,1,2', '-2,-1,1,2']);
  });

  it('yields every future exactly once under any schedule', () => {
    for (let seed = 0; seed < 50; seed++) {
      const r0 = run(function* () {
        yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
          const fs = [];
          for (const x of [0, 1, 2]) fs.push(yield* ex.submit(function* t(n: number) { yield* sleep(0); return n; }, x));
          const out: number[] = [];
          for (const f of yield* as_completed(fs).all()) out.push(yield* f.result());
          yield* log(out.sort().join(','));
        });
      }, { policy: 'random', seed });
      expect(r0.failures).toEqual([]);
      expect(lines(r0)).toEqual(['0,1,2']);
    }
  });
});
