/**
 * The race pairs an export highlights. A trace may carry races found by the race detector (an
 * optional `races` field); without it, the lost updates found in the trace's accesses are used
 * (the stale read and the write it missed form the pair).
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
  /** The shared location both steps touch. */
  readonly location: string;
  /** One sentence saying what the pair is. */
  readonly note: string;
}

/** The race pairs of `trace`, earliest second step first. */
export function racesOf(trace: TraceFile): RacePair[] {
  const given = (trace as { readonly races?: unknown }).races;
  const pairs = Array.isArray(given) ? given.map((r) => fromDetector(r, trace)).filter((p): p is RacePair => p !== undefined) : [];
  if (pairs.length === 0) {
    // findLostUpdates reads only step, thread, obj and access, which trace steps share.
    for (const lu of findLostUpdates(trace.steps as unknown as readonly StepRecord[])) {
      pairs.push({
        first: Math.min(lu.staleRead.step, lu.overwritten.step),
        second: Math.max(lu.staleRead.step, lu.overwritten.step),
        location: lu.location,
        note: `lost update on ${lu.location}: the write at step ${lu.write.step} is computed from the read at step ${lu.staleRead.step}, which missed the write at step ${lu.overwritten.step}`,
      });
    }
  }
  return pairs.sort((a, b) => a.second - b.second || a.first - b.first);
}

/** A detector's race record in any of the shapes `{first, second}` (numbers or `{step}`), `{steps: [a, b]}`. */
function fromDetector(r: unknown, trace: TraceFile): RacePair | undefined {
  if (typeof r !== 'object' || r === null) return undefined;
  const o = r as Record<string, unknown>;
  const steps = Array.isArray(o.steps) ? o.steps.map(stepOf) : [stepOf(o.first), stepOf(o.second)];
  const [a, b] = steps;
  if (a === undefined || b === undefined || a === b || trace.steps[a] === undefined || trace.steps[b] === undefined) return undefined;
  const location = [o.location, o.obj, o.loc].find((x): x is string => typeof x === 'string') ?? trace.steps[a]!.obj ?? '?';
  const message = typeof o.message === 'string' ? o.message : `race on ${location} between steps ${Math.min(a, b)} and ${Math.max(a, b)}`;
  return { first: Math.min(a, b), second: Math.max(a, b), location, note: message };
}

function stepOf(x: unknown): number | undefined {
  if (typeof x === 'number' && Number.isInteger(x) && x >= 0) return x;
  if (typeof x === 'object' && x !== null) return stepOf((x as { step?: unknown }).step);
  return undefined;
}
