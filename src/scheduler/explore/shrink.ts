/**
 * Minimal counterexamples: shrink a failing schedule to one with fewer preemptions, then
 * fewer steps, that still fails the same way (same failure kind and claim or exception type).
 * Each candidate is an edited schedule run under {@link GuidedPolicy} (which follows the
 * edit where it can and otherwise runs without preempting), so every accepted candidate is
 * a real execution, confirmed by running it. Greedy: the first improving candidate is kept and
 * the search starts again from it, until no candidate improves or the budget is spent.
 *
 * Candidates, for a current best schedule S:
 * - at each preemption (step p, thread a switched out): stop following S at p (run on without
 *   preempting), or let a run its next stretch at p and drop those steps from later on;
 * - for each stretch of one thread: drop its steps (shorter runs, e.g. fewer spin iterations).
 *
 * Greedy editing can stop at a local minimum, so the result is then checked by searching every
 * schedule with fewer preemptions (fewer-preemptions.ts) within a second budget: a smaller
 * failing schedule found there replaces the greedy one (and is shrunk in steps again), and
 * `minimal` says whether fewer preemptions were ruled out or only not found.
 */
import { execute, type ExecutionOptions, type ExecutionResult } from '../execution.js';
import type { Failure } from '../failures.js';
import { GuidedPolicy } from '../policies/guided.js';
import { answersByKey, keyChooser, type ChoiceRecord } from '../choice.js';
import { searchFewerPreemptions } from './fewer-preemptions.js';
import type { Program } from '../program.js';

/** Which failures count as "the same": kind, plus the claim name or exception type. */
export function failureSignature(f: Failure): string {
  switch (f.kind) {
    case 'claim':
      return signatureOf(CLAIM_SIGNATURES, 'claim:', f.claim);
    case 'exception':
      return signatureOf(EXCEPTION_SIGNATURES, 'exception:', f.type);
    default:
      return f.kind;
  }
}

/*
 * Signatures made so far, by claim name and by exception type: an exploration asks for the
 * signature of every failing run, and most repeat a failure found already, so the same string
 * is handed out again instead of a new one built (and flattened to be compared) per run.
 */
const CLAIM_SIGNATURES = new Map<string, string>();
const EXCEPTION_SIGNATURES = new Map<string, string>();
/** Names kept per map at most, so that memory stays flat whatever the programs name. */
const MAX_SIGNATURES = 1024;

function signatureOf(made: Map<string, string>, prefix: string, name: string): string {
  let s = made.get(name);
  if (s === undefined) {
    s = prefix + name;
    if (made.size >= MAX_SIGNATURES) made.clear();
    made.set(name, s);
  }
  return s;
}

/** Options of {@link shrinkSchedule}: the execution options the failure was found with. */
export interface ShrinkOptions extends Partial<Pick<ExecutionOptions, 'untimed' | 'maxSteps' | 'cpuCount' | 'stepCost'>> {
  /** Most candidate executions to run. Default 500. */
  readonly budget?: number;
  /** Most executions of the search for a schedule with fewer preemptions. Default 2000. */
  readonly searchBudget?: number;
  /** The failing execution's choices: every candidate keeps their answers (by key), so the failure they need stays. */
  readonly choices?: readonly ChoiceRecord[];
}

/** Size of a failing schedule. */
export interface ScheduleSize {
  readonly preemptions: number;
  readonly steps: number;
}

/** What {@link shrinkSchedule} found. */
export interface ShrinkResult extends ScheduleSize {
  /** The schedule of the smallest failing execution found (replays it exactly). */
  readonly schedule: readonly number[];
  readonly original: ScheduleSize;
  /** Candidate executions run. */
  readonly runs: number;
  readonly execution: ExecutionResult;
  readonly signature: string;
  /**
   * True when no schedule with fewer preemptions fails this way: all of them were run.
   * False when the search budget ran out first (then `searched` schedules were tried).
   */
  readonly minimal: boolean;
  /** Executions of the search for fewer preemptions (included in `runs`). */
  readonly searched: number;
}

interface Attempt extends ScheduleSize {
  readonly result: ExecutionResult;
  readonly preemptedAt: readonly number[];
}

/**
 * Shrink `schedule`, which fails `program` with a failure of `signature`
 * (see {@link failureSignature}). Returns the original when it does not fail that way.
 */
export function shrinkSchedule(program: Program, schedule: readonly number[], signature: string, options: ShrinkOptions = {}): ShrinkResult {
  const budget = options.budget ?? 500;
  const answers = options.choices === undefined ? undefined : answersByKey(options.choices);
  let runs = 0;
  const attempt = (suggestion: readonly number[]): Attempt | undefined => {
    runs++;
    const policy = new GuidedPolicy(suggestion, answers);
    const result = execute(program, { ...executionOptions(options), policy, seed: 0 });
    if (!result.failures.some((f) => failureSignature(f) === signature)) return undefined;
    return { result, preemptions: policy.preemptions, steps: result.steps, preemptedAt: policy.preemptedAt };
  };
  const first = attempt(schedule);
  if (first === undefined) {
    const result = execute(program, { ...executionOptions(options), policy: new GuidedPolicy(schedule, answers), seed: 0 });
    return { schedule, preemptions: NaN, steps: result.steps, original: { preemptions: NaN, steps: result.steps }, runs, execution: result, signature, minimal: false, searched: 0 };
  }
  const greedy = (from: Attempt, limit: number): Attempt => {
    let best = from;
    const better = (a: Attempt): boolean => a.preemptions < best.preemptions || (a.preemptions === best.preemptions && a.steps < best.steps);
    let improved = true;
    while (improved && runs < limit) {
      improved = false;
      for (const candidate of candidates(best.result.schedule, best.preemptedAt)) {
        if (runs >= limit) break;
        const a = attempt(candidate);
        if (a !== undefined && better(a)) {
          best = a;
          improved = true;
          break;
        }
      }
    }
    return best;
  };
  let best = greedy(first, budget);
  const fails = (r: ExecutionResult): boolean => r.failures.some((f) => failureSignature(f) === signature);
  // Fewest preemptions with the same answers to the choices: the failure may need them.
  const search = searchFewerPreemptions(program, fails, best.preemptions, options.searchBudget ?? 2000, { ...executionOptions(options), ...(answers === undefined ? {} : { chooser: keyChooser(answers) }) });
  runs += search.runs;
  if (search.found !== undefined) {
    // Re-run through the guided policy to learn where it preempts, then shrink its steps.
    const again = attempt(search.found.result.schedule);
    if (again !== undefined && again.preemptions < best.preemptions) best = greedy(again, runs + budget);
  }
  return {
    schedule: best.result.schedule,
    preemptions: best.preemptions,
    steps: best.steps,
    original: { preemptions: first.preemptions, steps: first.steps },
    runs,
    execution: best.result,
    signature,
    minimal: search.complete,
    searched: search.runs,
  };
}

function executionOptions(o: ShrinkOptions): Partial<ExecutionOptions> {
  return {
    ...(o.untimed === undefined ? {} : { untimed: o.untimed }),
    ...(o.maxSteps === undefined ? {} : { maxSteps: o.maxSteps }),
    ...(o.cpuCount === undefined ? {} : { cpuCount: o.cpuCount }),
    ...(o.stepCost === undefined ? {} : { stepCost: o.stepCost }),
  };
}

/** Edited schedules to try, most promising first (see the file comment). */
function* candidates(s: readonly number[], preemptedAt: readonly number[]): Generator<readonly number[]> {
  for (let i = preemptedAt.length - 1; i >= 0; i--) {
    const p = preemptedAt[i]!;
    yield s.slice(0, p);
    const a = s[p - 1];
    if (a === undefined) continue;
    let start = p;
    while (start < s.length && s[start] !== a) start++;
    let end = start;
    while (end < s.length && s[end] === a) end++;
    if (end > start) yield [...s.slice(0, p), ...s.slice(start, end), ...s.slice(p, start), ...s.slice(end)];
  }
  const runs: [number, number][] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    runs.push([i, j]);
    i = j;
  }
  for (let r = runs.length - 1; r >= 0; r--) {
    const [i, j] = runs[r]!;
    yield [...s.slice(0, i), ...s.slice(j)];
  }
}
