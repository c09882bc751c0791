/**
 * What `threadsim run tutorial/race` loads (bench/startup.ts measures the time): not yargs,
 * not the other tutorial programs, not node:crypto, node:http or node:worker_threads. Each
 * was a sizeable share of a cold start; this keeps them off the common command's path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'threadsim.js');
const dir = mkdtempSync(join(tmpdir(), 'tsim-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The modules (file URLs) and Node built-ins a command loads. */
function loads(args: string[]): { modules: string[]; builtins: string[] } {
  const modules = join(dir, 'modules.txt');
  const builtins = join(dir, 'builtins.txt');
  writeFileSync(modules, '');
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(modules)}, r.url + '\\n'); return r; }\n`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hook}`).href)});\n`);
  const atExit = join(dir, 'at-exit.cjs');
  writeFileSync(atExit, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(builtins)}, process.moduleLoadList.join('\\n')));\n`);
  // Two runs: the resolve hook runs on a thread of its own, which loads node:worker_threads.
  for (const preload of [['--import', register], ['-r', atExit]]) {
    const r = spawnSync(process.execPath, [...preload, BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
  }
  return { modules: readFileSync(modules, 'utf8').split('\n').filter(Boolean), builtins: readFileSync(builtins, 'utf8').split('\n') };
}

describe('the modules a plain `threadsim run` loads', () => {
  it('leaves out yargs, the other built-in programs and the heavy Node modules', { timeout: 60_000 }, () => {
    const { modules, builtins } = loads(['run', 'tutorial/race']);
    expect(modules.some((u) => u.endsWith('/examples/tutorial/race.js'))).toBe(true);
    expect(modules.filter((u) => u.includes('/node_modules/yargs'))).toEqual([]);
    expect(modules.filter((u) => /\/examples\/tutorial\/(index|executor|deadlock)\.js$/.test(u))).toEqual([]);
    for (const m of ['crypto', 'http', 'worker_threads']) expect(builtins).not.toContain(`NativeModule ${m}`);
  });

  it('loads yargs when the command line needs it', { timeout: 60_000 }, () => {
    const { modules } = loads(['run', 'tutorial/race', '--seed=0']);
    expect(modules.some((u) => u.includes('/node_modules/yargs'))).toBe(true);
  });
});
