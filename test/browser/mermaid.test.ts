import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRaces } from '../../src/trace/export/index.js';
import { exportMermaid } from '../../src/trace/export/mermaid.js';
import { resolveWindow } from '../../src/trace/export/window.js';
import { threadLabels } from '../../src/trace/notation.js';
import hostile from '../fixtures/hostile.js';
import { hostileTrace } from '../fixtures/hostile-trace.js';
import { recordTrace } from '../trace/export/record.js';
import { launch, screenshotPath, type Watched } from './chromium.js';

/** mermaid's browser bundle, loaded into the page from node_modules (no network). */
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

let browser: Browser;
let w: Watched;
beforeAll(async () => {
  browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  w = { page, errors: [], dialogs: [], requests: [] };
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => w.requests.push(r.url()));
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => {
    const m = (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid;
    m.initialize({ startOnLoad: false, securityLevel: 'strict' });
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Parse and render `text` with mermaid in the page; the rendered SVG replaces #out's content. */
async function render(page: Page, id: string, text: string): Promise<{ parsed: boolean; actors: string[] }> {
  return page.evaluate(
    async ([id, text]) => {
      const g = globalThis as unknown as {
        mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> };
        document: { getElementById(id: string): { innerHTML: string; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } };
      };
      const parsed = (await g.mermaid.parse(text)) !== false;
      const { svg } = await g.mermaid.render(id, text);
      const out = g.document.getElementById('out');
      out.innerHTML = svg;
      const actors = Array.from(out.querySelectorAll('text.actor')).map((e) => e.textContent ?? '');
      return { parsed, actors };
    },
    [id, text] as const,
  );
}

describe('the Mermaid export parsed and rendered by mermaid in chromium', () => {
  it('tutorial/race: a sequence diagram with every thread as a participant, under its replay-line name', async () => {
    const trace = recordTrace('tutorial/race');
    const r = await render(w.page, 'race', exportMermaid(trace));
    expect(r.parsed).toBe(true);
    const labels = threadLabels(trace.threads.map((t) => t.name));
    for (const l of labels) expect(r.actors).toContain(l);
    await w.page.locator('#out svg').screenshot({ path: screenshotPath('mermaid-tutorial-race.png') });
    expect(w.errors).toEqual([]);
  });

  it('tutorial/race: the whole diagram and the race excerpt fit a slide, notes inside their boxes, step numbers as in the report', async () => {
    const trace = withRaces(recordTrace('tutorial/race'));
    const sizes: Record<string, number> = {};
    for (const [id, window] of [['whole', undefined], ['excerpt', resolveWindow(trace, { steps: { from: 9, to: 19 } })]] as const) {
      await render(w.page, id, exportMermaid(trace, window === undefined ? {} : { window }));
      const m = await w.page.evaluate(() => {
        type Box = { x: number; y: number; width: number; height: number };
        type El = { getBBox(): Box; textContent: string | null; nextElementSibling: El | null; querySelectorAll(s: string): ArrayLike<El> };
        const doc = (globalThis as unknown as { document: { querySelector(s: string): El & { getBoundingClientRect(): Box } } }).document;
        const svg = doc.querySelector('#out svg');
        const overflow: string[] = [];
        for (const rect of Array.from(svg.querySelectorAll('rect.note'))) {
          const box = rect.getBBox();
          for (let t = rect.nextElementSibling; t !== null && t.textContent !== null && /noteText/.test(String((t as unknown as { getAttribute(a: string): string | null }).getAttribute('class'))); t = t.nextElementSibling) {
            const b = t.getBBox();
            if (b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1) overflow.push(t.textContent);
          }
        }
        const numbers = Array.from(svg.querySelectorAll('text.sequenceNumber')).map((e) => Number(e.textContent));
        return { width: svg.getBoundingClientRect().width, overflow, numbers };
      });
      sizes[id] = m.width;
      expect(m.overflow, id).toEqual([]);
      // autonumber shows trace step numbers: 12 is the write the report names.
      expect(m.numbers, id).toContain(12);
      expect(m.numbers.every((n) => Number.isInteger(n) && n >= (window?.from ?? 0) && n <= (window?.to ?? 32)), id).toBe(true);
    }
    // Issue 13 measured 4,004 px (whole) and 3,483 px (steps 9..19) before.
    expect(sizes['excerpt']).toBeLessThan(1700);
    expect(sizes['whole']).toBeLessThan(2400);
  });

  it('hostile programs: parses, renders, runs nothing and fetches nothing', async () => {
    for (const [id, trace] of [['hostile', recordTrace(hostile)], ['evil', hostileTrace()]] as const) {
      const r = await render(w.page, id, exportMermaid(trace));
      expect(r.parsed).toBe(true);
      expect(r.actors.length).toBeGreaterThanOrEqual(trace.threads.length);
    }
    expect(await w.page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(await w.page.locator('#out script, #out img, #out iframe').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
