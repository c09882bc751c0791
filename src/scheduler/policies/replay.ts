import { ThreadsimError } from '../../errors.js';
import type { ChoicePoint, ChoiceRecord } from '../choice.js';
import type { Policy, SchedulingPoint } from './policy.js';

/**
 * Follows a recorded schedule (one thread index per step) and the choices recorded with it
 * (absent: every choice takes the default answer, as runs recorded before choices existed did).
 * Stops with an error instead of
 * guessing when the recorded thread is not runnable, or when the schedule runs out while the
 * program still has steps to take.
 */
export class ReplayPolicy implements Policy {
  readonly name = 'replay';
  private nextChoice = 0;

  /** `names(i)` renders thread i for error messages. */
  constructor(
    private readonly schedule: readonly number[],
    private readonly names: (index: number) => string = (i) => `#${i}`,
    private readonly choices?: readonly ChoiceRecord[],
  ) {}

  begin(_seed: number): void {
    this.nextChoice = 0;
  }

  choose(k: number, at: ChoicePoint): number {
    if (this.choices === undefined) return 0;
    const want = this.choices[this.nextChoice++];
    if (want === undefined || want.step !== at.step || want.k !== k) {
      const expected = want === undefined ? 'no further choice' : `a choice among ${want.k} at step ${want.step}`;
      throw new ThreadsimError(
        'TSIM007',
        `replay diverged at step ${at.step}: the program made a choice among ${k} alternatives, the recording has ${expected}`,
        'The program or its inputs changed since the schedule was recorded; record it again with `threadsim run ... --trace FILE`.',
      );
    }
    return want.value;
  }

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
