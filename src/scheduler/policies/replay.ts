import { ThreadsimError } from '../../errors.js';
import type { Policy, SchedulingPoint } from './policy.js';

/**
 * Follows a recorded schedule (one thread index per step). Stops with an error instead of
 * guessing when the recorded thread is not runnable, or when the schedule runs out while the
 * program still has steps to take.
 */
export class ReplayPolicy implements Policy {
  readonly name = 'replay';

  /** `names(i)` renders thread i for error messages. */
  constructor(
    private readonly schedule: readonly number[],
    private readonly names: (index: number) => string = (i) => `#${i}`,
  ) {}

  begin(_seed: number): void {}

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const want = this.schedule[at.step];
    if (want === undefined || !runnable.includes(want)) {
      const expected = want === undefined ? 'end of schedule' : this.names(want);
      const list = runnable.map(this.names).join(', ');
      throw new ThreadsimError(
        'TSIM007',
        `replay diverged at step ${at.step}: expected ${expected}, runnable [${list}]`,
        'The program or its inputs changed since the schedule was recorded; record it again with `threadsim run ... --trace FILE`.',
      );
    }
    return want;
  }
}
