/**
 * `markdown` export: a swim-lane table, one column per thread and one row per step, with the
 * shared-state changes and the racing accesses marked; then the races, failures and replay
 * line. Every user string goes through {@link escapeMarkdown}, so it renders the same on any
 * Markdown host and no user text becomes markup.
 */
import type { TraceFile } from '../format.js';
import { replayLines } from '../replay-command.js';
import { describeChanges, describeStep, racesByStep, threadName } from './describe.js';
import { escapeMarkdown as md, oneLine } from './escape-text.js';
import { inRange, type StepRange } from './step-range.js';

/** Options of the Markdown export. */
export interface MarkdownOptions {
  /** Only these steps' rows (an excerpt for a slide); the races, failures and replay stay whole. */
  readonly steps?: StepRange;
}

/** The Markdown document of a trace. */
export function exportMarkdown(trace: TraceFile, options: MarkdownOptions = {}): string {
  const races = trace.races ?? [];
  const raceSteps = racesByStep(races);
  const threads = trace.threads.map((t) => t.index);
  const out: string[] = [];
  out.push(`## ${md(trace.programName)}`, '');
  if (trace.description !== undefined) out.push(md(trace.description), '');
  const range = options.steps;
  const excerpt = range === undefined ? '' : ` Steps ${range.from} to ${Math.min(range.to, trace.steps.length - 1)} shown.`;
  out.push(`Policy ${md(trace.recipe.policy)}, seed ${trace.recipe.seed}: ${trace.steps.length} steps, ending ${trace.ending}.${excerpt} Times are virtual microseconds.`, '');
  const header = ['step', 'time', ...threads.map((t) => md(threadName(trace, t))), 'shared state'];
  out.push(`| ${header.join(' | ')} |`);
  out.push(`| ${['---:', '---:', ...threads.map(() => '---'), '---'].join(' | ')} |`);
  for (const s of trace.steps) {
    if (!inRange(s.step, range)) continue;
    const cells = threads.map(() => '');
    let text = md(describeStep(s));
    const marks = raceSteps.get(s.step);
    if (marks !== undefined) text = `**${text}** ⚠ race ${marks.join(', ')}`;
    cells[s.thread] = text;
    const changes = describeChanges(s).map((c) => `**${md(c)}**`);
    out.push(`| ${[String(s.step), String(s.time), ...cells, changes.join('; ')].join(' | ')} |`);
  }
  out.push('');
  if (races.length > 0) {
    out.push('### Races', '');
    races.forEach((r, i) => out.push(`${i + 1}. ${md(r.pattern === undefined ? '' : `${r.pattern}: `)}${md(r.message)} (steps ${r.first.step} and ${r.second.step})`));
    out.push('');
  }
  if (trace.failures.length > 0) {
    out.push('### Failures', '');
    for (const f of trace.failures) out.push(`- ${md(f.message)}`);
    out.push('');
  }
  out.push('### Replay', '');
  for (const l of replayLines(trace.recipe, trace)) out.push(`    ${oneLine(l.trim())}`);
  out.push('');
  return `${out.join('\n')}\n`;
}
