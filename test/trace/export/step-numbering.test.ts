/**
 * One step numbering everywhere: the CLI's failure report is the reference ("wrote 1 at step
 * 12"), and every export of the same trace puts that access at the same number.
 */
import { describe, expect, it } from 'vitest';
import { builtin } from '../../../src/examples/index.js';
import { execute } from '../../../src/scheduler/execution.js';
import { GilPolicy } from '../../../src/scheduler/policies/index.js';
import { chromeEvents } from '../../../src/trace/export/chrome.js';
import { exportMarkdown } from '../../../src/trace/export/markdown.js';
import { exportMermaid } from '../../../src/trace/export/mermaid.js';
import { exportSvg } from '../../../src/trace/export/svg.js';
import { exportJson } from '../../../src/trace/export/json.js';
import { withRaces } from '../../../src/trace/export/index.js';
import { exportSlides } from '../../../src/trace/export/slides.js';
import { exportSlidesHtml } from '../../../src/trace/export/slides-html.js';
import { failureReport } from '../../../src/trace/report.js';
import { mermaidStepNumbers, traceOf } from './helpers.js';

const trace = traceOf('tutorial/race');
const exec = execute(builtin('tutorial/race')!, { policy: new GilPolicy(), seed: 0, record: true });
const report = failureReport(exec, { program: 'tutorial/race', policy: 'gil', seed: 0 }, exec).join('\n');
/** The steps the CLI names for the racing read and the two writes. */
const read = Number(/read 0 at step (\d+)/.exec(report)![1]);
const writes = [...report.matchAll(/wrote 1 at step (\d+)/g)].map((m) => Number(m[1]));
const [firstWrite, lastWrite] = [Math.min(...writes), Math.max(...writes)];

describe('one step numbering across formats (the CLI report is the reference)', () => {
  it('the report names the read and both writes', () => {
    // README: "read 0 at step 9", "wrote 1 at step 12".
    expect([read, firstWrite, lastWrite]).toEqual([9, 12, 19]);
  });

  it('markdown: the row numbered like the report holds the access', () => {
    const rows = exportMarkdown(trace).split('\n').filter((l) => /^\| \d+ \|/.test(l));
    const rowOf = (n: number): string => rows.find((r) => r.startsWith(`| ${n} |`))!;
    expect(rowOf(read)).toContain('read db.value → 0');
    expect(rowOf(firstWrite)).toContain('write db.value ← 1');
    expect(rowOf(lastWrite)).toContain('write db.value ← 1');
  });

  it('mermaid: autonumber gives the access the report number', () => {
    const numbered = mermaidStepNumbers(exportMermaid(trace));
    const at = (n: number): string => numbered.find((x) => x.step === n)!.line;
    expect(at(read)).toContain('read db.value → 0');
    expect(at(firstWrite)).toContain('write db.value ← 1');
    expect(at(lastWrite)).toContain('write db.value ← 1');
  });

  it('svg: the glyph of the access sits under the step number the report names', () => {
    const svg = exportSvg(trace);
    const numbers = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" font-size="\d+" fill="#fff" class="step-number">(\d+)<\/text>/g)].map((m) => ({ x: Number(m[1]), step: Number(m[2]) }));
    // Every step has its number drawn, once.
    expect(numbers.map((n) => n.step).sort((a, b) => a - b)).toEqual(trace.steps.map((s) => s.step));
    for (const [n, kind] of [[read, 'read'], [firstWrite, 'write'], [lastWrite, 'write']] as const) {
      const g = new RegExp(`<g class="access ${kind}" data-step="${n}"><title>step ${n}: ${kind} db\\.value[^<]*</title><(?:circle cx|rect x)="([\\d.]+)"`).exec(svg);
      expect(g, `step ${n}`).not.toBeNull();
      const glyphX = kind === 'read' ? Number(g![1]) : Number(g![1]) + 4.5;
      const under = numbers.find((x) => Math.abs(x.x - glyphX) < 0.5);
      expect(under?.step).toBe(n);
    }
  });

  it('chrome: the access events carry the report number', () => {
    const ev = chromeEvents(trace).filter((e) => e.cat === 'access');
    expect(ev.find((e) => e.args?.['step'] === read)?.name).toBe('read db.value → 0');
    expect(ev.find((e) => e.args?.['step'] === firstWrite)?.name).toBe('write db.value ← 1');
    expect(ev.find((e) => e.args?.['step'] === lastWrite)?.name).toBe('write db.value ← 1');
  });

  it('json: steps[n] is step n', () => {
    const doc = JSON.parse(exportJson(trace)) as { steps: { step: number; kind: string }[] };
    doc.steps.forEach((s, i) => expect(s.step).toBe(i));
    expect(doc.steps[firstWrite]!.kind).toBe('write');
    expect(doc.steps[read]!.kind).toBe('read');
  });

  it('slides (Markdown and HTML): the lost write is told at the report\'s steps', () => {
    const raced = withRaces(trace);
    const md = exportSlides(raced);
    expect(md).toContain(`- step ${read}: ThreadPoolExecutor-0\\_1 read db.value → 0`);
    expect(md).toContain(`- step ${lastWrite}: ThreadPoolExecutor-0\\_1 write db.value ← 1 (from its stale copy: step ${firstWrite}'s write is lost)`);
    const html = exportSlidesHtml(raced);
    expect(html).toContain(`<li>step ${read}: <strong>ThreadPoolExecutor-0_1</strong> read db.value → 0</li>`);
    expect(html).toContain(`<li>step ${firstWrite}: <strong>ThreadPoolExecutor-0_0</strong> write db.value ← 1</li>`);
    expect(html).toMatch(new RegExp(`class="step-number">${read}</text>`));
  });
});
