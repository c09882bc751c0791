/**
 * What a step did, in words shared by the exporters (unescaped: each exporter escapes).
 */
import type { TraceFile, TraceRace, TraceStep } from '../format.js';
import { shortValue } from './escape-text.js';

/** `read db.value → 0`, `write db.value ← 1`, `acquire Lock#1`, `log "text"`. */
export function describeStep(s: TraceStep): string {
  const obj = s.obj === undefined ? '' : ` ${s.obj}`;
  let text: string;
  if (s.kind === 'read' && s.access === 'read') text = `read${obj} → ${shortValue(s.result)}`;
  else if (s.kind === 'write') text = `write${obj} ← ${shortValue(s.value)}`;
  else if (s.kind === 'log') text = `log ${shortValue(s.value, 60)}`;
  else if (s.kind === 'sleep') text = `sleep${s.value === undefined ? '' : ` ${shortValue(s.value)}`}`;
  else {
    text = `${s.kind}${obj}`;
    if (s.value !== undefined) text += ` (${shortValue(s.value)})`;
    if (s.result !== undefined && typeof s.result !== 'object') text += ` → ${shortValue(s.result)}`;
  }
  if (s.timedOut && s.kind !== 'sleep') text += ' [timed out]';
  if (s.raised !== undefined) text += ` raised ${s.raised}`;
  return text;
}

/** Races by the steps they involve: step index → numbers (1-based) of its races. */
export function racesByStep(races: readonly TraceRace[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  races.forEach((r, i) => {
    for (const step of [r.first.step, r.second.step]) {
      const list = map.get(step) ?? [];
      if (!list.includes(i + 1)) list.push(i + 1);
      map.set(step, list);
    }
  });
  return map;
}

/** `db.value = 1` for each location a step changed. */
export function describeChanges(s: TraceStep): string[] {
  const out: string[] = [];
  for (const [store, values] of Object.entries(s.changes ?? {})) {
    for (const [key, value] of Object.entries(values)) out.push(`${store}.${key} = ${shortValue(value)}`);
  }
  return out;
}

/** The thread's name by index, `#i` when the trace does not know it. */
export function threadName(trace: Pick<TraceFile, 'threads'>, i: number): string {
  return trace.threads[i]?.name ?? `#${i}`;
}
