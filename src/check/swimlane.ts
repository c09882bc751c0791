/**
 * A recorded execution as a Markdown swim-lane table: one column per thread, one row per
 * step, the running thread's cell describing its op. Preempting switches are marked, so the
 * table shows exactly where the schedule interrupts a thread. Every user-supplied string
 * (thread names, values, log text) is escaped, so a value cannot break the table.
 */
import type { ExecutionResult, StepRecord } from '../scheduler/execution.js';
import type { ChoicePoint } from './choice-policy.js';

/** Escape text for a Markdown table cell (GitHub-flavoured Markdown). */
export function escapeCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'None';
  return JSON.stringify(v) ?? String(v);
}

/** One op in words: `read db.value → 0`, `write db.value = 1`, `acquire Lock#1`. */
export function describeStep(s: StepRecord): string {
  let text: string;
  switch (s.kind) {
    case 'read':
      text = `read ${s.obj ?? ''} → ${show(s.result)}`;
      break;
    case 'write':
      text = `write ${s.obj ?? ''} = ${show(s.value)}`;
      break;
    case 'log':
      text = `log ${show(s.value)}`;
      break;
    case 'spawn':
      text = `start ${s.obj ?? ''}`;
      break;
    case 'exit':
      text = 'exit (joins non-daemon threads)';
      break;
    default: {
      const value = s.value === undefined ? '' : ` ${show(s.value)}`;
      const result = s.result === undefined || s.result === true ? '' : ` → ${s.result === false ? 'False' : show(s.result)}`;
      text = `${s.kind} ${s.obj ?? ''}${value}${result}`.replace(/\s+$/, '');
    }
  }
  if (s.timedOut) text += ' (timed out)';
  if (s.raised !== undefined) text += ` raises ${s.raised}`;
  return text;
}

/**
 * The table. `points` (the policy's decisions) marks preemptions; without them no step is
 * marked.
 */
export function swimLaneTable(exec: ExecutionResult, points: readonly ChoicePoint[] = []): string {
  const trace = exec.trace;
  if (trace === undefined) throw new Error('swimLaneTable needs an execution recorded with record: true');
  const name = (i: number): string => exec.threads[i]?.name ?? `#${i}`;
  const preempting = new Set<number>();
  for (const p of points) if (p.preemptible && p.choice % p.options !== 0) preempting.add(p.step);
  const header = ['step', ...exec.threads.map((t) => escapeCell(t.name))];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i === 0 ? '---:' : '---')).join('|')}|`];
  let previous = -1;
  for (const s of trace) {
    const cells = exec.threads.map(() => '');
    let text = escapeCell(describeStep(s));
    if (preempting.has(s.step)) text = `**preempts ${escapeCell(name(previous))}:** ${text}`;
    cells[s.thread] = text;
    lines.push(`| ${s.step} | ${cells.join(' | ')} |`);
    previous = s.thread;
  }
  return lines.join('\n');
}
