import { describe, expect, it } from 'vitest';
import { exportMermaid } from '../../../src/trace/export/mermaid.js';
import { escapeMermaid } from '../../../src/trace/export/escape-text.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import { happensBeforeEdges } from '../../../src/trace/happens-before.js';
import { EVIL, hostileTrace } from '../../fixtures/hostile-trace.js';
import { mermaidStepNumbers, traceOf } from './helpers.js';

const STATEMENT = [
  /^%%\{init: \{"sequence": \{"wrap": true[^}]*\}\}\}%%$/,
  /^sequenceDiagram$/,
  /^ {2}participant (?:[to]\d+|others) as (?<text>.+)$/,
  /^ {2}(?:t\d+|others)(->>|-->>)(?:[to]\d+|others): (?<text>.+)$/,
  /^ {2}Note over (?:t\d+|others)(,(?:t\d+|others))?: (?<text>.+)$/,
  /^ {2}rect rgba\(\d+, \d+, \d+, [\d.]+\)$/,
  /^ {2}autonumber (\d+|off)$/,
  /^ {2}end$/,
];

/** Parse every line against the statements the exporter may write; return the free texts. */
function texts(src: string): string[] {
  const out: string[] = [];
  for (const line of src.trimEnd().split('\n')) {
    const m = STATEMENT.map((re) => re.exec(line)).find((x) => x !== null);
    if (m === undefined || m === null) throw new Error(`not a statement: ${line}`);
    if (m.groups?.text !== undefined) out.push(m.groups.text);
  }
  return out;
}

describe('mermaid export', () => {
  const trace = traceOf('tutorial/race');
  const src = exportMermaid(trace);
  const lines = src.trimEnd().split('\n');

  it('is a sequence diagram of known statements only, with wrapping on', () => {
    expect(lines[1]).toBe('sequenceDiagram');
    expect(lines[0]).toContain('"wrap": true');
    expect(() => texts(src)).not.toThrow();
  });

  it('declares threads under the short names the replay line uses, the full names in a note', () => {
    const participants = lines.filter((l) => l.startsWith('  participant'));
    const objects = new Set(trace.steps.filter((s) => s.obj !== undefined && s.kind !== 'spawn' && s.kind !== 'join').map((s) => s.obj));
    expect(participants).toHaveLength(trace.threads.length + objects.size);
    // The replay line says T1 = "ThreadPoolExecutor-0_0"; the diagram uses the same aliases.
    expect(participants.slice(0, 3)).toEqual(['  participant t0 as MainThread', '  participant t1 as T1', '  participant t2 as T2']);
    expect(src).toContain('Note over t0,t2: T1 = ThreadPoolExecutor-0_0');
    expect(src).toContain('Note over t0,t2: T2 = ThreadPoolExecutor-0_1');
  });

  it('numbers every step with its trace step number, in step order, one line per step', () => {
    const numbered = mermaidStepNumbers(src);
    expect(numbered.map((n) => n.step)).toEqual(trace.steps.map((s) => s.step));
    numbered.forEach((n) => expect(n.line).toMatch(new RegExp(`^ {2}(t${trace.steps[n.step]!.thread}->>|Note over t${trace.steps[n.step]!.thread}:)`)));
    // The CLI report's "wrote 1 at step 12" is message 12 here.
    expect(numbered.find((n) => n.step === 12)!.line).toContain('write db.value ← 1');
  });

  it('draws one dashed arrow per happens-before edge between two steps, and each race as a note', () => {
    const dashed = lines.filter((l) => l.includes('-->>'));
    const pairs = new Set(happensBeforeEdges(trace).map((e) => `${e.from}→${e.to}`));
    expect(dashed).toHaveLength(pairs.size);
    // tutorial/race: step 3 follows step 2 both as the worker's spawn and as a sync on the pool: one arrow says both.
    expect(dashed.filter((l) => l.includes('happens-before 2 → 3'))).toEqual(['  t0-->>t1: happens-before 2 → 3 (spawn, sync on ThreadPoolExecutor-0)']);
    const racing = new Set(trace.races!.flatMap((r) => [r.first.step, r.second.step]));
    const rected = lines.flatMap((l, i) => (l.startsWith('  rect ') ? [i] : []));
    expect(rected).toHaveLength(racing.size);
    for (const i of rected) {
      const block = lines.slice(i, i + 4);
      expect(block.some((l) => l === '  end')).toBe(true);
    }
    const raceNotes = lines.filter((l) => l.includes(': RACE '));
    expect(raceNotes).toHaveLength(trace.races!.length);
    for (const r of trace.races!) expect(src).toContain(`RACE ${trace.races!.indexOf(r) + 1} on db.value: steps ${r.first.step} and ${r.second.step}`);
  });

  it('an excerpt keeps only the threads and objects acting in it', () => {
    const w = resolveWindow(trace, { steps: { from: 11, to: 19 } })!;
    const ex = exportMermaid(trace, { window: w });
    const participants = ex.split('\n').filter((l) => l.startsWith('  participant'));
    // Steps 11..19 are the two workers only: MainThread is listed in the caption, not drawn.
    expect(participants.filter((l) => /participant t\d/.test(l))).toEqual(['  participant t1 as T1', '  participant t2 as T2']);
    expect(ex).toContain('not shown (no step here): MainThread');
    expect(mermaidStepNumbers(ex).map((n) => n.step)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('escapes hostile strings into entity codes: nothing can end a statement or open a tag', () => {
    const out = exportMermaid(hostileTrace());
    for (const text of texts(out)) {
      const bare = text.replace(/#\d+;/g, '');
      expect(bare).not.toMatch(/[#;<>"'`{}|\\%&]/);
    }
    expect(out).not.toContain('\u001b');
    expect(out).toContain(escapeMermaid(EVIL).slice(0, 30));
    expect(escapeMermaid('a --> b; c')).toBe('a --#62; b#59; c');
  });
});
