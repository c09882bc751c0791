/**
 * Nondeterministic choices that are not thread picks: a model asks "one of k alternatives"
 * inside a step (CPython's `as_completed` yields the futures already done in set order, which
 * memory addresses decide). The policy answers, as it answers a scheduling question, so every
 * answer is seeded, recorded in the result, the trace and the schedule notation, and replayed.
 *
 * A choice is named by its key: the thread's creation path (`0`, `0.1`: MainThread's second
 * child's ...) and how many choices that thread had made before it. The key depends only on
 * the thread's own history, never on how other threads were interleaved, so an exhaustive
 * search can fix the answer per key (a choice function) and stay a search of an ordinary,
 * deterministic program (see explore/choices.ts).
 */

/** Where a choice is asked. */
export interface ChoicePoint {
  /** Index of the step the choice belongs to (the step whose op, or code after it, asks). */
  readonly step: number;
  /** Index of the thread making the choice. */
  readonly thread: number;
  /** Which choice of this step it is (0 for the first). */
  readonly index: number;
  /** The thread's creation path and its count of earlier choices: `0.1#2`. */
  readonly key: string;
}

/** Answers choices; a policy without one always takes the default answer 0. */
export interface Chooser {
  /** One of 0..k-1 (k >= 2) for the choice at `at`. */
  choose(k: number, at: ChoicePoint): number;
}

/** One choice an execution made (only choices with at least two alternatives are recorded). */
export interface ChoiceRecord {
  readonly step: number;
  readonly thread: number;
  /** The choice's key ({@link ChoicePoint.key}): names it across executions that schedule differently. */
  readonly key: string;
  /** Number of alternatives. */
  readonly k: number;
  /** The alternative taken, 0..k-1. */
  readonly value: number;
}

/** The default answer: what the gil policy, `run`'s default, and every policy without a `choose` takes. */
export const DEFAULT_CHOICE = 0;

/** Choices by step: for each step that made a choice, the answers in order. */
export function choicesByStep(choices: readonly ChoiceRecord[] | undefined): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const c of choices ?? []) {
    const list = m.get(c.step);
    if (list === undefined) m.set(c.step, [c.value]);
    else list.push(c.value);
  }
  return m;
}

/** The answers of `choices` by key. */
export function answersByKey(choices: readonly ChoiceRecord[] | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of choices ?? []) m.set(c.key, c.value);
  return m;
}

/** Answers each choice with `answers`' value for its key when that fits, else the default. */
export function keyChooser(answers: ReadonlyMap<string, number>): Chooser {
  return {
    choose: (k, at) => {
      const want = answers.get(at.key);
      return want !== undefined && want < k ? want : DEFAULT_CHOICE;
    },
  };
}

/** True when some choice took another answer than the default (only then does the notation show choices). */
export function hasNonDefault(choices: readonly ChoiceRecord[] | undefined): boolean {
  return choices !== undefined && choices.some((c) => c.value !== DEFAULT_CHOICE);
}
