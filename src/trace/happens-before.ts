/**
 * Happens-before in a recorded trace, for exporters: the direct edges between threads and a
 * vector clock per step (Lamport, "Time, Clocks, and the Ordering of Events in a Distributed
 * System", CACM 1978; vector clocks as in Mattern 1988 and Fidge 1988).
 *
 * Edges (program order within a thread aside):
 * - `spawn`: the step that started a thread precedes the thread's first step;
 * - `join`: a thread's last step precedes a `join` of it;
 * - `sync`: two sync ops on the same object are ordered; the edge joins each sync op to the
 *   previous sync op on that object when another thread ran it (release -> acquire,
 *   put -> get, set -> wait, ...).
 * Invariant: every edge goes from a lower step to a higher step of another thread.
 */
import type { TraceFile } from './format.js';

/** One happens-before edge between steps of two threads. */
export interface HbEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: 'spawn' | 'join' | 'sync';
  /** The object both steps touch (sync edges), or the thread's name (spawn, join). */
  readonly obj: string;
}

/** The direct happens-before edges of a trace, ordered by target step. */
export function happensBeforeEdges(trace: Pick<TraceFile, 'steps' | 'threads'>): HbEdge[] {
  const edges: HbEdge[] = [];
  const lastSync = new Map<string, number>();
  const firstStep = new Map<number, number>();
  const lastStep = new Map<number, number>();
  const startedBy = new Map<number, number>();
  for (const s of trace.steps) {
    if (!firstStep.has(s.thread)) firstStep.set(s.thread, s.step);
    lastStep.set(s.thread, s.step);
  }
  for (const s of trace.steps) {
    const name = (i: number): string => trace.threads[i]?.name ?? `#${i}`;
    if (firstStep.get(s.thread) === s.step) {
      const parent = startedBy.get(s.thread);
      if (parent !== undefined) edges.push({ from: parent, to: s.step, kind: 'spawn', obj: name(s.thread) });
    }
    if (s.spawned !== undefined) startedBy.set(s.spawned, s.step);
    if (s.joined !== undefined && s.raised === undefined) {
      const end = lastStep.get(s.joined);
      if (end !== undefined && end < s.step) edges.push({ from: end, to: s.step, kind: 'join', obj: name(s.joined) });
    }
    if (s.access === 'sync' && s.obj !== undefined) {
      const prev = lastSync.get(s.obj);
      if (prev !== undefined && trace.steps[prev]!.thread !== s.thread) edges.push({ from: prev, to: s.step, kind: 'sync', obj: s.obj });
      lastSync.set(s.obj, s.step);
    }
  }
  return edges;
}

/** A vector clock per step: entry t counts the steps of thread t that happen before it (inclusive). */
export function vectorClocks(trace: Pick<TraceFile, 'steps' | 'threads'>, edges: readonly HbEdge[] = happensBeforeEdges(trace)): number[][] {
  const n = trace.threads.length;
  const incoming = new Map<number, number[]>();
  for (const e of edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  const current: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const clocks: number[][] = [];
  for (const s of trace.steps) {
    const vc = current[s.thread]!;
    for (const from of incoming.get(s.step) ?? []) {
      const other = clocks[from]!;
      for (let t = 0; t < n; t++) vc[t] = Math.max(vc[t]!, other[t]!);
    }
    vc[s.thread] = vc[s.thread]! + 1;
    clocks.push(vc.slice());
  }
  return clocks;
}

/** True when step `a` happens before step `b` (a < b), by their vector clocks. */
export function happensBefore(clocks: readonly (readonly number[])[], trace: Pick<TraceFile, 'steps'>, a: number, b: number): boolean {
  const ta = trace.steps[a]!.thread;
  return clocks[a]![ta]! <= clocks[b]![ta]!;
}
