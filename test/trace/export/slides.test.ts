import { describe, expect, it } from 'vitest';
import { exportSlides } from '../../../src/trace/export/slides.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import { hostileTrace } from '../../fixtures/hostile-trace.js';
import { mermaidStepNumbers, traceOf } from './helpers.js';

/** The deck's slides: the text between `---` separators after the front matter. */
function slides(deck: string): string[] {
  const body = deck.replace(/^---\nmarp: true\npaginate: true\n---\n/, '');
  return body.split('\n\n---\n\n');
}

describe('slides export', () => {
  const trace = traceOf('tutorial/race');
  const deck = exportSlides(trace);
  const s = slides(deck);

  it('is one slide per phase: title, setup, interleaving, the lost write, the fix, then the sequence', () => {
    expect(deck.startsWith('---\nmarp: true\n')).toBe(true);
    expect(s.map((x) => /^#+ (.*)$/m.exec(x)![1])).toEqual(['tutorial/race', 'The setup', 'The interleaving', 'The lost write', 'The fix', 'The sequence']);
  });

  it('the interleaving slide carries the SVG timeline of the race steps in the file itself', () => {
    const img = /!\[Timeline of steps 9 to 19\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(s[2]!);
    expect(img).not.toBeNull();
    const svg = Buffer.from(img![1]!, 'base64').toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect([...svg.matchAll(/class="step-number">(\d+)</g)].map((m) => Number(m[1])).sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('the setup shows the steps before the race, the interleaving the race steps the CLI report names (9..19)', () => {
    expect(s[1]).toContain('**db.value = 0**');
    expect(mermaidStepNumbers(s[1]!).map((n) => n.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(mermaidStepNumbers(s[5]!).map((n) => n.step)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(s[2]).toContain('ThreadPoolExecutor-0\\_1 (9) → MainThread (10) → ThreadPoolExecutor-0\\_0 (11-17) → ThreadPoolExecutor-0\\_1 (18-19)');
  });

  it('the lost write names the three steps and the claim; the fix names the lock and the commands', () => {
    expect(s[3]).toContain('- step 9: ThreadPoolExecutor-0\\_1 read db.value → 0');
    expect(s[3]).toContain("- step 19: ThreadPoolExecutor-0\\_1 write db.value ← 1 (from its stale copy: step 12's write is lost)");
    expect(s[3]).toContain("> Failure: claim 'no lost update' is false");
    expect(s[4]).toContain('threading.Lock');
    expect(s[4]).toContain('    npx threadsim explore tutorial/race');
    expect(s[4]).toContain('    or: npx threadsim run tutorial/race --policy gil --seed 0');
  });

  it('--steps chooses the interleaving slide; a run without a race still gets a deck', () => {
    const w = resolveWindow(trace, { steps: { from: 20, to: 25 } })!;
    expect(mermaidStepNumbers(slides(exportSlides(trace, { window: w }))[5]!).map((n) => n.step)).toEqual([20, 21, 22, 23, 24, 25]);
    const calm = slides(exportSlides(traceOf('tutorial/locked-update')));
    expect(calm.map((x) => /^#+ (.*)$/m.exec(x)![1])).toEqual(['tutorial/locked-update', 'The setup', 'The interleaving', 'What went wrong', 'The fix', 'The sequence']);
    expect(calm[3]).toContain('Nothing: the run ended complete');
  });

  it('escapes hostile strings: no HTML, no user text can end a fence or start a slide', () => {
    const evil = exportSlides(hostileTrace());
    const prose = evil.replace(/```mermaid\n[\s\S]*?\n```\n/g, '').split('\n').filter((l) => !l.startsWith('    ')).join('\n');
    expect(prose).not.toMatch(/<[a-z/!?]/i);
    expect(prose).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    for (const block of evil.match(/```mermaid\n([\s\S]*?)\n```/g) ?? []) expect(block.slice(10, -3)).not.toContain('`');
    // Slides: exactly the separators the exporter writes.
    expect(slides(evil)).toHaveLength(6);
    // The hostile SVG inside the image is escaped like any SVG export.
    for (const [, b64] of evil.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)) expect(Buffer.from(b64!, 'base64').toString('utf8')).not.toMatch(/<script|<img/);
  });
});

describe('the fix slide of a run without a race', () => {
  it('a deadlock gets the fixes for a deadlock, not "fix what the failure names"', () => {
    const deck = exportSlides(traceOf('tutorial/deadlock'));
    const fix = deck.split('\n\n---\n\n').find((s) => s.startsWith('## The fix'))!;
    expect(fix).toContain('take locks in one fixed order');
    expect(fix).toContain('`threading.RLock`');
    expect(fix).not.toContain('Fix what the failure names');
  });
});
