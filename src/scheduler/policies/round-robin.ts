import type { Policy, SchedulingPoint } from './policy.js';

/**
 * Switch at every step to the runnable thread with the next higher index (wrapping around),
 * so every thread advances one step in turn: the most preemptive deterministic policy.
 */
export class RoundRobinPolicy implements Policy {
  readonly name = 'round-robin';
  readonly ignoresSeed = true;
  begin(_seed: number): void {}
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    let best = -1;
    let lowest = -1;
    for (const t of runnable) {
      if (t > at.previous && (best < 0 || t < best)) best = t;
      if (lowest < 0 || t < lowest) lowest = t;
    }
    return best >= 0 ? best : lowest;
  }
}
