import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportSlidesHtml, fittedTimeline, PICTURE } from '../../../src/trace/export/slides-html.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import { withRaces } from '../../../src/trace/export/index.js';
import bank from '../../fixtures/bank-program.js';
import hostile, { HOSTILE } from '../../fixtures/hostile.js';
import { recordTrace } from './record.js';

const headings = (html: string): string[] => [...html.matchAll(/<h[12]>([^<]*)<\/h[12]>/g)].map((m) => m[1]!);
const slide = (html: string, kind: string): string => new RegExp(`<section class="slide slide-${kind}"[\\s\\S]*?</section>`).exec(html)![0];
/** The step numbers written in the run bars of the interleaving slide's timeline. */
const drawnSteps = (html: string): number[] => [...slide(html, 'interleaving').matchAll(/class="step-number">(\d+)</g)].map((m) => Number(m[1])).sort((a, b) => a - b);

describe('exportSlidesHtml', () => {
  const race = withRaces(recordTrace('tutorial/race'));
  const html = exportSlidesHtml(race);

  it('tells the race in one slide per phase: the run, the setup, the interleaving, the lost write, the fix', () => {
    expect(headings(html)).toEqual(['tutorial/race', 'The setup', 'The interleaving', 'The lost write', 'The fix']);
    // Only the first slide is shown before the script runs.
    expect(html.match(/<section [^>]*hidden/g)).toHaveLength(4);
    // The lost update of the tutorial: T2 reads 0 at step 9, T1 writes 1 at 12, T2 writes its stale 1 at 19 (the CLI report's numbers).
    const lost = slide(html, 'race');
    expect(lost).toContain('<li>step 9: <strong>ThreadPoolExecutor-0_1</strong> read db.value');
    expect(lost).toContain("step 19: <strong>ThreadPoolExecutor-0_1</strong> write db.value ← 1 <strong>from its stale copy: step 12's write is lost</strong>");
    expect(slide(html, 'fix')).toContain('<code>threading.Lock</code>');
    expect(slide(html, 'fix')).toContain("npx threadsim run tutorial/race --schedule &#39;MainThread*3 T1*3");
  });

  it('draws the race\'s steps on the interleaving slide, with no heading of its own inside the picture', () => {
    expect(drawnSteps(html)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(slide(html, 'interleaving')).not.toContain('class="header"');
  });

  it('honours a window: --steps chooses the interleaving', () => {
    const deck = exportSlidesHtml(race, { window: resolveWindow(race, { steps: { from: 0, to: 8 } })! });
    expect(drawnSteps(deck)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(slide(deck, 'interleaving')).toContain('Steps 0 to 8, in the order the scheduler ran them');
  });

  it('is self-contained: its one script allowed by hash, nothing else loaded', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]!, 'utf8').digest('base64')}'`);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html.match(/https?:\/\/[^\s"'<>]+/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('a run without a race or failure says so instead of inventing one', () => {
    const deck = exportSlidesHtml(withRaces(recordTrace('tutorial/locked-update')));
    expect(headings(deck)).toEqual(['tutorial/locked-update', 'The setup', 'The interleaving', 'What went wrong', 'The fix']);
    expect(slide(deck, 'race')).toContain('Nothing: the run ended complete with no failure and no race.');
    expect(deck).toContain('Nothing went wrong in this run.');
  });

  it('escapes every hostile string', () => {
    const deck = exportSlidesHtml(withRaces(recordTrace(hostile)));
    for (const s of Object.values(HOSTILE)) expect(deck).not.toContain(s);
    expect(deck).not.toMatch(/<img|<b>/);
    expect(deck.match(/<script\b/g)).toHaveLength(1);
    expect(deck).toContain('&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;');
  });

  it('fits the timeline of a 200-step trace\'s race into the picture\'s room at its own size', () => {
    const long = withRaces(recordTrace(bank));
    expect(long.steps.length).toBeGreaterThan(190);
    const story = resolveWindow(long, { focus: 'race' })!;
    const fitted = fittedTimeline(long, story);
    expect(fitted.fits).toBe(true);
    const [w, h] = /width="(\d+)" height="(\d+)"/.exec(fitted.svg)!.slice(1).map(Number);
    expect(w).toBeLessThanOrEqual(PICTURE.width);
    expect(h).toBeLessThanOrEqual(PICTURE.height);
    // The race's accesses stay in the picture (threads may be folded, steps are not cut here).
    const race = long.races![0]!;
    expect(fitted.window.from).toBeLessThanOrEqual(race.first.step);
    expect(fitted.window.to).toBeGreaterThanOrEqual(race.second.step);
  });
});
