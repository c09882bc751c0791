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
import { checkClaims } from './claims.js';
import type { ExecutionResult } from './execution.js';
import type { ClaimFailure } from './failures.js';
import type { DroppedDaemon, RunEnd, WhatIfVerdict, WhatIfWrite } from './monitor.js';
import type { Claim } from './program.js';

/** The what-if runs an execution can make; undefined when one could not run to its end. */
export interface WhatIf {
  withDaemons(): ExecutionResult | undefined;
  withoutTimeouts(): ExecutionResult | undefined;
}

/** The end of a complete run, as explanations of its false claims see it. */
export function runEnd(steps: number, time: number, dropped: readonly DroppedDaemon[], claims: Readonly<Record<string, Claim>>, whatIf: WhatIf): RunEnd {
  let daemons: ExecutionResult | undefined | null = null;
  let patient: ExecutionResult | undefined | null = null;
  /**
   * In a recorded what-if `run`, from step `from` on: whether `claim` holds after some step
   * (a run that never ends, with a daemon looping for ever, counts too), and the writes to
   * the locations it read made up to that step.
   */
  const verdict = (run: ExecutionResult | undefined, claim: ClaimFailure, from: number): WhatIfVerdict | undefined => {
    const c = claims[claim.claim];
    if (run?.trace === undefined || c === undefined) return undefined;
    const reads = claim.reads ?? [];
    const writes: WhatIfWrite[] = [];
    for (const s of run.trace) {
      if (s.step < from) continue;
      if (s.access === 'write' && s.obj !== undefined && reads.includes(s.obj)) {
        const t = run.threads[s.thread];
        writes.push({ thread: t?.name ?? `#${s.thread}`, daemon: t?.daemon === true, location: s.obj, value: s.value, time: s.time });
        if (checkClaims({ [claim.claim]: c }, s.state, () => '').length === 0) return { holds: true, writes };
      }
    }
    return { holds: run.ending === 'complete' && checkClaims({ [claim.claim]: c }, run.state, () => '').length === 0, writes };
  };
  return {
    time,
    dropped,
    withDaemons(claim) {
      if (dropped.length === 0) return undefined;
      if (daemons === null) daemons = whatIf.withDaemons();
      // The what-if run parts from the reported one at its last step, the interpreter exit.
      const v = verdict(daemons, claim, steps - 1);
      return v === undefined ? undefined : { holds: v.holds, writes: v.writes.filter((w) => w.daemon) };
    },
    withoutTimeouts(claim, from) {
      if (patient === null) patient = whatIf.withoutTimeouts();
      return verdict(patient, claim, from);
    },
  };
}
