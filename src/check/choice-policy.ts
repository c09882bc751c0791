/**
 * The policy that turns a list of small integers into a schedule, so that fast-check can
 * generate schedules and shrink them with its ordinary array and integer shrinkers.
 *
 * At every scheduling point with more than one runnable thread the policy consumes one choice
 * (0 once the list is used up):
 * - when the thread that ran the previous step is still runnable, 0 keeps it running and
 *   k > 0 switches to the k-th other runnable thread (by thread index, wrapping around);
 *   such a switch is a preemption unless the previous step yielded (`sleep(0)`);
 * - when it is not (it blocked or finished), choice k picks the k-th runnable thread
 *   (wrapping around): a forced switch, never a preemption.
 *
 * So every list is a valid schedule, a 0 means "no preemption here", shrinking an entry to 0
 * removes a preemption and dropping entries shortens the list. Within the range
 * 0..runnable-1 the mapping from choices to threads is one-to-one, which is what the
 * exhaustive enumerator relies on.
 *
 * A model's choice among k alternatives (src/scheduler/choice.ts: as_completed's order of
 * futures already done) consumes the next entry too, as answer `entry % k`: property checks
 * generate, shrink (towards the default answer 0) and enumerate answers with the schedule.
 */
import type { ChoicePoint as ModelChoice } from '../scheduler/choice.js';
import type { Policy, SchedulingPoint } from '../scheduler/policies/policy.js';

/** What the policy saw at one scheduling point (kept for reports and enumeration). */
export interface ChoicePoint {
  /** Step index of the decision. */
  readonly step: number;
  /** How many threads were runnable: the choices 0..options-1 name distinct threads. */
  readonly options: number;
  /** True when a non-zero choice here is a preemption. */
  readonly preemptible: boolean;
  /** The choice consumed (from the list, or 0 past its end). */
  readonly choice: number;
  /** The thread picked; for an answer to a model's choice, the thread that asked. */
  readonly thread: number;
  /** True for an answer to a model's choice (`options` alternatives), not a thread pick. */
  readonly answer?: true;
}

/**
 * The choice that makes {@link ChoicePolicy} pick `taken` among `runnable` after `previous`:
 * the inverse of its decoding, for turning any execution back into a list of choices.
 */
export function encodeChoice(runnable: readonly number[], previous: number, taken: number): number {
  const keep = previous >= 0 && runnable.includes(previous);
  if (keep && taken === previous) return 0;
  const others = runnable.filter((t) => !keep || t !== previous).sort((a, b) => a - b);
  const i = others.indexOf(taken);
  if (i < 0) throw new Error(`thread ${taken} is not runnable`);
  return keep ? i + 1 : i;
}

/** Follows a list of choices; see the module comment for their meaning. */
export class ChoicePolicy implements Policy {
  readonly name = 'choices';
  /** Every decision of the last execution, in order. */
  readonly points: ChoicePoint[] = [];
  private others: number[] = [];

  constructor(readonly choices: readonly number[]) {}

  begin(_seed: number): void {
    this.points.length = 0;
  }

  /** Preemptions in the last execution. */
  get preemptions(): number {
    let n = 0;
    for (const p of this.points) if (p.preemptible && p.choice % p.options !== 0) n++;
    return n;
  }

  choose(k: number, at: ModelChoice): number {
    const choice = this.choices[this.points.length] ?? 0;
    this.points.push({ step: at.step, options: k, preemptible: false, choice, thread: at.thread, answer: true });
    return choice % k;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const choice = this.choices[this.points.length] ?? 0;
    const keep = at.previous >= 0 && runnable.includes(at.previous);
    const others = this.others;
    others.length = 0;
    for (const t of runnable) if (!keep || t !== at.previous) others.push(t);
    others.sort((a, b) => a - b);
    let thread: number;
    if (keep && choice % runnable.length === 0) thread = at.previous;
    else if (keep) thread = others[((choice % runnable.length) - 1) % others.length]!;
    else thread = others[choice % others.length]!;
    this.points.push({ step: at.step, options: runnable.length, preemptible: keep && !at.yielded, choice, thread });
    return thread;
  }
}
