import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { GilPolicy } from '../../src/scheduler/policies/index.js';
import { playgroundHtml } from '../../src/trace/export/playground.js';
import { runSchedule } from '../../src/trace/schedule-policy.js';
import { HOSTILE } from '../fixtures/hostile.js';
import { artifact, launch, open, screenshotPath, type Watched } from './chromium.js';

let browser: Browser;
let w: Watched;
beforeAll(async () => {
  browser = await launch();
  w = await open(browser, artifact('playground.html', playgroundHtml()));
  await w.page.waitForSelector('body[data-playground="ready"]');
});
afterAll(async () => {
  await browser?.close();
});

describe('the playground in chromium', () => {
  it('runs the tutorial race it opens with: a lost update, played in the player, with no request and no error', async () => {
    const p = w.page;
    // Python's tutorial: both workers read 0, so the run ends at 1 and breaks the claim.
    expect(await p.locator('#pg-summary').innerText()).toMatch(/^3 failures in race under policy gil, seed 0: \d+ steps/);
    expect(await p.locator('#player .failures li').first().innerText()).toBe("claim 'no lost update' is false: db.value is 1, expected 2");
    await p.keyboard.press('End');
    expect(await p.locator('#player .state td').innerText()).toBe('1');
    expect(await p.locator('#player-race .race-line').count()).toBe(2);
    expect(await p.locator('#timeline svg').count()).toBe(1);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.dialogs).toEqual([]);
  });

  it('runs an edited program under another policy and seed', async () => {
    const p = w.page;
    const source = await p.locator('#pg-source').inputValue();
    // Hold a lock around the read-modify-write: the fix.
    const fixed = source
      .replace("import { program, shared, sleep, logging, ThreadPoolExecutor } from 'threadsim';", "import { program, shared, sleep, logging, ThreadPoolExecutor, Lock } from 'threadsim';")
      .replace("  const db = shared('db', { value: 0 });", "  const db = shared('db', { value: 0 });\n  const lock = new Lock();")
      .replace("    const local = yield* db.get('value');", "    yield* lock.acquire();\n    const local = yield* db.get('value');")
      .replace("    yield* db.set('value', local + 1);", "    yield* db.set('value', local + 1);\n    yield* lock.release();");
    expect(fixed).not.toBe(source);
    await p.fill('#pg-source', fixed);
    await p.selectOption('#pg-policy', 'random');
    await p.fill('#pg-seed', '7');
    await p.click('#pg-run');
    expect(await p.locator('#pg-summary').innerText()).toMatch(/^No failure in race under policy random, seed 7: /);
    await p.keyboard.press('End');
    expect(await p.locator('#player .state td').innerText()).toBe('2');
    await p.fill('#pg-source', source);
    await p.selectOption('#pg-policy', 'gil');
    await p.fill('#pg-seed', '0');
    await p.click('#pg-run');
    expect(w.errors).toEqual([]);
  });

  it('samples a histogram of final states', async () => {
    const p = w.page;
    await p.fill('#pg-executions', '100');
    await p.click('#pg-hist');
    const rows = await p.locator('#pg-histogram table').first().locator('tr').evaluateAll((trs) => trs.slice(1).map((tr) => [tr.children[0]!.textContent ?? '', Number(tr.children[1]!.textContent)] as const));
    // Random schedules of the race end at 1 or 2, never anything else; the counts add up to the runs.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const [state] of rows) expect(state).toMatch(/^db\.value = [12]$/);
    expect(rows.reduce((a, [, n]) => a + n, 0)).toBe(100);
    expect(w.errors).toEqual([]);
  });

  it('plays the scheduler live on the typed program and gives a replay line that reproduces it', async () => {
    const p = w.page;
    await p.click('#tab-scheduler');
    expect(await p.locator('#goal-text').innerText()).toContain('Make db.value end at 1');
    for (let i = 0; i < 200 && (await p.locator('#choices .prompt').count()) > 0; i++) {
      expect(await p.locator('#choices button.choice[disabled]').count()).toBe(0);
      await p.locator('#choices button.choice').first().click();
    }
    expect(await p.locator('#outcome .ending').isVisible()).toBe(true);
    const line = await p.locator('#replay code').innerText();
    const m = /^npx threadsim run race --schedule '(.*)'$/.exec(line);
    expect(m).not.toBeNull();
    // The typed program is tutorial/race: the same schedule replays on the built-in.
    const exec = runSchedule(builtin('tutorial/race')!, m![1]!, { seed: 0, fallback: new GilPolicy() });
    const verdict = await p.locator('#outcome .goal').innerText();
    expect(verdict.startsWith('Goal reached')).toBe(exec.state.db?.value === 1);
    await p.screenshot({ path: screenshotPath('playground.png'), fullPage: true });
    expect(w.errors).toEqual([]);
  });

  it('exports the run shown', async () => {
    const p = w.page;
    await p.click('#pg-export-json');
    const trace = JSON.parse(await p.locator('#pg-export').inputValue()) as { format: string; programName: string; steps: unknown[] };
    expect(trace.format).toBe('threadsim-trace');
    expect(trace.programName).toBe('race');
    await p.click('#pg-export-mermaid');
    expect(await p.locator('#pg-export').inputValue()).toMatch(/^sequenceDiagram/m);
    expect(await p.locator('#pg-download').getAttribute('download')).toBe('race.mmd');
  });

  it('shows a program error on one line and keeps hostile names as text', async () => {
    const p = w.page;
    await p.fill('#pg-source', 'export default 42;');
    await p.click('#pg-run');
    expect(await p.locator('#pg-error').innerText()).toContain('export default program(');
    const hostile = [
      "import { program, Thread, shared } from 'threadsim';",
      `export default program(${JSON.stringify(HOSTILE.script)}, function* main() {`,
      `  const db = shared(${JSON.stringify(HOSTILE.attr)}, { v: 0 });`,
      `  const t = new Thread({ name: ${JSON.stringify(HOSTILE.comment)}, target: function* () { yield* db.set('v', 1); } });`,
      '  yield* t.start();',
      '  yield* t.join();',
      '});',
    ].join('\n');
    await p.fill('#pg-source', hostile);
    await p.click('#pg-run');
    expect(await p.locator('#pg-error').isVisible()).toBe(false);
    expect(await p.locator('#pg-summary').innerText()).toContain(HOSTILE.script);
    await p.keyboard.press('End');
    expect(await p.locator('#player .lanes .lane-name').allInnerTexts()).toContain(HOSTILE.comment);
    expect(await p.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(await p.locator('img, iframe, object, embed').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.errors).toEqual([]);
  });
  it('runs the tutorial race as Python: py/race from the language choice, under the same policies, histogram, player and exports', async () => {
    const p = w.page;
    await p.selectOption('#pg-program', '');
    await p.fill('#pg-source', await p.locator('#pg-starter-js').inputValue());
    await p.selectOption('#pg-language', 'py');
    // The editor held the JavaScript starter, so the Python one (py/race's file) replaces it.
    const source = await p.locator('#pg-source').inputValue();
    expect(source).toContain('class FakeDatabase:');
    expect(await p.locator('#pg-switch-label').isVisible()).toBe(true);
    await p.selectOption('#pg-policy', 'gil');
    await p.fill('#pg-seed', '0');
    await p.click('#pg-run');
    expect(await p.locator('#pg-error').isVisible()).toBe(false);
    // As `threadsim run py/race`: 35 steps, the lost update reported as two data races at the file's lines.
    expect(await p.locator('#pg-summary').innerText()).toMatch(/^2 failures in program\.py under policy gil, seed 0: 35 steps/);
    const failures = await p.locator('#player .failures li').allInnerTexts();
    expect(failures.join('\n')).toMatch(/data race on FakeDatabase#1\.value .*program\.py:21.*program\.py:24/);
    expect(await p.locator('#recorded-replay code').first().innerText()).toMatch(/^replay: npx threadsim run program\.py --schedule '/);
    await p.keyboard.press('End');
    expect(await p.locator('#player-race .race-line').count()).toBe(2);
    await p.screenshot({ path: screenshotPath('playground-python.png') });

    await p.fill('#pg-executions', '60');
    await p.click('#pg-hist');
    const outputs = await p.locator('#pg-histogram table').nth(1).locator('tr').evaluateAll((trs) => trs.slice(1).map((tr) => [tr.children[0]!.textContent ?? '', Number(tr.children[1]!.textContent)] as const));
    // Random schedules end at 1 (lost update) or 2; nothing else, and the counts add up.
    for (const [text] of outputs) expect(text).toMatch(/Ending value is [12]\./);
    expect(outputs.reduce((a, [, n]) => a + n, 0)).toBe(60);

    await p.click('#pg-export-json');
    const trace = JSON.parse(await p.locator('#pg-export').inputValue()) as { programName: string; steps: { site?: string }[] };
    expect(trace.programName).toBe('program.py');
    expect(trace.steps.some((s) => s.site === 'program.py:24')).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
  });

  it('runs Python under --switch any, shows a syntax error with its line and column, and recognises pasted JavaScript', async () => {
    const p = w.page;
    await p.selectOption('#pg-switch', 'any');
    await p.click('#pg-run');
    expect(await p.locator('#pg-summary').innerText()).toMatch(/ in program\.py@any under policy gil, seed 0: /);
    const source = await p.locator('#pg-source').inputValue();
    await p.fill('#pg-source', `${source}\nif True\n    pass\n`);
    await p.click('#pg-run');
    expect(await p.locator('#pg-error').innerText()).toMatch(/program\.py:\d+:\d+: SyntaxError: /);
    // Typing (or pasting) a JavaScript program switches the language back.
    await p.fill('#pg-source', await p.locator('#pg-starter-js').inputValue());
    await p.locator('#pg-source').dispatchEvent('input');
    expect(await p.locator('#pg-language').inputValue()).toBe('js');
    expect(await p.locator('#pg-switch-label').isVisible()).toBe(false);
    await p.click('#pg-run');
    expect(await p.locator('#pg-summary').innerText()).toMatch(/^3 failures in race under policy gil, seed 0: /);
    expect(w.errors).toEqual([]);
  });
});
