/**
 * `chrome` export: Trace Event Format JSON (the object form, `{"traceEvents": [...]}`) that
 * Perfetto and chrome://tracing open. One process, one track per thread (`tid` = thread index,
 * named by `thread_name` metadata); timestamps are the virtual clock's microseconds.
 *
 * - complete events (`ph: "X"`): runs (consecutive steps of a thread, split where it waited),
 *   sleeps, and waits from reaching an op to running it (`blocked` when the thread parked,
 *   `ready` when it only waited for other threads' steps); they never overlap on a track, so
 *   they nest as the format requires;
 * - async events (`ph: "b"`/`"e"`): lock holds, from a successful acquire to the release by
 *   the same thread, on their own tracks because holds may span several runs;
 * - instant events (`ph: "i"`, thread scope): shared-state accesses, log lines, races;
 * - flow events (`ph: "s"`/`"f"`, `bp: "e"`): happens-before edges between threads, bound to
 *   the run slices that enclose their steps.
 * User strings are JSON-encoded by JSON.stringify; nothing is interpreted as markup.
 */
import type { TraceFile, TraceStep } from '../format.js';
import { happensBeforeEdges } from '../happens-before.js';
import { describeStep } from './describe.js';
import type { ExportWindow } from './window.js';

/** One Trace Event Format event (the fields threadsim writes). */
export interface ChromeEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'X' | 'i' | 'b' | 'e' | 's' | 'f' | 'M';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly id?: number;
  readonly s?: 't' | 'p' | 'g';
  readonly bp?: 'e';
  readonly args?: Readonly<Record<string, unknown>>;
}

const PID = 1;

/** The Trace Event Format document of a trace, as an object. */
export function chromeEvents(trace: TraceFile): ChromeEvent[] {
  const ev: ChromeEvent[] = [];
  ev.push({ name: 'process_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: 0, args: { name: trace.programName } });
  for (const t of trace.threads) {
    ev.push({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: t.index, args: { name: t.name } });
    ev.push({ name: 'thread_sort_index', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: t.index, args: { sort_index: t.index } });
  }
  runSlices(trace, ev);
  lockHolds(trace, ev);
  for (const s of trace.steps) {
    if (s.access === 'read' || s.access === 'write' || s.kind === 'log') {
      ev.push({ name: describeStep(s), cat: s.kind === 'log' ? 'log' : 'access', ph: 'i', s: 't', ts: s.time, pid: PID, tid: s.thread, args: stepArgs(s) });
    }
  }
  happensBeforeEdges(trace).forEach((e, i) => {
    const from = trace.steps[e.from]!;
    const to = trace.steps[e.to]!;
    const name = `happens-before: ${e.kind} ${e.obj}`;
    ev.push({ name, cat: 'happens-before', ph: 's', id: i + 1, ts: from.time, pid: PID, tid: from.thread });
    ev.push({ name, cat: 'happens-before', ph: 'f', bp: 'e', id: i + 1, ts: to.time, pid: PID, tid: to.thread });
  });
  (trace.races ?? []).forEach((r, i) => {
    for (const a of [r.first, r.second]) {
      const s = trace.steps[a.step]!;
      ev.push({ name: `RACE ${i + 1} on ${r.location}`, cat: 'race', ph: 'i', s: 't', ts: s.time, pid: PID, tid: s.thread, args: { message: r.message, step: a.step } });
    }
  });
  return ev;
}

/** Runs, sleeps and waits: disjoint complete events per thread. */
function runSlices(trace: TraceFile, ev: ChromeEvent[]): void {
  let start: TraceStep | undefined;
  let last: TraceStep | undefined;
  const close = (): void => {
    if (start === undefined || last === undefined) return;
    const n = last.step - start.step + 1;
    ev.push({ name: 'run', cat: 'run', ph: 'X', ts: start.time, dur: last.time + 1 - start.time, pid: PID, tid: start.thread, args: { steps: `${start.step}..${last.step}`, count: n } });
    start = undefined;
  };
  for (const s of trace.steps) {
    if (s.since < s.time) {
      const sleeping = s.kind === 'sleep';
      close();
      ev.push({
        name: sleeping ? 'sleep' : `${s.blocked === true ? 'blocked' : 'ready'}: ${s.kind}${s.obj === undefined ? '' : ` ${s.obj}`}`,
        cat: sleeping ? 'sleep' : s.blocked === true ? 'blocked' : 'ready',
        ph: 'X',
        ts: s.since,
        dur: s.time - s.since,
        pid: PID,
        tid: s.thread,
        args: { step: s.step },
      });
    }
    if (start !== undefined && (last === undefined || last.thread !== s.thread)) close();
    start ??= s;
    last = s;
  }
  close();
}

/** Lock holds: a successful acquire to the same thread's release of the same object. */
function lockHolds(trace: TraceFile, ev: ChromeEvent[]): void {
  const open = new Map<string, TraceStep>();
  let id = 0;
  const ids = new Map<string, number>();
  for (const s of trace.steps) {
    if (s.obj === undefined) continue;
    const key = `${s.thread}|${s.obj}`;
    if (s.kind === 'acquire' && s.result === true && !open.has(key)) {
      open.set(key, s);
      ids.set(key, ++id);
      ev.push({ name: `hold ${s.obj}`, cat: 'lock', ph: 'b', id: id, ts: s.time, pid: PID, tid: s.thread, args: { step: s.step } });
    } else if (s.kind === 'release' && open.has(key) && s.raised === undefined) {
      open.delete(key);
      ev.push({ name: `hold ${s.obj}`, cat: 'lock', ph: 'e', id: ids.get(key)!, ts: s.time + 1, pid: PID, tid: s.thread, args: { step: s.step } });
    }
  }
  const end = trace.steps.length === 0 ? 0 : trace.steps[trace.steps.length - 1]!.time + 1;
  for (const [key, s] of open) {
    ev.push({ name: `hold ${s.obj}`, cat: 'lock', ph: 'e', id: ids.get(key)!, ts: end, pid: PID, tid: s.thread, args: { step: s.step, note: 'still held at the end' } });
  }
}

function stepArgs(s: TraceStep): Record<string, unknown> {
  return {
    step: s.step,
    ...(s.obj === undefined ? {} : { object: s.obj }),
    ...(s.value === undefined ? {} : { value: s.value }),
    ...(s.result === undefined ? {} : { result: s.result }),
  };
}

/** Options of the Chrome export. */
export interface ChromeExportOptions {
  /** Only the window's threads (each on its own track) and the events that overlap its steps' time. */
  readonly window?: ExportWindow;
}

/**
 * The events of a window: the tracks of its threads (threads outside it are listed in
 * `otherData`, since folding several threads into one track would break the nesting of its
 * slices), and the events overlapping the virtual time of its steps, clipped to it. A flow
 * (happens-before) is kept when both its ends are; a lock hold when it overlaps.
 */
export function windowEvents(trace: TraceFile, events: readonly ChromeEvent[], w: ExportWindow): ChromeEvent[] {
  const start = trace.steps[w.from]?.time ?? 0;
  const end = (trace.steps[w.to]?.time ?? start) + 1;
  const threads = new Set(w.lanes);
  const inside = (ts: number): boolean => ts >= start && ts < end;
  const flows = new Map<number, number>();
  for (const e of events) if ((e.ph === 's' || e.ph === 'f') && threads.has(e.tid) && inside(e.ts)) flows.set(e.id!, (flows.get(e.id!) ?? 0) + 1);
  const holds = new Map<number, [number, number]>();
  for (const e of events) {
    if (e.ph === 'b') holds.set(e.id!, [e.ts, end]);
    if (e.ph === 'e') holds.set(e.id!, [holds.get(e.id!)?.[0] ?? 0, e.ts]);
  }
  const out: ChromeEvent[] = [];
  for (const e of events) {
    if (e.ph === 'M') {
      if (e.name === 'process_name' || threads.has(e.tid)) out.push(e);
      continue;
    }
    if (!threads.has(e.tid)) continue;
    if (e.ph === 'X') {
      const a = Math.max(e.ts, start);
      const b = Math.min(e.ts + (e.dur ?? 0), end);
      if (b > a || (e.dur === 0 && inside(e.ts))) out.push({ ...e, ts: a, dur: Math.max(0, b - a) });
    } else if (e.ph === 's' || e.ph === 'f') {
      if (flows.get(e.id!) === 2) out.push(e);
    } else if (e.ph === 'b' || e.ph === 'e') {
      const [a, b] = holds.get(e.id!) ?? [0, 0];
      if (a < end && b > start) out.push({ ...e, ts: Math.min(Math.max(e.ts, start), end) });
    } else if (inside(e.ts)) {
      out.push(e);
    }
  }
  return out;
}

/** The Trace Event Format JSON text of a trace. */
export function exportChrome(trace: TraceFile, options: ChromeExportOptions = {}): string {
  const w = options.window;
  const all = chromeEvents(trace);
  const events = w === undefined ? all : windowEvents(trace, all, w);
  const body = events.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
  const name = (i: number): string => trace.threads[i]?.name ?? `#${i}`;
  const excerpt = w === undefined ? {} : { steps: `${w.from}..${w.to}`, threadsNotShown: [...w.folded, ...w.idle].sort((a, b) => a - b).map(name) };
  return `{"displayTimeUnit": "ns", "otherData": ${JSON.stringify({ program: trace.programName, clock: 'virtual microseconds', ...excerpt })}, "traceEvents": [\n${body}\n]}\n`;
}
