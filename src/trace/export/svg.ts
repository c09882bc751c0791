/**
 * SVG export: a swim-lane timeline on the virtual clock, one lane per thread, drawn to print
 * in black on white (patterns and dashes carry meaning, colour only adds to it) with a legend.
 *
 * The time axis is piecewise linear: a tick of the clock is a fixed width, and an idle stretch
 * longer than {@link GAP_TICKS} (everyone asleep, the clock jumping to a deadline) is drawn as
 * a fixed-width break labelled with its length, so a 0.1 s sleep does not squeeze the steps
 * around it into a pixel. Every user string (thread names, values, messages) is XML-escaped.
 */
import type { TraceFile } from '../format.js';
import { escapeXml, showValue, truncate } from './escape.js';
import { buildTimeline, type Access, type Span, type Timeline } from './timeline.js';

/** Idle stretches longer than this many ticks are drawn as an axis break. */
export const GAP_TICKS = 8;
const BREAK_PX = 56;
const RIGHT = 40;
/** Longest thread name drawn in full; longer ones are cut (the full name is in the tooltip). */
const MAX_NAME = 32;
const LANE_H = 66;
const BAR_Y = 22;
const BAR_H = 16;
const HOLD_Y = 44;
const FONT = 'font-family="DejaVu Sans, Verdana, Arial, sans-serif"';

/** Options of {@link exportSvg}. */
export interface SvgOptions {
  /** Pixels per tick of the virtual clock; default chosen from the trace's length. */
  readonly tickWidth?: number;
}

/** The trace as a standalone SVG document. */
export function exportSvg(trace: TraceFile, options: SvgOptions = {}): string {
  const tl = buildTimeline(trace);
  const unit = options.tickWidth ?? Math.max(6, Math.min(26, Math.floor(1400 / Math.max(1, trace.steps.length))));
  const axis = makeAxis(tl, trace, unit);
  const longest = Math.max(10, ...tl.lanes.map((l) => Math.min(MAX_NAME, Array.from(l.name).length)));
  const left = Math.max(120, Math.min(12 + MAX_NAME * 7, 16 + longest * 7));
  const headerLines = header(trace);
  const top = 30 + headerLines.length * 16 + 34;
  const lanesH = tl.lanes.length * LANE_H;
  const legendY = top + lanesH + 40;
  const width = Math.max(left + axis.width + RIGHT, left + 800);
  const raceLines = tl.races.map((r, i) => `${tl.races.length === 1 ? 'race' : `race ${i + 1}`} (steps ${r.first} and ${r.second}): ${truncate(r.note, 170)}`);
  const height = legendY + 60 + raceLines.length * 15;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="11" class="threadsim-timeline">`,
    '<defs>',
    '<pattern id="ts-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#333" stroke-width="2.2"/></pattern>',
    '<marker id="ts-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c00000"/></marker>',
    '</defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  headerLines.forEach((line, i) => {
    out.push(`<text x="12" y="${22 + i * 16}" font-size="${i === 0 ? 14 : 11}"${i === 0 ? ' font-weight="bold"' : ''} fill="${line.failure ? '#a00000' : '#000'}">${escapeXml(line.text)}</text>`);
  });
  out.push(...drawAxis(left, axis, top, lanesH));
  tl.lanes.forEach((lane, row) => {
    const y = top + row * LANE_H;
    out.push(`<g class="lane" data-thread="${lane.index}">`);
    out.push(`<rect x="${left}" y="${y}" width="${axis.width}" height="${LANE_H}" fill="${row % 2 === 0 ? '#f4f4f4' : '#ffffff'}"/>`);
    out.push(`<text x="${left - 8}" y="${y + BAR_Y + 12}" text-anchor="end" font-weight="bold" class="lane-name"><title>${escapeXml(`${lane.name} (thread ${lane.index})`)}</title>${escapeXml(truncate(lane.name, MAX_NAME))}</text>`);
    for (const span of tl.spans) if (span.thread === lane.index) out.push(drawSpan(left, span, y, axis.x, unit));
    const mine = tl.accesses.filter((a) => a.thread === lane.index);
    mine.forEach((a, i) => {
      const next = mine[i + 1];
      const room = next === undefined ? Infinity : axis.x(next.time) - axis.x(a.time) - 10;
      out.push(drawAccess(left, a, room, y, axis.x, unit));
    });
    out.push('</g>');
  });
  out.push(...drawBreaks(left, axis, top, lanesH));
  out.push(...drawRaces(left, tl, top, axis.x, unit));
  out.push(...legend(left, legendY));
  raceLines.forEach((line, i) => {
    out.push(`<text x="${left}" y="${legendY + 44 + i * 15}" font-size="10" fill="#c00000" class="race-note">${escapeXml(line)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

interface HeaderLine {
  readonly text: string;
  readonly failure: boolean;
}

function header(trace: TraceFile): HeaderLine[] {
  const r = trace.recipe;
  const lines: HeaderLine[] = [
    { text: `${r.program} — policy ${r.policy}, seed ${r.seed}: ${trace.steps.length} steps, ${trace.ending}`, failure: false },
  ];
  for (const f of trace.failures) lines.push({ text: `FAILURE: ${truncate(f.message, 160)}`, failure: true });
  return lines;
}

/** The piecewise-linear time axis. */
interface Axis {
  readonly width: number;
  /** x (relative to the lanes' left edge) of a virtual time. */
  readonly x: (t: number) => number;
  readonly breaks: readonly { readonly x: number; readonly from: number; readonly to: number }[];
  readonly ticks: readonly { readonly x: number; readonly t: number }[];
}

function makeAxis(tl: Timeline, trace: TraceFile, unit: number): Axis {
  const keys = new Set<number>([0, tl.end]);
  for (const s of trace.steps) {
    keys.add(s.time);
    keys.add(s.time + 1);
    keys.add(s.since);
  }
  for (const sp of tl.spans) {
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
      breaks.push({ x: prev + BREAK_PX / 2, from: times[i - 1]!, to: times[i]! });
      xs.push(prev + BREAK_PX);
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
  const ticks: { x: number; t: number }[] = [];
  let lastX = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const afterBreak = i > 0 && times[i]! - times[i - 1]! > GAP_TICKS;
    if (afterBreak || xs[i]! - lastX >= 90) {
      ticks.push({ x: xs[i]!, t: times[i]! });
      lastX = xs[i]!;
    }
  }
  return { width: xs[xs.length - 1]! + unit, x, breaks, ticks };
}

/** `0 µs`, `25 µs`, `0.100006 s`. */
export function formatTime(micros: number): string {
  if (micros < 1000) return `${micros} µs`;
  return `${(micros / 1e6).toFixed(6).replace(/0+$/, '').replace(/\.$/, '')} s`;
}

function drawAxis(left: number, axis: Axis, top: number, lanesH: number): string[] {
  const out: string[] = [];
  const y = top - 10;
  out.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end" font-style="italic">virtual time</text>`);
  out.push(`<line x1="${left}" y1="${y}" x2="${left + axis.width}" y2="${y}" stroke="#000"/>`);
  for (const tick of axis.ticks) {
    out.push(`<line x1="${left + tick.x}" y1="${y - 4}" x2="${left + tick.x}" y2="${y + 4}" stroke="#000"/>`);
    out.push(`<text x="${left + tick.x}" y="${y - 8}" text-anchor="middle" font-size="10">${escapeXml(formatTime(tick.t))}</text>`);
    out.push(`<line x1="${left + tick.x}" y1="${top}" x2="${left + tick.x}" y2="${top + lanesH}" stroke="#d0d0d0" stroke-width="0.6"/>`);
  }
  return out;
}

/** Axis breaks, drawn over the lanes: two dashed lines and the length of the jump below them. */
function drawBreaks(left: number, axis: Axis, top: number, lanesH: number): string[] {
  const out: string[] = [];
  const y = top - 10;
  for (const b of axis.breaks) {
    const bx = left + b.x;
    out.push(`<g class="axis-break"><title>${escapeXml(`the clock jumps ${formatTime(b.to - b.from)}: no thread could run until then`)}</title>`);
    out.push(`<rect x="${bx - 7}" y="${y - 6}" width="14" height="12" fill="#fff"/>`);
    out.push(`<path d="M${bx - 7},${y + 5} l4,-10 M${bx + 3},${y + 5} l4,-10" stroke="#000" stroke-width="1.4"/>`);
    out.push(`<line x1="${bx}" y1="${top}" x2="${bx}" y2="${top + lanesH}" stroke="#666" stroke-width="0.8" stroke-dasharray="3,3"/>`);
    out.push(`<text x="${bx}" y="${top + lanesH + 13}" text-anchor="middle" font-size="9">+${escapeXml(formatTime(b.to - b.from))}</text>`);
    out.push('</g>');
  }
  return out;
}

function drawSpan(left: number, span: Span, laneY: number, x: (t: number) => number, unit: number): string {
  const x0 = left + x(span.start);
  const w = Math.max(1, left + x(span.end) - x0);
  const title = `<title>${escapeXml(span.label)}</title>`;
  const steps = span.steps.join(' ');
  const by = laneY + BAR_Y;
  switch (span.kind) {
    case 'run': {
      const parts = [`<g class="span run" data-steps="${steps}">${title}`, `<rect x="${x0}" y="${by}" width="${w}" height="${BAR_H}" fill="#1a1a1a"/>`];
      if (unit >= 16) {
        span.steps.forEach((step, i) => {
          const cx = x0 + (i + 0.5) * unit;
          parts.push(`<text x="${cx}" y="${by + 12}" text-anchor="middle" font-size="9" fill="#fff">${step}</text>`);
          if (i > 0) parts.push(`<line x1="${x0 + i * unit}" y1="${by}" x2="${x0 + i * unit}" y2="${by + BAR_H}" stroke="#777" stroke-width="0.7"/>`);
        });
      }
      parts.push('</g>');
      return parts.join('');
    }
    case 'ready':
      return `<g class="span ready" data-steps="${steps}">${title}<line x1="${x0}" y1="${by + BAR_H / 2}" x2="${x0 + w}" y2="${by + BAR_H / 2}" stroke="#555" stroke-width="1.2" stroke-dasharray="1,3"/><rect x="${x0}" y="${by}" width="${w}" height="${BAR_H}" fill="transparent"/></g>`;
    case 'blocked':
      return `<g class="span blocked" data-steps="${steps}">${title}<rect x="${x0}" y="${by + 2}" width="${w}" height="${BAR_H - 4}" fill="url(#ts-hatch)" stroke="#333" stroke-width="0.8"/></g>`;
    case 'sleep': {
      const label = w > 60 ? `<text x="${x0 + w / 2}" y="${by + 12}" text-anchor="middle" font-size="9" font-style="italic">sleep</text>` : '';
      return `<g class="span sleep" data-steps="${steps}">${title}<rect x="${x0}" y="${by + 1}" width="${w}" height="${BAR_H - 2}" fill="#ffffff" stroke="#000" stroke-width="1" stroke-dasharray="2,2"/>${label}</g>`;
    }
    case 'hold': {
      const hy = laneY + HOLD_Y;
      const obj = span.label.replace(/^holds /, '').replace(/ \(steps.*$| from step.*$/, '');
      const text = w > 50 ? `<text x="${x0 + 3}" y="${hy + 14}" font-size="9">${escapeXml(truncate(`holds ${obj}`, Math.max(4, Math.floor(w / 5.5))))}</text>` : '';
      return `<g class="span hold" data-steps="${steps}">${title}<path d="M${x0},${hy - 3} v6 h${w} v-6" fill="none" stroke="#2a4d8f" stroke-width="2.4"/>${text}</g>`;
    }
  }
}

function drawAccess(left: number, a: Access, room: number, laneY: number, x: (t: number) => number, unit: number): string {
  const cx = left + x(a.time) + unit / 2;
  const cy = laneY + BAR_Y - 5;
  const word = a.access === 'read' ? 'R' : 'W';
  const text = `${word} ${a.location}${a.access === 'read' ? ' → ' : ' = '}${showValue(a.value)}`;
  const title = `<title>${escapeXml(`step ${a.step}: ${a.access} ${a.location} ${a.access === 'read' ? 'returned' : 'wrote'} ${showValue(a.value)}`)}</title>`;
  const mark =
    a.access === 'read'
      ? `<circle cx="${cx}" cy="${cy}" r="3.6" fill="#fff" stroke="#0b5394" stroke-width="1.6"/>`
      : `<rect x="${cx - 3.6}" y="${cy - 3.6}" width="7.2" height="7.2" fill="#0b5394"/>`;
  return `<g class="access ${a.access}" data-step="${a.step}">${title}${mark}<text x="${cx + 6}" y="${cy - 3}" font-size="9.5">${escapeXml(truncate(text, Math.max(3, Math.min(34, Math.floor(room / 5.6)))))}</text></g>`;
}

function drawRaces(left: number, tl: Timeline, top: number, x: (t: number) => number, unit: number): string[] {
  const out: string[] = [];
  const row = new Map(tl.lanes.map((l, i) => [l.index, i]));
  const byStep = new Map(tl.accesses.map((a) => [a.step, a]));
  tl.races.forEach((race, i) => {
    const a = byStep.get(race.first);
    const b = byStep.get(race.second);
    if (a === undefined || b === undefined) return;
    const ax = left + x(a.time) + unit / 2;
    const bx = left + x(b.time) + unit / 2;
    const ay = top + (row.get(a.thread) ?? 0) * LANE_H + BAR_Y - 5;
    const by = top + (row.get(b.thread) ?? 0) * LANE_H + BAR_Y - 5;
    const bend = Math.max(24, Math.abs(by - ay) / 2);
    const d = `M${ax},${ay} C${ax + bend},${ay} ${bx - bend},${by} ${bx},${by}`;
    out.push(`<g class="race" data-steps="${race.first} ${race.second}"><title>${escapeXml(race.note)}</title>`);
    out.push(`<circle cx="${ax}" cy="${ay}" r="7" fill="none" stroke="#c00000" stroke-width="2"/>`);
    out.push(`<circle cx="${bx}" cy="${by}" r="7" fill="none" stroke="#c00000" stroke-width="2"/>`);
    out.push(`<path d="${d}" fill="none" stroke="#c00000" stroke-width="2" stroke-dasharray="6,3" marker-end="url(#ts-arrow)"/>`);
    const label = tl.races.length === 1 ? `race on ${race.location}` : `race ${i + 1}`;
    out.push(`<text x="${(ax + bx) / 2 + 4}" y="${(ay + by) / 2 + i * 12}" font-size="10" font-weight="bold" fill="#c00000">${escapeXml(truncate(label, 40))}</text>`);
    out.push('</g>');
  });
  return out;
}

function legend(left: number, y: number): string[] {
  const items: [string, string][] = [
    ['run', `<rect x="0" y="-8" width="22" height="10" fill="#1a1a1a"/>`],
    ['ready, not running', `<line x1="0" y1="-3" x2="22" y2="-3" stroke="#555" stroke-width="1.2" stroke-dasharray="1,3"/>`],
    ['blocked', `<rect x="0" y="-8" width="22" height="10" fill="url(#ts-hatch)" stroke="#333" stroke-width="0.8"/>`],
    ['sleeping', `<rect x="0" y="-8" width="22" height="10" fill="#fff" stroke="#000" stroke-dasharray="2,2"/>`],
    ['holds a lock', `<path d="M0,-6 v6 h22 v-6" fill="none" stroke="#2a4d8f" stroke-width="2.4"/>`],
    ['read', `<circle cx="11" cy="-3" r="3.6" fill="#fff" stroke="#0b5394" stroke-width="1.6"/>`],
    ['write', `<rect x="7.4" y="-6.6" width="7.2" height="7.2" fill="#0b5394"/>`],
    ['race pair', `<path d="M0,-3 h22" stroke="#c00000" stroke-width="2" stroke-dasharray="6,3"/>`],
  ];
  const out = [`<g class="legend" transform="translate(${left},${y})"><text x="-8" y="0" text-anchor="end" font-weight="bold">legend</text>`];
  let x = 0;
  for (const [label, icon] of items) {
    out.push(`<g transform="translate(${x},0)">${icon}<text x="28" y="0">${label}</text></g>`);
    x += 40 + label.length * 6.2;
  }
  out.push(`<text x="0" y="20" font-size="9.5">The axis is the virtual clock; idle stretches where no thread could run are cut short and labelled with their length.</text>`);
  out.push('</g>');
  return out;
}
