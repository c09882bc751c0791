import { isPreemption } from './preemption.js';
import type { ChoicePoint } from '../choice.js';
import type { Policy, SchedulingPoint } from './policy.js';

/**
 * Follows a suggested schedule (thread index per step) where it can and otherwise runs without
 * preempting: the thread that ran last goes on unless it yielded, else the longest-runnable
 * thread. Unlike replay it never fails, which is what shrinking needs to try edited schedules.
 * Counts the preemptions it makes and where. Choices take the suggested answer for their key
 * when it fits, else the default.
 */
export class GuidedPolicy implements Policy {
  readonly name = 'guided';
  /** Preemptions made in the current execution. */
  preemptions = 0;
  /** Steps at which they happened. */
  preemptedAt: number[] = [];

  constructor(
    private readonly suggestion: readonly number[],
    private readonly answers?: ReadonlyMap<string, number>,
  ) {}

  choose(k: number, at: ChoicePoint): number {
    const want = this.answers?.get(at.key);
    return want !== undefined && want < k ? want : 0;
  }

  begin(_seed: number): void {
    this.preemptions = 0;
    this.preemptedAt = [];
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const want = this.suggestion[at.step];
    let chosen: number;
    if (want !== undefined && runnable.includes(want)) chosen = want;
    else if (!at.yielded && runnable.includes(at.previous)) chosen = at.previous;
    else chosen = runnable.find((t) => t !== at.previous) ?? runnable[0]!;
    if (isPreemption(runnable, at.previous, at.yielded, chosen)) {
      this.preemptions++;
      this.preemptedAt.push(at.step);
    }
    return chosen;
  }
}
