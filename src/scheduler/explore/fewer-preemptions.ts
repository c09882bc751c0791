/**
 * The check behind a shrunk schedule's "minimal" claim: search every schedule with fewer
 * preemptions, bound by bound (0, 1, ...; iterative context bounding, Musuvathi and Qadeer,
 * PLDI 2007), for one that fails the same way. Greedy shrinking edits one schedule and can
 * stop at a local minimum (3 preemptions where another interleaving needs 1); this search is
 * what turns "nothing smaller nearby" into "nothing smaller at all", within a budget.
 */
import { execute, type ExecutionOptions, type ExecutionResult } from '../execution.js';
import type { Program } from '../program.js';
import { DfsSearch } from './dfs.js';
import type { Runner } from './search.js';

/** What {@link searchFewerPreemptions} found. */
export interface FewerPreemptions {
  /** A failing execution with fewer preemptions (the fewest, when found), if any. */
  readonly found?: { readonly result: ExecutionResult; readonly preemptions: number };
  /**
   * True when every schedule with fewer preemptions than asked (fewer than `found`'s, when
   * found) was run: the answer is a proof, not a sample.
   */
  readonly complete: boolean;
  /** Executions run. */
  readonly runs: number;
}

/**
 * Look for an execution of `program` that `fails` with fewer than `below` preemptions, in at
 * most `budget` executions.
 */
export function searchFewerPreemptions(program: Program, fails: (r: ExecutionResult) => boolean, below: number, budget: number, options: Partial<ExecutionOptions>): FewerPreemptions {
  const runner: Runner = (policy, monitor, seed = 0) => execute(program, { ...options, policy, seed, ...(monitor === undefined ? {} : { monitor }) });
  let runs = 0;
  for (let bound = 0; bound < below; bound++) {
    const dfs = new DfsSearch(runner, bound);
    for (;;) {
      if (runs >= budget) return { complete: false, runs };
      const step = dfs.next();
      if (step.kind === 'done') break;
      runs++;
      if (step.kind !== 'execution') continue;
      if (fails(step.result)) {
        return { found: { result: step.result, preemptions: step.preemptions }, complete: true, runs };
      }
    }
    // Nothing needs more preemptions than the program can make: the space is covered.
    if (!dfs.pruned) return { complete: true, runs };
  }
  return { complete: true, runs };
}
