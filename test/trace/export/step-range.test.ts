import { describe, expect, it } from 'vitest';
import { isThreadsimError } from '../../../src/errors.js';
import { renderExport } from '../../../src/trace/export/index.js';
import { exportMarkdown } from '../../../src/trace/export/markdown.js';
import { exportMermaid } from '../../../src/trace/export/mermaid.js';
import { parseStepRange } from '../../../src/trace/export/step-range.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import { mermaidStepNumbers, traceOf } from './helpers.js';

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isThreadsimError(e)) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('step ranges (excerpts for slides)', () => {
  it('parse A..B, A.., ..B and A', () => {
    expect(parseStepRange('5..18')).toEqual({ from: 5, to: 18 });
    expect(parseStepRange('5..')).toEqual({ from: 5, to: Number.MAX_SAFE_INTEGER });
    expect(parseStepRange('..18')).toEqual({ from: 0, to: 18 });
    expect(parseStepRange('12')).toEqual({ from: 12, to: 12 });
    expect(errorOf(() => parseStepRange('18..5'))).toMatch(/--steps '18\.\.5' starts after it ends \(18 > 5\) \(TSIM006\)/);
    for (const bad of ['..', 'a', '5-6', '5 6', '']) expect(errorOf(() => parseStepRange(bad))).toMatch(/is not a step range/);
  });

  const trace = traceOf('tutorial/race');
  const race = trace.races![0]!;
  const range = { from: race.first.step, to: race.second.step };

  it('markdown shows exactly the rows in range', () => {
    const rows = exportMarkdown(trace, { window: resolveWindow(trace, { steps: range })! }).split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.map((r) => Number(r.split('|')[1]))).toEqual(Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i));
  });

  it('mermaid shows the steps in range, the objects they touch and the race they complete', () => {
    const src = exportMermaid(trace, { window: resolveWindow(trace, { steps: range })! });
    const numbers = mermaidStepNumbers(src).map((x) => x.step);
    expect(numbers).toEqual(Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i));
    const touched = new Set(trace.steps.slice(range.from, range.to + 1).filter((s) => s.obj !== undefined && s.kind !== 'spawn' && s.kind !== 'join').map((s) => s.obj));
    expect(src.split('\n').filter((l) => l.startsWith('  participant o'))).toHaveLength(touched.size);
    expect(src).toContain('RACE 1 on db.value');
  });

  it('every format takes a range, html too: its page plays only the range, under the whole run\'s numbers', () => {
    expect(renderExport(trace, 'markdown', { steps: range })).toContain(`Steps ${range.from} to ${range.to} of ${trace.steps.length}`);
    const page = renderExport(trace, 'html', { steps: range });
    const data = JSON.parse(/<script type="application\/json" id="ts-data">([\s\S]*?)<\/script>/.exec(page)![1]!) as { window: { from: number; to: number } | null };
    expect(data.window).toMatchObject({ from: range.from, to: range.to });
    expect(page).toContain(`Steps ${range.from} to ${range.to} of ${trace.steps.length}`);
    // A bad range is refused for html as for the others.
    expect(errorOf(() => renderExport(trace, 'html', { steps: { from: 99, to: 100 } }))).toMatch(/--steps 99\.\. starts after the last step/);
  });
});
