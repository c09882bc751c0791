/**
 * `mermaid` export: a sequence diagram. Threads and the objects they touch are participants;
 * each step is a message from its thread to its object (or a note for a log line); the direct
 * happens-before edges between threads are dashed messages; each race is a note over its two
 * threads. Participant ids are generated (`t0`, `o1`), and every label and message goes through
 * {@link escapeMermaid}, so user strings can never end a statement or inject markup.
 */
import type { TraceFile } from '../format.ts';
import { happensBeforeEdges, type HbEdge } from '../happens-before.ts';
import { describeStep } from './describe.ts';
import { escapeMermaid as mm } from './escape-text.ts';

/** The Mermaid source of a trace's sequence diagram. */
export function exportMermaid(trace: TraceFile): string {
  const out: string[] = ['sequenceDiagram'];
  const threadIds = new Map<string, string>();
  trace.threads.forEach((t) => {
    out.push(`  participant t${t.index} as ${mm(t.name)}`);
    if (!threadIds.has(t.name)) threadIds.set(t.name, `t${t.index}`);
  });
  const objects = new Map<string, string>();
  for (const s of trace.steps) {
    if (s.obj === undefined || objects.has(s.obj) || isThreadObject(s.kind, s.obj, threadIds)) continue;
    const id = `o${objects.size}`;
    objects.set(s.obj, id);
    out.push(`  participant ${id} as ${mm(s.obj)}`);
  }
  const edgesTo = new Map<number, HbEdge[]>();
  for (const e of happensBeforeEdges(trace)) edgesTo.set(e.to, [...(edgesTo.get(e.to) ?? []), e]);
  const racesAt = new Map<number, number[]>();
  (trace.races ?? []).forEach((r, i) => racesAt.set(r.second.step, [...(racesAt.get(r.second.step) ?? []), i]));
  for (const s of trace.steps) {
    const me = `t${s.thread}`;
    for (const e of edgesTo.get(s.step) ?? []) {
      const from = trace.steps[e.from]!;
      out.push(`  t${from.thread}-->>${me}: ${mm(`happens-before (${e.kind} ${e.obj}): step ${e.from} → ${s.step}`)}`);
    }
    const text = mm(`${s.step}: ${describeStep(s)}`);
    if (s.kind === 'log') out.push(`  Note over ${me}: ${text}`);
    else if (s.obj !== undefined && isThreadObject(s.kind, s.obj, threadIds)) out.push(`  ${me}->>${threadIds.get(s.obj)}: ${text}`);
    else if (s.obj !== undefined) out.push(`  ${me}->>${objects.get(s.obj)}: ${text}`);
    else out.push(`  ${me}->>${me}: ${text}`);
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

/** Spawn and join ops name a thread as their object: draw them to that thread. */
function isThreadObject(kind: string, obj: string, threadIds: ReadonlyMap<string, string>): boolean {
  return (kind === 'spawn' || kind === 'join') && threadIds.has(obj);
}
