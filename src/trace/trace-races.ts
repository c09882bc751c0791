/**
 * Data races of a trace file, found by the same detector the engine runs during an execution
 * (src/scheduler/detect), fed with the op data each step recorded. Used for traces that carry
 * no races of their own: recorded with `--no-detect`, or written by an older threadsim. It
 * finds what the live detector found, with two limits: a trace without code sites reports
 * one race per location and kind of access pair (not per pair of sites), and two queue items
 * with equal contents are one item to it.
 */
import { RaceMonitor } from '../scheduler/detect/index.js';
import type { Failure, RaceFailure } from '../scheduler/failures.js';
import type { StepEvent } from '../scheduler/monitor.js';
import type { Op, ThreadRecord } from '../scheduler/ops.js';
import type { TraceFile, TraceRace } from './format.js';

/** The races of `trace`, as the trace file keeps them (threads by index). */
export function racesInTrace(trace: Pick<TraceFile, 'steps' | 'threads'>): TraceRace[] {
  const monitor = new RaceMonitor({ patterns: true });
  const noop = (): undefined => undefined;
  const ev: StepEvent = { step: 0, time: 0, thread: 0, op: undefined as unknown as Op, result: undefined, raised: undefined, timedOut: false, spawned: -1, state: {} };
  for (const s of trace.steps) {
    const op: Op = {
      kind: s.kind as Op['kind'],
      obj: s.obj,
      ...(s.objs === undefined ? {} : { objs: s.objs }),
      access: s.access,
      value: s.kind === 'put' ? itemKey(s.value) : s.value,
      ...(s.joined === undefined ? {} : { thread: s.joined }),
      ...(s.site === undefined ? {} : { site: s.site }),
      run: noop,
    };
    const result = s.kind === 'get' ? itemKey(s.result) : s.result;
    Object.assign(ev, { step: s.step, time: s.time, thread: s.thread, op, result, raised: s.raised, timedOut: s.timedOut, spawned: s.spawned ?? -1 });
    monitor.onStep(ev);
  }
  const threads = trace.threads.map((t) => ({ ...t, done: true, handle: undefined }) as unknown as ThreadRecord);
  return asTraceRaces(monitor.onEnd('complete', {}, threads), trace.threads);
}

/**
 * A queue item as the detector matches a get to its put: the live detector matches objects by
 * identity, which a trace's copies lose, so an object item is matched by its contents.
 */
function itemKey(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? `item ${JSON.stringify(v)}` : v;
}

/** The race failures among `failures`, as the trace file keeps them (threads by index). */
export function asTraceRaces(failures: readonly Failure[], threads: readonly { readonly name: string }[]): TraceRace[] {
  const index = (name: string): number => threads.findIndex((t) => t.name === name);
  return failures
    .filter((f): f is RaceFailure => f.kind === 'race')
    .map((f) => ({
      ...f,
      first: { ...f.first, thread: index(f.first.thread) },
      second: { ...f.second, thread: index(f.second.thread) },
    }));
}
