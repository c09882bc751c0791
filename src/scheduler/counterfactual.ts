/**
 * What-if runs that explain a false claim. The program runs again from its start following the
 * reported run's schedule, so it takes the same steps until the one respect in which it differs
 * (then the gil policy decides):
 * - with its daemon threads: at interpreter exit it waits for daemon threads as for the
 *   others (Python drops them), so their later writes happen;
 * - without timeouts: blocking ops wait as long as it takes (sleeps still end).
 * If the claim holds in the what-if run, that difference is what broke it. The reported run is
 * never touched: a what-if run is a separate execution, run only when asked.
 */
import { checkClaims } from './claims.ts';
import type { ExecutionResult } from './execution.ts';
import type { ClaimFailure } from './failures.ts';
import type { DaemonWrite, DroppedDaemon, RunEnd } from './monitor.ts';
import type { Claim } from './program.ts';

/** The what-if runs an execution can make; undefined when one could not run to its end. */
export interface WhatIf {
  withDaemons(): ExecutionResult | undefined;
  withoutTimeouts(): ExecutionResult | undefined;
}

/** The end of a complete run, as explanations of its false claims see it. */
export function runEnd(steps: number, time: number, dropped: readonly DroppedDaemon[], claims: Readonly<Record<string, Claim>>, whatIf: WhatIf): RunEnd {
  let daemons: ExecutionResult | undefined | null = null;
  let patient: ExecutionResult | undefined | null = null;
  const holds = (run: ExecutionResult | undefined, claim: ClaimFailure): boolean | undefined => {
    const c = claims[claim.claim];
    if (run === undefined || run.ending !== 'complete' || c === undefined) return undefined;
    return checkClaims({ [claim.claim]: c }, run.state, () => '').length === 0;
  };
  return {
    time,
    dropped,
    withDaemons(claim) {
      if (dropped.length === 0) return undefined;
      if (daemons === null) daemons = whatIf.withDaemons();
      const run = daemons;
      const verdict = holds(run, claim);
      if (verdict === undefined || run?.trace === undefined) return undefined;
      const reads = claim.reads ?? [];
      // The what-if run parts from the reported one at its last step, the interpreter exit.
      const writes: DaemonWrite[] = run.trace
        .filter((s) => s.step >= steps - 1 && s.access === 'write' && s.obj !== undefined && reads.includes(s.obj) && run.threads[s.thread]?.daemon === true)
        .map((s) => ({ thread: run.threads[s.thread]!.name, location: s.obj!, value: s.value, time: s.time }));
      return { holds: verdict, writes };
    },
    holdsWithoutTimeouts(claim) {
      if (patient === null) patient = whatIf.withoutTimeouts();
      return holds(patient, claim);
    },
  };
}
