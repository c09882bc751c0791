import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { logging } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { program } from '../../src/scheduler/program.js';
import { GilPolicy } from '../../src/scheduler/policies/index.js';
import { exportHtml } from '../../src/trace/export/html.js';
import { runSchedule } from '../../src/trace/schedule-policy.js';
import { recordTrace } from '../trace/export/record.js';
import { HOSTILE } from '../fixtures/hostile.js';
import { artifact, launch, open, screenshotPath, type PageDocument, type Watched } from './chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The CLI's report and its HTML export of the same run of a built-in program, as a user gets them. */
function cliPage(program: string): { report: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'threadsim-page-'));
  const html = join(dir, 'page.html');
  const run = spawnSync(process.execPath, ['bin/threadsim.js', 'run', program, '--export', 'html', '-o', html], { encoding: 'utf8' });
  const report = run.stdout + run.stderr;
  const url = artifact(`cli-${program.replace(/\W+/g, '-')}.html`, readFileSync(html, 'utf8'));
  rmSync(dir, { recursive: true });
  return { report, url };
}

function page(program: string): string {
  const trace = recordTrace(program);
  return artifact(`${program.replace('/', '-')}.html`, exportHtml(trace, { program: builtin(program)! }));
}

const stepText = async (p: Page): Promise<string> => `${await p.locator('#player .now .pos').innerText()} · ${await p.locator('#player .now .count').innerText()}`;
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
    expect(await stepText(p)).toBe(`start · 0 of ${total} steps run`);
    // tutorial/race starts db.value at 0 and logs nothing before its first step.
    expect(await stateOf(p, '#player')).toEqual({ 'db.value': '0' });
    expect(await logLines(p, '#player')).toEqual([]);
    await p.click('#fwd');
    await p.click('#fwd');
    expect(await stepText(p)).toBe(`step 1 · 2 of ${total} steps run`);
    expect(await logLines(p, '#player')).toEqual(['12:00:00: Testing update. Starting value is 0.']);
    await p.keyboard.press('ArrowLeft');
    expect(await stepText(p)).toBe(`step 0 · 1 of ${total} steps run`);
    await p.keyboard.press('End');
    expect(await stepText(p)).toBe(`step ${total - 1} · ${total} of ${total} steps run`);
    // Python's tutorial: both workers read 0, so the database ends at 1 after six INFO lines.
    expect(await stateOf(p, '#player')).toEqual({ 'db.value': '1' });
    expect(await logLines(p, '#player')).toHaveLength(6);
    expect(await p.locator('#player-race').isVisible()).toBe(true);
    expect(await p.locator('#player-race').innerText()).toContain('Race on db.value');
    await p.click('#back');
    expect(await stepText(p)).toBe(`step ${total - 2} · ${total - 1} of ${total} steps run`);
    await p.keyboard.press('Home');
    expect(await stepText(p)).toBe(`start · 0 of ${total} steps run`);
    expect(await p.locator('#player-race').isVisible()).toBe(false);
  });

  it('marks the state change of the step just run', async () => {
    const p = w.page;
    const trace = recordTrace('tutorial/race');
    const firstWrite = trace.steps.find((s) => s.kind === 'write')!;
    await p.fill('#pos-input', String(firstWrite.step));
    await p.press('#pos-input', 'Enter');
    expect(await p.locator('#player .state tr.changed th').allInnerTexts()).toEqual(['db.value']);
    expect(await p.locator('#player .state tr.changed td').innerText()).toBe(JSON.stringify(firstWrite.value));
    const shot = screenshotPath('player-tutorial-race.png');
    await p.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('numbers steps as the CLI report does: typing the step the report names shows that access, and the banner lists every race', async () => {
    // The page the CLI exports (bin/threadsim.js, built by pretest) next to the CLI's report of the same run.
    const cli = cliPage('tutorial/race');
    const named = [...cli.report.matchAll(/(read|wrote) (\S+) at step (\d+)/g)].map((m) => ({ verb: m[1]!, value: m[2]!, step: Number(m[3]) }));
    expect(named.length).toBeGreaterThanOrEqual(4);
    const c = await open(browser, cli.url);
    const p = c.page;
    await p.waitForSelector('body[data-ready="true"]');
    for (const { verb, value, step } of named) {
      await p.fill('#pos-input', String(step));
      await p.press('#pos-input', 'Enter');
      expect(await p.locator('#player .now .pos').innerText()).toBe(`step ${step}`);
      expect(await p.locator('#player .now .what').innerText()).toBe(verb === 'read' ? `read db.value -> ${value}` : `write db.value = ${value}`);
      // The lanes' highlighted column carries the same number.
      expect(await p.locator('#player .lanes .colhead.current').innerText()).toBe(String(step));
    }
    // Every race the report lists is in the banner at the end, not only the first.
    await p.keyboard.press('End');
    const reported = [...cli.report.matchAll(/^ {2}- (data race on .*)$/gm)].map((m) => m[1]!);
    expect(reported).toHaveLength(2);
    const lines = await p.locator('#player-race .race-line').allInnerTexts();
    expect(lines).toHaveLength(reported.length);
    for (const r of reported) expect(lines.some((l) => l.includes(r))).toBe(true);
    expect(c.errors).toEqual([]);
    expect(c.requests).toEqual([]);
    await p.close();
  });

  it('puzzle: the goal is shown and the answer hidden until revealed; hints come one at a time', async () => {
    const p = w.page;
    await p.click('#tab-scheduler');
    expect(await p.locator('#goal').innerText()).toContain('Make db.value end at 1');
    const visible = await p.locator('#scheduler').innerText();
    // Nothing on the scheduler tab names the recorded run's failing steps before the reveal.
    expect(visible).not.toMatch(/data race|lost update|at step \d|claim 'no lost update' is false/);
    expect(await p.locator('#answer').isVisible()).toBe(false);
    await p.click('#hint');
    expect(await p.locator('#hints p').count()).toBe(1);
    expect(await p.locator('#hints').innerText()).toContain('db.value');
    await p.click('#hint');
    expect(await p.locator('#hints p').count()).toBe(2);
    expect(await p.locator('#hint').isDisabled()).toBe(true);
    await p.click('#reveal');
    expect(await p.locator('#answer').isVisible()).toBe(true);
    expect(await p.locator('#answer').innerText()).toContain("claim 'no lost update' is false");
  });

  it('you are the scheduler runs the real program: every choice open, "Step N" numbered like the lanes', async () => {
    const p = w.page;
    await p.click('#restart');
    const trace = recordTrace('tutorial/race');
    // Play the recorded run's schedule: at "Step N", pick the thread that ran step N there.
    let picks = 0;
    for (;;) {
      const prompt = p.locator('#choices .prompt');
      if ((await prompt.count()) === 0) break;
      const n = Number(/^Step (\d+): who runs next\?$/.exec(await prompt.innerText())![1]);
      // The steps so far are 0 .. n-1: the lanes' last column and the now-line agree with the prompt.
      const heads = await p.locator('#scheduler .lanes .colhead').allInnerTexts();
      expect(heads[heads.length - 1]).toBe(String(n - 1));
      expect(await p.locator('#scheduler .now .pos').innerText()).toBe(`step ${n - 1}`);
      expect(await p.locator('#scheduler .now .count').innerText()).toBe(`${n} steps run`);
      expect(await p.locator('#choices button.choice[disabled]').count()).toBe(0);
      await p.click(`#choices button.choice[data-thread="${trace.schedule[n]}"]`);
      picks++;
    }
    expect(picks).toBeGreaterThan(2);
    expect(await p.locator('#outcome .goal-met').innerText()).toBe('Goal reached: db.value ended at 1.');
    expect(await p.locator('#outcome .race-line').count()).toBe(2);
    const line = await p.locator('#replay code').innerText();
    const m = /^npx threadsim run tutorial\/race --schedule '(.*)'$/.exec(line);
    expect(m).not.toBeNull();
    // The replay line is the recorded run's schedule, and replays a run that loses the update.
    expect(m![1]).toBe(trace.notation);
    const exec = runSchedule(builtin('tutorial/race')!, m![1]!, { seed: 0, fallback: new GilPolicy() });
    expect(exec.failures.map((f) => f.kind)).toContain('claim');
    await p.screenshot({ path: screenshotPath('scheduler-tutorial-race.png'), fullPage: true });
    // Undo goes back one pick; restart to the first choice point.
    await p.click('#undo');
    expect(await p.locator('#choices .prompt').count()).toBe(1);
    expect(await p.locator('#outcome .goal-met').count()).toBe(0);
    await p.click('#restart');
    expect(await p.locator('#undo').isDisabled()).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
  });

  it('clicking the first choice at every point reaches the race, with a replay line that reproduces it', async () => {
    const p = w.page;
    await p.click('#restart');
    const raced = (): Promise<boolean> => p.locator('#outcome.race').isVisible();
    const clicks = await clickThrough(p, raced);
    expect(await raced()).toBe(true);
    expect(clicks).toBeGreaterThan(0);
    expect(await p.locator('#outcome').innerText()).toContain('You produced a race on db.value');
    const line = await p.locator('#replay code').innerText();
    const m = /^npx threadsim run tutorial\/race --schedule '(.*)'$/.exec(line);
    const exec = runSchedule(builtin('tutorial/race')!, m![1]!, { seed: 0, fallback: new GilPolicy() });
    expect(exec.failures.map((f) => f.kind)).toContain('claim');
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
    expect(await p.locator('#outcome .goal-missed').count()).toBe(1);
    expect(await p.locator('#choices button.choice[disabled]').count()).toBe(0);
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

describe('the golden tutorial pages in traces/', () => {
  it('run their programs live from file:// with no request and no console error', async () => {
    const root = new URL('../../traces/tutorial', import.meta.url).pathname;
    // A sample of programs with every kind of ending (exports.test.ts loads every golden page).
    const files = ['race.html', 'locked-update.html', 'deadlock.html', 'pipeline-queue.html', 'single-thread.html'];
    expect(files.every((f) => readdirSync(root).includes(f))).toBe(true);
    const p = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('request', (r) => {
      if (!r.url().startsWith(pathToFileURL(root).href)) requests.push(r.url());
    });
    for (const f of files) {
      await p.goto(pathToFileURL(join(root, f)).href);
      expect(await p.getAttribute('body', 'data-ready'), f).toBe('true');
      await p.click('#tab-scheduler');
      // The embedded engine ran the program: a choice to make, or (one thread only) the end.
      expect((await p.locator('#choices .prompt').count()) + (await p.locator('#outcome .ending').count()), f).toBe(1);
      expect(await p.locator('#choices button.choice[disabled]').count(), f).toBe(0);
    }
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });
});

describe('a program from a module file, bundled into the page by the CLI export', () => {
  it('runs live: the puzzle is met by a lost update, and the replay line names the file', async () => {
    const cli = cliPage('test/fixtures/counter-program.ts');
    const c = await open(browser, cli.url);
    const p = c.page;
    await p.waitForSelector('body[data-ready="true"]');
    await p.click('#tab-scheduler');
    // The recorded (gil) run races but ends at 2, so the goal is to make a claim fail.
    expect(await p.locator('#goal-text').innerText()).toContain('make a claim fail');
    // Let both threads read before either writes: pick the thread that has not read yet whenever a read is pending.
    for (let i = 0; i < 50 && (await p.locator('#choices .prompt').count()) > 0; i++) {
      expect(await p.locator('#choices button.choice[disabled]').count()).toBe(0);
      const read = p.locator('#choices button.choice', { hasText: 'read c.n' });
      await ((await read.count()) > 0 ? read.last() : p.locator('#choices button.choice').first()).click();
    }
    expect(await p.locator('#outcome .goal-met').innerText()).toBe('Goal reached.');
    expect(await p.locator('#outcome .failure').innerText()).toBe("claim 'both increments count' is false: c.n is 1, expected 2");
    expect(await stateOf(p, '#scheduler')).toEqual({ 'c.n': '1' });
    expect(await p.locator('#replay code').innerText()).toMatch(/^npx threadsim run test\/fixtures\/counter-program\.ts --schedule '/);
    expect(c.errors).toEqual([]);
    expect(c.requests).toEqual([]);
    await p.close();
  });

  it('hostile names stay text in the live scheduler', async () => {
    const cli = cliPage('test/fixtures/hostile.ts');
    const c = await open(browser, cli.url);
    const p = c.page;
    await p.waitForSelector('body[data-ready="true"]');
    await p.click('#tab-scheduler');
    for (let i = 0; i < 100 && (await p.locator('#choices .prompt').count()) > 0; i++) await p.locator('#choices button.choice').last().click();
    expect(await p.locator('#outcome .ending').isVisible()).toBe(true);
    expect(await p.locator('#scheduler .lanes .lane-name').allInnerTexts()).toContain(HOSTILE.script);
    expect(await p.locator('#scheduler .log').innerText()).toContain(HOSTILE.comment);
    expect(await p.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(await p.locator('img, iframe, object, embed').count()).toBe(0);
    expect(c.dialogs).toEqual([]);
    expect(c.errors).toEqual([]);
    expect(c.requests).toEqual([]);
    await p.close();
  });
});
