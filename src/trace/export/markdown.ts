/**
 * `markdown` export: a swim-lane table, one column per thread and one row per step, with the
 * shared-state changes and the racing accesses marked; then the races (each told once, grouped
 * by pattern), the other failures, a Mermaid sequence diagram in a fence (GitHub renders it)
 * and the replay line. Every user string goes through {@link escapeMarkdown}, so it renders the
 * same on any Markdown host and no user text becomes markup.
 */
import type { TraceFile } from '../format.js';
import { replayLines } from '../replay-command.js';
import { describeChanges, describeStep, racesByStep, threadName } from './describe.js';
import { escapeMarkdown as md, oneLine } from './escape-text.js';
import { exportMermaid } from './mermaid.js';
import { raceGroups, stepList } from './race-list.js';
import { laneOf, OTHERS, resolveWindow, stepInWindow, windowCaption, type ExportWindow } from './window.js';

/** Longest trace whose whole sequence diagram is embedded; longer ones embed their first race's window. */
export const DIAGRAM_MAX_STEPS = 40;

/** Options of the Markdown export. */
export interface MarkdownOptions {
  /** Only these steps' rows and threads' columns (an excerpt for a slide); races, failures and replay stay whole. */
  readonly window?: ExportWindow;
  /** Embed a Mermaid sequence diagram. Default true. */
  readonly diagram?: boolean;
}

/** The Markdown document of a trace. */
export function exportMarkdown(trace: TraceFile, options: MarkdownOptions = {}): string {
  const races = trace.races ?? [];
  const raceSteps = racesByStep(races);
  const w = options.window;
  const lanes: (number | typeof OTHERS)[] = w === undefined ? trace.threads.map((t) => t.index) : [...w.lanes, ...(w.folded.length > 0 ? [OTHERS] : [])];
  const out: string[] = [];
  out.push(`## ${md(trace.programName)}`, '');
  if (trace.description !== undefined) out.push(md(trace.description), '');
  out.push(`Policy ${md(trace.recipe.policy)}, seed ${trace.recipe.seed}: ${trace.steps.length} steps, ending ${trace.ending}. Times are virtual microseconds.`, '');
  if (w !== undefined) out.push(md(windowCaption(trace, w)), '');
  const header = ['step', 'time', ...lanes.map((t) => (t === OTHERS ? 'other threads' : md(threadName(trace, t)))), 'shared state'];
  out.push(`| ${header.join(' | ')} |`);
  out.push(`| ${['---:', '---:', ...lanes.map(() => '---'), '---'].join(' | ')} |`);
  for (const s of trace.steps) {
    const lane = laneOf(s.thread, w);
    if (!stepInWindow(s, w) || lane === undefined) continue;
    const cells = lanes.map(() => '');
    let text = md(describeStep(s));
    const marks = raceSteps.get(s.step);
    if (marks !== undefined) text = `**${text}** ⚠ race ${marks.join(', ')}`;
    if (lane === OTHERS) text = `${md(threadName(trace, s.thread))}: ${text}`;
    cells[lanes.indexOf(lane)] = text;
    const changes = describeChanges(s).map((c) => `**${md(c)}**`);
    out.push(`| ${[String(s.step), String(s.time), ...cells, changes.join('; ')].join(' | ')} |`);
  }
  out.push('');
  const groups = raceGroups(trace);
  if (groups.length > 0) {
    out.push('### Races', '');
    for (const g of groups) {
      const what = g.pattern === undefined ? 'Data race' : `${g.pattern[0]!.toUpperCase()}${g.pattern.slice(1)}`;
      out.push(`${md(what)} on ${md(g.location)}, ${stepList(g.steps)}:`, '');
      for (const r of g.races) out.push(`${r.number}. ${md(r.sentence)} (${stepList([r.race.first.step, r.race.second.step])})`);
      out.push('');
    }
  }
  // Race failures are the races above: each is told once.
  const failures = trace.failures.filter((f) => f.kind !== 'race');
  if (failures.length > 0) {
    out.push('### Failures', '');
    for (const f of failures) out.push(`- ${md(f.message)}`);
    out.push('');
  }
  if (options.diagram !== false) out.push(...diagram(trace, w));
  out.push('### Replay', '');
  for (const l of replayLines(trace.recipe, trace)) out.push(`    ${oneLine(l.trim())}`);
  out.push('');
  return `${out.join('\n')}\n`;
}

/**
 * The sequence diagram, fenced for hosts that render Mermaid: of the window, of the whole trace
 * when it is short, else of the first race's steps; nothing for a long trace without a race.
 */
function diagram(trace: TraceFile, w: ExportWindow | undefined): string[] {
  let window = w;
  let caption = '';
  if (window === undefined && trace.steps.length > DIAGRAM_MAX_STEPS) {
    if ((trace.races ?? []).length === 0) return [];
    window = resolveWindow(trace, { focus: 'race' });
    if (window !== undefined) caption = `${md(windowCaption(trace, window))} The first race's steps (the trace has more than ${DIAGRAM_MAX_STEPS}).`;
  }
  if (trace.steps.length === 0) return [];
  // Mermaid text escapes every backtick, so no user string can close the fence.
  const source = exportMermaid(trace, window === undefined ? {} : { window });
  return ['### Sequence diagram', '', ...(caption === '' ? [] : [caption, '']), '```mermaid', source.trimEnd(), '```', ''];
}
