import { describe, expect, it } from 'vitest';
import type { Steps } from '../../src/scheduler/ops.js';
import { ValueError } from '../../src/models/exceptions.js';
import { ThreadPoolExecutor } from '../../src/models/executor.js';
import { Future } from '../../src/models/future.js';
import { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, wait } from '../../src/models/futures-wait.js';
import { log } from '../../src/models/logging.js';
import { sleep } from '../../src/models/time.js';
import { lines, raised, run } from './helpers.js';

function* slow(x: number) {
  yield* sleep(0.1 * x);
  return x;
}
function* boom(): Steps<number> {
  yield* sleep(0.02);
  throw new ValueError('x');
}

// CPython 3.11: the same scenarios give FIRST_EXCEPTION 1 done / 1 not done, timeout 0 / 2, ALL 2 / 0.
describe('concurrent.futures.wait', () => {
  it('an unknown return_when when it would have to wait', () => {
    expect(raised(() => wait([new Future()], 0, 'X'))).toBe("ValueError: Invalid return condition: 'X'");
  });

  it('an unknown return_when is accepted when every future is done (CPython returns early)', () => {
    expect(raised(function* () {
      const f = new Future<number>();
      yield* f.set_result(1);
      yield* wait([f], null, 'X');
    })).toBe('no error');
  });

  it('FIRST_EXCEPTION, a timeout, FIRST_COMPLETED and ALL_COMPLETED', () => {
    const r0 = run(function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
        let fa = yield* ex.submit(slow, 1);
        const fb = yield* ex.submit(boom);
        let r = yield* wait([fa, fb], null, FIRST_EXCEPTION);
        yield* log(`FIRST_EXCEPTION ${r.done.size} ${r.not_done.size} ${r.done.has(fb)}`);
        yield* fa.result();
        fa = yield* ex.submit(slow, 1);
        const fc = yield* ex.submit(slow, 2);
        r = yield* wait([fa, fc], 0.01);
        yield* log(`timeout ${r.done.size} ${r.not_done.size}`);
        r = yield* wait([fa, fc], null, FIRST_COMPLETED);
        yield* log(`FIRST_COMPLETED ${r.done.size} ${r.done.has(fa)}`);
        r = yield* wait([fa, fc, fa], null, ALL_COMPLETED);
        yield* log(`ALL ${r.done.size} ${r.not_done.size}`);
      });
    });
    expect(lines(r0)).toEqual(['FIRST_EXCEPTION 1 1 true', 'timeout 0 2', 'FIRST_COMPLETED 1 true', 'ALL 2 0']);
  });

  it('FIRST_EXCEPTION waits for all when nothing raises', () => {
    const r0 = run(function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
        const fs = [yield* ex.submit(slow, 1), yield* ex.submit(slow, 2)];
        const r = yield* wait(fs, null, FIRST_EXCEPTION);
        yield* log(`${r.done.size} ${r.not_done.size}`);
      });
    });
    expect(lines(r0)).toEqual(['2 0']);
    expect(r0.time).toBeGreaterThanOrEqual(200_000);
  });

  it('FIRST_COMPLETED returns with at least one done future under any schedule', () => {
    for (let seed = 0; seed < 50; seed++) {
      const r0 = run(function* () {
        yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
          const fs = [yield* ex.submit(slow, 0), yield* ex.submit(slow, 0)];
          const r = yield* wait(fs, null, FIRST_COMPLETED);
          yield* log(`${r.done.size >= 1} ${r.done.size + r.not_done.size}`);
        });
      }, { policy: 'random', seed });
      expect(lines(r0)).toEqual(['true 2']);
    }
  });
});

