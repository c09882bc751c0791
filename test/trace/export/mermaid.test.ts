import { describe, expect, it } from 'vitest';
import { exportMermaid } from '../../../src/trace/export/mermaid.js';
import { escapeMermaid } from '../../../src/trace/export/escape-text.js';
import { happensBeforeEdges } from '../../../src/trace/happens-before.js';
import { EVIL, hostileTrace } from '../../fixtures/hostile-trace.js';
import { traceOf } from './helpers.js';

const STATEMENT = [
  /^sequenceDiagram$/,
  /^ {2}participant [to]\d+ as (?<text>.+)$/,
  /^ {2}t\d+(->>|-->>)[to]\d+: (?<text>.+)$/,
  /^ {2}Note over t\d+(,t\d+)?: (?<text>.+)$/,
  /^ {2}rect rgba\(\d+, \d+, \d+, [\d.]+\)$/,
  /^ {2}end$/,
  /^ {4}t\d+->>[to]\d+: (?<text>.+)$/,
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

  it('is a sequence diagram of known statements only', () => {
    expect(lines[0]).toBe('sequenceDiagram');
    expect(() => texts(src)).not.toThrow();
  });

  it('declares every thread and every object touched as participants', () => {
    const participants = lines.filter((l) => l.startsWith('  participant'));
    const objects = new Set(trace.steps.filter((s) => s.obj !== undefined && s.kind !== 'spawn' && s.kind !== 'join').map((s) => s.obj));
    expect(participants).toHaveLength(trace.threads.length + objects.size);
    for (const t of trace.threads) expect(participants).toContain(`  participant t${t.index} as ${t.name}`);
  });

  it('draws one message or note per step, in step order', () => {
    const stepLines = lines.filter((l) => /^ {2,4}(t\d+->>|Note over t\d+: )/.test(l));
    expect(stepLines).toHaveLength(trace.steps.length);
    stepLines.forEach((l, i) => expect(l).toMatch(new RegExp(`^ {2,4}(t${trace.steps[i]!.thread}->>[to]\\d+|Note over t${trace.steps[i]!.thread}): ${i}: `)));
  });

  it('draws happens-before edges as dashed messages and each race as a note', () => {
    const dashed = lines.filter((l) => l.includes('-->>'));
    expect(dashed).toHaveLength(happensBeforeEdges(trace).length);
    // Every racing access is wrapped in a highlighted block: rect, the message, end.
    const racing = new Set(trace.races!.flatMap((r) => [r.first.step, r.second.step]));
    const rects = lines.flatMap((l, i) => (l.startsWith('  rect ') ? [lines[i + 1]!] : []));
    expect(rects.map((l) => Number(/: (\d+): /.exec(l)![1])).sort((a, b) => a - b)).toEqual([...racing].sort((a, b) => a - b));
    lines.forEach((l, i) => {
      if (l.startsWith('  rect ')) expect(lines[i + 2]).toBe('  end');
    });
    const raceNotes = lines.filter((l) => l.includes('RACE'));
    expect(raceNotes).toHaveLength(trace.races!.length);
    for (const r of trace.races!) expect(src).toContain(`Note over t${r.first.thread},t${r.second.thread}: ⚠ RACE`);
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
