/**
 * Explains a failed claim from a recorded trace: the history of every shared location that
 * more than one thread touched, and the lost updates in it. A lost update is a write by thread
 * B whose last read of the same location came before another thread's write of it: B wrote a
 * value computed from a stale copy, so the other write vanished.
 */
import type { StepRecord } from '../scheduler/execution.ts';

/** A lost update found in a trace. */
export interface LostUpdate {
  readonly location: string;
  /** B's read of the stale value. */
  readonly staleRead: StepRecord;
  /** A's write that B's write overwrote. */
  readonly overwritten: StepRecord;
  /** B's write based on the stale read. */
  readonly write: StepRecord;
}

/** Every lost update in `trace`, in the order of the overwriting writes. */
export function findLostUpdates(trace: readonly StepRecord[]): LostUpdate[] {
  const found: LostUpdate[] = [];
  const lastRead = new Map<string, StepRecord>();
  const lastWrite = new Map<string, StepRecord>();
  for (const s of trace) {
    if (s.obj === undefined) continue;
    if (s.access === 'read') lastRead.set(`${s.thread}|${s.obj}`, s);
    if (s.access !== 'write') continue;
    const read = lastRead.get(`${s.thread}|${s.obj}`);
    const prev = lastWrite.get(s.obj);
    if (read !== undefined && prev !== undefined && prev.thread !== s.thread && prev.step > read.step) {
      found.push({ location: s.obj, staleRead: read, overwritten: prev, write: s });
    }
    lastWrite.set(s.obj, s);
  }
  return found;
}

/** Lines explaining the shared accesses behind a failure (empty when nothing is shared). */
export function explainAccesses(trace: readonly StepRecord[], threadName: (i: number) => string): string[] {
  const byLocation = new Map<string, StepRecord[]>();
  for (const s of trace) {
    if (s.obj === undefined || (s.access !== 'read' && s.access !== 'write')) continue;
    const list = byLocation.get(s.obj) ?? [];
    list.push(s);
    byLocation.set(s.obj, list);
  }
  const lines: string[] = [];
  for (const [location, steps] of byLocation) {
    if (new Set(steps.map((s) => s.thread)).size < 2) continue;
    lines.push(`accesses to ${location}:`);
    for (const s of steps) {
      const what = s.access === 'read' ? `read ${show(s.result)}` : `wrote ${show(s.value)}`;
      lines.push(`  step ${String(s.step).padStart(3)}  ${threadName(s.thread)} ${what}`);
    }
  }
  for (const lu of findLostUpdates(trace)) {
    const b = threadName(lu.write.thread);
    const a = threadName(lu.overwritten.thread);
    lines.push(
      `lost update on ${lu.location}: ${b} read ${show(lu.staleRead.result)} at step ${lu.staleRead.step}, ` +
        `${a} wrote ${show(lu.overwritten.value)} at step ${lu.overwritten.step}, ` +
        `then ${b} wrote ${show(lu.write.value)} at step ${lu.write.step} from its stale copy, erasing ${a}'s update. ` +
        `Nothing orders ${a}'s write before ${b}'s read; a Lock held from the read to the write in both threads would.`,
    );
  }
  return lines;
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
}
