/**
 * `markdown` export: a swim-lane table, one column per thread and one row per step, with the
 * shared-state changes and the racing accesses marked; then the races, failures and replay
 * line. Every user string goes through {@link escapeMarkdown}, so it renders the same on any
 * Markdown host and no user text becomes markup.
 */
import type { TraceFile } from '../format.ts';
import { replayLines } from '../replay-command.ts';
import { describeChanges, describeStep, racesByStep, threadName } from './describe.ts';
import { escapeMarkdown as md, oneLine } from './escape-text.ts';

/** The Markdown document of a trace. */
export function exportMarkdown(trace: TraceFile): string {
  const races = trace.races ?? [];
  const raceSteps = racesByStep(races);
  const threads = trace.threads.map((t) => t.index);
  const out: string[] = [];
  out.push(`## ${md(trace.programName)}`, '');
  if (trace.description !== undefined) out.push(md(trace.description), '');
  out.push(`Policy ${md(trace.recipe.policy)}, seed ${trace.recipe.seed}: ${trace.steps.length} steps, ending ${trace.ending}. Times are virtual microseconds.`, '');
  const header = ['step', 'time', ...threads.map((t) => md(threadName(trace, t))), 'shared state'];
  out.push(`| ${header.join(' | ')} |`);
  out.push(`| ${['---:', '---:', ...threads.map(() => '---'), '---'].join(' | ')} |`);
  for (const s of trace.steps) {
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
