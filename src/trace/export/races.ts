/**
 * The race pairs an export highlights: the races the trace carries, or for a trace without
 * them (recorded with detection off), the races race detection finds in its steps.
 */
import type { TraceFile } from '../format.js';
import { racesInTrace } from '../trace-races.js';

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
  for (const r of trace.races ?? racesInTrace(trace)) {
    const [a, b] = [r.first.step, r.second.step];
    if (a === b || trace.steps[a] === undefined || trace.steps[b] === undefined) continue;
    pairs.push({ first: Math.min(a, b), second: Math.max(a, b), at: Math.max(a, b), location: r.location, note: r.message });
  }
  return pairs.sort((a, b) => a.at - b.at || a.first - b.first);
}
