/**
 * The race pairs an export highlights: the races the trace carries (its optional `races`
 * field, filled by happens-before analysis); for a trace without that field, the lost updates
 * found in its accesses (the stale read and the write it missed form the pair).
 */
import type { StepRecord } from '../../scheduler/execution.ts';
import { findLostUpdates } from '../explain.ts';
import type { TraceFile } from '../format.ts';

/** Two conflicting accesses that nothing orders: the steps an export links. */
export interface RacePair {
  /** The earlier step of the pair. */
  readonly first: number;
  /** The later step of the pair. */
  readonly second: number;
  /** The step from which the race is certain: the later access, or for a lost update the write that lost it. */
  readonly at: number;
  /** The shared location both steps touch. */
  readonly location: string;
  /** One sentence saying what the pair is. */
  readonly note: string;
}

/** The race pairs of `trace`, in the order they become certain. */
export function racesOf(trace: TraceFile): RacePair[] {
  const pairs: RacePair[] = [];
  for (const r of trace.races ?? []) {
    const [a, b] = [r.first.step, r.second.step];
    if (a === b || trace.steps[a] === undefined || trace.steps[b] === undefined) continue;
    pairs.push({ first: Math.min(a, b), second: Math.max(a, b), at: Math.max(a, b), location: r.location, note: r.message });
  }
  if (trace.races === undefined) {
    // findLostUpdates reads only step, thread, obj and access, which trace steps share.
    for (const lu of findLostUpdates(trace.steps as unknown as readonly StepRecord[])) {
      pairs.push({
        first: Math.min(lu.staleRead.step, lu.overwritten.step),
        second: Math.max(lu.staleRead.step, lu.overwritten.step),
        at: lu.write.step,
        location: lu.location,
        note: `lost update on ${lu.location}: the write at step ${lu.write.step} is computed from the read at step ${lu.staleRead.step}, which missed the write at step ${lu.overwritten.step}`,
      });
    }
  }
  return pairs.sort((a, b) => a.at - b.at || a.first - b.first);
}
