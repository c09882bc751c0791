import { describe, expect, it } from 'vitest';
import { describeError, exceptionLine } from '../../src/scheduler/exception-line.js';

// CPython's traceback.format_exception_only: `queue.Full` alone when str(e) is empty.
describe('exceptionLine', () => {
  it('omits the colon for an empty message', () => {
    expect(exceptionLine('queue.Full', '')).toBe('queue.Full');
    expect(exceptionLine('ValueError', 'bad 1')).toBe('ValueError: bad 1');
  });
});

describe('describeError', () => {
  it("names JavaScript's stack overflow as Python's RecursionError", () => {
    const overflow = (): number => overflow() + 1;
    let thrown: unknown;
    try {
      overflow();
    } catch (e) {
      thrown = e;
    }
    expect(describeError(thrown)).toEqual({ type: 'RecursionError', detail: 'maximum recursion depth exceeded' });
    expect(describeError(new RangeError('Invalid array length'))).toEqual({ type: 'RangeError', detail: 'Invalid array length' });
  });
});
