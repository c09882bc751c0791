/**
 * `slides-html` export: the lecture deck of one run as one self-contained HTML file, one 16:9
 * slide per phase of the story (the run, the setup, the interleaving, the lost write or what
 * went wrong, the fix). The same story as the Markdown deck ({@link exportSlides}), drawn
 * without a deck tool: arrow keys or the buttons move, the canvas scales to any screen, and the
 * interleaving is the SVG timeline inline, chosen small enough to be drawn at its own size on
 * the slide so its 14-px text stays 14 px on a 1920-px-wide screen.
 *
 * No network: style, script and picture are inline; the Content-Security-Policy allows the one
 * script by its hash and nothing else. Every user string goes through {@link escapeXml}.
 */
import { createHash } from 'node:crypto';
import type { TraceFile } from '../format.js';
import { threadLabels } from '../notation.js';
import { replayLines } from '../replay-command.js';
import { DECK_SCRIPT } from './deck-script.js';
import { DECK_STYLE } from './deck-style.js';
import { describeStep, threadName } from './describe.js';
import { escapeXml as x } from './escape.js';
import { shortValue } from './escape-text.js';
import { raceGroups, stepList } from './race-list.js';
import { firstFailure, fixLines, runsOf } from './slides.js';
import { exportSvg, SLIDE_STEPS, type SvgOptions } from './svg.js';
import { wrapText } from './text-measure.js';
import { raceSteps, resolveWindow, type ExportWindow } from './window.js';

/** The interleaving slide's body, in canvas px of the 1920 × 1080 slide (see deck-style.ts). */
export const PICTURE = { width: 1800, height: 1080 - 48 - 92 - 120 } as const;
/** Font sizes and line height of the lines above the picture (deck-style.ts: .order, .caption). */
const ORDER_PX = 30;
const CAPTION_PX = 26;
const LINE_HEIGHT = 1.35;
/**
 * How much larger than its own size the picture is drawn at least: a browser window 1920 px
 * wide but not full screen (about 960 px tall) shows the 16:9 canvas at 0.89, and the
 * timeline's 14-px text must stay 14 px there too.
 */
const GROW = 1.13;
/** Fewest steps the interleaving slide cuts a window to before it lets the picture shrink. */
const MIN_STEPS = 8;
/** Most runs named in one "who ran when" line. */
const MAX_RUNS = 14;

/** Options of {@link exportSlidesHtml}. */
export interface SlidesHtmlOptions {
  /** The window the interleaving slide shows; default: the first race's steps, else the last steps. */
  readonly window?: ExportWindow;
}

/** A slide: its heading (already HTML) and body (HTML). */
interface Slide {
  readonly kind: string;
  readonly heading: string;
  readonly body: string;
  /** Title slides use `<h1>`. */
  readonly title?: boolean;
}

/** The deck as one HTML document. */
export function exportSlidesHtml(trace: TraceFile, options: SlidesHtmlOptions = {}): string {
  const races = trace.races ?? [];
  const story = options.window ?? (races.length > 0 ? resolveWindow(trace, { focus: 'race' }) : undefined) ?? lastSteps(trace, SLIDE_STEPS);
  const slides: Slide[] = [titleSlide(trace), setupSlide(trace, story), interleavingSlide(trace, story), races.length > 0 ? raceSlide(trace) : failureSlide(trace), fixSlide(trace)];
  const hash = createHash('sha256').update(DECK_SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const footer = `${trace.programName} · policy ${trace.recipe.policy}, seed ${trace.recipe.seed}`;
  const sections = slides
    .map((s, i) => {
      const head = s.title === true ? `<h1>${s.heading}</h1>` : `<h2>${s.heading}</h2>`;
      return `<section class="slide slide-${s.kind}" id="slide-${i + 1}"${i === 0 ? '' : ' hidden'} aria-label="slide ${i + 1} of ${slides.length}">\n${head}\n<div class="body">\n${s.body}</div>\n<p class="footer">${x(footer)}</p>\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${x(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="threadsim">
<title>${x(`threadsim slides: ${trace.programName}`)}</title>
<style>${DECK_STYLE}</style>
</head>
<body>
<div id="deck" role="region" aria-roledescription="slide deck">
${sections}
<nav class="deck-nav"><button id="prev" title="previous slide (←)">◀</button><span id="counter">1 / ${slides.length}</span><button id="next" title="next slide (→, space)">▶</button></nav>
</div>
<script>${DECK_SCRIPT}</script>
</body>
</html>
`;
}

function lastSteps(trace: TraceFile, n: number): ExportWindow | undefined {
  if (trace.steps.length === 0) return undefined;
  return resolveWindow(trace, { steps: { from: Math.max(0, trace.steps.length - n), to: trace.steps.length - 1 } });
}

/** threadsim's own prose with `code` in backticks: escaped, backticks made `<code>`. */
function prose(text: string): string {
  return x(text).replace(/`([^`]*)`/g, '<code>$1</code>');
}

function titleSlide(trace: TraceFile): Slide {
  const bad = trace.failures.length + (trace.races ?? []).length > 0;
  const body = [
    trace.description === undefined ? '' : `<p class="lead">${x(trace.description)}</p>`,
    `<p>One run under policy <code>${x(trace.recipe.policy)}</code>, seed ${trace.recipe.seed}: ${trace.steps.length} steps, ${trace.threads.length} thread${trace.threads.length === 1 ? '' : 's'}, ending ${x(trace.ending)}.</p>`,
    bad ? `<p class="bad">What went wrong: ${x(firstFailure(trace))}</p>` : '<p class="ok">Nothing went wrong in this run.</p>',
  ];
  return { kind: 'title', heading: x(trace.programName), body: `${body.filter((b) => b !== '').join('\n')}\n`, title: true };
}

/** `T1 (3-5) → MainThread (6)`, at most {@link MAX_RUNS} runs (the last ones: they lead into the story). */
function orderLine(trace: TraceFile, w: ExportWindow): string {
  const runs = runsOf(trace, w);
  const shown = runs.length > MAX_RUNS ? ['…', ...runs.slice(-MAX_RUNS)] : runs;
  return shown.map(x).join(' → ');
}

function setupSlide(trace: TraceFile, story: ExportWindow | undefined): Slide {
  const names = trace.threads.map((t) => t.name);
  const labels = threadLabels(names);
  const threads = names.map((n, i) => `<li>${x(n)}${labels[i] !== n ? ` <span class="chip">${x(labels[i] ?? `#${i}`)}</span>` : ''}</li>`);
  const shownThreads = threads.length > 8 ? [...threads.slice(0, 8), `<li>… and ${threads.length - 8} more</li>`] : threads;
  const state = Object.entries(trace.initialState ?? {}).flatMap(([store, values]) => Object.entries(values as Record<string, unknown>).map(([k, v]) => `${store}.${k} = ${shortValue(v)}`));
  const out = [`<p>${trace.threads.length === 1 ? 'One thread' : `${trace.threads.length} threads`}:</p>`, `<ul class="threads">${shownThreads.join('')}</ul>`];
  out.push(state.length === 0 ? '<p>No shared state.</p>' : `<p>Shared state at the start: ${state.slice(0, 12).map((s) => `<span class="chip">${x(s)}</span>`).join(' ')}${state.length > 12 ? ` … and ${state.length - 12} more` : ''}</p>`);
  const start = story?.from ?? 0;
  if (start > 0) {
    const before = resolveWindow(trace, { steps: { from: 0, to: start - 1 } })!;
    out.push(`<p>Steps 0 to ${start - 1} set the stage: ${orderLine(trace, before)}.</p>`);
  }
  return { kind: 'setup', heading: 'The setup', body: `${out.join('\n')}\n` };
}

/** Ways to draw a window, fullest first: labels, then glyphs (values in the footnote), narrower ticks, then without footnotes. */
const STYLES: readonly SvgOptions[] = [
  {},
  { compact: true },
  { compact: true, tickWidth: 40 },
  { compact: true, tickWidth: 34 },
  // Short of room: the footnotes go (the next slide tells the races), labels stay on the picture.
  { notes: false },
  { notes: false, tickWidth: 40 },
  { notes: false, compact: true, tickWidth: 34 },
];

/**
 * The window's SVG drawn so that it fits {@link PICTURE} at its own size or larger (so its
 * 14-px text is never shrunk): each style of {@link STYLES} on the window; then with only the
 * racing threads as lanes (the others folded into one); then cut to its last steps, down to
 * {@link MIN_STEPS}. Only when nothing fits is the picture let shrink.
 */
export function fittedTimeline(trace: TraceFile, story: ExportWindow): { window: ExportWindow; svg: string; fits: boolean } {
  let w = story.to - story.from + 1 > SLIDE_STEPS ? cut(trace, story, SLIDE_STEPS) : story;
  for (;;) {
    for (const candidate of [w, racersOnly(trace, w)]) {
      if (candidate === undefined) continue;
      const room = PICTURE.height - textAbove(trace, story, candidate).height;
      for (const style of STYLES) {
        const svg = exportSvg(trace, { ...style, window: candidate, header: false });
        if (fits(svg, room)) return { window: candidate, svg, fits: true };
      }
    }
    const n = w.to - w.from + 1;
    if (n <= MIN_STEPS) return { window: w, svg: exportSvg(trace, { window: w, header: false, compact: true }), fits: false };
    w = cut(trace, w, Math.max(MIN_STEPS, Math.floor(n * 0.75)));
  }
}

/** `w` with only the threads of the first race inside it as lanes, when that folds anything. */
function racersOnly(trace: TraceFile, w: ExportWindow): ExportWindow | undefined {
  const race = (trace.races ?? []).find((r) => r.first.step >= w.from && r.second.step <= w.to);
  if (race === undefined || w.folded.length > 0) return undefined;
  const threads = [...new Set([race.first.thread, race.second.thread])];
  if (w.lanes.every((t) => threads.includes(t))) return undefined;
  return resolveWindow(trace, { steps: { from: w.from, to: w.to }, threads: threads.map((t) => `#${t}`) });
}

/** The last `n` steps of `w`, keeping its threads choice (lanes and folded as the user asked). */
function cut(trace: TraceFile, w: ExportWindow, n: number): ExportWindow {
  const threads = w.folded.length > 0 ? w.lanes.map((i) => `#${i}`) : undefined;
  return resolveWindow(trace, { steps: { from: w.to - n + 1, to: w.to }, ...(threads === undefined ? {} : { threads }) })!;
}

function fits(svg: string, room: number): boolean {
  const m = /<svg[^>]* width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  return m !== null && Number(m[1]) * GROW <= PICTURE.width && Number(m[2]) * GROW <= room;
}

/**
 * The lines above the picture (who ran when; what the excerpt leaves out) and the height they
 * take, wrapped by measured width with 8% to spare, so the picture's room is known before it is drawn.
 */
function textAbove(trace: TraceFile, story: ExportWindow, w: ExportWindow): { order: string; caption: string; height: number } {
  const name = (i: number): string => threadName(trace, i);
  const left: string[] = [];
  if (w.from !== story.from) left.push(`steps ${story.from} to ${w.from - 1} do not fit on a slide and are left out`);
  if (w.folded.length > 0) left.push(`folded into "other threads": ${w.folded.map(name).join(', ')}`);
  if (w.idle.length > 0) left.push(`not shown (no step here): ${w.idle.map(name).join(', ')}`);
  const caption = left.length === 0 ? '' : `${left.join('; ')}.`;
  // Who ran when, in at most two lines: the earliest runs give way to "…".
  const runs = runsOf(trace, w);
  let order = '';
  for (let skip = 0; skip < runs.length; skip++) {
    order = `Steps ${w.from} to ${w.to}, in the order the scheduler ran them: ${[...(skip > 0 ? ['…'] : []), ...runs.slice(skip)].join(' → ')}.`;
    if (wrapText(order, ORDER_PX * 1.08, PICTURE.width).length <= 2) break;
  }
  const lines = (text: string, px: number): number => (text === '' ? 0 : wrapText(text, px * 1.08, PICTURE.width).length * px * LINE_HEIGHT + 8);
  return { order, caption, height: lines(order, ORDER_PX) + lines(caption, CAPTION_PX) + 8 };
}

function interleavingSlide(trace: TraceFile, story: ExportWindow | undefined): Slide {
  if (story === undefined) return { kind: 'interleaving', heading: 'The interleaving', body: '<p>The run has no steps.</p>\n' };
  const { window: w, svg } = fittedTimeline(trace, story);
  const { order, caption } = textAbove(trace, story, w);
  const out = [`<p class="order">${x(order)}</p>`];
  if (caption !== '') out.push(`<p class="caption">${x(caption)}</p>`);
  // Grown to the room's width or height, the picture stays at the top, under the lines about it.
  out.push(`<div class="picture">${svg.trim().replace(/^<svg /, '<svg preserveAspectRatio="xMidYMin meet" ')}</div>`);
  return { kind: 'interleaving', heading: 'The interleaving', body: `${out.join('\n')}\n` };
}

function raceSlide(trace: TraceFile): Slide {
  const groups = raceGroups(trace);
  const first = groups[0]!;
  const heading = first.pattern === 'lost update' ? 'The lost write' : `The ${first.pattern ?? 'race'}`;
  const out: string[] = [];
  for (const g of groups.slice(0, 3)) {
    const items = g.steps.flatMap((n, i) => {
      const s = trace.steps[n];
      if (s === undefined) return [];
      const lost = g.pattern === 'lost update' && g.steps.length === 3 && i === 2 ? ` <strong>from its stale copy: step ${g.steps[1]}'s write is lost</strong>` : '';
      return [`<li>step ${n}: <strong>${x(threadName(trace, s.thread))}</strong> ${x(describeStep(s))}${lost}</li>`];
    });
    out.push(`<div class="race-group"><p><strong>${x(g.pattern ?? 'data race')} on ${x(g.location)}</strong>, ${stepList(g.steps)}:</p><ul>${items.join('')}</ul></div>`);
  }
  if (groups.length > 3) out.push(`<p>… and ${groups.length - 3} more (see the Markdown export).</p>`);
  for (const f of trace.failures.filter((y) => y.kind !== 'race')) out.push(`<p class="failure">Failure: ${x(f.message)}</p>`);
  return { kind: 'race', heading: x(heading), body: `${out.join('\n')}\n` };
}

function failureSlide(trace: TraceFile): Slide {
  if (trace.failures.length === 0) return { kind: 'race', heading: 'What went wrong', body: `<p>Nothing: the run ended ${x(trace.ending)} with no failure and no race.</p>\n` };
  const items = trace.failures.slice(0, 6).map((f) => `<li class="failure">${x(f.message)}</li>`);
  if (trace.failures.length > 6) items.push(`<li>… and ${trace.failures.length - 6} more</li>`);
  return { kind: 'race', heading: 'What went wrong', body: `<ul>${items.join('')}</ul>\n` };
}

function fixSlide(trace: TraceFile): Slide {
  const races = trace.races ?? [];
  const out = fixLines(trace, races).map((l) => `<p>${prose(l)}</p>`);
  const steps = races.length > 0 ? raceSteps(trace, 1) : undefined;
  if (steps !== undefined) out.push(`<p>In this run: ${stepList(steps)}.</p>`);
  out.push('<p>Check the fix on every schedule, and replay this run:</p>');
  const commands = [`npx threadsim explore ${trace.recipe.program}`, ...replayLines(trace.recipe, trace).map((l) => l.trim())];
  out.push(`<pre>${commands.map(x).join('\n')}</pre>`);
  return { kind: 'fix', heading: 'The fix', body: `${out.join('\n')}\n` };
}
