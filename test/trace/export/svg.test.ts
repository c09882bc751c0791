import { describe, expect, it } from 'vitest';
import { exportSvg, formatTime } from '../../../src/trace/export/svg.js';
import hostile, { HOSTILE, HOSTILE_KEY } from '../../fixtures/hostile.js';
import { racesInTrace } from '../../../src/trace/trace-races.js';
import { recordTrace } from './record.js';

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('exportSvg', () => {
  it('draws one lane per thread, the race pair and a legend', () => {
    const trace = recordTrace('tutorial/race');
    const svg = exportSvg(trace);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(count(svg, '<g class="lane"')).toBe(trace.threads.length);
    // A trace recorded without detection gets the detector's races: one drawn pair each.
    expect(count(svg, '<g class="race"')).toBe(racesInTrace(trace).length);
    expect(count(svg, '<g class="race"')).toBeGreaterThan(0);
    expect(svg).toContain('class="legend"');
    for (const t of trace.threads) expect(svg).toContain(`>${t.name}</text>`);
  });

  it('cuts the 0.1 s sleeps of tutorial/race short with a labelled axis break, and none without idle time', () => {
    expect(count(exportSvg(recordTrace('tutorial/race')), 'class="axis-break"')).toBeGreaterThan(0);
    // single-thread's worker sleeps 2 s while MainThread waits at exit: idle clock.
    expect(count(exportSvg(recordTrace('tutorial/single-thread')), 'class="axis-break"')).toBeGreaterThan(0);
    expect(count(exportSvg(recordTrace('tutorial/deadlock')), 'class="axis-break"')).toBe(0);
  });

  it('escapes every hostile string: no markup from the program survives as markup', () => {
    const svg = exportSvg(recordTrace(hostile));
    for (const s of [...Object.values(HOSTILE), HOSTILE_KEY]) {
      expect(svg).not.toContain(s);
    }
    expect(svg).not.toMatch(/<script|<img|<b>|]]>/);
    expect(count(svg, '</svg>')).toBe(1);
    expect(svg).toContain('&lt;script&gt;window.__pwned=1');
  });

  it('writes times below a millisecond in µs and longer ones in seconds', () => {
    expect(formatTime(0)).toBe('0 µs');
    expect(formatTime(999)).toBe('999 µs');
    expect(formatTime(100_006)).toBe('0.100006 s');
    expect(formatTime(2_000_000)).toBe('2 s');
  });
});

describe('exportSvg on an empty trace', () => {
  it('draws the lanes of a trace without steps', () => {
    const t = recordTrace('tutorial/race');
    const svg = exportSvg({ ...t, steps: [], schedule: [], races: [] });
    expect(count(svg, '<g class="lane"')).toBe(t.threads.length);
    expect(svg).not.toContain('NaN');
  });
});

describe('exportSvg excerpts for a slide', () => {
  it('every 40-step window of a 209-step trace is at most 1920 px wide, with every step number drawn', async () => {
    const { default: bank } = await import('../../fixtures/bank-program.js');
    const { withRaces } = await import('../../../src/trace/export/index.js');
    const { resolveWindow } = await import('../../../src/trace/export/window.js');
    const trace = withRaces(recordTrace(bank, 'random', 0));
    for (let from = 0; from + 39 < trace.steps.length; from += 13) {
      const svg = exportSvg(trace, { window: resolveWindow(trace, { steps: { from, to: from + 39 } })! });
      expect(Number(/width="(\d+)"/.exec(svg)![1]), `steps ${from}..${from + 39}`).toBeLessThanOrEqual(1920);
      const numbers = [...svg.matchAll(/class="step-number">(\d+)</g)].map((m) => Number(m[1]));
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => from + i));
    }
  });
});
