import { describe, expect, it } from 'vitest';
import { log } from '../../src/models/logging.js';
import { SimpleQueue } from '../../src/models/simple-queue.js';
import { Thread } from '../../src/models/thread.js';
import { lines, outcomes, raised, run } from './helpers.js';

// CPython 3.11 queue.SimpleQueue: unbounded FIFO, put never blocks, get blocks while empty.
describe('SimpleQueue', () => {
  it('gets in put order, and put ignores block and timeout', () => {
    const r = run(function* () {
      const q = new SimpleQueue<number>();
      yield* q.put(1);
      yield* q.put(2, false, 0);
      yield* q.put_nowait(3);
      yield* log(`${yield* q.qsize()} ${yield* q.get()} ${yield* q.get_nowait()} ${yield* q.get(true, 1)} ${yield* q.empty()} ${q.id}`);
    });
    expect(lines(r)).toEqual(['3 1 2 3 true SimpleQueue#1']);
  });

  it('raises Empty when non-blocking or timed out, and ValueError for a negative timeout', () => {
    expect(raised(() => new SimpleQueue().get_nowait())).toBe('_queue.Empty: ');
    expect(raised(() => new SimpleQueue().get(true, 0.01))).toBe('_queue.Empty: ');
    expect(raised(() => new SimpleQueue().get(true, -1))).toBe("ValueError: 'timeout' must be a non-negative number");
  });

  it('blocks a getter until a put, in every order the threads can take', () => {
    const main = function* () {
      const q = new SimpleQueue<string>();
      const getter = new Thread({ target: function* () { yield* log(`got ${yield* q.get()}`); } });
      yield* getter.start();
      yield* log('putting');
      yield* q.put('x');
      yield* getter.join();
    };
    expect(outcomes(main, 50)).toEqual(new Set(['putting\ngot x']));
  });

  it('has no task tracking, as CPython', () => {
    let missing: string[] = [];
    run(function* () {
      const q = new SimpleQueue() as unknown as Record<string, unknown>;
      missing = ['task_done', 'join', 'full', 'maxsize', 'get'].filter((m) => !(m in q));
    });
    expect(missing).toEqual(['task_done', 'join', 'full', 'maxsize']);
  });
});
