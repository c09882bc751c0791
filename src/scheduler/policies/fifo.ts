import type { Policy, SchedulingPoint } from './policy.js';

/**
 * Run until block: the running thread keeps the CPU until it blocks or finishes; then the
 * thread that has been runnable longest goes next. No preemption, so it shows only the
 * interleavings that blocking forces.
 */
export class FifoPolicy implements Policy {
  readonly name = 'fifo';
  readonly ignoresSeed = true;
  begin(_seed: number): void {}
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    if (at.previous >= 0 && runnable.includes(at.previous)) return at.previous;
    return runnable[0]!;
  }
}
