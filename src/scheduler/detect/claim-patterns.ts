/**
 * Names the pattern behind a claim that is false at the end of a run, from what the run did
 * (ops only) and what-if runs of the program (counterfactual.ts):
 * - order violation: daemon threads were dropped at exit, and had the program waited for them
 *   the claim would hold: a daemon's write the claim depends on came after the end;
 * - timing assumption: a timeout fired (a wait, acquire, get or join gave up), no data race
 *   touches what the claim reads, and when blocking ops wait without their timeouts the
 *   thread that gave up writes what the claim reads and the claim holds: the program assumed
 *   another thread would be quicker.
 */
import type { ClaimFailure } from '../failures.js';
import type { ClaimExplanation, RunEnd } from '../monitor.js';
import type { FiredTimeout } from './timeouts.js';
import { pyValue } from './describe.js';

/** What the detector knows when a claim is false. */
export interface ClaimFacts {
  readonly end: RunEnd;
  readonly timeout: FiredTimeout | undefined;
  /** Locations with a data race in this run. */
  readonly racy: ReadonlySet<string>;
  readonly name: (thread: number) => string;
}

/** The pattern behind a false claim, or undefined. */
export function claimPattern(claim: ClaimFailure, facts: ClaimFacts): ClaimExplanation | undefined {
  const reads = claim.reads ?? [];
  const daemons = facts.end.withDaemons(claim);
  const w = daemons?.holds === true ? daemons.writes[0] : undefined;
  if (w !== undefined) {
    const d = facts.end.dropped.find((x) => x.name === w.thread);
    const where = d?.waitsFor === undefined ? '' : `; it was waiting for ${d.waitsFor}`;
    return {
      pattern: 'order violation',
      cause:
        `${w.thread} is a daemon thread and was still running when the program ended at ${seconds(facts.end.time)}${where}. ` +
        `Had the program waited for it, it would have written ${w.location} = ${pyValue(w.value)} at ${seconds(w.time)} and the claim would hold; Python drops daemon threads at exit, so the claim read ${w.location} before that write. ` +
        `Nothing orders the write before the end of the program: join ${w.thread} before main returns (or make it a non-daemon thread).`,
    };
  }
  const t = facts.timeout;
  // The thread that gave up must be one whose later work the claim needed: without timeouts
  // it writes a location the claim reads, and the claim then holds.
  const patient = t === undefined || reads.some((r) => facts.racy.has(r)) ? undefined : facts.end.withoutTimeouts(claim, t.step);
  if (t !== undefined && patient?.holds === true && patient.writes.some((x) => x.thread === facts.name(t.thread))) {
    const late =
      t.late === undefined
        ? ''
        : t.late.first
          ? ` ${facts.name(t.late.thread)} reached ${t.obj} only at ${seconds(t.late.time)} (step ${t.late.step}).`
          : ` ${facts.name(t.late.thread)}'s ${t.late.kind} on ${t.obj} came only at ${seconds(t.late.time)} (step ${t.late.step}).`;
    return {
      pattern: 'timing assumption',
      cause:
        `${facts.name(t.thread)}'s ${t.kind} on ${t.obj} gave up after its ${duration(t.timeout)} timeout, at ${seconds(t.time)} (step ${t.step}).${late} ` +
        `Without timeouts the claim holds: the program assumed the other threads would be quicker than the timeout, and on this schedule they were not. Wait without a timeout, or handle the timeout as the normal case it is.`,
    };
  }
  return undefined;
}

/** An instant on the virtual clock (µs since its start) for a sentence: `1.000 s`. */
function seconds(us: number): string {
  return `${(us / 1e6).toFixed(3)} s`;
}

/** A duration as the program gave it: `0.5 s`. */
function duration(us: number): string {
  return `${us / 1e6} s`;
}
