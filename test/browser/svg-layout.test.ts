/**
 * The SVG timeline measured in Chromium: text size on a 1920-px slide, no two labels
 * overlapping and nothing outside the picture, on a 200-step trace and on excerpts of it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRaces } from '../../src/trace/export/index.js';
import { exportSvg, type SvgOptions } from '../../src/trace/export/svg.js';
import { resolveWindow } from '../../src/trace/export/window.js';
import bank from '../fixtures/bank-program.js';
import { recordTrace } from '../trace/export/record.js';
import { artifact, launch, screenshotPath } from './chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Measured {
  /** Rendered size of the picture (px) when shown `width` px wide. */
  readonly width: number;
  readonly height: number;
  /** Smallest rendered font size of any text (px). */
  readonly minFont: number;
  readonly texts: number;
  /** Pairs of texts whose boxes intersect, by content. */
  readonly overlaps: string[];
  /** Texts reaching outside the picture. */
  readonly outside: string[];
}

/** Open `svg` in a page, scaled to `width` px wide (a slide), and measure every text. */
async function measure(name: string, svg: string, width: number): Promise<Measured> {
  const page = await browser.newPage({ viewport: { width, height: 1080 } });
  // Shown as a slide shows an image: scaled to the slide's width, aspect kept.
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0} svg{width:${width}px;height:auto;display:block}</style></head><body>${svg}</body></html>`;
  await page.goto(artifact(`${name}.html`, html));
  const m = await page.evaluate(() => {
    type Rect = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    type El = { getBoundingClientRect(): Rect; textContent: string | null };
    const g = globalThis as unknown as { document: { querySelector(s: string): El; querySelectorAll(s: string): ArrayLike<El> }; getComputedStyle(e: El): { fontSize: string } };
    const svg = g.document.querySelector('svg') as El & { getScreenCTM(): { a: number } };
    const scale = svg.getScreenCTM().a;
    const frame = svg.getBoundingClientRect();
    const texts = Array.from(g.document.querySelectorAll('svg text')).map((e) => ({ r: e.getBoundingClientRect(), t: e.textContent ?? '', size: parseFloat(g.getComputedStyle(e).fontSize) * scale }));
    const shown = texts.filter((x) => x.r.width > 0 && x.t.trim() !== '');
    const overlaps: string[] = [];
    // Boxes shrunk by a pixel: glyph boxes of neighbouring lines may touch without the letters meeting.
    const sorted = [...shown].sort((a, b) => a.r.left - b.r.left);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.r.left < a.r.right - 1; j++) {
        const b = sorted[j]!;
        if (b.r.top < a.r.bottom - 1 && a.r.top < b.r.bottom - 1) overlaps.push(`${a.t} × ${b.t}`);
      }
    }
    const outside = shown.filter((x) => x.r.left < frame.left - 0.5 || x.r.right > frame.right + 0.5 || x.r.top < frame.top - 0.5 || x.r.bottom > frame.bottom + 0.5).map((x) => x.t);
    return { width: frame.width, height: frame.height, minFont: Math.min(...shown.map((x) => x.size)), texts: shown.length, overlaps, outside };
  });
  // One picture to look at; the wide ones would cost seconds each.
  if (name === 'svg-bank-40') await page.screenshot({ path: screenshotPath(`${name}.png`), fullPage: true });
  await page.close();
  return m;
}

const trace = withRaces(recordTrace(bank, 'random', 0));

describe('SVG legibility, measured in chromium', () => {
  it('the fixture is a long trace with races', () => {
    expect(trace.steps.length).toBeGreaterThanOrEqual(200);
    expect(trace.races!.length).toBeGreaterThan(0);
  });

  it('a 40-step excerpt fits a 16:9 slide at 1920 px with every text at least 14 px', async () => {
    for (const [name, options] of [
      ['bank-40', { window: resolveWindow(trace, { steps: { from: 40, to: 79 } })! }],
      ['bank-first-40', { window: resolveWindow(trace, { steps: { from: 0, to: 39 } })! }],
      ['bank-focus-race', { window: resolveWindow(trace, { focus: 'race' })! }],
      ['race-whole', undefined],
    ] as const) {
      const t = name === 'race-whole' ? withRaces(recordTrace('tutorial/race')) : trace;
      const svg = exportSvg(t, options ?? {});
      const natural = Number(/width="(\d+)"/.exec(svg)![1]);
      expect(natural, name).toBeLessThanOrEqual(1920);
      const m = await measure(`svg-${name}`, svg, 1920);
      expect(m.texts, name).toBeGreaterThan(20);
      expect(m.minFont, name).toBeGreaterThanOrEqual(14);
      expect(m.height, name).toBeLessThanOrEqual(1080);
      expect(m.overlaps, name).toEqual([]);
      expect(m.outside, name).toEqual([]);
    }
  });

  it('the whole 200-step trace: no two texts overlap, none leaves the picture, every step number drawn', async () => {
    const svg = exportSvg(trace);
    const m = await measure('svg-bank-200', svg, Number(/width="(\d+)"/.exec(svg)![1]));
    expect(m.minFont).toBeGreaterThanOrEqual(14);
    expect(m.overlaps).toEqual([]);
    expect(m.outside).toEqual([]);
    const numbers = [...svg.matchAll(/class="step-number">(\d+)</g)].map((x) => Number(x[1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(trace.steps.map((s) => s.step));
  });

  it('compact mode: accesses as glyphs, their values in the footnote, still no overlap', async () => {
    const options: SvgOptions = { compact: true };
    const svg = exportSvg(trace, options);
    expect(svg).not.toContain('class="access-label"');
    const accesses = [...svg.matchAll(/<g class="access (read|write)" data-step="(\d+)"/g)].length;
    expect(accesses).toBeGreaterThan(50);
    const notes = [...svg.matchAll(/class="value-note">([^<]*)</g)].map((x) => x[1]).join(' ');
    // Every access is named in the footnote by its step.
    for (const [, , step] of svg.matchAll(/<g class="access (read|write)" data-step="(\d+)"/g)) expect(notes).toContain(`step ${step} `);
    const m = await measure('svg-bank-compact', svg, Number(/width="(\d+)"/.exec(svg)![1]));
    expect(m.overlaps).toEqual([]);
    expect(m.outside).toEqual([]);
  });
});
