import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/scheduler/exception-line.js';
import { log } from '../../src/models/logging.js';
import { Queue } from '../../src/models/queue.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, raised, run } from './helpers.js';

// Messages and types: CPython 3.11 (traceback prints `_queue.Empty` and `queue.Full`).
describe('Queue messages', () => {
  it('get with a negative timeout, even when items are there', () => {
    expect(raised(function* () {
      const q = new Queue<number>();
      yield* q.put(1);
      yield* q.get(true, -1);
    })).toBe("ValueError: 'timeout' must be a non-negative number");
  });
  it('put with a negative timeout on a bounded queue', () => {
    expect(raised(() => new Queue<number>(2).put(1, true, -1))).toBe("ValueError: 'timeout' must be a non-negative number");
  });
  it('task_done() once too often', () => {
    expect(raised(function* () {
      const q = new Queue<number>();
      yield* q.put(1);
      yield* q.task_done();
      yield* q.task_done();
    })).toBe('ValueError: task_done() called too many times');
  });
  it('get_nowait on an empty queue raises queue.Empty (no message)', () => {
    expect(raised(() => new Queue().get_nowait())).toBe('_queue.Empty: ');
  });
  it('put_nowait on a full queue raises queue.Full (no message)', () => {
    expect(raised(function* () {
      const q = new Queue<number>(1);
      yield* q.put(1);
      yield* q.put_nowait(2);
    })).toBe('queue.Full: ');
  });
});

describe('Queue behaviour', () => {
  it('checks the negative timeout only where CPython does', () => {
    expect(raised(() => new Queue().get(false, -1))).toBe('_queue.Empty: ');
    expect(raised(() => new Queue().put(1, true, -1))).toBe('no error');
  });

  it('is FIFO; qsize/empty/full are snapshots; maxsize <= 0 is unbounded', () => {
    const r0 = run(function* () {
      const q = new Queue<number>(2);
      yield* q.put(1);
      yield* q.put(2);
      const state = [yield* q.qsize(), yield* q.empty(), yield* q.full()];
      const got = [yield* q.get(), yield* q.get()];
      const u = new Queue<number>(-1);
      for (let i = 0; i < 5; i++) yield* u.put_nowait(i);
      yield* log(`${state.join(',')} | ${got.join(',')} | ${yield* u.full()} ${yield* u.qsize()} ${yield* q.empty()}`);
    });
    expect(lines(r0)).toEqual(['2,false,true | 1,2 | false 5 true']);
  });

  it('get blocks until an item is put', () => {
    const r0 = run(function* () {
      const q = new Queue<string>();
      const t = new Thread({ target: function* consumer() { yield* log(`got ${yield* q.get()}`); } });
      yield* t.start();
      yield* sleep(0.1);
      yield* log('putting');
      yield* q.put('x');
      yield* t.join();
    });
    expect(lines(r0)).toEqual(['putting', 'got x']);
  });

  it('get with a timeout raises Empty after it; timeout 0 is one try', () => {
    const r0 = run(function* () {
      const q = new Queue();
      for (const t of [0, 0.25]) {
        try {
          yield* q.get(true, t);
        } catch (e) {
          yield* log(describeError(e).type);
        }
      }
    });
    expect(lines(r0)).toEqual(['_queue.Empty', '_queue.Empty']);
    expect(r0.time).toBeGreaterThanOrEqual(250_000);
  });

  it('put blocks while full until a get makes room; timed put raises Full', () => {
    const r0 = run(function* () {
      const q = new Queue<number>(1);
      yield* q.put(1);
      try {
        yield* q.put(2, true, 0.1);
      } catch (e) {
        yield* log(describeError(e).type);
      }
      const t = new Thread({ target: function* producer() { yield* q.put(3); yield* log('put 3'); } });
      yield* t.start();
      yield* sleep(0.1);
      yield* log(`get ${yield* q.get()}`);
      yield* t.join();
      yield* log(`get ${yield* q.get()}`);
    });
    expect(lines(r0)).toEqual(['queue.Full', 'get 1', 'put 3', 'get 3']);
  });

  it('join waits until every item is task_done', () => {
    const r0 = run(function* () {
      const q = new Queue<number>();
      yield* q.join();
      yield* log('empty join returns');
      const t = new Thread({
        daemon: true,
        target: function* worker() {
          for (;;) {
            const item = yield* q.get();
            yield* sleep(0.1);
            yield* log(`done ${item}`);
            yield* q.task_done();
          }
        },
      });
      yield* t.start();
      for (const i of [1, 2]) yield* q.put(i);
      yield* q.join();
      yield* log('joined');
    });
    expect(lines(r0)).toEqual(['empty join returns', 'done 1', 'done 2', 'joined']);
  });

  it('join without task_done never returns (a deadlock naming the unfinished tasks)', () => {
    const r0 = run(function* () {
      const q = new Queue<number>();
      yield* q.put(1);
      yield* q.get();
      yield* q.join();
    });
    expect(r0.ending).toBe('deadlock');
    expect(r0.failures[0]?.message).toContain('1 unfinished task(s) of Queue#1');
  });

  it('check-then-act: two consumers testing empty() then get_nowait() can hit Empty', () => {
    const seen = outcomes(function* () {
      const q = new Queue<number>();
      yield* q.put(1);
      const consumer = function* (name: string) {
        if (!(yield* q.empty())) {
          try {
            yield* log(`${name} got ${yield* q.get_nowait()}`);
          } catch (e) {
            yield* log(`${name} ${describeError(e).type}`);
          }
        }
      };
      const a = new Thread({ target: consumer, args: ['a'] });
      const b = new Thread({ target: consumer, args: ['b'] });
      yield* a.start();
      yield* b.start();
      yield* a.join();
      yield* b.join();
    }, 200);
    expect([...seen].some((s) => s.includes('_queue.Empty'))).toBe(true);
    expect(seen.has('a got 1')).toBe(true);
  });

  it('each put wakes the oldest waiting getter', () => {
    for (const seed of [0, 1, 2]) {
      const r0 = run(function* () {
        const q = new Queue<number>();
        const got: string[] = [];
        const ts = ['a', 'b'].map((n) => new Thread({ target: function* g(x: string) { got.push(`${x}${yield* q.get()}`); }, args: [n] }));
        for (const t of ts) {
          yield* t.start();
          yield* sleep(0.01);
        }
        yield* q.put(1);
        yield* sleep(0.01);
        yield* q.put(2);
        for (const t of ts) yield* t.join();
        yield* log(got.join(' '));
      }, { policy: 'random', seed });
      expect(lines(r0)).toEqual(['a1 b2']);
    }
  });
});
