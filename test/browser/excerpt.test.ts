/**
 * Excerpts in chromium: the HTML player of `--steps`/`--threads`/`--focus`, opened as a user
 * gets it from the CLI, next to the CLI's own report of the same run. One browser for the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChoiceTree } from '../../src/trace/choice-tree.js';
import { exportHtml } from '../../src/trace/export/html.js';
import { resolveWindow } from '../../src/trace/export/window.js';
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
    // Typing a step the report names shows that step, run by the thread the report names.
    for (const r of rows) {
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
