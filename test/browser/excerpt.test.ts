/**
 * Slide-ready HTML in chromium: the player of an excerpt (`--steps`/`--threads`/`--focus`),
 * opened as a user gets it from the CLI next to the CLI's own report of the same run, and the
 * `slides-html` deck, measured at 1920 × 1080. One browser for the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChoiceTree } from '../../src/trace/choice-tree.js';
import { exportHtml } from '../../src/trace/export/html.js';
import { withRaces } from '../../src/trace/export/index.js';
import { exportSlidesHtml } from '../../src/trace/export/slides-html.js';
import { resolveWindow } from '../../src/trace/export/window.js';
import bank from '../fixtures/bank-program.js';
import hostile, { HOSTILE } from '../fixtures/hostile.js';
import { recordTrace } from '../trace/export/record.js';
import { artifact, launch, open, screenshotPath } from './chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** `threadsim ARGS... -o FILE` in a temp folder: the CLI's stdout and stderr, and the file it wrote, as an artifact URL. */
function cli(args: readonly string[], name: string): { report: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'threadsim-excerpt-'));
  const file = join(dir, name);
  const run = spawnSync(process.execPath, ['bin/threadsim.js', ...args, '-o', file], { encoding: 'utf8' });
  const url = artifact(name, readFileSync(file, 'utf8'));
  rmSync(dir, { recursive: true });
  return { report: run.stdout + run.stderr, url };
}

const heads = (p: Page, root: string): Promise<string[]> => p.locator(`${root} .lanes .colhead`).allInnerTexts();
const laneNames = (p: Page, root: string): Promise<string[]> => p.locator(`${root} .lanes .lane-name`).allInnerTexts();

describe('the HTML player of an excerpt', () => {
  it('run --export html --focus race: the race\'s steps under the CLI\'s numbers, only the threads acting in them, and the scheduler starts there', async () => {
    const { report, url } = cli(['run', 'tutorial/race', '--export', 'html', '--focus', 'race'], 'race-focus.html');
    // The report's own excerpt of the race: "trace, steps 9..19", then one line per step with its thread.
    const range = /trace, steps (\d+)\.\.(\d+)/.exec(report)!;
    const [from, to] = [Number(range[1]), Number(range[2])];
    const rows = [...report.matchAll(/^ {6}[> ] step +(\d+) {2}(\S+) {2,}(.*?)(?: {2}src\/\S+)?$/gm)].map((m) => ({ step: Number(m[1]), thread: m[2]!, op: m[3]!.trim() }));
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    const w = await open(browser, url);
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    expect(await heads(p, '#player')).toEqual(rows.map((r) => String(r.step)));
    expect((await laneNames(p, '#player')).sort()).toEqual([...new Set(rows.map((r) => r.thread))].sort());
    expect(await p.locator('#player .now .pos').innerText()).toBe(`before step ${from}`);
    // Typing a step the report lists shows that step, run by the thread the report names (the window's ends and the accesses).
    const marked = new Set([from, to, ...[...report.matchAll(/at step (\d+)/g)].map((m) => Number(m[1]))]);
    for (const r of rows.filter((x) => marked.has(x.step))) {
      await p.fill('#pos-input', String(r.step));
      await p.press('#pos-input', 'Enter');
      expect(await p.locator('#player .now .pos').innerText()).toBe(`step ${r.step}`);
      expect(await p.locator('#player .now .who').innerText()).toBe(r.thread);
      expect(await p.locator('#player .lanes .colhead.current').innerText()).toBe(String(r.step));
    }
    // The accesses the report marks (read 0 at step 9, wrote 1 at step 12) read the same in the page.
    for (const m of report.matchAll(/(read|wrote) (\S+) at step (\d+)/g)) {
      await p.fill('#pos-input', m[3]!);
      await p.press('#pos-input', 'Enter');
      expect(await p.locator('#player .now .what').innerText()).toBe(m[1] === 'read' ? `read db.value -> ${m[2]}` : `write db.value = ${m[2]}`);
    }
    // Forward stops at the window's last step; the state there is the run's (db.value is 1 after step 19).
    await p.locator('#fwd').focus();
    await p.keyboard.press('End');
    expect(await p.locator('#player .now .pos').innerText()).toBe(`step ${to}`);
    expect(await p.locator('#fwd').isDisabled()).toBe(true);
    expect(await p.locator('#player .state td').innerText()).toBe('1');
    await p.screenshot({ path: screenshotPath('player-excerpt.png'), fullPage: true });

    // The scheduler starts at the window's first step with the steps before it run as recorded.
    await p.click('#tab-scheduler');
    expect(await p.locator('#sched-start').innerText()).toContain(`starts at step ${from}, after steps 0 to ${from - 1} ran as recorded`);
    const prompt = async (): Promise<number> => Number(/^Step (\d+): who runs next\?$/.exec(await p.locator('#choices .prompt').innerText())![1]);
    expect(await prompt()).toBeGreaterThanOrEqual(from);
    // Playing the recorded picks from there loses the update, as the recorded run did.
    const recorded = recordTrace('tutorial/race');
    while ((await p.locator('#choices .prompt').count()) > 0) {
      const n = await prompt();
      const shown = await heads(p, '#scheduler');
      if (shown.length > 0) expect(shown[0]).toBe(String(from));
      await p.click(`#choices button.choice[data-thread="${recorded.schedule[n]}"]`);
    }
    expect(await p.locator('#outcome .goal-met').innerText()).toBe('Goal reached: db.value ended at 1.');
    expect(await p.locator('#replay code').innerText()).toBe(`npx threadsim run tutorial/race --schedule '${recorded.notation}'`);
    // Restart goes back to the window's start, not to step 0.
    await p.click('#restart');
    expect(await prompt()).toBeGreaterThanOrEqual(from);
    expect(await p.locator('#undo').isDisabled()).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    await p.close();
  });

  it('export --steps --threads: the named threads get lanes, the others share one lane, under the same numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-excerpt-'));
    const trace = join(dir, 'race.json');
    spawnSync(process.execPath, ['bin/threadsim.js', 'run', 'tutorial/race', '--trace', trace], { encoding: 'utf8' });
    const { url } = cli(['export', trace, '-f', 'html', '--steps', '9..12', '--threads', 'T1'], 'race-steps.html');
    rmSync(dir, { recursive: true });
    const w = await open(browser, url);
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    expect(await heads(p, '#player')).toEqual(['9', '10', '11', '12']);
    expect(await laneNames(p, '#player')).toEqual(['ThreadPoolExecutor-0_0', 'other threads']);
    // Step 9 (T2's read) and step 10 (MainThread's shutdown) sit in the shared lane, named in their tooltips.
    expect(await p.locator('#player .lanes .cell[data-step="9"]').getAttribute('title')).toBe('step 9 @ 9 µs: ThreadPoolExecutor-0_1: read db.value -> 0');
    expect(await p.locator('#player .lanes .cell[data-step="10"]').getAttribute('title')).toMatch(/^step 10 @ \d+ µs: MainThread: shutdown /);
    expect(await p.locator('#window-caption').innerText()).toBe('Steps 9 to 12 of 33 (0..32); folded into "other threads": MainThread, ThreadPoolExecutor-0_1.');
    expect(w.errors).toEqual([]);
    await p.close();
  });

  it('hostile thread names in an excerpt stay text: lanes, the folded lane, the caption and the scheduler', async () => {
    const trace = recordTrace(hostile);
    const last = trace.steps.length - 1;
    const window = resolveWindow(trace, { steps: { from: 3, to: last }, threads: ['#1'] })!;
    const w = await open(browser, artifact('hostile-excerpt.html', exportHtml(trace, { tree: buildChoiceTree(hostile, trace), window })));
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    expect(await laneNames(p, '#player')).toEqual([HOSTILE.script, 'other threads']);
    expect(await p.locator('#player .lane-name.others').getAttribute('title')).toContain(HOSTILE.attr);
    expect(await p.locator('#window-caption').innerText()).toContain(HOSTILE.attr);
    expect((await heads(p, '#player'))[0]).toBe('3');
    await p.keyboard.press('End');
    expect(await p.locator('#player .log').innerText()).toContain(HOSTILE.comment);
    await p.click('#tab-scheduler');
    expect(await p.locator('#sched-start').innerText()).toContain('starts at step 3');
    expect(await laneNames(p, '#scheduler')).toContain(HOSTILE.script);
    expect(await p.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(await p.locator('img, iframe, object, embed').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    await p.close();
  });
});

/** Smallest rendered text on the slide shown: each text node's font size times the scale it is drawn at (the deck's, or the SVG's). */
async function smallestText(p: Page): Promise<{ px: number; text: string }> {
  return p.evaluate(() => {
    type El = { closest(s: string): unknown; getScreenCTM?: () => { a: number } | null; parentElement: El | null };
    const g = globalThis as unknown as {
      document: { querySelector(s: string): { getBoundingClientRect(): { width: number } } & object; createTreeWalker(root: object, what: number): { nextNode(): { textContent: string | null; parentElement: El } | null } };
      getComputedStyle(e: object): { fontSize: string; display: string; visibility: string };
    };
    const deckScale = g.document.querySelector('#deck').getBoundingClientRect().width / 1920;
    const walker = g.document.createTreeWalker(g.document.querySelector('.slide:not([hidden])'), 4);
    let best = { px: Infinity, text: '' };
    for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) {
      const text = (t.textContent ?? '').trim();
      if (text === '') continue;
      const el = t.parentElement;
      const inSvg = el.closest('svg') !== null;
      const scale = inSvg ? (el.getScreenCTM?.()?.a ?? 1) : deckScale;
      const px = parseFloat(g.getComputedStyle(el).fontSize) * scale;
      if (px < best.px) best = { px, text: text.slice(0, 40) };
    }
    return best;
  });
}

describe('the HTML slide deck', () => {
  for (const [name, make] of [
    ['tutorial/race', () => withRaces(recordTrace('tutorial/race'))],
    ['a 209-step bank program', () => withRaces(recordTrace(bank))],
  ] as const) {
    it(`${name}: every slide fits 16:9 at 1920 × 1080 with no text under 14 px; keys and buttons move`, async () => {
      const trace = make();
      const w = await open(browser, artifact(`deck-${name.replace(/\W+/g, '-')}.html`, exportSlidesHtml(trace)), { width: 1920, height: 1080 });
      const p = w.page;
      await p.waitForSelector('body[data-ready="true"]');
      const count = await p.locator('.slide').count();
      expect(count).toBe(5);
      // The canvas is 16:9 and fills the 16:9 window.
      const box = (await p.locator('#deck').boundingBox())!;
      expect(box.width / box.height).toBeCloseTo(16 / 9, 3);
      expect(box.width).toBeCloseTo(1920, 0);
      for (let i = 1; i <= count; i++) {
        expect(await p.locator('#counter').innerText()).toBe(`${i} / ${count}`);
        expect(await p.locator('.slide:not([hidden])').count()).toBe(1);
        const small = await smallestText(p);
        expect(small.px, `slide ${i}: "${small.text}"`).toBeGreaterThanOrEqual(14);
        // Nothing runs off the slide: the body holds its content, the picture sits inside the canvas.
        const over = await p.locator('.slide:not([hidden]) .body').evaluate((b) => (b as unknown as { scrollHeight: number; clientHeight: number }).scrollHeight - (b as unknown as { clientHeight: number }).clientHeight);
        expect(over, `slide ${i}`).toBeLessThanOrEqual(1);
        const svg = p.locator('.slide:not([hidden]) svg');
        if ((await svg.count()) > 0) {
          const s = (await svg.boundingBox())!;
          expect(s.y + s.height).toBeLessThanOrEqual(box.y + box.height);
          expect(s.x + s.width).toBeLessThanOrEqual(box.x + box.width);
        }
        if (i === 3) {
          await p.screenshot({ path: screenshotPath(`deck-${name.replace(/\W+/g, '-')}-3.png`) });
          // A maximised (not full-screen) browser window 1920 px wide: the canvas shrinks to 0.89, the text stays 14 px.
          await p.setViewportSize({ width: 1920, height: 960 });
          const windowed = await smallestText(p);
          expect(windowed.px, `slide 3 at 1920 x 960: "${windowed.text}"`).toBeGreaterThanOrEqual(14);
          await p.setViewportSize({ width: 1920, height: 1080 });
        }
        await p.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'Space');
      }
      expect(await p.locator('#counter').innerText()).toBe(`${count} / ${count}`);
      expect(await p.locator('#next').isDisabled()).toBe(true);
      await p.click('#prev');
      expect(await p.locator('#counter').innerText()).toBe(`${count - 1} / ${count}`);
      // Space on the focused button presses it once: one slide back, not two.
      await p.keyboard.press('Space');
      expect(await p.locator('#counter').innerText()).toBe(`${count - 2} / ${count}`);
      await p.keyboard.press('Home');
      expect(await p.locator('#prev').isDisabled()).toBe(true);
      await p.click('#next');
      expect(await p.locator('.slide:not([hidden]) h2').innerText()).toBe('The setup');
      // The slide number is in the address: opening #3 shows the interleaving.
      await p.goto(`${p.url().replace(/#.*$/, '')}#3`);
      await p.reload();
      await p.waitForSelector('body[data-ready="true"]');
      expect(await p.locator('.slide:not([hidden]) h2').innerText()).toBe('The interleaving');
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([]);
      await p.close();
    });
  }

  it('hostile names stay text on every slide', async () => {
    const trace = withRaces(recordTrace(hostile));
    const w = await open(browser, artifact('deck-hostile.html', exportSlidesHtml(trace)), { width: 1920, height: 1080 });
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    expect(await p.locator('.slide-setup .threads').innerText()).toContain(HOSTILE.script);
    expect(await p.locator('.slide-setup .threads').innerText()).toContain(HOSTILE.attr);
    expect(await p.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(await p.locator('img, iframe, object, embed, b').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    await p.close();
  });
});
