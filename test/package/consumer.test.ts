/**
 * threadsim as a user adopts it: `npm pack`, install the tarball into a fresh project outside
 * the clone, then use it the four ways users do: plain `node` through the API, the user's own
 * `tsc` (strict, with and without skipLibCheck and exactOptionalPropertyTypes), vitest with
 * `threadsim/vitest`, and `npx threadsim run ./counter.mts`.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
const exact = (name: string): string => rootPackage.devDependencies[name]!.replace(/^[\^~]/, '');

let dir = '';
let packed: { files: { path: string }[]; size: number } = { files: [], size: 0 };

function inConsumer(command: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env, VITEST: '', VITEST_MODE: '', VITEST_POOL_ID: '', VITEST_WORKER_ID: '', NODE_ENV: '' } });
}

const COUNTER = `import { program, shared, Thread } from 'threadsim';

export default program('counter', function* main() {
  const c = shared('c', { n: 0 });
  function* work() {
    const n = yield* c.get('n');
    yield* c.set('n', n + 1);
  }
  const threads = [new Thread({ target: work }), new Thread({ target: work })];
  for (const t of threads) yield* t.start();
  for (const t of threads) yield* t.join();
}, { claims: { 'both increments count': (s) => s.c?.n === 2 } });
`;

const LOCKED = `import { program, shared, Thread, Lock } from 'threadsim';

export default program('locked', function* main() {
  const c = shared('c', { n: 0 });
  const lock = new Lock();
  function* work() {
    yield* lock.with(function* () {
      yield* c.set('n', (yield* c.get('n')) + 1);
    });
  }
  const threads = [new Thread({ target: work }), new Thread({ target: work })];
  for (const t of threads) yield* t.start();
  for (const t of threads) yield* t.join();
}, { claims: { 'both increments count': (s) => s.c?.n === 2 } });
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadsim-consumer-'));
  // --ignore-scripts: packing would otherwise run `prepare`, rebuilding dist/ in place while
  // test files in the other vitest worker run the CLI from it (a half-written dist/ fails
  // them). `npm test` builds dist/ first (pretest), so the tarball holds the same files.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const info = (JSON.parse(out) as { filename: string; files: { path: string }[]; size: number }[])[0]!;
  packed = info;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, info.filename), `vitest@${exact('vitest')}`, `typescript@${exact('typescript')}`, `@types/node@${exact('@types/node')}`], { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, 'counter.mts'), COUNTER);
  writeFileSync(join(dir, 'locked.mts'), LOCKED);
}, 240_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the package from npm pack', () => {
  it('ships only dist, schema, bin, README, LICENSE and CHANGELOG', () => {
    const tops = new Set(packed.files.map((f) => f.path.split('/')[0]));
    expect([...tops].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'schema']);
    expect(packed.files.some((f) => f.path === 'dist/index.d.ts')).toBe(true);
    expect(packed.files.some((f) => f.path === 'dist/check/vitest.js')).toBe(true);
  });

  it('(a) runs a program through the API under plain node, with no TypeScript loader', () => {
    writeFileSync(
      join(dir, 'api.mjs'),
      `import { program, shared, Thread, runProgram } from 'threadsim';
const p = program('api', function* main() {
  const c = shared('c', { n: 0 });
  function* work() { const n = yield* c.get('n'); yield* c.set('n', n + 1); }
  const ts = [new Thread({ target: work }), new Thread({ target: work })];
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
}, { claims: { 'both count': (s) => s.c.n === 2 } });
const summary = runProgram(p, { policy: 'random', seed: 0, runs: 200 });
console.log(JSON.stringify({ n: summary.execution.state.c.n, failures: summary.execution.failures.map((f) => f.kind) }));
`,
    );
    const r = inConsumer(process.execPath, ['api.mjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ n: 1, failures: expect.arrayContaining(['claim']) as unknown });
  });

  const USER_TS = `import { program, shared, Thread, Lock, runProgram, explore, type Program } from 'threadsim';
import 'threadsim/vitest';
import { expect } from 'vitest';

export const p: Program = program('typed', function* main() {
  const c = shared('c', { n: 0 });
  const lock = new Lock();
  function* work(): Generator<any, void, any> {
    yield* lock.with(function* () {
      yield* c.set('n', (yield* c.get('n')) + 1);
    });
  }
  const threads = [new Thread({ target: work })];
  for (const t of threads) yield* t.start();
  for (const t of threads) yield* t.join();
});
const n: number = runProgram(p, { policy: 'gil' }).execution.steps;
const e = explore(p, { strategy: 'dpor' });
export const total: number = n + e.executions;
export const check = (): void => {
  expect(p).toBeThreadSafe();
};
`;

  // skipLibCheck only drops errors found in .d.ts files, so a user with it on passes whenever
  // the same config with it off passes: checking with it off covers both.
  for (const variant of [
    { name: 'strict', skipLibCheck: false, exactOptionalPropertyTypes: false },
    { name: 'strict + exactOptionalPropertyTypes', skipLibCheck: false, exactOptionalPropertyTypes: true },
  ]) {
    it(`(b) the user's tsc --noEmit passes (${variant.name})`, () => {
      writeFileSync(join(dir, 'user.ts'), USER_TS);
      const config = {
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noUncheckedIndexedAccess: true,
          esModuleInterop: true,
          skipLibCheck: variant.skipLibCheck,
          exactOptionalPropertyTypes: variant.exactOptionalPropertyTypes,
          types: ['node'],
          noEmit: true,
        },
        files: ['user.ts'],
      };
      writeFileSync(join(dir, 'tsconfig.check.json'), JSON.stringify(config, null, 2));
      const r = inConsumer(join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.check.json']);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it("(b) tsc --noEmit passes under the config `tsc --init` writes (strict, exactOptionalPropertyTypes, verbatimModuleSyntax)", () => {
    const typed = join(dir, 'typed');
    mkdirSync(typed, { recursive: true });
    writeFileSync(join(typed, 'user.ts'), USER_TS);
    const init = spawnSync(join(dir, 'node_modules/.bin/tsc'), ['--init'], { cwd: typed, encoding: 'utf8' });
    expect(init.status).toBe(0);
    const r = spawnSync(join(dir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.'], { cwd: typed, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('(c) a vitest file with threadsim/vitest passes for a locked counter and fails for a racy one', () => {
    writeFileSync(
      join(dir, 'safe.test.mts'),
      `import { expect, test } from 'vitest';
import 'threadsim/vitest';
import locked from './locked.mts';
import counter from './counter.mts';
test('locked counter is thread-safe', () => { expect(locked).toBeThreadSafe(); });
test('racy counter is not', () => { expect(counter).not.toBeThreadSafe(); expect(counter).toHaveRace(); });
`,
    );
    writeFileSync(
      join(dir, 'racy.test.mts'),
      `import { expect, test } from 'vitest';
import 'threadsim/vitest';
import counter from './counter.mts';
test('racy counter claimed safe', () => { expect(counter).toBeThreadSafe({ programPath: 'counter.mts' }); });
`,
    );
    // One vitest run for both files (its start-up is most of the cost): the two tests of
    // safe.test.mts pass and the one of racy.test.mts fails.
    const fail = inConsumer(join(dir, 'node_modules/.bin/vitest'), ['run', 'safe.test.mts', 'racy.test.mts']);
    expect(fail.status).toBe(1);
    const report = fail.stdout + fail.stderr;
    expect(report).toMatch(/Tests +1 failed \| 2 passed \(3\)/);
    expect(report).toMatch(/FAIL +racy\.test\.mts > racy counter claimed safe/);
    expect(report).not.toMatch(/FAIL +safe\.test\.mts/);
    expect(report).toMatch(/data race on c\.n|claim 'both increments count' is false/);
    const replay = report.split('\n').find((l) => l.startsWith('replay: npx threadsim run counter.mts --schedule '));
    expect(replay, report).toBeDefined();
    expect(replay, 'the replay line runs as printed: no escaped quotes').not.toMatch(/\\"/);
  });

  it('(d) npx threadsim run ./counter.mts finds the lost update from the consumer folder', () => {
    const r = inConsumer('npx', ['--no-install', 'threadsim', 'run', './counter.mts', '--policy', 'random', '--runs', '50']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/data race on c\.n \(lost update\)/);
    expect(r.stdout).toMatch(/\(counter\.mts:6\)/);
    expect(r.stdout).toMatch(/^replay: npx threadsim run \.\/counter\.mts --schedule '/m);
  });

  it('runs a built-in Python program and writes an HTML page whose engine came in the package', () => {
    // The installed command itself: (d) and --version show that npx finds it, and npx's own
    // start-up (a second or more here) would only repeat that five times.
    const threadsim = (...args: string[]): SpawnSyncReturns<string> => inConsumer(join(dir, 'node_modules/.bin/threadsim'), args);
    const py = threadsim('run', 'py/race', '--no-timestamps');
    expect(py.stderr).toBe('');
    expect(py.stdout).toMatch(/data race on \S+\.value \(lost update\).*\(tutorial\/race\.py:\d+\)/);
    expect(threadsim('run', 'tutorial/race', '--trace', 'race.json', '--force').status).toBe(1);
    const html = threadsim('export', 'race.json', '-f', 'html', '-o', 'race.html', '--force');
    expect(html.stderr).toBe('');
    expect(readFileSync(join(dir, 'race.html'), 'utf8')).toContain('"live":"tutorial/race"');
    // The slide-ready exports from the installed package: an excerpt of the player, and the HTML deck.
    const excerpt = threadsim('export', 'race.json', '-f', 'html', '--focus', 'race', '-o', 'race-focus.html', '--force');
    expect(excerpt.stderr).toBe('');
    expect(readFileSync(join(dir, 'race-focus.html'), 'utf8')).toContain('"window":{"from":9,"to":19');
    const deck = threadsim('export', 'race.json', '-f', 'slides-html', '-o', 'race.slides.html', '--force');
    expect(deck.stderr).toBe('');
    expect(readFileSync(join(dir, 'race.slides.html'), 'utf8')).toContain('<h2>The lost write</h2>');
  });

  it('npx threadsim --version prints the package version', () => {
    const r = inConsumer('npx', ['--no-install', 'threadsim', '--version']);
    expect(r.stdout.trim()).toBe(rootPackage.version);
  });
});
