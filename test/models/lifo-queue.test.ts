import { describe, expect, it } from 'vitest';
import { LifoQueue } from '../../src/models/lifo-queue.js';
import { log } from '../../src/models/logging.js';
import { lines, raised, run } from './helpers.js';

// CPython 3.11: LifoQueue after put(1), put(2), put(3) gets 3, 2, 1.
describe('LifoQueue', () => {
  it('gets the most recent item first', () => {
    const r0 = run(function* () {
      const q = new LifoQueue<number>();
      for (const i of [1, 2, 3]) yield* q.put(i);
      yield* log(`${yield* q.get()} ${yield* q.get()} ${yield* q.get()} ${q.id}`);
    });
    expect(lines(r0)).toEqual(['3 2 1 LifoQueue#1']);
  });
  it('raises Empty like Queue', () => {
    expect(raised(() => new LifoQueue().get_nowait())).toBe('_queue.Empty: ');
  });
});
