/**
 * SVG export: a swim-lane timeline on the virtual clock, one lane per thread, drawn to print
 * in black on white (patterns and dashes carry meaning, colour only adds to it) and to be read
 * from a slide: all text is at least {@link TEXT} px, and an excerpt of up to
 * {@link SLIDE_STEPS} steps is at most {@link SLIDE_WIDTH} px wide, so it stays that size or
 * larger on a 1920-px slide.
 *
 * Layout rules: one column per step of the clock (an idle stretch longer than
 * {@link GAP_TICKS} ticks is a fixed-width, labelled axis break); every step's number sits in
 * its run bar; access labels are placed in rows above the bar by measured width and cut or
 * moved into the "values" footnote when no row has room, so no two labels overlap; footnotes
 * (races, values) wrap inside the picture. The compact mode draws accesses as glyphs only and
 * lists every value in the footnote. Every user string is XML-escaped.
 */
import type { TraceFile } from '../format.js';
import { escapeXml, showValue } from './escape.js';
import { placeLabels } from './label-layout.js';
import { fitText, textWidth, wrapText } from './text-measure.js';
import { buildTimeline, type Access, type Span } from './timeline.js';
import { laneOf, OTHERS, windowCaption, type ExportWindow } from './window.js';

/** Idle stretches longer than this many ticks are drawn as an axis break. */
export const GAP_TICKS = 8;
/** Smallest font size of the picture (px). */
export const TEXT = 14;
/** Widest picture of an excerpt of {@link SLIDE_STEPS} steps or fewer. */
export const SLIDE_WIDTH = 1920;
export const SLIDE_STEPS = 40;
const TITLE = 20;
const LINE = 20;
const BREAK_PX = 60;
/** Narrowest axis break, used when an excerpt with many breaks would not fit a slide otherwise. */
const MIN_BREAK_PX = 24;
const RIGHT = 24;
const MARGIN = 16;
const MIN_UNIT = 32;
const MAX_UNIT = 72;
/** Longest lane name drawn in px; longer ones are cut (the full name is in the tooltip). */
const MAX_NAME_PX = 320;
const TIER_H = 20;
const TIERS = 2;
const BAR_H = 22;
const GLYPH_ROW = 16;
const HOLD_ROW = 24;
const FONT = 'font-family="DejaVu Sans, Verdana, Arial, sans-serif"';

/** Options of {@link exportSvg}. */
export interface SvgOptions {
  /** Pixels per tick of the virtual clock; default chosen from the trace's length. */
  readonly tickWidth?: number;
  /** Only these steps and threads (an excerpt for a slide). */
  readonly window?: ExportWindow;
  /** Accesses as glyphs only, their values in the footnote. */
  readonly compact?: boolean;
  /** Draw the title, the excerpt caption and the failures above the lanes. Default true; a slide that says them itself turns it off. */
  readonly header?: boolean;
  /** Write the race and value footnotes under the legend. Default true; a slide short of room that tells the races itself turns it off. */
  readonly notes?: boolean;
}

type LaneKey = number | typeof OTHERS;

/** What the picture shows: the window's lanes, spans clipped to its time, accesses and races. */
interface View {
  readonly lanes: readonly { readonly key: LaneKey; readonly name: string; readonly title: string }[];
  readonly spans: readonly (Span & { readonly lane: LaneKey })[];
  readonly accesses: readonly (Access & { readonly lane: LaneKey })[];
  readonly races: readonly { readonly number: number; readonly first: number; readonly second: number; readonly location: string; readonly note: string }[];
  readonly steps: readonly { readonly step: number; readonly time: number; readonly since: number }[];
  readonly start: number;
  readonly end: number;
}

function viewOf(trace: TraceFile, w: ExportWindow | undefined): View {
  const tl = buildTimeline(trace);
  const steps = trace.steps.filter((s) => w === undefined || (s.step >= w.from && s.step <= w.to && laneOf(s.thread, w) !== undefined));
  const start = w === undefined ? 0 : (trace.steps[w.from]?.time ?? 0);
  const end = w === undefined ? tl.end : (trace.steps[w.to]?.time ?? start) + 1;
  const lanes: View['lanes'][number][] = (w === undefined ? tl.lanes.map((l) => l.index) : w.lanes).map((i) => {
    const name = trace.threads[i]?.name ?? `#${i}`;
    return { key: i, name, title: `${name} (thread ${i})` };
  });
  if (w !== undefined && w.folded.length > 0) {
    const names = w.folded.map((i) => trace.threads[i]?.name ?? `#${i}`);
    lanes.push({ key: OTHERS, name: 'other threads', title: `other threads: ${names.join(', ')}` });
  }
  const spans: View['spans'][number][] = [];
  for (const s of tl.spans) {
    const lane = laneOf(s.thread, w);
    if (lane === undefined || s.end <= start || s.start >= end) continue;
    // Several threads share the folded lane: only their runs, which never overlap, are drawn there.
    if (lane === OTHERS && s.kind !== 'run') continue;
    const inSteps = w === undefined ? s.steps : s.steps.filter((n) => n >= w.from && n <= w.to);
    if (s.kind === 'run' && inSteps.length === 0) continue;
    spans.push({ ...s, lane, start: Math.max(start, s.start), end: Math.min(end, s.end), steps: s.kind === 'run' ? inSteps : s.steps });
  }
  const accesses = tl.accesses.flatMap((a) => {
    const lane = laneOf(a.thread, w);
    return lane === undefined || (w !== undefined && (a.step < w.from || a.step > w.to)) ? [] : [{ ...a, lane }];
  });
  const races = tl.races
    .map((r, i) => ({ number: i + 1, first: r.first, second: r.second, location: r.location, note: r.note }))
    .filter((r) => w === undefined || (r.first >= w.from && r.first <= w.to) || (r.second >= w.from && r.second <= w.to));
  return { lanes, spans, accesses, races, steps, start, end };
}

/** The trace as a standalone SVG document. */
export function exportSvg(trace: TraceFile, options: SvgOptions = {}): string {
  const w = options.window;
  const compact = options.compact === true;
  const view = viewOf(trace, w);
  const left = MARGIN + Math.min(MAX_NAME_PX, Math.max(textWidth('virtual time', TEXT), ...view.lanes.map((l) => textWidth(l.name, TEXT, true)))) + 14;
  const widestNumber = Math.max(...view.steps.map((s) => textWidth(String(s.step), TEXT)), 0);
  const unitFloor = Math.max(MIN_UNIT, Math.ceil(widestNumber + 8));
  const probe = makeAxis(view, 1, BREAK_PX);
  const nBreaks = probe.breaks.length;
  const ticksWide = Math.max(1, probe.width - nBreaks * BREAK_PX);
  // A slide-sized excerpt narrows its axis breaks before it grows past the slide.
  const room = SLIDE_WIDTH - left - RIGHT - ticksWide * unitFloor;
  const breakPx = view.steps.length <= SLIDE_STEPS && nBreaks > 0 ? Math.max(MIN_BREAK_PX, Math.min(BREAK_PX, Math.floor(room / nBreaks))) : BREAK_PX;
  const fit = Math.floor((SLIDE_WIDTH - left - RIGHT - nBreaks * breakPx) / ticksWide);
  const unit = options.tickWidth ?? Math.max(unitFloor, Math.min(MAX_UNIT, fit));
  const axis = makeAxis(view, unit, breakPx);
  const width = Math.ceil(Math.max(left + axis.width + RIGHT, 960));
  const inner = width - 2 * MARGIN;
  const tiers = compact ? 0 : TIERS;
  const laneH = 8 + tiers * TIER_H + GLYPH_ROW + BAR_H + HOLD_ROW + 6;

  const out: string[] = [];
  let y = MARGIN;
  // Header: title, excerpt caption, failures; each wrapped to the width.
  const r = trace.recipe;
  const head: { text: string; size: number; bold?: boolean; fill?: string }[] = [
    { text: `${r.program} — policy ${r.policy}, seed ${r.seed}: ${trace.steps.length} steps, ${trace.ending}`, size: TITLE, bold: true },
  ];
  if (w !== undefined) head.push({ text: windowCaption(trace, w), size: TEXT });
  for (const f of trace.failures) head.push({ text: `FAILURE: ${f.message}`, size: TEXT, fill: '#a00000' });
  const headLines: string[] = [];
  for (const h of options.header === false ? [] : head) {
    for (const line of wrapText(h.text, h.size * (h.bold === true ? 1.1 : 1), inner).slice(0, 3)) {
      y += h.size + 6;
      headLines.push(`<text x="${MARGIN}" y="${y}" font-size="${h.size}"${h.bold === true ? ' font-weight="bold"' : ''}${h.fill === undefined ? '' : ` fill="${h.fill}"`} class="header">${escapeXml(line)}</text>`);
    }
  }
  const axisY = y + 40;
  const top = axisY + 14;
  const lanesH = view.lanes.length * laneH;

  const body: string[] = [];
  body.push(...drawAxis(left, axis, axisY, top, lanesH, width));
  const rowOf = new Map(view.lanes.map((l, i) => [l.key, i]));
  const barY = (lane: LaneKey): number => top + (rowOf.get(lane) ?? 0) * laneH + 8 + tiers * TIER_H + GLYPH_ROW;
  const elided: Access[] = [];
  view.lanes.forEach((lane, row) => {
    const ly = top + row * laneH;
    const by = barY(lane.key);
    body.push(`<g class="lane" data-thread="${lane.key === OTHERS ? 'others' : lane.key}">`);
    body.push(`<rect x="${left}" y="${ly}" width="${axis.width}" height="${laneH}" fill="${row % 2 === 0 ? '#f4f4f4' : '#ffffff'}"/>`);
    const name = fitText(lane.name, TEXT, MAX_NAME_PX, true);
    body.push(`<text x="${left - 10}" y="${by + 16}" text-anchor="end" font-weight="bold" font-size="${TEXT}"${lane.key === OTHERS ? ' font-style="italic"' : ''} class="lane-name"><title>${escapeXml(lane.title)}</title>${escapeXml(name)}</text>`);
    const mine = view.spans.filter((s) => s.lane === lane.key);
    for (const span of mine) if (span.kind !== 'hold') body.push(drawSpan(left, span, by, axis.x, unit));
    body.push(...drawHolds(left, mine.filter((s) => s.kind === 'hold'), by, axis.x));
    const acc = view.accesses.filter((a) => a.lane === lane.key);
    for (const a of acc) body.push(drawGlyph(left, a, by, axis.x, unit));
    const { placed, left: out } = placeLabels(
      acc.map((a) => ({ key: a, x: left + axis.x(a.time) + 2, text: accessLabel(a), limit: width - MARGIN })),
      TEXT,
      tiers,
    );
    for (const p of placed) {
      body.push(`<text x="${p.x}" y="${by - GLYPH_ROW - 5 - p.tier * TIER_H}" font-size="${TEXT}" class="access-label" data-step="${p.key.step}">${escapeXml(p.text)}</text>`);
      if (p.text !== accessLabel(p.key)) elided.push(p.key);
    }
    elided.push(...out);
    body.push('</g>');
  });
  const breaks = drawBreaks(left, axis, axisY, top, lanesH);
  body.push(...breaks.lines);
  body.push(...drawRaces(left, view, barY, axis.x, unit));

  // Footnotes: legend, races, values that had no room (all of them in compact mode).
  let fy = breaks.bottom + 26;
  const legendOut = legend(left, fy, width - MARGIN);
  body.push(...legendOut.lines);
  fy = legendOut.bottom + 10;
  const notes: { text: string; cls: string; fill: string }[] = [];
  for (const race of view.races) {
    const label = view.races.length === 1 && tlRaceCount(trace) === 1 ? 'race' : `race ${race.number}`;
    notes.push({ text: `${label} (steps ${race.first} and ${race.second}): ${race.note}`, cls: 'race-note', fill: '#c00000' });
  }
  const values = elided.sort((a, b) => a.step - b.step);
  if (values.length > 0) {
    notes.push({ text: `${compact ? 'Values' : 'Values without room in the picture'}: ${values.map((a) => `step ${a.step} ${accessLabel(a)}`).join('; ')}.`, cls: 'value-note', fill: '#000' });
  }
  for (const n of options.notes === false ? [] : notes) {
    for (const line of wrapText(n.text, TEXT, inner)) {
      fy += LINE;
      body.push(`<text x="${MARGIN}" y="${fy}" font-size="${TEXT}" fill="${n.fill}" class="${n.cls}">${escapeXml(line)}</text>`);
    }
  }
  const height = Math.ceil(fy + MARGIN + 6);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="${TEXT}" class="threadsim-timeline">`,
    '<defs>',
    '<pattern id="ts-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#333" stroke-width="2.2"/></pattern>',
    '<marker id="ts-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c00000"/></marker>',
    '</defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...headLines,
    ...body,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

function tlRaceCount(trace: TraceFile): number {
  return trace.races?.length ?? 0;
}

/** `R db.value → 0`, `W db.value = 1`. */
function accessLabel(a: Access): string {
  return `${a.access === 'read' ? 'R' : 'W'} ${a.location}${a.access === 'read' ? ' → ' : ' = '}${showValue(a.value)}`;
}

/** The piecewise-linear time axis. */
interface Axis {
  readonly width: number;
  /** x (relative to the lanes' left edge) of a virtual time. */
  readonly x: (t: number) => number;
  readonly breaks: readonly { readonly x: number; readonly from: number; readonly to: number }[];
  readonly ticks: readonly { readonly x: number; readonly t: number }[];
}

function makeAxis(view: View, unit: number, breakPx: number): Axis {
  const keys = new Set<number>([view.start, view.end]);
  for (const s of view.steps) {
    for (const t of [s.time, s.time + 1, s.since]) if (t >= view.start && t <= view.end) keys.add(t);
  }
  for (const sp of view.spans) {
    keys.add(sp.start);
    keys.add(sp.end);
  }
  const times = [...keys].sort((a, b) => a - b);
  const xs: number[] = [0];
  const breaks: { x: number; from: number; to: number }[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    const prev = xs[i - 1]!;
    if (gap > GAP_TICKS) {
      breaks.push({ x: prev + breakPx / 2, from: times[i - 1]!, to: times[i]! });
      xs.push(prev + breakPx);
    } else {
      xs.push(prev + gap * unit);
    }
  }
  const x = (t: number): number => {
    let lo = 0;
    let hi = times.length - 1;
    if (t <= times[0]!) return xs[0]!;
    if (t >= times[hi]!) return xs[hi]!;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const t0 = times[lo]!;
    const t1 = times[hi]!;
    return xs[lo]! + ((t - t0) / (t1 - t0)) * (xs[hi]! - xs[lo]!);
  };
  const ticks = times.map((t, i) => ({ x: xs[i]!, t }));
  return { width: xs[xs.length - 1]!, x, breaks, ticks };
}

/** `0 µs`, `25 µs`, `0.100006 s`. */
export function formatTime(micros: number): string {
  if (micros < 1000) return `${micros} µs`;
  return `${(micros / 1e6).toFixed(6).replace(/0+$/, '').replace(/\.$/, '')} s`;
}

function drawAxis(left: number, axis: Axis, y: number, top: number, lanesH: number, width: number): string[] {
  const out: string[] = [];
  out.push(`<text x="${left - 10}" y="${y + 5}" text-anchor="end" font-style="italic" font-size="${TEXT}">virtual time</text>`);
  out.push(`<line x1="${left}" y1="${y}" x2="${left + axis.width}" y2="${y}" stroke="#000"/>`);
  // Tick labels centred on their tick, placed without overlap (one row): a tick without room keeps its line.
  const { placed } = placeLabels(
    axis.ticks.map((tick) => {
      const text = formatTime(tick.t);
      // Centred on the tick, but never left of the axis, where "virtual time" is written.
      return { key: tick, x: Math.max(left, left + tick.x - textWidth(text, TEXT) / 2), text, limit: width - 4 };
    }),
    TEXT,
    1,
    12,
  );
  const labelled = new Set(placed.map((p) => p.key));
  for (const p of placed) {
    if (p.text !== formatTime(p.key.t)) continue;
    out.push(`<text x="${p.x}" y="${y - 9}" font-size="${TEXT}" class="tick">${escapeXml(p.text)}</text>`);
  }
  for (const tick of axis.ticks) {
    if (!labelled.has(tick)) continue;
    out.push(`<line x1="${left + tick.x}" y1="${y - 4}" x2="${left + tick.x}" y2="${y + 4}" stroke="#000"/>`);
    out.push(`<line x1="${left + tick.x}" y1="${top}" x2="${left + tick.x}" y2="${top + lanesH}" stroke="#d0d0d0" stroke-width="0.6"/>`);
  }
  return out;
}

/** Axis breaks, drawn over the lanes: two slashes on the axis, a dashed line, and the length of the jump below the lanes. */
function drawBreaks(left: number, axis: Axis, y: number, top: number, lanesH: number): { lines: string[]; bottom: number } {
  const out: string[] = [];
  let bottom = top + lanesH;
  const { placed } = placeLabels(
    axis.breaks.map((b) => {
      const text = `+${formatTime(b.to - b.from)}`;
      return { key: b, x: left + b.x - textWidth(text, TEXT) / 2, text };
    }),
    TEXT,
    2,
  );
  const labels = new Map(placed.map((p) => [p.key, p]));
  for (const b of axis.breaks) {
    const bx = left + b.x;
    out.push(`<g class="axis-break"><title>${escapeXml(`the clock jumps ${formatTime(b.to - b.from)}: no thread could run until then`)}</title>`);
    out.push(`<rect x="${bx - 7}" y="${y - 6}" width="14" height="12" fill="#fff"/>`);
    out.push(`<path d="M${bx - 7},${y + 5} l4,-10 M${bx + 3},${y + 5} l4,-10" stroke="#000" stroke-width="1.4"/>`);
    out.push(`<line x1="${bx}" y1="${top}" x2="${bx}" y2="${top + lanesH}" stroke="#666" stroke-width="0.8" stroke-dasharray="3,3"/>`);
    const p = labels.get(b);
    if (p !== undefined) {
      const ty = top + lanesH + 18 + p.tier * LINE;
      bottom = Math.max(bottom, ty + 4);
      out.push(`<text x="${p.x}" y="${ty}" font-size="${TEXT}" class="break-label">${escapeXml(p.text)}</text>`);
    }
    out.push('</g>');
  }
  return { lines: out, bottom };
}

function drawSpan(left: number, span: Span, by: number, x: (t: number) => number, unit: number): string {
  const x0 = left + x(span.start);
  const w = Math.max(1, left + x(span.end) - x0);
  const title = `<title>${escapeXml(span.label)}</title>`;
  const steps = span.steps.join(' ');
  switch (span.kind) {
    case 'run': {
      const parts = [`<g class="span run" data-steps="${steps}">${title}`, `<rect x="${x0}" y="${by}" width="${w}" height="${BAR_H}" fill="#1a1a1a"/>`];
      span.steps.forEach((step, i) => {
        const cx = x0 + (i + 0.5) * unit;
        if (i > 0) parts.push(`<line x1="${x0 + i * unit}" y1="${by}" x2="${x0 + i * unit}" y2="${by + BAR_H}" stroke="#888" stroke-width="0.8"/>`);
        parts.push(`<text x="${cx}" y="${by + 16}" text-anchor="middle" font-size="${TEXT}" fill="#fff" class="step-number">${step}</text>`);
      });
      parts.push('</g>');
      return parts.join('');
    }
    case 'ready':
      return `<g class="span ready" data-steps="${steps}">${title}<line x1="${x0}" y1="${by + BAR_H / 2}" x2="${x0 + w}" y2="${by + BAR_H / 2}" stroke="#555" stroke-width="1.4" stroke-dasharray="1,3"/><rect x="${x0}" y="${by}" width="${w}" height="${BAR_H}" fill="transparent"/></g>`;
    case 'blocked':
      return `<g class="span blocked" data-steps="${steps}">${title}<rect x="${x0}" y="${by + 2}" width="${w}" height="${BAR_H - 4}" fill="url(#ts-hatch)" stroke="#333" stroke-width="0.8"/></g>`;
    case 'sleep': {
      const label = w > textWidth('sleep', TEXT) + 8 ? `<text x="${x0 + w / 2}" y="${by + 16}" text-anchor="middle" font-size="${TEXT}" font-style="italic">sleep</text>` : '';
      return `<g class="span sleep" data-steps="${steps}">${title}<rect x="${x0}" y="${by + 1}" width="${w}" height="${BAR_H - 2}" fill="#ffffff" stroke="#000" stroke-width="1" stroke-dasharray="2,2"/>${label}</g>`;
    }
    case 'hold':
      return '';
  }
}

/** Lock holds under the bar; their labels cut to the hold's length and never overlapping. */
function drawHolds(left: number, holds: readonly Span[], by: number, x: (t: number) => number): string[] {
  const hy = by + BAR_H + 6;
  const out: string[] = [];
  const { placed } = placeLabels(
    holds.map((h) => ({ key: h, x: left + x(h.start) + 3, text: `holds ${h.label.replace(/^holds /, '').replace(/ \(steps.*$| from step.*$/, '')}`, limit: left + x(h.end) })),
    TEXT,
    1,
  );
  const labels = new Map(placed.map((p) => [p.key, p]));
  for (const h of holds) {
    const x0 = left + x(h.start);
    const w = Math.max(1, left + x(h.end) - x0);
    const p = labels.get(h);
    const text = p === undefined ? '' : `<text x="${p.x}" y="${hy + 16}" font-size="${TEXT}" class="hold-label">${escapeXml(p.text)}</text>`;
    out.push(`<g class="span hold" data-steps="${h.steps.join(' ')}"><title>${escapeXml(h.label)}</title><path d="M${x0},${hy - 3} v6 h${w} v-6" fill="none" stroke="#2a4d8f" stroke-width="2.4"/>${text}</g>`);
  }
  return out;
}

function drawGlyph(left: number, a: Access, by: number, x: (t: number) => number, unit: number): string {
  const cx = left + x(a.time) + unit / 2;
  const cy = by - GLYPH_ROW / 2;
  const title = `<title>${escapeXml(`step ${a.step}: ${a.access} ${a.location} ${a.access === 'read' ? 'returned' : 'wrote'} ${showValue(a.value)}`)}</title>`;
  const mark =
    a.access === 'read'
      ? `<circle cx="${cx}" cy="${cy}" r="4.5" fill="#fff" stroke="#0b5394" stroke-width="2"/>`
      : `<rect x="${cx - 4.5}" y="${cy - 4.5}" width="9" height="9" fill="#0b5394"/>`;
  return `<g class="access ${a.access}" data-step="${a.step}">${title}${mark}</g>`;
}

function drawRaces(left: number, view: View, barY: (lane: LaneKey) => number, x: (t: number) => number, unit: number): string[] {
  const out: string[] = [];
  const byStep = new Map(view.accesses.map((a) => [a.step, a]));
  for (const race of view.races) {
    const ends = [byStep.get(race.first), byStep.get(race.second)].filter((a): a is View['accesses'][number] => a !== undefined);
    const pts = ends.map((a) => ({ x: left + x(a.time) + unit / 2, y: barY(a.lane) - GLYPH_ROW / 2 }));
    out.push(`<g class="race" data-steps="${race.first} ${race.second}"><title>${escapeXml(race.note)}</title>`);
    for (const p of pts) out.push(`<circle cx="${p.x}" cy="${p.y}" r="8.5" fill="none" stroke="#c00000" stroke-width="2"/>`);
    const [a, b] = pts;
    if (a !== undefined && b !== undefined) {
      const bend = Math.max(24, Math.abs(b.y - a.y) / 2);
      out.push(`<path d="M${a.x},${a.y} C${a.x + bend},${a.y} ${b.x - bend},${b.y} ${b.x},${b.y}" fill="none" stroke="#c00000" stroke-width="2" stroke-dasharray="6,3" marker-end="url(#ts-arrow)"/>`);
    }
    out.push('</g>');
  }
  return out;
}

/** The legend, wrapped to `right`; returns its lines and the y of its last row. */
function legend(left: number, y: number, right: number): { lines: string[]; bottom: number } {
  const items: [string, string][] = [
    ['run (step numbers inside)', `<rect x="0" y="-11" width="24" height="14" fill="#1a1a1a"/>`],
    ['ready, not running', `<line x1="0" y1="-4" x2="24" y2="-4" stroke="#555" stroke-width="1.4" stroke-dasharray="1,3"/>`],
    ['blocked', `<rect x="0" y="-11" width="24" height="14" fill="url(#ts-hatch)" stroke="#333" stroke-width="0.8"/>`],
    ['sleeping', `<rect x="0" y="-11" width="24" height="14" fill="#fff" stroke="#000" stroke-dasharray="2,2"/>`],
    ['holds a lock', `<path d="M0,-8 v6 h24 v-6" fill="none" stroke="#2a4d8f" stroke-width="2.4"/>`],
    ['read', `<circle cx="12" cy="-4" r="4.5" fill="#fff" stroke="#0b5394" stroke-width="2"/>`],
    ['write', `<rect x="7.5" y="-8.5" width="9" height="9" fill="#0b5394"/>`],
    ['race pair', `<path d="M0,-4 h24" stroke="#c00000" stroke-width="2" stroke-dasharray="6,3"/>`],
  ];
  const x0 = MARGIN + textWidth('legend', TEXT, true) + 12;
  const out = [`<g class="legend"><text x="${MARGIN}" y="${y}" font-weight="bold" font-size="${TEXT}">legend</text>`];
  let x = Math.max(x0, Math.min(left, x0));
  let row = 0;
  for (const [label, icon] of items) {
    const w = 32 + textWidth(label, TEXT) + 22;
    if (x + w > right && x > x0) {
      x = x0;
      row++;
    }
    out.push(`<g transform="translate(${x},${y + row * LINE})">${icon}<text x="32" y="0" font-size="${TEXT}">${label}</text></g>`);
    x += w;
  }
  const note = 'The axis is the virtual clock; idle stretches where no thread could run are cut short and labelled with their length.';
  const lines = wrapText(note, TEXT, right - MARGIN);
  lines.forEach((l, i) => out.push(`<text x="${MARGIN}" y="${y + (row + 1 + i) * LINE}" font-size="${TEXT}">${escapeXml(l)}</text>`));
  out.push('</g>');
  return { lines: out, bottom: y + (row + lines.length) * LINE };
}
