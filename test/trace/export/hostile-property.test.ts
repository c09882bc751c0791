import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportChrome } from '../../../src/trace/export/chrome.js';
import { exportMarkdown } from '../../../src/trace/export/markdown.js';
import { exportMermaid } from '../../../src/trace/export/mermaid.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import { exportText } from '../../../src/trace/export/text.js';
import { printSchedule } from '../../../src/trace/notation.js';
import { racesInTrace } from '../../../src/trace/trace-races.js';
import type { TraceFile, TraceStep } from '../../../src/trace/format.js';

/** Strings made of the characters each format treats specially, plus anything at all. */
const nasty = fc.oneof(
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '`', '|', '\\', '*', '_', '[', ']', '#', ';', '%', '$', '-', '\n', '\r', '\t', '\u001b', '\u2028', ' ', 'a', 'é', '{', '}', '~'), maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const arbitraryTrace = fc
  .record({
    names: fc.array(nasty, { minLength: 1, maxLength: 4 }),
    steps: fc.array(fc.record({ t: fc.nat(), kind: fc.constantFrom('read', 'write', 'log', 'acquire', 'release', 'sleep'), obj: nasty, value: nasty }), { maxLength: 25 }),
    message: nasty,
  })
  .map(({ names, steps, message }): TraceFile => {
    const schedule = steps.map((s) => s.t % names.length);
    const traceSteps: TraceStep[] = steps.map((s, i) => ({
      step: i,
      time: i,
      since: i,
      thread: schedule[i]!,
      kind: s.kind,
      ...(s.kind === 'log' || s.kind === 'sleep' ? {} : { obj: s.obj }),
      access: s.kind === 'read' ? 'read' : s.kind === 'write' ? 'write' : s.kind === 'log' || s.kind === 'sleep' ? 'none' : 'sync',
      ...(s.kind === 'read' ? { result: s.value } : { value: s.value }),
      timedOut: false,
      ...(s.kind === 'write' ? { changes: { [s.obj]: { [s.value]: s.value } } } : {}),
    }));
    const threads = names.map((name, index) => ({ index, name, daemon: false }));
    const base: TraceFile = {
      format: 'threadsim-trace',
      version: 2,
      recipe: { program: message, policy: 'gil', seed: 0 },
      programName: message,
      description: message,
      ending: 'complete',
      threads,
      schedule,
      notation: printSchedule(schedule, names),
      steps: traceSteps,
      output: traceSteps.filter((s) => s.kind === 'log').map((s) => ({ time: s.time, thread: names[s.thread]!, stream: 'INFO', level: 20, text: String(s.value) })),
      failures: [{ kind: 'claim', claim: message, message }],
      initialState: {},
      state: {},
    };
    return { ...base, races: racesInTrace(base).map((r) => ({ ...r, message: `${r.message} ${message}` })) };
  });

function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('every owned export format survives arbitrary hostile strings (property)', () => {
  it('markdown: one table row per step, one cell per thread, no HTML outside the code block', () => {
    fc.assert(
      fc.property(arbitraryTrace, (t) => {
        // The Mermaid block is checked below; the table and prose here.
        const lines = exportMarkdown(t, { diagram: false }).split('\n');
        const rows = lines.filter((l) => l.startsWith('|'));
        expect(rows).toHaveLength(t.steps.length + 2);
        for (const r of rows) expect(cells(r)).toHaveLength(t.threads.length + 3);
        const prose = lines.filter((l) => !l.startsWith('    ')).join('\n');
        expect(prose).not.toMatch(/<[a-z/!?]/i);
        expect(prose).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/);
        for (const l of lines.filter((x) => x.startsWith('    '))) expect(l).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 150 },
    );
  });

  it('mermaid: every line is a statement the exporter writes, texts free of special characters', () => {
    const statement = /^(%%\{init: \{"sequence": \{[^}]*\}\}\}%%|sequenceDiagram|  participant (?:[to]\d+|others) as (?<a>.*)| {2,4}(?:t\d+|others)-{1,2}>>(?:[to]\d+|others): (?<b>.*)|  Note over (?:t\d+|others)(,(?:t\d+|others))?: (?<c>.*)|  rect rgba\([\d., ]+\)|  autonumber( \d+| off)|  end)$/;
    fc.assert(
      fc.property(arbitraryTrace, (t) => {
        // Whole, and as an excerpt (its caption names the threads left out).
        const half = t.steps.length === 0 ? undefined : resolveWindow(t, { steps: { from: Math.floor(t.steps.length / 2), to: t.steps.length }, threads: ['#0'] });
        const both = `${exportMermaid(t)}${half === undefined ? '' : exportMermaid(t, { window: half })}`;
        for (const line of both.trimEnd().split('\n')) {
          const m = statement.exec(line);
          expect(m, JSON.stringify(line)).not.toBeNull();
          const text = m!.groups?.a ?? m!.groups?.b ?? m!.groups?.c ?? '';
          expect(text.replace(/#\d+;/g, '')).not.toMatch(/[#;<>&"'`{}|\\%\u0000-\u001f]/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('chrome: valid JSON whose thread names are exactly the program\'s', () => {
    fc.assert(
      fc.property(arbitraryTrace, (t) => {
        const doc = JSON.parse(exportChrome(t)) as { traceEvents: { name: string; tid: number; args?: { name?: string } }[] };
        const names = doc.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args?.name);
        expect(names).toEqual(t.threads.map((x) => x.name));
      }),
      { numRuns: 150 },
    );
  });

  it('text: no control character reaches the terminal', () => {
    fc.assert(
      fc.property(arbitraryTrace, (t) => {
        expect(exportText(t)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 150 },
    );
  });
});
