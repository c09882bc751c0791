/**
 * Trace steps in the compact form the HTML player embeds (and the choice tree stores): short
 * keys, values as display text, each step's output lines, state changes and race mark attached.
 */
import type { StateChanges, TraceFile } from '../format.js';
import { threadLabels } from '../notation.js';
import { renderOutput } from '../text.js';
import { showValue, truncate } from './escape.js';
import { racesOf } from './races.js';

/** Longest value text a page step keeps (values are shown, never computed with, in the page). */
export const VALUE_CHARS = 60;

/** A race as the page shows it: steps `p` and `q` race on location `l`; `n` says what it is. */
export interface PageRace {
  readonly p: number;
  readonly q: number;
  readonly l: string;
  readonly n: string;
}

/** One step as the page reads it. */
export interface PageStep {
  /** Thread index. */
  readonly t: number;
  /** Op kind. */
  readonly k: string;
  /** Object touched. */
  readonly o?: string;
  /** Access: read, write, sync, none. */
  readonly a: string;
  /** Value written or op argument, as display text (cut to {@link VALUE_CHARS}). */
  readonly v?: string;
  /** Result returned to the thread, as display text. */
  readonly r?: string;
  /** Virtual time when it ran (µs). */
  readonly tm: number;
  /** Raised into the thread: `Type: message`. */
  readonly x?: string;
  /** True when the thread was blocked before the step ran. */
  readonly b?: true;
  /** The thread this step started: index, name and its label in the schedule notation. */
  readonly sp?: { readonly i: number; readonly n: string; readonly l: string };
  /** Shared locations this step changed. */
  readonly ch?: StateChanges;
  /** Output lines written during the step: logging level (0 for plain output) and the line as printed. */
  readonly lg?: readonly (readonly [number, string])[];
  /** The races certain from this step on: steps `p` and `q` race on location `l`; `n` says what it is. */
  readonly rc?: readonly PageRace[];
}

/** The steps of `trace` in page form. */
export function pageSteps(trace: TraceFile): PageStep[] {
  const steps = trace.steps;
  const labels = threadLabels(trace.threads.map((t) => t.name));
  const logs = new Map<number, [number, string][]>();
  for (const line of trace.output) {
    // A line belongs to the last step that ran at or before the time it was written.
    const i = lastStepAtOrBefore(steps, line.time);
    const list = logs.get(i) ?? [];
    list.push([line.level, renderOutput([line], { level: 0 })[0] ?? line.text]);
    logs.set(i, list);
  }
  // Every race is kept (a lost update is two races: read/write and write/write), each on the step it becomes certain.
  const races = new Map<number, PageRace[]>();
  for (const r of racesOf(trace)) {
    const list = races.get(r.at) ?? [];
    list.push({ p: r.first, q: r.second, l: r.location, n: r.note });
    races.set(r.at, list);
  }
  return steps.map((s, i) => {
    const log = logs.get(i);
    const race = races.get(i);
    const spawned = s.spawned === undefined ? undefined : trace.threads[s.spawned];
    return {
      t: s.thread,
      k: s.kind,
      ...(s.obj === undefined ? {} : { o: s.obj }),
      a: s.access,
      ...(s.value === undefined || s.kind === 'log' ? {} : { v: truncate(showValue(s.value), VALUE_CHARS) }),
      ...(s.result === undefined ? {} : { r: truncate(showValue(s.result), VALUE_CHARS) }),
      tm: s.time,
      ...(s.raised === undefined ? {} : { x: s.raised }),
      ...(s.blocked === true ? { b: true as const } : {}),
      ...(spawned === undefined ? {} : { sp: { i: spawned.index, n: spawned.name, l: labels[spawned.index] ?? `#${spawned.index}` } }),
      ...(s.changes === undefined ? {} : { ch: s.changes }),
      ...(log === undefined ? {} : { lg: log }),
      ...(race === undefined ? {} : { rc: race }),
    };
  });
}

/** Index of the last step that ran at or before `time` (0 when none did). */
function lastStepAtOrBefore(steps: readonly { readonly time: number }[], time: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.time <= time) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
