import { ThreadsimError } from '../../errors.js';
import type { ChoicePoint } from '../choice.js';
import type { Policy, SchedulingPoint } from './policy.js';

/**
 * Follows `first` while it can, and `then` from the first pick `first` refuses (it throws: a
 * replayed schedule that has ended or no longer fits the program). For what-if runs that start
 * on a recorded schedule and then leave it.
 */
export class FallbackPolicy implements Policy {
  readonly name: string;
  private left = false;

  constructor(
    private readonly first: Policy,
    private readonly then: Policy,
  ) {
    this.name = first.name;
  }

  begin(seed: number): void {
    this.left = false;
    this.first.begin(seed);
    this.then.begin(seed);
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    if (!this.left) {
      try {
        return this.first.pick(runnable, at);
      } catch (e) {
        if (!(e instanceof ThreadsimError)) throw e;
        this.left = true;
      }
    }
    return this.then.pick(runnable, at);
  }

  choose(k: number, at: ChoicePoint): number {
    if (!this.left) {
      try {
        return this.first.choose?.(k, at) ?? 0;
      } catch (e) {
        if (!(e instanceof ThreadsimError)) throw e;
        this.left = true;
      }
    }
    return this.then.choose?.(k, at) ?? 0;
  }
}
