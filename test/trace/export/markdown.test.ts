import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/trace/export/markdown.js';
import { EVIL, EVIL_THREADS, hostileTrace } from '../../fixtures/hostile-trace.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import { traceOf } from './helpers.js';

/** Table cells of a GFM row: split on pipes not preceded by a backslash. */
function cells(row: string): string[] {
  const parts = row.split(/(?<!\\)\|/);
  return parts.slice(1, -1).map((c) => c.trim());
}

function tableRows(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('|'));
}

describe('markdown export', () => {
  const trace = traceOf('tutorial/race');
  const md = exportMarkdown(trace);
  const rows = tableRows(md);

  it('has one column per thread and one row per step', () => {
    const header = cells(rows[0]!);
    expect(header).toEqual(['step', 'time', 'MainThread', 'ThreadPoolExecutor-0\\_0', 'ThreadPoolExecutor-0\\_1', 'shared state']);
    expect(rows).toHaveLength(2 + trace.steps.length);
    for (const row of rows) expect(cells(row)).toHaveLength(header.length);
  });

  it("puts each step in its thread's column and nowhere else", () => {
    trace.steps.forEach((s, i) => {
      const c = cells(rows[2 + i]!);
      expect(c[0]).toBe(String(s.step));
      expect(c[1]).toBe(String(s.time));
      c.slice(2, 5).forEach((cell, t) => expect(cell === '').toBe(t !== s.thread));
    });
  });

  it('marks the racing accesses and the shared-state change', () => {
    // tutorial/race: both workers read db.value before either writes it, so every worker access races.
    const raced = new Set((trace.races ?? []).flatMap((r) => [r.first.step, r.second.step]));
    expect(raced.size).toBeGreaterThan(0);
    trace.steps.forEach((s, i) => {
      const cell = cells(rows[2 + i]!)[2 + s.thread]!;
      expect(cell.includes('⚠ race')).toBe(raced.has(s.step));
    });
    const firstWrite = trace.steps.find((s) => s.kind === 'write')!;
    expect(cells(rows[2 + firstWrite.step]!)[5]).toBe('**db.value = 1**');
    expect(md).toMatch(/### Races\n\nLost update on db\.value, steps 9, 12 and 19:\n\n1\. ThreadPoolExecutor-0\\_1 read 0 at step 9/);
    expect(md).toContain("claim 'no lost update' is false");
  });

  it('tells each race once, even when the run reports its races as failures too', () => {
    const asFailures = { ...trace, failures: [...trace.failures, ...trace.races!.map((r) => ({ ...r, kind: 'race' as const }))] } as typeof trace;
    const text = exportMarkdown(asFailures);
    const prose = text.split('```mermaid')[0]!.split('\n').filter((l) => !l.startsWith('|')).join('\n');
    for (const r of trace.races!) {
      const sentence = r.message.replace(/^data race on db\.value \(lost update\): /, '').replace(/_/g, '\\_');
      expect(prose.split(sentence)).toHaveLength(2);
    }
    expect(text.match(/### Failures\n\n- claim 'no lost update' is false[^\n]*\n\n###/)).not.toBeNull();
  });

  it('embeds the sequence diagram in a mermaid fence that user text cannot close', () => {
    const fence = /\n```mermaid\n([\s\S]*?)\n```\n/.exec(md);
    expect(fence).not.toBeNull();
    expect(fence![1]).toContain('sequenceDiagram');
    const evil = exportMarkdown(hostileTrace());
    const block = /\n```mermaid\n([\s\S]*?)\n```\n/.exec(evil)![1]!;
    expect(block).not.toContain('`');
  });

  it('an excerpt has a column for each thread acting in it and lists the others', () => {
    const ex = exportMarkdown(trace, { window: resolveWindow(trace, { steps: { from: 11, to: 19 } })! });
    const r = tableRows(ex);
    expect(cells(r[0]!)).toEqual(['step', 'time', 'ThreadPoolExecutor-0\\_0', 'ThreadPoolExecutor-0\\_1', 'shared state']);
    expect(ex).toContain('not shown (no step here): MainThread');
    const folded = exportMarkdown(trace, { window: resolveWindow(trace, { steps: { from: 9, to: 12 }, threads: ['T1'] })! });
    const fr = tableRows(folded);
    expect(cells(fr[0]!)).toEqual(['step', 'time', 'ThreadPoolExecutor-0\\_0', 'other threads', 'shared state']);
    // Step 10 is MainThread's, folded with its name; step 9 is T2's.
    expect(cells(fr[3]!)[3]).toBe('MainThread: shutdown ThreadPoolExecutor-0');
    expect(cells(fr[2]!)[3]).toMatch(/^ThreadPoolExecutor-0\\_1: \*\*read db\.value → 0\*\* ⚠ race 1$/);
  });

  it('ends with both replay lines in a code block', () => {
    expect(md).toMatch(/### Replay\n\n {4}replay: npx threadsim run tutorial\/race --schedule '[^']+'\n {4}where T1 = /);
    expect(md).toMatch(/\n {4}or: npx threadsim run tutorial\/race --policy gil --seed 0\n/);
  });

  it('escapes hostile names, messages and values: no HTML, no extra cells, no broken rows', () => {
    const h = hostileTrace();
    const all = exportMarkdown(h);
    // The replay lines sit in an indented code block, where Markdown shows everything literally.
    const code = all.split('\n').filter((l) => l.startsWith('    '));
    expect(code.map((l) => l.trim().split(' ')[0])).toEqual(['replay:', 'where', 'or:']);
    // The Mermaid block is checked by the Mermaid tests; the prose is everything else.
    const out = all.replace(/```mermaid\n[\s\S]*?\n```\n/, '').split('\n').filter((l) => !l.startsWith('    ')).join('\n');
    expect(out).not.toMatch(/<[a-z/!]/i);
    expect(out).not.toContain('\u001b');
    const hr = tableRows(out);
    expect(hr).toHaveLength(2 + h.steps.length);
    const width = cells(hr[0]!).length;
    expect(width).toBe(3 + h.threads.length);
    for (const row of hr) expect(cells(row)).toHaveLength(width);
    // Inline markup is escaped: no unescaped backtick, emphasis star or dollar outside our own bold marks.
    const body = out.replace(/\*\*/g, '');
    expect(body).not.toMatch(/(?<!\\)[`$]/);
    expect(body).not.toMatch(/(?<![\\*])\*(?!\*)/);
    // The thread name with a newline stays in its header cell.
    expect(cells(hr[0]!)[4]).toContain('second line');
    expect(EVIL_THREADS[1]).toContain('\n');
    expect(out).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(EVIL).toContain('<script>');
  });
});
