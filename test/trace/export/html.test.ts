import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtin, builtins } from '../../../src/examples/index.js';
import { buildChoiceTree } from '../../../src/trace/choice-tree.js';
import { exportHtml } from '../../../src/trace/export/html.js';
import { resolveWindow } from '../../../src/trace/export/window.js';
import hostile, { HOSTILE } from '../../fixtures/hostile.js';
import { recordTrace } from './record.js';

function dataOf(html: string): { trace: { steps: { t: number }[] }; tree: unknown } {
  const m = /<script type="application\/json" id="ts-data">([\s\S]*?)<\/script>/.exec(html);
  if (m === null) throw new Error('no data element');
  return JSON.parse(m[1]!) as { trace: { steps: { t: number }[] }; tree: unknown };
}

describe('exportHtml', () => {
  const trace = recordTrace('tutorial/race');
  const html = exportHtml(trace, { tree: buildChoiceTree(builtin('tutorial/race')!, trace) });

  it('is one self-contained file: no URL to anything outside it', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    // Only the SVG namespace, which is a name and never fetched.
    expect(html.match(/https?:\/\/[^\s"'<>]+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).not.toMatch(/@import|url\((?!#)/);
  });

  it('allows only its own script, by hash, and no network in its Content-Security-Policy', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
  });

  it('embeds the trace steps and the tree as JSON the page can read back', () => {
    const data = dataOf(html);
    expect(data.trace.steps.map((s) => s.t)).toEqual(trace.schedule);
    expect(data.tree).not.toBeNull();
  });

  it('keeps hostile strings out of the markup: only escaped text and escaped JSON', () => {
    const page = exportHtml(recordTrace(hostile), { tree: buildChoiceTree(hostile, recordTrace(hostile)) });
    for (const s of Object.values(HOSTILE)) expect(page).not.toContain(s);
    const scripts = page.match(/<script\b/g) ?? [];
    expect(scripts).toHaveLength(2);
    expect(page).not.toMatch(/<img|<b>/);
    const data = dataOf(page) as unknown as { trace: { threads: string[] } };
    expect(data.trace.threads).toContain(HOSTILE.script);
  });
});

describe('exportHtml of a built-in program (the engine in the page)', () => {
  const trace = recordTrace('tutorial/race');
  const html = exportHtml(trace, { program: builtin('tutorial/race')! });

  it('embeds the engine bundle and the player, each allowed by its own hash and nothing else', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
    const allowed = /script-src ([^;]*);/.exec(csp)![1]!.split(' ');
    expect(allowed.sort()).toEqual(hashes.sort());
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'none'");
    // Outside the inline scripts, no markup points anywhere.
    expect(html.replace(/<script>[\s\S]*?<\/script>/g, '')).not.toMatch(/\b(src|href)\s*=/i);
  });

  it('names the program for the engine instead of holding precomputed runs', () => {
    const data = JSON.parse(/<script type="application\/json" id="ts-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as { live: string; tree: unknown };
    expect(data.live).toBe('tutorial/race');
    expect(data.tree).toBeNull();
  });

  it('stays under 1 MB for every tutorial program', () => {
    for (const p of builtins().filter((b) => b.name.startsWith('tutorial/'))) {
      const size = Buffer.byteLength(exportHtml(recordTrace(p.name), { program: p }), 'utf8');
      expect(size, p.name).toBeLessThan(1_000_000);
    }
  });
});

describe('exportHtml of a program the page cannot hold', () => {
  it('falls back to precomputed runs and says why', () => {
    const trace = recordTrace(hostile);
    // The program's module file is not known (a program object made elsewhere), so nothing can be bundled.
    const html = exportHtml(trace, { program: { ...hostile, module: join(tmpdir(), 'threadsim-no-such-dir', 'gone.ts') } });
    const data = dataOf(html) as unknown as { live: unknown; tree: unknown };
    expect(data.live).toBeNull();
    expect(data.tree).not.toBeNull();
    expect(html).toContain('its module file is not known here');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

describe('exportHtml of an excerpt (--steps, --threads, --focus)', () => {
  it('carries the window, draws the timeline of the window only, and says what it leaves out', () => {
    const trace = recordTrace('tutorial/race');
    const window = resolveWindow(trace, { steps: { from: 9, to: 12 }, threads: ['T1'] })!;
    const html = exportHtml(trace, { program: builtin('tutorial/race')!, window });
    const data = dataOf(html) as unknown as { window: unknown; trace: { steps: unknown[] } };
    // T1 is thread 1; MainThread (step 10) and T2 (step 9) act in 9..12 and are folded.
    expect(data.window).toEqual({ from: 9, to: 12, lanes: [1], folded: [0, 2] });
    // The whole run stays in the data: the state and log at step 9 are the recorded run's.
    expect(data.trace.steps).toHaveLength(trace.steps.length);
    expect(html).toContain('<p class="excerpt" id="window-caption">Steps 9 to 12 of 33 (0..32); folded into &quot;other threads&quot;: MainThread, ThreadPoolExecutor-0_1.</p>');
    const svg = /<div id="timeline">([\s\S]*?)<\/div><\/details>/.exec(html)![1]!;
    const drawn = [...svg.matchAll(/data-step="(\d+)"/g)].map((m) => Number(m[1]));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((n) => n >= 9 && n <= 12)).toBe(true);
  });

  it('escapes hostile thread names in the caption of what it folds', () => {
    const trace = recordTrace(hostile);
    const html = exportHtml(trace, { window: resolveWindow(trace, { threads: ['#1'] })! });
    for (const s of Object.values(HOSTILE)) expect(html).not.toContain(s);
    expect(html).toContain('folded into &quot;other threads&quot;: MainThread, &quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
  });

  it('--compact draws the page\'s timeline with glyphs, the values in its footnote and in each glyph\'s tooltip', () => {
    const trace = recordTrace('tutorial/race');
    const timeline = (html: string): string => /<div id="timeline">([\s\S]*?)<\/div><\/details>/.exec(html)![1]!;
    expect(timeline(exportHtml(trace))).toContain('class="access-label"');
    const compact = timeline(exportHtml(trace, { compact: true }));
    expect(compact).not.toContain('class="access-label"');
    expect(compact).toMatch(/class="value-note">Values: step 0 R db\.value → 0;/);
    expect(compact).toMatch(/<g class="access write" data-step="12"><title>step 12: write db\.value[^<]*1[^<]*<\/title>/);
  });
});
