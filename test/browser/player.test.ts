import { existsSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { logging } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { program } from '../../src/scheduler/program.js';
import { GilPolicy } from '../../src/scheduler/policies/index.js';
import { buildChoiceTree } from '../../src/trace/choice-tree.js';
import { exportHtml } from '../../src/trace/export/html.js';
import { runSchedule } from '../../src/trace/schedule-policy.js';
import { recordTrace } from '../trace/export/record.js';
import { artifact, launch, open, screenshotPath, type PageDocument, type Watched } from './chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function page(program: string): string {
  const trace = recordTrace(program);
  return artifact(`${program.replace('/', '-')}.html`, exportHtml(trace, { tree: buildChoiceTree(builtin(program)!, trace) }));
}

const stepText = (p: Page): Promise<string> => p.locator('#player .now .pos').innerText();
const stateOf = async (p: Page, root: string): Promise<Record<string, string>> =>
  Object.fromEntries(
    await p.locator(`${root} .state tr`).evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? ''])),
  );
const logLines = (p: Page, root: string): Promise<string[]> => p.locator(`${root} .log .line`).allInnerTexts();

/** Click the first enabled choice until `done` holds or the program ends; returns the clicks. */
async function clickThrough(p: Page, done: () => Promise<boolean>): Promise<number> {
  let clicks = 0;
  while (!(await done())) {
    const choice = p.locator('#choices button.choice:not([disabled])').first();
    if ((await choice.count()) === 0) break;
    await choice.click();
    clicks++;
  }
  return clicks;
}

describe('the HTML player in chromium', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await open(browser, page('tutorial/race'));
    await w.page.waitForSelector('body[data-ready="true"]');
  });

  it('loads with no console error, no dialog and no request', () => {
    expect(w.errors).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.requests).toEqual([]);
  });

  it('steps forward and back with the buttons and the keys, showing the step, the state and the log', async () => {
    const p = w.page;
    const total = recordTrace('tutorial/race').steps.length;
    expect(await stepText(p)).toBe(`step 0 of ${total}`);
    // tutorial/race starts db.value at 0 and logs nothing before its first step.
    expect(await stateOf(p, '#player')).toEqual({ 'db.value': '0' });
    expect(await logLines(p, '#player')).toEqual([]);
    await p.click('#fwd');
    await p.click('#fwd');
    expect(await stepText(p)).toBe(`step 2 of ${total}`);
    expect(await logLines(p, '#player')).toEqual(['12:00:00: Testing update. Starting value is 0.']);
    await p.keyboard.press('ArrowLeft');
    expect(await stepText(p)).toBe(`step 1 of ${total}`);
    await p.keyboard.press('End');
    expect(await stepText(p)).toBe(`step ${total} of ${total}`);
    // Python's tutorial: both workers read 0, so the database ends at 1 after six INFO lines.
    expect(await stateOf(p, '#player')).toEqual({ 'db.value': '1' });
    expect(await logLines(p, '#player')).toHaveLength(6);
    expect(await p.locator('#player-race').isVisible()).toBe(true);
    expect(await p.locator('#player-race').innerText()).toContain('Race on db.value');
    await p.click('#back');
    expect(await stepText(p)).toBe(`step ${total - 1} of ${total}`);
    await p.keyboard.press('Home');
    expect(await stepText(p)).toBe(`step 0 of ${total}`);
    expect(await p.locator('#player-race').isVisible()).toBe(false);
  });

  it('marks the state change of the step just run', async () => {
    const p = w.page;
    const trace = recordTrace('tutorial/race');
    const firstWrite = trace.steps.find((s) => s.kind === 'write')!;
    await p.fill('#pos-input', String(firstWrite.step + 1));
    await p.press('#pos-input', 'Enter');
    expect(await p.locator('#player .state tr.changed th').allInnerTexts()).toEqual(['db.value']);
    expect(await p.locator('#player .state tr.changed td').innerText()).toBe(JSON.stringify(firstWrite.value));
    const shot = screenshotPath('player-tutorial-race.png');
    await p.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('you are the scheduler: clicking threads reaches the race, with a replay line that reproduces it', async () => {
    const p = w.page;
    await p.click('#tab-scheduler');
    expect(await p.locator('#scheduler').isVisible()).toBe(true);
    const raced = (): Promise<boolean> => p.locator('#outcome.race').isVisible();
    const clicks = await clickThrough(p, raced);
    expect(await raced()).toBe(true);
    expect(clicks).toBeGreaterThan(0);
    expect(await p.locator('#outcome').innerText()).toContain('You produced the race on db.value');
    const line = await p.locator('#replay code').innerText();
    const m = /^npx threadsim run tutorial\/race --schedule '(.*)'$/.exec(line);
    expect(m).not.toBeNull();
    // The schedule shown replays a run that loses the update.
    const exec = runSchedule(builtin('tutorial/race')!, m![1]!, { seed: 0, fallback: new GilPolicy() });
    expect(exec.failures.map((f) => f.kind)).toEqual(['claim']);
    const shot = screenshotPath('scheduler-tutorial-race.png');
    await p.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    // Undo goes back one choice.
    const before = await p.locator('#scheduler .now .pos').innerText();
    await p.click('#undo');
    expect(await p.locator('#scheduler .now .pos').innerText()).not.toBe(before);
    expect(w.errors).toEqual([]);
  });
});

describe('the scheduler mode when the program is correct', () => {
  it('tutorial/locked-update: clicking through to the end produces no race and no failure', async () => {
    const w = await open(browser, page('tutorial/locked-update'));
    const p = w.page;
    await p.click('#tab-scheduler');
    // Many choices: click in the page (real click events on the buttons) to keep the test quick.
    const clicks = await p.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      let n = 0;
      for (;;) {
        const b = doc.querySelector('#choices button.choice:not([disabled])');
        if (b === null || doc.querySelector('#outcome .ending') !== null) return n;
        b.click();
        n++;
      }
    });
    expect(clicks).toBeGreaterThan(5);
    expect(await p.locator('#outcome .ending').isVisible()).toBe(true);
    expect(await p.locator('#outcome.race').count()).toBe(0);
    expect(await p.locator('#outcome .ok').innerText()).toBe('No failure: every claim holds.');
    // Python: the lock makes every schedule end at 2.
    expect(await stateOf(p, '#scheduler')).toEqual({ 'db.value': '2' });
    const line = await p.locator('#replay code').innerText();
    const exec = runSchedule(builtin('tutorial/locked-update')!, /--schedule '(.*)'$/.exec(line)![1]!, { seed: 0, fallback: new GilPolicy() });
    expect(exec.failures).toEqual([]);
    expect(w.errors).toEqual([]);
    await p.close();
  });
});

describe('a long trace', () => {
  it('draws a window of columns around the current step and follows it to the end', async () => {
    const long = program('long', function* main() {
      function* chatter() {
        for (let i = 0; i < 300; i++) yield* logging.info('line %d', i);
      }
      const t = new Thread({ target: chatter });
      yield* t.start();
      yield* t.join();
    });
    const trace = recordTrace(long);
    expect(trace.steps.length).toBeGreaterThan(300);
    const w = await open(browser, artifact('long.html', exportHtml(trace)));
    const p = w.page;
    await p.waitForSelector('body[data-ready="true"]');
    const heads = (): Promise<string[]> => p.locator('#player .lanes .colhead').allInnerTexts();
    expect((await heads())[0]).toBe('0');
    expect((await heads()).length).toBe(240);
    await p.keyboard.press('End');
    const last = await heads();
    expect(last.length).toBe(240);
    expect(last[last.length - 1]).toBe(String(trace.steps.length - 1));
    expect(await p.locator('#player .log .line').count()).toBe(300);
    expect(w.errors).toEqual([]);
    await p.close();
  });
});
