/** A generated schedule: a list of choices for {@link ChoicePolicy}. */
import fc from 'fast-check';

/** A generated schedule: the choices, shown as `Schedule(0,1,0)` in fast-check's reports. */
export class Schedule {
  constructor(readonly choices: readonly number[]) {}

  /** Non-zero choices: an upper bound on the preemptions this schedule asks for. */
  get switches(): number {
    return this.choices.filter((c) => c !== 0).length;
  }

  toString(): string {
    return `Schedule(${this.choices.join(',')})`;
  }

  [fc.toStringMethod](): string {
    return this.toString();
  }
}
