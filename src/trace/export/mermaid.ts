/**
 * `mermaid` export: a sequence diagram. Threads and the objects they touch are participants;
 * each step is a message from its thread to its object (or a note for a log line); the direct
 * happens-before edges between threads are dashed messages; racing accesses sit on a red
 * background, and each race is a note over its two threads. Participant ids are generated (`t0`, `o1`), and every label and message goes through
 * {@link escapeMermaid}, so user strings can never end a statement or inject markup.
 */
import type { TraceFile } from '../format.js';
import { happensBeforeEdges, type HbEdge } from '../happens-before.js';
import { describeStep } from './describe.js';
import { escapeMermaid as mm } from './escape-text.js';
import { inRange, type StepRange } from './step-range.js';

const RACE_COLOUR = 'rgba(255, 80, 80, 0.25)';

/** Options of the Mermaid export. */
export interface MermaidOptions {
  /**
   * Only these steps (an excerpt for a slide): their messages, the objects they touch, the
   * happens-before edges into them and the races completed in them.
   */
  readonly steps?: StepRange;
}

/** The Mermaid source of a trace's sequence diagram. */
export function exportMermaid(trace: TraceFile, options: MermaidOptions = {}): string {
  const range = options.steps;
  const out: string[] = ['sequenceDiagram'];
  const threadIds = new Map<string, string>();
  trace.threads.forEach((t) => {
    out.push(`  participant t${t.index} as ${label(t.name)}`);
    if (!threadIds.has(t.name)) threadIds.set(t.name, `t${t.index}`);
  });
  const objects = new Map<string, string>();
  for (const s of trace.steps) {
    if (!inRange(s.step, range) || s.obj === undefined || objects.has(s.obj) || isThreadObject(s.kind, s.obj, threadIds)) continue;
    const id = `o${objects.size}`;
    objects.set(s.obj, id);
    out.push(`  participant ${id} as ${label(s.obj)}`);
  }
  const edgesTo = new Map<number, HbEdge[]>();
  for (const e of happensBeforeEdges(trace)) edgesTo.set(e.to, [...(edgesTo.get(e.to) ?? []), e]);
  const racesAt = new Map<number, number[]>();
  const racing = new Set<number>();
  (trace.races ?? []).forEach((r, i) => {
    racesAt.set(r.second.step, [...(racesAt.get(r.second.step) ?? []), i]);
    racing.add(r.first.step).add(r.second.step);
  });
  for (const s of trace.steps) {
    if (!inRange(s.step, range)) continue;
    const me = `t${s.thread}`;
    for (const e of edgesTo.get(s.step) ?? []) {
      const from = trace.steps[e.from]!;
      out.push(`  t${from.thread}-->>${me}: ${mm(`happens-before (${e.kind} ${e.obj}): step ${e.from} → ${s.step}`)}`);
    }
    const text = mm(`${s.step}: ${describeStep(s)}${racing.has(s.step) ? ' ⚠' : ''}`);
    let line: string;
    if (s.kind === 'log') line = `  Note over ${me}: ${text}`;
    else if (s.obj !== undefined && isThreadObject(s.kind, s.obj, threadIds)) line = `  ${me}->>${threadIds.get(s.obj)}: ${text}`;
    else if (s.obj !== undefined) line = `  ${me}->>${objects.get(s.obj)}: ${text}`;
    else line = `  ${me}->>${me}: ${text}`;
    // A racing access stands out on a red background.
    if (racing.has(s.step)) out.push(`  rect ${RACE_COLOUR}`, `  ${line}`, '  end');
    else out.push(line);
    for (const i of racesAt.get(s.step) ?? []) {
      const r = trace.races![i]!;
      const a = `t${r.first.thread}`;
      const b = `t${r.second.thread}`;
      const over = a === b ? a : `${a},${b}`;
      out.push(`  Note over ${over}: ${mm(`⚠ RACE ${i + 1} on ${r.location}: ${r.message}`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A participant's label: Mermaid drops blank ones, so a blank name is said in words. */
function label(name: string): string {
  return name.trim() === '' ? `(blank name${name === '' ? '' : ` of ${name.length} spaces`})` : mm(name);
}

/** Spawn and join ops name a thread as their object: draw them to that thread. */
function isThreadObject(kind: string, obj: string, threadIds: ReadonlyMap<string, string>): boolean {
  return (kind === 'spawn' || kind === 'join') && threadIds.has(obj);
}
