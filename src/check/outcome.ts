/**
 * What a thread-safety claim sees about one execution, and how a claim's answer becomes a
 * failure.
 */
import { type Ending, type ExecutionResult } from '../scheduler/execution.js';
import { describeError } from '../scheduler/exception-line.js';
import type { Failure } from '../scheduler/failures.js';
import type { OutputLine } from '../scheduler/ops.js';
import type { SharedState } from '../scheduler/program.js';
import { renderOutput } from '../trace/text.js';

/** The end of one execution, as a claim sees it. */
export interface Outcome {
  /** The final shared state. */
  readonly state: SharedState;
  /** The printed lines, without timestamps, every logging level included. */
  readonly output: readonly string[];
  /** The printed lines with their thread, stream and virtual time. */
  readonly lines: readonly OutputLine[];
  /** What each thread's body returned, by thread index (0 is MainThread). */
  readonly results: readonly unknown[];
  /** Thread names by index. */
  readonly threads: readonly string[];
  readonly ending: Ending;
}

/**
 * A claim about an execution: true (or nothing) when it holds; false, or a sentence saying
 * what is wrong, when it does not.
 */
export type OutcomeClaim = (outcome: Outcome) => boolean | string | void;

/** The outcome of an execution. */
export function outcomeOf(exec: ExecutionResult): Outcome {
  return {
    state: exec.state,
    output: renderOutput(exec.output, { timestamps: false, level: 0 }),
    lines: exec.output,
    results: exec.results,
    threads: exec.threads.map((t) => t.name),
    ending: exec.ending,
  };
}

/**
 * Every failure of an execution: the engine's (program claims, deadlock, uncaught exceptions,
 * step bound, monitors) and the claim's, when the run completed.
 */
export function failuresOf(exec: ExecutionResult, claim: OutcomeClaim | undefined, claimName = 'claim'): Failure[] {
  const found = [...exec.failures];
  if (claim === undefined || exec.ending !== 'complete') return found;
  let verdict: boolean | string | void;
  try {
    verdict = claim(outcomeOf(exec));
  } catch (e) {
    const { type, detail } = describeError(e);
    verdict = `the claim raised ${type}: ${detail}`;
  }
  if (verdict === true || verdict === undefined) return found;
  const why = typeof verdict === 'string' ? verdict : 'it returned false';
  found.push({ kind: 'claim', claim: claimName, message: `${claimName} is false: ${why}` });
  return found;
}
