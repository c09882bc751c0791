/**
 * The timeline view of a trace that the SVG and HTML exporters draw: per thread, when it ran,
 * waited, slept and held locks on the virtual clock, and where it touched shared state.
 *
 * Reading a trace step: the thread reached the op at `since` and ran it at `time`; a step
 * takes one tick of the virtual clock. Between `since` and `time` the thread slept (a `sleep`
 * op), was blocked (`blocked`: it parked waiting for the op's object), or was ready but another
 * thread had the CPU.
 */
import type { TraceFile, TraceStep } from '../format.js';
import { showValue, truncate } from './escape.js';
import { racesOf, type RacePair } from './races.js';

/** What a span of a lane shows. */
export type SpanKind = 'run' | 'ready' | 'blocked' | 'sleep' | 'hold';

/** An interval of virtual time on one thread's lane, `[start, end)` in µs. */
export interface Span {
  readonly thread: number;
  readonly kind: SpanKind;
  readonly start: number;
  readonly end: number;
  /** What happened, in words (`blocked: acquire _lock`). */
  readonly label: string;
  /** The steps the span belongs to (runs: every step of the run; waits: the step that ended it). */
  readonly steps: readonly number[];
}

/** A read or write of a shared location. */
export interface Access {
  readonly step: number;
  readonly thread: number;
  readonly time: number;
  readonly access: 'read' | 'write';
  readonly location: string;
  /** The value read or written. */
  readonly value: unknown;
}

/** Everything an exporter draws. */
export interface Timeline {
  readonly lanes: readonly { readonly index: number; readonly name: string }[];
  readonly spans: readonly Span[];
  readonly accesses: readonly Access[];
  readonly races: readonly RacePair[];
  /** Virtual time (µs) at the end of the last step. */
  readonly end: number;
}

/** Virtual time one step takes (the engine's default step cost). */
const STEP_TICKS = 1;

/** Build the timeline of a trace. */
export function buildTimeline(trace: TraceFile): Timeline {
  const steps = trace.steps;
  const last = steps[steps.length - 1];
  const end = last === undefined ? 0 : last.time + STEP_TICKS;
  const spans: Span[] = [...runSpans(steps), ...waitSpans(steps), ...holdSpans(steps, end)];
  const accesses: Access[] = [];
  for (const s of steps) {
    if ((s.kind === 'read' || s.kind === 'write') && (s.access === 'read' || s.access === 'write') && s.obj !== undefined) {
      accesses.push({ step: s.step, thread: s.thread, time: s.time, access: s.access, location: s.obj, value: s.access === 'read' ? s.result : s.value });
    }
  }
  return { lanes: trace.threads.map((t) => ({ index: t.index, name: t.name })), spans, accesses, races: racesOf(trace), end };
}

/** Maximal sequences of consecutive steps by one thread. */
function runSpans(steps: readonly TraceStep[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < steps.length; ) {
    const first = steps[i]!;
    let j = i + 1;
    while (j < steps.length && steps[j]!.thread === first.thread && steps[j]!.time === steps[j - 1]!.time + STEP_TICKS) j++;
    const run = steps.slice(i, j);
    const lastStep = run[run.length - 1]!;
    const what = run.length === 1 ? `step ${first.step}: ${describeStep(first)}` : `steps ${first.step}-${lastStep.step}`;
    spans.push({ thread: first.thread, kind: 'run', start: first.time, end: lastStep.time + STEP_TICKS, label: `runs ${what}`, steps: run.map((s) => s.step) });
    i = j;
  }
  return spans;
}

/**
 * The wait before each step that did not run as soon as its thread reached it. A sleep lasts
 * its length (`sleep`'s value, in seconds); the thread is ready from then until it runs.
 */
function waitSpans(steps: readonly TraceStep[]): Span[] {
  const spans: Span[] = [];
  for (const s of steps) {
    if (s.time <= s.since) continue;
    let readyFrom = s.since;
    if (s.kind === 'sleep') {
      const wake = typeof s.value === 'number' ? Math.min(s.time, s.since + Math.round(s.value * 1e6)) : s.time;
      spans.push({ thread: s.thread, kind: 'sleep', start: s.since, end: wake, label: `sleep(${String(s.value)})`, steps: [s.step] });
      readyFrom = wake;
    } else if (s.blocked === true) {
      const label = `blocked in ${describeStep(s)} until step ${s.step}${s.timedOut ? ' (timed out)' : ''}`;
      spans.push({ thread: s.thread, kind: 'blocked', start: s.since, end: s.time, label, steps: [s.step] });
      readyFrom = s.time;
    }
    if (readyFrom < s.time) {
      spans.push({ thread: s.thread, kind: 'ready', start: readyFrom, end: s.time, label: `ready, waiting for the CPU until step ${s.step}`, steps: [s.step] });
    }
  }
  return spans;
}

/** Lock holds: from a successful `acquire` to the `release` of the same object. */
function holdSpans(steps: readonly TraceStep[], end: number): Span[] {
  const spans: Span[] = [];
  const open = new Map<string, { thread: number; start: number; step: number; depth: number }[]>();
  for (const s of steps) {
    if (s.obj === undefined || s.access !== 'sync') continue;
    const holds = open.get(s.obj) ?? [];
    if (s.kind === 'acquire' && !s.timedOut && s.result !== false && s.raised === undefined) {
      const mine = holds.find((h) => h.thread === s.thread);
      if (mine !== undefined) mine.depth++;
      else holds.push({ thread: s.thread, start: s.time, step: s.step, depth: 1 });
      open.set(s.obj, holds);
    } else if (s.kind === 'release' && s.raised === undefined) {
      const i = Math.max(0, holds.findIndex((h) => h.thread === s.thread));
      const h = holds[i];
      if (h === undefined) continue;
      if (--h.depth > 0) continue;
      holds.splice(i, 1);
      spans.push({ thread: h.thread, kind: 'hold', start: h.start, end: s.time + STEP_TICKS, label: `holds ${s.obj} (steps ${h.step}-${s.step})`, steps: [h.step, s.step] });
    }
  }
  for (const [obj, holds] of open) {
    for (const h of holds) spans.push({ thread: h.thread, kind: 'hold', start: h.start, end, label: `holds ${obj} from step ${h.step} to the end`, steps: [h.step] });
  }
  return spans;
}

/** `write db.value = 1`, `acquire _lock`, `log "Thread 0: starting update"`. */
export function describeStep(s: TraceStep): string {
  const parts: string[] = [s.kind];
  if (s.obj !== undefined) parts.push(s.obj);
  if (s.kind === 'write' && s.value !== undefined) parts.push(`= ${shortJson(s.value)}`);
  else if (s.kind === 'read' && s.result !== undefined) parts.push(`-> ${shortJson(s.result)}`);
  else if (s.value !== undefined) parts.push(shortJson(s.value));
  if (s.raised !== undefined) parts.push(`raised ${s.raised}`);
  return parts.join(' ');
}

function shortJson(v: unknown): string {
  return truncate(showValue(v), 60);
}
