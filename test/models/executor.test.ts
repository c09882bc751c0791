import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/scheduler/exception-line.js';
import { ValueError } from '../../src/models/exceptions.js';
import { ThreadPoolExecutor } from '../../src/models/executor.js';
import { log } from '../../src/models/logging.js';
import { current_thread, enumerate } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, raised, run } from './helpers.js';

function* name() {
  return current_thread().name;
}
function* slow(x: number) {
  yield* sleep(0.1);
  return x;
}

// Messages and behaviour: CPython 3.11 runs of the same scenarios (see the report).
describe('ThreadPoolExecutor messages', () => {
  it('max_workers <= 0', () => {
    expect(raised(function* () {
      new ThreadPoolExecutor({ maxWorkers: 0 });
    })).toBe('ValueError: max_workers must be greater than 0');
  });
  it('submit after shutdown', () => {
    expect(raised(function* () {
      const ex = new ThreadPoolExecutor({ maxWorkers: 1 });
      yield* ex.shutdown();
      yield* ex.submit(name);
    })).toBe('RuntimeError: cannot schedule new futures after shutdown');
  });
});

describe('ThreadPoolExecutor behaviour', () => {
  it('default max_workers is min(32, cpu_count + 4)', () => {
    for (const [cpu, expected] of [[2, 6], [8, 12], [64, 32]] as const) {
      const r0 = run(function* () {
        yield* log(String(new ThreadPoolExecutor().maxWorkers));
      }, { cpuCount: cpu });
      expect(lines(r0)).toEqual([String(expected)]);
    }
  });

  it('starts workers lazily, names them ThreadPoolExecutor-k_i, reuses an idle one', () => {
    const r0 = run(function* () {
      yield* ThreadPoolExecutor.with({}, function* () {}); // takes counter value 0, like the default executor
      const ex = new ThreadPoolExecutor({ maxWorkers: 3 });
      const before = enumerate().length;
      const first = yield* (yield* ex.submit(name)).result();
      yield* sleep(0.05);
      const second = yield* (yield* ex.submit(name)).result();
      yield* log(`${before} ${first} ${second} ${ex.workerThreads().length}`);
      yield* ex.shutdown();
    });
    expect(lines(r0)).toEqual(['1 ThreadPoolExecutor-1_0 ThreadPoolExecutor-1_0 1']);
  });

  it('a thread_name_prefix names the workers and does not use up an executor number', () => {
    // CPython: prefix "p" gives worker p_0; the next executor without a prefix is ThreadPoolExecutor-0.
    const r0 = run(function* () {
      const a = new ThreadPoolExecutor({ maxWorkers: 1, threadNamePrefix: 'p' });
      const b = new ThreadPoolExecutor({ maxWorkers: 1 });
      const x = yield* (yield* a.submit(name)).result();
      const y = yield* (yield* b.submit(name)).result();
      yield* log(`${x} ${y}`);
      yield* a.shutdown();
      yield* b.shutdown();
    });
    expect(lines(r0)).toEqual(['p_0 ThreadPoolExecutor-0_0']);
  });

  it('starts a new worker per submit while all are busy, up to max_workers', () => {
    const r0 = run(function* () {
      const ex = new ThreadPoolExecutor({ maxWorkers: 3 });
      for (let i = 0; i < 5; i++) yield* ex.submit(slow, i);
      yield* log(ex.workerThreads().map((t) => t.name).join(','));
      yield* ex.shutdown();
    });
    expect(lines(r0)).toEqual(['ThreadPoolExecutor-0_0,ThreadPoolExecutor-0_1,ThreadPoolExecutor-0_2']);
  });

  it('map submits at once; an exception surfaces while iterating and cancels the rest', () => {
    const r0 = run(function* () {
      const ex = new ThreadPoolExecutor({ maxWorkers: 1 });
      function* f(x: number) {
        yield* sleep(0.05);
        if (x === 1) throw new ValueError(`bad ${x}`);
        return x;
      }
      const results = yield* ex.map(f, [0, 1, 2, 3, 4]);
      yield* log('map returned');
      const out: string[] = [];
      try {
        for (let r = yield* results.next(); !r.done; r = yield* results.next()) out.push(String(r.value));
      } catch (e) {
        out.push(`${describeError(e).type}: ${describeError(e).detail}`);
      }
      yield* ex.shutdown();
      yield* log(`${out.join(', ')} | cancelled ${results.futures.filter((x) => x.cancelled()).length}`);
    });
    // futures 0 and 1 ran; 2 may have started before the cancel; 3 and 4 are cancelled
    expect(lines(r0)[0]).toBe('map returned');
    expect(lines(r0)[1]).toMatch(/^0, ValueError: bad 1 \| cancelled [23]$/);
  });

  it('an exception in a task never printed unless result() is called', () => {
    const r0 = run(function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
        yield* ex.submit(function* bad() {
          throw new ValueError('swallowed');
        });
      });
      yield* log('end');
    });
    expect(lines(r0)).toEqual(['end']);
    expect(r0.failures).toEqual([]);
  });

  it('map with a timeout raises TimeoutError when a result is late', () => {
    const r0 = run(function* () {
      const ex = new ThreadPoolExecutor({ maxWorkers: 1 });
      const results = yield* ex.mapWith({ timeout: 0.15 }, slow, [1, 2, 3]);
      const out: string[] = [];
      try {
        for (let r = yield* results.next(); !r.done; r = yield* results.next()) out.push(String(r.value));
      } catch (e) {
        out.push(describeError(e).type);
      }
      yield* ex.shutdown();
      yield* log(out.join(','));
    });
    expect(lines(r0)).toEqual(['1,TimeoutError']);
  });

  it('shutdown(cancel_futures=True) cancels the calls not started', () => {
    const r0 = run(function* () {
      const ex = new ThreadPoolExecutor({ maxWorkers: 1 });
      const fs = [];
      for (let i = 0; i < 3; i++) fs.push(yield* ex.submit(slow, i));
      yield* sleep(0.01);
      yield* ex.shutdown(true, { cancelFutures: true });
      yield* log(fs.map((f) => `${f.cancelled()}/${f.done()}`).join(' '));
    });
    expect(lines(r0)).toEqual(['false/true true/true true/true']);
  });

  it('shutdown(wait=False) returns at once; interpreter exit still joins the workers', () => {
    const r0 = run(function* () {
      const ex = new ThreadPoolExecutor({ maxWorkers: 1 });
      yield* ex.submit(function* late() {
        yield* sleep(0.5);
        yield* log('task done');
      });
      yield* ex.shutdown(false);
      yield* log('main done');
    });
    expect(lines(r0)).toEqual(['main done', 'task done']);
  });

  it('the with form waits for every task before going on', () => {
    const r0 = run(function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
        for (const i of [0, 1]) yield* ex.submit(function* t(n: number) { yield* sleep(0.1); yield* log(`task ${n}`); }, i);
      });
      yield* log('after with');
    });
    expect(lines(r0).at(-1)).toBe('after with');
    expect(lines(r0).slice(0, 2).sort()).toEqual(['task 0', 'task 1']);
  });
});

describe('ThreadPoolExecutor initializer', () => {
  it('runs in every worker before its first call', () => {
    const r = run(function* () {
      yield* ThreadPoolExecutor.with(
        {
          maxWorkers: 2,
          initializer: function* (tag: string) {
            yield* log(`init ${tag} ${current_thread().name}`);
          } as never,
          initargs: ['w'],
        },
        function* (ex) {
          const fs = [yield* ex.submit(name), yield* ex.submit(name)];
          for (const f of fs) yield* log(`ran in ${yield* f.result()}`);
        },
      );
    });
    const out = lines(r);
    // Each worker started (two: both calls were queued before either ran) initialised once, before any call ran.
    expect(out.filter((l) => l.startsWith('init'))).toEqual(['init w ThreadPoolExecutor-0_0', 'init w ThreadPoolExecutor-0_1']);
    expect(out.findIndex((l) => l.startsWith('ran'))).toBeGreaterThan(out.indexOf('init w ThreadPoolExecutor-0_0'));
    expect(out.filter((l) => l.startsWith('ran'))).toHaveLength(2);
  });

  it('breaks the pool when it raises: queued futures and later submits get BrokenThreadPool', () => {
    const broken = 'concurrent.futures.thread.BrokenThreadPool: A thread initializer failed, the thread pool is not usable anymore';
    const r = run(function* () {
      const ex = new ThreadPoolExecutor({
        maxWorkers: 1,
        initializer: function* () {
          throw new ValueError('no database');
        } as never,
      });
      const f = yield* ex.submit(name);
      try {
        yield* f.result();
      } catch (e) {
        yield* log(`result: ${describeError(e).type}: ${describeError(e).detail}`);
      }
      try {
        yield* ex.submit(name);
      } catch (e) {
        yield* log(`submit: ${describeError(e).type}: ${describeError(e).detail}`);
      }
    });
    expect(lines(r)).toEqual(['Exception in initializer:', 'Traceback (most recent call last):', 'ValueError: no database', `result: ${broken}`, `submit: ${broken}`]);
  });
});
