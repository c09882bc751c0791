/**
 * Names the pattern behind a claim that is false at the end of a run, from what the run did
 * (ops only) and what the engine saw at its end:
 * - order violation: a daemon thread was dropped at exit before it wrote a location the claim
 *   reads (it would have, had the program waited for it: the engine runs dropped daemons on a
 *   copy of the state after the end to find out);
 * - timing assumption: a timeout fired (a wait, acquire, get or join gave up) and no data race
 *   touches what the claim reads: the program assumed another thread would be quicker.
 */
import type { ClaimFailure } from '../failures.ts';
import type { ClaimExplanation, RunEnd } from '../monitor.ts';
import type { FiredTimeout } from './timeouts.ts';

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
  for (const d of facts.end.dropped) {
    const w = d.laterWrites.find((x) => reads.includes(x.location));
    if (w === undefined) continue;
    const where = d.waitsFor === undefined ? '' : `; it was waiting for ${d.waitsFor}`;
    return {
      pattern: 'order violation',
      cause:
        `${d.name} is a daemon thread and was still running when the program ended at ${seconds(facts.end.time)}${where}. ` +
        `It would have written ${w.location} = ${show(w.value)} at ${seconds(w.time)}, but Python drops daemon threads at exit, so the claim read ${w.location} before that write. ` +
        `Nothing orders the write before the end of the program: join ${d.name} before main returns (or make it a non-daemon thread).`,
    };
  }
  const t = facts.timeout;
  if (t !== undefined && !reads.some((r) => facts.racy.has(r))) {
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
        `The program assumed the other threads would be quicker than the timeout; on this schedule they were not. Wait without a timeout, or handle the timeout as the normal case it is.`,
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

function show(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === undefined || v === null) return 'None';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
