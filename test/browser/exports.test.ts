import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChoiceTree } from '../../src/trace/choice-tree.js';
import { exportHtml } from '../../src/trace/export/html.js';
import { exportSvg } from '../../src/trace/export/svg.js';
import type { TraceFile } from '../../src/trace/format.js';
import hostile, { HOSTILE, HOSTILE_KEY } from '../fixtures/hostile.js';
import { hostile as evilProgram, hostileTrace } from '../fixtures/hostile-trace.js';
import { recordTrace } from '../trace/export/record.js';
import { artifact, launch, open, screenshotPath, type PageDocument } from './chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether the hostile program's payloads ran: they would set window.__pwned. */
const pwned = (w: { page: { evaluate: <T>(f: () => T) => Promise<T> } }): Promise<unknown> =>
  w.page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null);

describe('the SVG export in chromium', () => {
  it('tutorial/race renders one lane per thread with its runs and the race link', async () => {
    const trace = recordTrace('tutorial/race');
    const w = await open(browser, artifact('tutorial-race.svg', exportSvg(trace)));
    const p = w.page;
    expect(await p.locator('parsererror').count()).toBe(0);
    const lanes = await p.locator('g.lane').evaluateAll((els) =>
      els.map((e) => {
        const box = (e as unknown as { getBBox(): { width: number; height: number } }).getBBox();
        return { width: box.width, height: box.height, runs: e.querySelectorAll('.run').length, name: e.querySelector('.lane-name')?.lastChild?.textContent ?? '' };
      }),
    );
    expect(lanes.map((l) => l.name)).toEqual(trace.threads.map((t) => t.name));
    for (const lane of lanes) {
      expect(lane.width).toBeGreaterThan(200);
      expect(lane.height).toBeGreaterThan(20);
      expect(lane.runs).toBeGreaterThan(0);
    }
    const races = await p.locator('g.race path').evaluateAll((els) => els.map((e) => (e as unknown as { getTotalLength(): number }).getTotalLength()));
    expect(races.length).toBeGreaterThan(0);
    for (const length of races) expect(length).toBeGreaterThan(10);
    expect(w.errors).toEqual([]);
    await p.locator('svg').first().screenshot({ path: screenshotPath('svg-tutorial-race.png') });
    await p.close();
  });
});

describe('hostile input in chromium', () => {
  const trace = recordTrace(hostile);
  const names = trace.threads.map((t) => t.name);

  it('the HTML player shows every hostile string as text, runs none of them and keeps its layout', async () => {
    const w = await open(browser, artifact('hostile.html', exportHtml(trace, { tree: buildChoiceTree(hostile, trace) })));
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    await p.keyboard.press('End');
    expect(await p.locator('#player .lanes .lane-name').allInnerTexts()).toEqual(names);
    expect(await p.locator('#player .failures li').innerText()).toContain(HOSTILE.script);
    const log = (await p.locator('#player .log .line').allInnerTexts()).join('\n');
    for (const s of [HOSTILE.attr, HOSTILE.comment, HOSTILE.script]) expect(log).toContain(s);
    expect(await p.locator('#player .state th').allInnerTexts()).toEqual([`db.${HOSTILE_KEY}`]);
    // The scheduler mode renders the same strings from the tree.
    await p.click('#tab-scheduler');
    await p.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      for (let b = doc.querySelector('#choices button.choice:not([disabled])'); b !== null; b = doc.querySelector('#choices button.choice:not([disabled])')) b.click();
    });
    expect(await p.locator('#outcome .ending').isVisible()).toBe(true);
    expect(await p.locator('#scheduler .lanes .lane-name').allInnerTexts()).toEqual(names);
    // Nothing ran, nothing was fetched, no element was injected.
    expect(await pwned(w)).toBeNull();
    expect(w.dialogs).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await p.locator('img, iframe, object, embed, b').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(2);
    // Layout: the page does not overflow sideways and the lanes stay one row per thread.
    const layout = await p.evaluate(() => {
      const g = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return { scroll: g.document.documentElement.scrollWidth, width: g.innerWidth };
    });
    expect(layout.scroll).toBeLessThanOrEqual(layout.width);
    const rows = await p.locator('#scheduler .lanes .lane-name').evaluateAll((els) => els.map((e) => (e as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height));
    for (const h of rows) expect(h).toBeLessThan(40);
    await p.screenshot({ path: screenshotPath('hostile-html.png'), fullPage: true });
    await p.close();
  });

  it('the HTML player survives the trace fixture with every hostile string at once (newlines, escapes, entities)', async () => {
    const evil = hostileTrace();
    const w = await open(browser, artifact('evil.html', exportHtml(evil, { tree: buildChoiceTree(evilProgram, evil) })));
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    await p.keyboard.press('End');
    expect(await p.locator('#player .lanes .lane-name').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(evil.threads.map((t) => t.name));
    await p.click('#tab-scheduler');
    for (let i = 0; i < 3; i++) await p.locator('#choices button.choice:not([disabled])').last().click();
    expect(await pwned(w)).toBeNull();
    expect(w.dialogs).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await p.locator('img, iframe, object, embed, b').count()).toBe(0);
    const layout = await p.evaluate(() => {
      const g = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return { scroll: g.document.documentElement.scrollWidth, width: g.innerWidth };
    });
    expect(layout.scroll).toBeLessThanOrEqual(layout.width);
    await p.screenshot({ path: screenshotPath('evil-html.png'), fullPage: true });
    await p.close();
  });

  it('the SVG export shows every hostile string as text and runs none of them', async () => {
    const w = await open(browser, artifact('hostile.svg', exportSvg(trace)));
    const p = w.page;
    expect(await p.locator('parsererror').count()).toBe(0);
    const titles = await p.locator('g.lane .lane-name title').allTextContents();
    expect(titles).toEqual(trace.threads.map((t) => `${t.name} (thread ${t.index})`));
    const lanes = await p.locator('g.lane .lane-name').evaluateAll((els) => els.map((e) => e.lastChild?.textContent ?? ''));
    // A lane name is drawn whole, or cut to fit the margin with an ellipsis (the tooltip has it whole).
    expect(lanes).toHaveLength(names.length);
    lanes.forEach((l, i) => expect(l === names[i] || (l.endsWith('…') && names[i]!.startsWith(l.slice(0, -1)))).toBe(true));
    expect(await p.locator('script, foreignObject, image, a').count()).toBe(0);
    expect(await pwned(w)).toBeNull();
    expect(w.dialogs).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.errors).toEqual([]);
    await p.locator('svg').first().screenshot({ path: screenshotPath('hostile-svg.png') });
    await p.close();
  });
});

describe('SVG well-formedness against arbitrary strings', () => {
  it('chromium parses the SVG of tutorial/race with arbitrary thread names, objects, values and messages', async () => {
    const base = recordTrace('tutorial/race');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ']', '-', '\u0000', '\u001b', '\ud800', '\udc00', '\ufffe', 'a'), maxLength: 24 }));
    const samples = fc.sample(fc.record({ names: fc.array(text, { minLength: 3, maxLength: 3 }), obj: text, value: text, message: text }), { numRuns: 40, seed: 7 });
    const traces: TraceFile[] = samples.map((x) => ({
      ...base,
      recipe: { ...base.recipe, program: x.message },
      threads: base.threads.map((t, i) => ({ ...t, name: x.names[i]! })),
      steps: base.steps.map((st) => ({ ...st, ...(st.obj === undefined ? {} : { obj: `${st.obj}${x.obj}` }), ...(st.value === undefined ? {} : { value: x.value }) })),
      failures: [{ kind: 'claim', claim: x.message, message: x.message }],
    }));
    traces.push(hostileTrace());
    const svgs = traces.map((t) => exportSvg(t));
    const page = await browser.newPage();
    const problems = await page.evaluate((docs) => {
      const P = (globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, type: string): { querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<unknown> } } }).DOMParser;
      return docs.map((d) => {
        const doc = new P().parseFromString(d, 'image/svg+xml');
        const error = doc.querySelector('parsererror');
        return error !== null ? error.textContent : doc.querySelectorAll('script, foreignObject').length > 0 ? 'active content' : null;
      });
    }, svgs);
    expect(problems).toEqual(svgs.map(() => null));
    await page.close();
  });
});

describe('the golden artefacts in traces/', () => {
  it('every HTML page loads without an error and every SVG parses', async () => {
    const root = new URL('../../traces', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') || f.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    for (const f of files) {
      await page.goto(pathToFileURL(join(root, f)).href);
      if (f.endsWith('.html')) {
        expect(await page.getAttribute('body', 'data-ready'), f).toBe('true');
      } else {
        expect(await page.locator('parsererror').count(), f).toBe(0);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
