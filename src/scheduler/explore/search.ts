/**
 * The contract between exploration strategies and the loop that drives them. A search
 * decides every execution through a policy (and watches it through a monitor); the loop
 * runs executions until the search is exhausted or a budget is spent. Executions are
 * stateless: each one re-runs the program from the start, so memory does not grow with the
 * number of executions.
 */
import type { ExecutionResult } from '../execution.js';
import type { Monitor } from '../monitor.js';
import type { Policy } from '../policies/policy.js';

/** Runs one execution of the program under exploration with the given policy and monitor. */
export type Runner = (policy: Policy, monitor: Monitor | undefined, seed?: number) => ExecutionResult;

/** Thrown by a search's policy or monitor to abandon an execution that would be redundant. */
export class AbandonExecution extends Error {
  constructor(readonly why: 'sleep-blocked' | 'infeasible') {
    super(why);
  }
}

/** What one call of {@link Search.next} did. */
export type SearchStep =
  | { readonly kind: 'execution'; readonly result: ExecutionResult; readonly preemptions: number }
  | { readonly kind: 'abandoned'; readonly why: 'sleep-blocked' | 'infeasible' }
  | { readonly kind: 'done' };

/** A strategy that enumerates or samples executions. */
export interface Search {
  /** Run the next execution. */
  next(): SearchStep;
  /** True when the search has covered its whole space (never for sampling strategies). */
  readonly exhausted: boolean;
}

/** Run `runner` with `policy` and `monitor`, turning an abandon into a search step. */
export function runGuarded(runner: Runner, policy: Policy, monitor: Monitor | undefined, preemptions: () => number, seed = 0): SearchStep {
  try {
    const result = runner(policy, monitor, seed);
    return { kind: 'execution', result, preemptions: preemptions() };
  } catch (e) {
    if (e instanceof AbandonExecution) return { kind: 'abandoned', why: e.why };
    throw e;
  }
}

export { isPreemption } from '../policies/preemption.js';

/**
 * A search that replays a path of recorded choices and then decides afresh: `next` moves to
 * the next unexplored branch (`backtrack`) and runs one execution with `this` as the policy.
 */
export abstract class ReplayingSearch implements Search {
  private started = false;
  private finished = false;
  protected preemptions = 0;

  constructor(protected readonly runner: Runner) {}

  get exhausted(): boolean {
    return this.finished;
  }

  next(): SearchStep {
    if (this.finished) return { kind: 'done' };
    if (this.started && !this.backtrack()) {
      this.finished = true;
      return { kind: 'done' };
    }
    this.started = true;
    const step = runGuarded(this.runner, this.policy(), this.monitor(), () => this.preemptions);
    this.after(step);
    return step;
  }

  /** Move to the next branch; false when every branch has been explored. */
  protected abstract backtrack(): boolean;
  protected abstract policy(): Policy;
  protected abstract monitor(): Monitor | undefined;
  /** Called after each execution. */
  protected after(_step: SearchStep): void {}
}
