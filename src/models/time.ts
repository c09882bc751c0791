/**
 * Model of Python's `time.sleep` and `time.monotonic` on the virtual clock.
 *
 * Mirrors: sleeping releases the CPU (the GIL), `sleep(0)` only yields, negative lengths raise
 * `ValueError: sleep length must be non-negative`. Does not mirror: wall-clock drift; time
 * moves only by the engine's per-step cost and by jumps to the next deadline. `sleep(nan)` and
 * `sleep(inf)` raise CPython's ValueError and OverflowError.
 */
import type { Op, Steps } from '../scheduler/ops.js';
import { pyError, PythonTypeError, ValueError } from './exceptions.js';

/** Seconds to the engine's microseconds. */
export function toMicros(seconds: number): number {
  return Math.round(seconds * 1e6);
}

/** `time.sleep(seconds)`: one step that parks the thread until the virtual clock has moved on. */
export function* sleep(seconds: number): Steps<void> {
  if (typeof seconds !== 'number') throw new PythonTypeError(`an integer or float is required, got ${typeof seconds}`);
  if (Number.isNaN(seconds)) throw new ValueError('Invalid value NaN (not a number)');
  if (seconds < 0) throw new ValueError('sleep length must be non-negative');
  if (seconds === Infinity) throw pyError('OverflowError', 'timestamp out of range for platform time_t');
  const op: Op = {
    kind: 'sleep',
    obj: undefined,
    access: 'none',
    value: seconds,
    timeout: toMicros(seconds),
    yields: true,
    // Method shorthand, not arrows: tsx's keepNames would wrap each arrow in a
    // defineProperty call on every sleep.
    enabled() {
      return false;
    },
    run() {
      return undefined;
    },
    describeWait() {
      return `the clock (sleeping ${seconds} s)`;
    },
  };
  yield op;
}

/** `time.monotonic()`: the virtual clock in seconds; one step, since it reads shared time. */
export function* monotonic(): Steps<number> {
  const op: Op = { kind: 'read', obj: 'time.monotonic', access: 'none', run: (k) => k.now / 1e6 };
  return (yield op) as number;
}
