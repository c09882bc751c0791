/**
 * Explanations of failures from a recorded trace: for each data race, its pattern in words,
 * the smallest excerpt of the trace that holds the accesses and what ran between them, and
 * the happens-before edge that is missing; for a failed claim without races, the history of
 * every shared location more than one thread touched, and the lost updates in it (a write by
 * thread B whose last read of the location came before another thread's write of it).
 */
import type { StepRecord } from '../scheduler/execution.js';
import { describeStep } from '../scheduler/detect/describe.js';
import { findSplitSection } from '../scheduler/detect/split-sections.js';
import type { RaceFailure } from '../scheduler/failures.js';

/** Names a thread by its index. */
export type ThreadNamer = (index: number) => string;

/** Most lines an excerpt shows before it keeps only the steps that matter. */
const EXCERPT_LINES = 14;

/** Lines explaining `races` (grouped: races showing the same pattern are told once). */
export function explainRaces(races: readonly RaceFailure[], trace: readonly StepRecord[], name: ThreadNamer): string[] {
  const lines: string[] = [];
  const told = new Set<string>();
  const byStep = new Map(trace.map((s) => [s.step, s]));
  for (const race of races) {
    const steps = race.patternSteps ?? [race.first.step, race.second.step];
    const key = `${race.location}|${race.pattern ?? ''}|${steps.join(',')}`;
    if (told.has(key)) continue;
    told.add(key);
    const recs = steps.map((s) => byStep.get(s)).filter((s): s is StepRecord => s !== undefined);
    if (recs.length !== steps.length) continue;
    lines.push(`${race.pattern ?? 'data race'} on ${race.location}:`);
    lines.push(`  ${story(race, recs, name)}`);
    lines.push(`  trace, steps ${steps[0]}..${steps[steps.length - 1]} (> marks the accesses):`);
    for (const l of traceExcerpt(trace, steps, name)) lines.push(`    ${l}`);
    lines.push(`  ${missingEdge(race, recs, name)}`);
  }
  return lines;
}

/** What the accesses did, in order, in one sentence. */
function story(race: RaceFailure, recs: readonly StepRecord[], name: ThreadNamer): string {
  const did = (s: StepRecord): string => `${name(s.thread)} ${s.access === 'read' ? `read ${show(s.result)}` : `wrote ${show(s.value)}`} at step ${s.step}${s.site === undefined ? '' : ` (${s.site})`}`;
  const [a, b, c, d] = recs;
  if (race.pattern === 'lost update' && race.patternSeen !== false && a && b && c) {
    return `${did(a)}, ${did(b)}, then ${did(c)} from its stale copy, erasing ${name(b.thread)}'s update.`;
  }
  if (race.pattern === 'lost update' && a && b && c && d) {
    return `${did(a)} and ${did(b)}; ${did(c)} and ${did(d)}. Here the two read-then-write pairs did not overlap, but nothing keeps them apart.`;
  }
  if (race.pattern === 'check-then-act' && a && b && c) {
    return `${did(a)} (the check), ${did(b)}, then ${name(c.thread)} acted at step ${c.step} on a check that no longer holds.`;
  }
  if (race.pattern === 'atomicity violation' && a && b && c) {
    return `${did(a)}, ${did(b)} in the middle, then ${did(c)}: ${name(b.thread)} ${b.access === 'read' ? 'saw a half-done update' : `changed ${race.location} between two accesses that belong together`}.`;
  }
  return recs.map(did).join(', ') + '.';
}

/** The missing happens-before edge in words, and what would supply it. */
function missingEdge(race: RaceFailure, recs: readonly StepRecord[], name: ThreadNamer): string {
  const x = race.location;
  const at = (s: StepRecord): string => `${name(s.thread)}'s ${s.access} of ${x} at step ${s.step}`;
  const atShort = (s: StepRecord): string => `${name(s.thread)}'s ${s.access} at step ${s.step}`;
  const lock = 'a Lock held from the read to the write in both threads would.';
  const [a, b, c, d] = recs;
  if (race.pattern === 'lost update' && race.patternSeen !== false && a && b) {
    return `Nothing orders ${at(b)} before ${atShort(a)}; ${lock}`;
  }
  if (race.pattern === 'lost update' && a && b && c && d) {
    return `Nothing orders ${at(b)} before ${atShort(c)}: a schedule that runs ${name(c.thread)}'s read between ${name(a.thread)}'s read and write loses an update; ${lock}`;
  }
  if ((race.pattern === 'check-then-act' || race.pattern === 'atomicity violation') && a && b && c) {
    return `Nothing keeps ${at(b)} out of ${name(a.thread)}'s steps ${a.step} and ${c.step}, which must run as one; a Lock held around those steps in ${name(a.thread)} and around ${name(b.thread)}'s access would.`;
  }
  if (race.pattern === 'order violation' && a && b) {
    const [w, r] = a.access === 'write' ? [a, b] : [b, a];
    const luck = w.step < r.step ? 'This run ran the write first by chance: n' : 'N';
    const alt = w.thread === 0 ? `starting ${name(r.thread)} only after the write` : `joining ${name(w.thread)} before the read`;
    return `${luck}othing orders ${at(w)} before ${atShort(r)}, which depends on it; an Event set after the write and waited for before the read (or ${alt}) would.`;
  }
  if (a && b) return `Nothing orders ${at(a)} and ${atShort(b)} either way; a Lock held around both would.`;
  return `Nothing orders the accesses to ${x}.`;
}

/**
 * The trace from the first to the last of `steps`, one line per step, `>` marking `steps`.
 * A long window keeps only the steps of the threads involved, then only the marked steps
 * with their neighbours, eliding the rest.
 */
export function traceExcerpt(trace: readonly StepRecord[], steps: readonly number[], name: ThreadNamer): string[] {
  if (steps.length === 0) return [];
  const marked = new Set(steps);
  const lo = Math.min(...steps);
  const hi = Math.max(...steps);
  let window = trace.filter((s) => s.step >= lo && s.step <= hi);
  if (window.length > EXCERPT_LINES) {
    const threads = new Set(window.filter((s) => marked.has(s.step)).map((s) => s.thread));
    window = window.filter((s) => threads.has(s.thread));
  }
  if (window.length > EXCERPT_LINES) {
    const keep = new Set<number>();
    window.forEach((s, i) => {
      if (marked.has(s.step)) for (const j of [i - 1, i, i + 1]) keep.add(j);
    });
    window = window.filter((_, i) => keep.has(i));
  }
  const width = Math.max(...window.map((s) => name(s.thread).length));
  const out: string[] = [];
  let last = lo - 1;
  for (const s of window) {
    if (s.step > last + 1 && out.length > 0) out.push(`    ... ${s.step - last - 1} step${s.step - last - 1 === 1 ? '' : 's'} not shown`);
    last = s.step;
    const mark = marked.has(s.step) ? '>' : ' ';
    const site = s.site === undefined ? '' : `  ${s.site}`;
    out.push(`${mark} step ${String(s.step).padStart(4)}  ${name(s.thread).padEnd(width)}  ${describe(s)}${site}`);
  }
  return out;
}

/** One step in words: `read db.value -> 0`, `acquire _lock -> True`, `sleep 0.1`. */
function describe(s: StepRecord): string {
  const base = describeStep(s, undefined);
  if (s.access === 'read') return `${base}${show(s.result)}`;
  if (s.access === 'write') return base;
  const result = s.result === undefined ? '' : ` -> ${s.result === true ? 'True' : s.result === false ? 'False' : brief(s.result)}`;
  const raised = s.raised === undefined ? '' : ` raised ${s.raised}`;
  return `${base}${result}${raised}${s.timedOut && s.kind !== 'sleep' ? ' (timed out)' : ''}`;
}

/**
 * Lines naming a race-free atomicity violation behind a failed claim (see
 * `split-sections.ts`), or none when the trace shows no split critical section.
 */
export function explainSplitSection(trace: readonly StepRecord[], name: ThreadNamer): string[] {
  const split = findSplitSection(trace);
  if (split === undefined) return [];
  const { first: p, between: c, second: q } = split;
  const did = (s: StepRecord): string => `${s.access === 'read' ? 'read' : 'wrote'} ${s.obj} at step ${s.step}`;
  const b = name(p.thread);
  const steps = [p.step, c.step, q.step];
  return [
    `atomicity violation (no data race: the accesses hold locks, but not one lock throughout):`,
    `  ${b} ${did(p)} holding ${split.locksFirst.join(', ')}, then ${did(q)} holding ${split.locksSecond.join(', ')}, in two critical sections; ${name(c.thread)} ${did(c)} in between.`,
    `  trace, steps ${p.step}..${q.step} (> marks the accesses):`,
    ...traceExcerpt(trace, steps, name).map((l) => `    ${l}`),
    `  Nothing keeps ${name(c.thread)}'s step ${c.step} out of ${b}'s steps ${p.step}..${q.step}; one critical section (one Lock held) from step ${p.step} to step ${q.step} would.`,
  ];
}

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
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function brief(v: unknown): string {
  const s = typeof v === 'string' ? v : show(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
