/**
 * `slides` export: a Markdown slide deck of one run, one slide per phase of the story a
 * lecturer tells about a race: the setup, the interleaving, the lost write (or whatever the
 * failure is), the fix, and how to replay it. Slides are separated by `---` (Marp, Slidev,
 * reveal-md and Deckset read this). The interleaving is the SVG timeline of at most
 * {@link SLIDE_STEPS} steps as a `data:` image, and the setup and the closing sequence slide
 * are fenced Mermaid excerpts, so the deck is one self-contained text file. A run without a
 * race gets the same deck with its failures (or its end) in place of the race.
 *
 * Every user string goes through {@link escapeMarkdown} or, in diagrams, {@link exportMermaid}'s
 * escaping.
 */
import type { TraceFile, TraceRace } from '../format.js';
import { replayLines } from '../replay-command.js';
import { describeStep, threadName } from './describe.js';
import { escapeMarkdown as md, oneLine, shortValue } from './escape-text.js';
import { exportMermaid } from './mermaid.js';
import { raceGroups, stepList } from './race-list.js';
import { exportSvg, SLIDE_STEPS } from './svg.js';
import { raceSteps, resolveWindow, type ExportWindow } from './window.js';

/** Options of the slides export. */
export interface SlidesOptions {
  /** The window the interleaving slide shows; default: the first race's steps. */
  readonly window?: ExportWindow;
}

/** Why a pattern happens and what fixes it, by pattern name (facts about threading, in threadsim's words). */
const FIXES: Readonly<Record<string, readonly string[]>> = {
  'lost update': [
    'Each thread copies the value, waits, and writes its copy back: the second write erases the first.',
    'Fix: hold one `threading.Lock` from the read to the write, in every thread that updates the value (`with lock:` around read, compute, write).',
  ],
  'check-then-act': [
    'A thread checks a condition, then acts on it; another thread changes it in between.',
    'Fix: make the check and the act one step: hold a Lock around both, or use an operation that does both (`get_nowait()` and catch `queue.Empty`).',
  ],
  'order violation': [
    'One thread assumes another has already done something; under this schedule it has not.',
    'Fix: wait for it explicitly: `join()` the thread, or `wait()` on an `Event` it sets.',
  ],
  'timing assumption': [
    'The program relies on a `sleep` being long enough; the scheduler does not have to agree.',
    'Fix: replace the sleep with a real hand-over: an `Event`, a `Condition` or a `queue.Queue`.',
  ],
};
const GENERIC_FIX = [
  'Nothing orders these accesses: which one comes first depends on the schedule.',
  'Fix: make one of them happen before the other: hold the same Lock around both, or hand the value over through a `queue.Queue`, an `Event` or a `join()`.',
];

/** The deck's Markdown. */
export function exportSlides(trace: TraceFile, options: SlidesOptions = {}): string {
  const races = trace.races ?? [];
  const focus = options.window ?? (races.length > 0 ? resolveWindow(trace, { focus: 'race' }) : undefined);
  const slides: string[][] = [];
  slides.push(titleSlide(trace));
  slides.push(setupSlide(trace, focus));
  slides.push(interleavingSlide(trace, focus));
  slides.push(races.length > 0 ? raceSlide(trace) : failureSlide(trace));
  slides.push(fixSlide(trace, races));
  slides.push(sequenceSlide(trace, focus));
  const head = ['---', 'marp: true', 'paginate: true', '---', ''];
  return `${head.join('\n')}${slides.map((s) => s.join('\n').trimEnd()).join('\n\n---\n\n')}\n`;
}

function titleSlide(trace: TraceFile): string[] {
  const out = [`# ${md(trace.programName)}`, ''];
  if (trace.description !== undefined) out.push(md(trace.description), '');
  out.push(`One run under policy ${md(trace.recipe.policy)}, seed ${trace.recipe.seed}: ${trace.steps.length} steps, ${trace.threads.length} threads, ending ${md(trace.ending)}.`, '');
  const bad = trace.failures.length + (trace.failures.some((f) => f.kind === 'race') ? 0 : (trace.races ?? []).length);
  out.push(bad === 0 ? 'Nothing went wrong in this run.' : `What went wrong: ${md(firstFailure(trace))}`);
  return out;
}

/** The one thing that went wrong, for a title: the first claim failure, else the first race's pattern. */
export function firstFailure(trace: TraceFile): string {
  const claim = trace.failures.find((f) => f.kind !== 'race');
  if (claim !== undefined) return claim.message;
  const g = raceGroups(trace)[0];
  return g === undefined ? 'nothing' : `${g.pattern ?? 'data race'} on ${g.location}`;
}

/** The threads, the shared state at the start, and a diagram of the steps before the story. */
function setupSlide(trace: TraceFile, focus: ExportWindow | undefined): string[] {
  const out = ['## The setup', ''];
  out.push(`Threads: ${trace.threads.map((t) => md(t.name)).join(', ')}.`, '');
  const state = Object.entries(trace.initialState ?? {}).flatMap(([store, values]) => Object.entries(values as Record<string, unknown>).map(([k, v]) => `${store}.${k} = ${shortValue(v)}`));
  if (state.length > 0) out.push(`Shared state at the start: ${state.map((s) => `**${md(s)}**`).join(', ')}.`, '');
  const end = Math.max(0, (focus?.from ?? Math.min(trace.steps.length, SLIDE_STEPS)) - 1);
  const from = Math.max(0, end - (SLIDE_STEPS - 1));
  if (trace.steps.length > 0 && (focus === undefined || focus.from > 0)) out.push(...diagram(trace, resolveWindow(trace, { steps: { from, to: end } })));
  return out;
}

function interleavingSlide(trace: TraceFile, focus: ExportWindow | undefined): string[] {
  const out = ['## The interleaving', ''];
  const w = focus ?? resolveWindow(trace, { steps: { from: Math.max(0, trace.steps.length - SLIDE_STEPS), to: trace.steps.length - 1 } });
  if (w === undefined || trace.steps.length === 0) return [...out, 'The run has no steps.'];
  // A long window is cut to its last steps: the ones where the story ends.
  const cut = w.to - w.from + 1 > SLIDE_STEPS ? resolveWindow(trace, { steps: { from: w.to - SLIDE_STEPS + 1, to: w.to } })! : w;
  const order = runsOf(trace, cut);
  out.push(`Steps ${cut.from} to ${cut.to}, in the order the scheduler ran them: ${order.map(md).join(' → ')}.`, '');
  // The timeline as an image in the file itself (base64 cannot carry markup), drawn by every deck tool.
  const svg = base64(exportSvg(trace, { window: cut }));
  out.push(`![Timeline of steps ${cut.from} to ${cut.to}](data:image/svg+xml;base64,${svg})`, '');
  return out;
}

/** The interleaving as a sequence diagram (Slidev and GitHub render the fence). */
function sequenceSlide(trace: TraceFile, focus: ExportWindow | undefined): string[] {
  const w = focus ?? resolveWindow(trace, { steps: { from: Math.max(0, trace.steps.length - SLIDE_STEPS), to: Math.max(0, trace.steps.length - 1) } });
  if (w === undefined || trace.steps.length === 0) return ['## The sequence', '', 'The run has no steps.'];
  const cut = w.to - w.from + 1 > SLIDE_STEPS ? resolveWindow(trace, { steps: { from: w.to - SLIDE_STEPS + 1, to: w.to } })! : w;
  return ['## The sequence', '', ...diagram(trace, cut)];
}

/** `T2 (9)`, `MainThread (10)`, `T1 (11-17)`: who ran which steps of the window. */
export function runsOf(trace: TraceFile, w: ExportWindow): string[] {
  const runs: string[] = [];
  let start = w.from;
  for (let i = w.from; i <= w.to; i++) {
    const s = trace.steps[i]!;
    const next = trace.steps[i + 1];
    if (i === w.to || next === undefined || next.thread !== s.thread) {
      runs.push(`${threadName(trace, s.thread)} (${start === i ? i : `${start}-${i}`})`);
      start = i + 1;
    }
  }
  return runs;
}

/** Each race group: its steps in words, its sentences, and what the claim saw. */
function raceSlide(trace: TraceFile): string[] {
  const groups = raceGroups(trace);
  const first = groups[0]!;
  const title = first.pattern === 'lost update' ? 'The lost write' : `The ${first.pattern ?? 'race'}`;
  const out = [`## ${md(title)}`, ''];
  for (const g of groups.slice(0, 3)) {
    out.push(`**${md(g.pattern ?? 'data race')} on ${md(g.location)}**, ${stepList(g.steps)}:`, '');
    g.steps.forEach((n, i) => {
      const s = trace.steps[n];
      if (s === undefined) return;
      // A lost update's third step writes a stale copy over the second's write.
      const lost = g.pattern === 'lost update' && g.steps.length === 3 && i === 2 ? ` (from its stale copy: step ${g.steps[1]}'s write is lost)` : '';
      out.push(`- step ${n}: ${md(threadName(trace, s.thread))} ${md(describeStep(s))}${md(lost)}`);
    });
    out.push('');
  }
  if (groups.length > 3) out.push(`… and ${groups.length - 3} more (see the Markdown export).`, '');
  for (const f of trace.failures.filter((x) => x.kind !== 'race')) out.push(`> Failure: ${md(f.message)}`, '');
  return out;
}

function failureSlide(trace: TraceFile): string[] {
  const out = ['## What went wrong', ''];
  if (trace.failures.length === 0) return [...out, `Nothing: the run ended ${md(trace.ending)} with no failure and no race.`];
  for (const f of trace.failures) out.push(`- ${md(f.message)}`);
  return out;
}

/** Why a failure without a race happens and what fixes it, by failure kind (facts about threading, in threadsim's words). */
const FAILURE_FIXES: Readonly<Record<string, readonly string[]>> = {
  deadlock: [
    'Every thread that is left waits for something only a waiting thread can give: a lock it holds, its end (`join()`), an item for a queue.',
    'Fix: take locks in one fixed order in every thread, or hold a single lock; use `threading.RLock` where a thread must take its own lock again; give waits a timeout and handle it.',
  ],
  'lock-order': [
    'Two threads take the same locks in opposite orders: under another schedule each holds one and waits for the other, a deadlock.',
    'Fix: take the locks in one fixed order in every thread, or replace them with one lock.',
  ],
};

/** What the fix slide says (threadsim's own prose, with backticks around code). */
export function fixLines(trace: TraceFile, races: readonly TraceRace[]): readonly string[] {
  const pattern = races.find((r) => r.pattern !== undefined)?.pattern;
  if (races.length > 0) return FIXES[pattern ?? ''] ?? GENERIC_FIX;
  if (trace.failures.length === 0) return ['Nothing to fix in this run; other schedules may differ.'];
  const known = trace.failures.map((f) => FAILURE_FIXES[f.kind]).find((l) => l !== undefined);
  return known ?? ['Fix what the failure names, then check every schedule, not just this one.'];
}

function fixSlide(trace: TraceFile, races: readonly TraceRace[]): string[] {
  const out = ['## The fix', ''];
  const lines = fixLines(trace, races);
  // The lines are threadsim's own prose (with backticks for code): written as they are.
  for (const l of lines) out.push(l, '');
  const steps = races.length > 0 ? raceSteps(trace, 1) : undefined;
  if (steps !== undefined) out.push(`In this run: ${stepList(steps)}.`, '');
  out.push('Check the fix on every schedule, and replay this run:', '');
  out.push(`    npx threadsim explore ${oneLine(trace.recipe.program)}`);
  for (const l of replayLines(trace.recipe, trace)) out.push(`    ${oneLine(l.trim())}`);
  return out;
}

function diagram(trace: TraceFile, w: ExportWindow | undefined): string[] {
  if (w === undefined) return [];
  return ['```mermaid', exportMermaid(trace, { window: w }).trimEnd(), '```', ''];
}

/** Base64 of the UTF-8 bytes of `text`, with the APIs browsers and Node share (the page may bundle exporters). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
