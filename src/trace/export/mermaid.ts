/**
 * `mermaid` export: a sequence diagram. The threads that act (and the objects they touch) are
 * participants, threads under the short names the schedule notation prints (`T1`), with the
 * full names in a note; each step is a message from its thread to its object (a note for a log
 * line) numbered by `autonumber` with its trace step number; each direct happens-before edge
 * is one dashed, unnumbered arrow; racing accesses sit on a red background and each race is a
 * note over its two threads. Notes and messages wrap. Participant ids are generated (`t0`,
 * `o1`), and every label and message goes through {@link escapeMermaid}, so user strings can
 * never end a statement or inject markup.
 */
import type { TraceFile, TraceStep } from '../format.js';
import { happensBeforeEdges, type HbEdge } from '../happens-before.js';
import { threadLabels } from '../notation.js';
import { describeStep } from './describe.js';
import { escapeMermaid as mm } from './escape-text.js';
import { truncate } from './escape.js';
import { laneOf, OTHERS, stepInWindow, windowCaption, type ExportWindow } from './window.js';

const RACE_COLOUR = 'rgba(255, 80, 80, 0.25)';
/** Longest object label drawn (a participant box is as wide as its label). */
const MAX_OBJECT = 20;

/** Options of the Mermaid export. */
export interface MermaidOptions {
  /**
   * Only these steps and threads (an excerpt for a slide): their messages, the objects they
   * touch, the happens-before edges into them and the races completed in them.
   */
  readonly window?: ExportWindow;
}

/** The Mermaid source of a trace's sequence diagram. */
export function exportMermaid(trace: TraceFile, options: MermaidOptions = {}): string {
  const w = options.window;
  const out: string[] = ['%%{init: {"sequence": {"wrap": true, "width": 170, "noteMargin": 8}}}%%', 'sequenceDiagram'];
  const names = trace.threads.map((t) => t.name);
  const labels = threadLabels(names);
  const id = (thread: number): string => {
    const lane = laneOf(thread, w);
    return lane === OTHERS ? 'others' : `t${thread}`;
  };
  const shownSteps = trace.steps.filter((s) => stepInWindow(s, w) && laneOf(s.thread, w) !== undefined);
  const lanes = w === undefined ? trace.threads.map((t) => t.index) : w.lanes;
  const threadIds = new Map<string, number>();
  trace.threads.forEach((t) => {
    if (!threadIds.has(t.name)) threadIds.set(t.name, t.index);
  });
  for (const t of lanes) out.push(`  participant t${t} as ${label(labels[t] ?? `#${t}`)}`);
  if (w !== undefined && w.folded.length > 0) out.push('  participant others as other threads');
  const objects = new Map<string, string>();
  for (const s of shownSteps) {
    if (s.obj === undefined || objects.has(s.obj) || threadTarget(s, threadIds, w) !== undefined) continue;
    const oid = `o${objects.size}`;
    objects.set(s.obj, oid);
    out.push(`  participant ${oid} as ${label(truncate(s.obj, MAX_OBJECT))}`);
  }
  const legend = lanes.filter((t) => labels[t] !== names[t]).map((t) => `${labels[t]} = ${names[t]}`);
  const caption = w === undefined ? [] : [windowCaption(trace, w)];
  const allIds = [...lanes.map((t) => `t${t}`), ...(w !== undefined && w.folded.length > 0 ? ['others'] : [])];
  if ((legend.length > 0 || caption.length > 0) && allIds.length > 0) {
    const over = allIds.length === 1 ? allIds[0]! : `${allIds[0]},${allIds[allIds.length - 1]}`;
    // One note per line: a line break would need markup, and the Markdown export embeds this text.
    for (const line of [...caption, ...legend]) out.push(`  Note over ${over}: ${mm(line)}`);
  }
  const edgesTo = new Map<number, HbEdge[]>();
  for (const e of happensBeforeEdges(trace)) edgesTo.set(e.to, [...(edgesTo.get(e.to) ?? []), e]);
  const racesAt = new Map<number, number[]>();
  const racing = new Set<number>();
  (trace.races ?? []).forEach((r, i) => {
    racesAt.set(r.second.step, [...(racesAt.get(r.second.step) ?? []), i]);
    racing.add(r.first.step).add(r.second.step);
  });
  // autonumber shows each step's own number: it is set before a step's message unless the
  // counter (which every arrow advances) is already there, and turned off for happens-before
  // arrows. Mermaid cannot start numbering at 0, so step 0 says its number in its text.
  let counter = 1;
  let numbering = false;
  const arrow = (line: string, step: number | undefined): void => {
    if (step !== undefined && step > 0 && (!numbering || counter !== step)) {
      out.push(`  autonumber ${step}`);
      counter = step;
      numbering = true;
    } else if ((step === undefined || step === 0) && numbering) {
      out.push('  autonumber off');
      numbering = false;
    }
    out.push(line);
    counter++;
  };
  for (const s of shownSteps) {
    const me = id(s.thread);
    // One arrow per edge: edges between the same two steps (a spawn that is also a sync) are merged.
    const merged = new Map<number, HbEdge[]>();
    for (const e of edgesTo.get(s.step) ?? []) {
      const from = trace.steps[e.from];
      if (from === undefined || laneOf(from.thread, w) === undefined || id(from.thread) === me) continue;
      merged.set(e.from, [...(merged.get(e.from) ?? []), e]);
    }
    for (const [from, edges] of merged) {
      const why = edges.map((e) => (e.kind === 'sync' ? `sync on ${e.obj}` : e.kind)).join(', ');
      arrow(`  ${id(trace.steps[from]!.thread)}-->>${me}: ${mm(`happens-before ${from} → ${s.step} (${why})`)}`, undefined);
    }
    const prefix = s.step === 0 || s.kind === 'log' ? `${s.step}: ` : '';
    const who = laneOf(s.thread, w) === OTHERS ? `${names[s.thread]}: ` : '';
    const text = mm(`${prefix}${who}${describeStep(s)}${racing.has(s.step) ? ' ⚠' : ''}`);
    const target = threadTarget(s, threadIds, w);
    const draw = (line: string, numbered: boolean): void => {
      if (racing.has(s.step)) out.push(`  rect ${RACE_COLOUR}`);
      if (numbered) arrow(line, s.step);
      else out.push(line);
      if (racing.has(s.step)) out.push('  end');
    };
    if (s.kind === 'log') draw(`  Note over ${me}: ${text}`, false);
    else if (target !== undefined) draw(`  ${me}->>${target}: ${text}`, true);
    else if (s.obj !== undefined) draw(`  ${me}->>${objects.get(s.obj)}: ${text}`, true);
    else draw(`  ${me}->>${me}: ${text}`, true);
    for (const i of racesAt.get(s.step) ?? []) {
      const r = trace.races![i]!;
      const a = laneOf(r.first.thread, w) === undefined ? me : id(r.first.thread);
      const over = a === me ? me : `${a},${me}`;
      out.push(`  Note over ${over}: ${mm(`RACE ${i + 1} on ${r.location}: steps ${r.first.step} and ${r.second.step}${r.pattern === undefined ? '' : ` (${r.pattern})`}, nothing orders them`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A participant's label: Mermaid drops blank ones, so a blank name is said in words. */
function label(name: string): string {
  return name.trim() === '' ? `(blank name${name === '' ? '' : ` of ${name.length} spaces`})` : mm(name);
}

/** Spawn and join ops name a thread as their object: their arrow goes to that thread's participant, when it is drawn. */
function threadTarget(s: TraceStep, threadIds: ReadonlyMap<string, number>, w: ExportWindow | undefined): string | undefined {
  if ((s.kind !== 'spawn' && s.kind !== 'join') || s.obj === undefined) return undefined;
  const t = threadIds.get(s.obj);
  if (t === undefined) return undefined;
  const lane = laneOf(t, w);
  return lane === undefined ? undefined : lane === OTHERS ? 'others' : `t${t}`;
}
