import { describe, expect, it } from 'vitest';
import { BoundedSemaphore } from '../../src/models/bounded-semaphore.js';
import { log } from '../../src/models/logging.js';
import { lines, raised, run } from './helpers.js';

// Messages: CPython 3.11 (threading.BoundedSemaphore(1).release()).
describe('BoundedSemaphore', () => {
  it('release above the initial value', () => {
    expect(raised(() => new BoundedSemaphore(1).release())).toBe('ValueError: Semaphore released too many times');
  });
  it('negative initial value', () => {
    expect(raised(function* () {
      new BoundedSemaphore(-1);
    })).toBe('ValueError: semaphore initial value must be >= 0');
  });
  it('release(n) too large fails and leaves the value unchanged', () => {
    const r0 = run(function* () {
      const b = new BoundedSemaphore(2);
      yield* b.acquire();
      yield* b.acquire();
      try {
        yield* b.release(3);
      } catch (e) {
        yield* log((e as Error).message);
      }
      yield* log(`${yield* b.acquire(false)}`);
      yield* b.release(2);
      yield* log(`${yield* b.acquire(false)} ${yield* b.acquire(false)} ${yield* b.acquire(false)}`);
    });
    expect(lines(r0)).toEqual(['Semaphore released too many times', 'false', 'true true false']);
  });
  it('a BoundedSemaphore is named by its own counter', () => {
    const r0 = run(function* () {
      yield* log(new BoundedSemaphore(1).id);
    });
    expect(lines(r0)).toEqual(['BoundedSemaphore#1']);
  });
});
