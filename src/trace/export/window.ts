/**
 * The window of a trace an export shows (an excerpt for a slide): a range of steps and the
 * threads drawn as their own lanes. `--steps A..B`, `--threads NAMES` and `--focus race` all
 * resolve to one {@link ExportWindow}, checked against the trace before anything is written.
 *
 * Threads that act in the window are shown; threads with no step in it are listed, not drawn.
 * With `--threads`, the steps of the threads not named are folded into one "other threads"
 * lane, so the excerpt never pretends that nothing else ran in between.
 */
import { ThreadsimError } from '../../errors.js';
import type { TraceFile, TraceStep } from '../format.js';
import { threadLabels } from '../notation.js';
import { oneLine } from './escape-text.js';
import type { StepRange } from './step-range.js';

/** What the user asked for (each part optional). */
export interface WindowRequest {
  /** `--steps A..B`. */
  readonly steps?: StepRange;
  /** `--threads a,b`: thread names, `#i` indices or `T<i>` aliases. */
  readonly threads?: readonly string[];
  /** `--focus race` or `race:N`: the steps of race N (1-based, default 1) and its pattern. */
  readonly focus?: string;
}

/** A resolved window: every step from `from` to `to` (both included) that exists. */
export interface ExportWindow {
  readonly from: number;
  readonly to: number;
  /** Threads drawn as their own lane or column, in trace order. */
  readonly lanes: readonly number[];
  /** Threads with steps in the window that are folded into one "other threads" lane. */
  readonly folded: readonly number[];
  /** Threads without a step in the window: listed, not drawn. */
  readonly idle: readonly number[];
  /** True when the window is the whole trace with every thread (no excerpt). */
  readonly whole: boolean;
}

/** True when the request asks for an excerpt at all. */
export function isWindowed(req: WindowRequest | undefined): boolean {
  return req !== undefined && (req.steps !== undefined || req.threads !== undefined || req.focus !== undefined);
}

const bad = (what: string, fix: string): never => {
  throw new ThreadsimError('TSIM006', what, fix);
};

/** Parse `--focus`: `race` or `race:N`; throws TSIM006. */
export function parseFocus(text: string): number {
  const m = /^\s*race(?::(\d+))?\s*$/.exec(text);
  if (m === null) return bad(`--focus '${text}' is not a focus`, 'Write --focus race (the first race) or --focus race:2 (the second).');
  const n = m[1] === undefined ? 1 : Number(m[1]);
  if (!Number.isSafeInteger(n) || n < 1) return bad(`--focus '${text}' names no race`, 'Races are numbered from 1: --focus race:1.');
  return n;
}

/** Parse `--threads`: comma-separated names (a name with a comma: give its `#index`). */
export function parseThreads(text: string): string[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) return bad(`--threads '${text}' names no thread`, 'Write thread names separated by commas, e.g. --threads T1,T2 or --threads MainThread.');
  return names;
}

/** The steps of race `n` (1-based): its pattern's steps when it has one, else its two accesses. */
export function raceSteps(trace: Pick<TraceFile, 'races'>, n: number): number[] | undefined {
  const r = trace.races?.[n - 1];
  if (r === undefined) return undefined;
  const pattern = Array.isArray(r['patternSteps']) ? (r['patternSteps'] as unknown[]).filter((x): x is number => typeof x === 'number') : [];
  return [...new Set([r.first.step, r.second.step, ...pattern])].sort((a, b) => a - b);
}

/** The thread a `--threads` entry names: a name, `#i`, or the `T<i>` alias the schedule notation prints. */
function threadOf(trace: TraceFile, ref: string): number {
  const names = trace.threads.map((t) => t.name);
  const exact = names.flatMap((n, i) => (n === ref ? [i] : []));
  if (exact.length === 1) return exact[0]!;
  const index = /^#(\d+)$/.exec(ref);
  if (index !== null && Number(index[1]) < names.length) return Number(index[1]);
  const labels = threadLabels(names);
  const byLabel = labels.indexOf(ref);
  if (byLabel >= 0) return byLabel;
  if (exact.length > 1) return bad(`--threads: ${ref} is ambiguous (threads ${exact.map((i) => `#${i}`).join(', ')})`, 'Name the thread by its index, e.g. #2.');
  // Names come from the program: quoted and with controls made visible, they cannot break the one-line error.
  const known = labels.map((l, i) => (l === names[i] ? l : `${l} (${oneLine(names[i]!)})`)).join(', ');
  return bad(`--threads: no thread is called ${oneLine(JSON.stringify(ref))}`, `Threads of this trace: ${known}.`);
}

/**
 * Resolve a request against a trace; undefined when it asks for no excerpt. Throws TSIM006
 * (one line, before anything is written) for a range past the end, an unknown thread or a
 * race the trace does not have.
 */
export function resolveWindow(trace: TraceFile, req: WindowRequest | undefined): ExportWindow | undefined {
  if (req === undefined || !isWindowed(req)) return undefined;
  const last = trace.steps.length - 1;
  let from = 0;
  let to = Math.max(0, last);
  if (req.focus !== undefined) {
    const n = parseFocus(req.focus);
    const steps = raceSteps(trace, n);
    if (steps === undefined) {
      const count = trace.races?.length ?? 0;
      bad(`--focus ${req.focus}: the trace has ${count === 0 ? 'no race' : `${count} race${count === 1 ? '' : 's'}`}`, count === 0 ? 'Drop --focus, or use --steps A..B.' : `Use --focus race:1 .. race:${count}.`);
    }
    from = steps![0]!;
    to = steps![steps!.length - 1]!;
  }
  if (req.steps !== undefined) {
    if (req.focus !== undefined) bad('--steps and --focus both choose the steps', 'Give one of them.');
    if (last < 0) bad('--steps: the trace has no steps', 'Drop --steps.');
    if (req.steps.from > last) bad(`--steps ${req.steps.from}.. starts after the last step (this trace has steps 0..${last})`, `Choose steps within 0..${last}.`);
    from = req.steps.from;
    to = Math.min(req.steps.to, last);
  }
  const acting = new Set<number>();
  for (let i = from; i <= to; i++) {
    const s = trace.steps[i];
    if (s !== undefined) acting.add(s.thread);
  }
  const all = trace.threads.map((t) => t.index);
  const chosen = req.threads === undefined ? undefined : new Set(req.threads.map((r) => threadOf(trace, r)));
  const lanes = all.filter((t) => acting.has(t) && (chosen === undefined || chosen.has(t)));
  // A named thread with no step in the window still gets its (empty) lane: the user asked for it.
  if (chosen !== undefined) for (const t of chosen) if (!lanes.includes(t)) lanes.push(t);
  lanes.sort((a, b) => a - b);
  const folded = all.filter((t) => acting.has(t) && !lanes.includes(t));
  const idle = all.filter((t) => !acting.has(t) && !lanes.includes(t));
  const whole = from === 0 && to >= last && folded.length === 0 && idle.length === 0;
  return { from, to, lanes, folded, idle, whole };
}

/** True when step `s` is inside the window's steps (every step is when there is no window). */
export function stepInWindow(s: Pick<TraceStep, 'step'> | number, w: ExportWindow | undefined): boolean {
  const n = typeof s === 'number' ? s : s.step;
  return w === undefined || (n >= w.from && n <= w.to);
}

/** The lane a thread's steps are drawn in: its own, {@link OTHERS} when folded, undefined when hidden. */
export function laneOf(thread: number, w: ExportWindow | undefined): number | typeof OTHERS | undefined {
  if (w === undefined || w.lanes.includes(thread)) return thread;
  return w.folded.includes(thread) ? OTHERS : undefined;
}

/** The folded lane's key. */
export const OTHERS = 'others' as const;

/** One sentence saying what an excerpt shows and leaves out (plain text; callers escape it). */
export function windowCaption(trace: TraceFile, w: ExportWindow): string {
  const name = (i: number): string => trace.threads[i]?.name ?? `#${i}`;
  const parts = [`Steps ${w.from} to ${w.to} of ${trace.steps.length} (0..${Math.max(0, trace.steps.length - 1)})`];
  if (w.folded.length > 0) parts.push(`folded into "other threads": ${w.folded.map(name).join(', ')}`);
  if (w.idle.length > 0) parts.push(`not shown (no step here): ${w.idle.map(name).join(', ')}`);
  return `${parts.join('; ')}.`;
}
