import { describe, expect, it } from 'vitest';
import { exceptionLine } from '../../src/scheduler/exception-line.js';

// CPython's traceback.format_exception_only: `queue.Full` alone when str(e) is empty.
describe('exceptionLine', () => {
  it('omits the colon for an empty message', () => {
    expect(exceptionLine('queue.Full', '')).toBe('queue.Full');
    expect(exceptionLine('ValueError', 'bad 1')).toBe('ValueError: bad 1');
  });
});
