import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { PageEngine } from '../../src/browser/page.js';
import { toFunctionBody } from '../../src/browser/page.js';
import { builtins } from '../../src/examples/index.js';
import type { PlaygroundEngine } from '../../src/browser/playground.js';
import { builtinPythonSource, pageBundle, playgroundBundle } from '../../src/trace/export/page-bundle.js';
import { recordTrace } from '../trace/export/record.js';

describe('the page bundle (dist/page/threadsim-page.js, built by npm run build)', () => {
  const bundle = pageBundle();

  it('runs with no Node API at all: evaluated in a bare context, it runs the tutorial race', () => {
    // A fresh V8 context has no process, require, Buffer or module: only what a browser also has.
    const sandbox: { threadsimPage?: PageEngine } = {};
    runInNewContext(bundle, sandbox);
    const engine = sandbox.threadsimPage!;
    expect(engine.names()).toEqual(builtins().map((p) => p.name));
    const run = engine.live('tutorial/race', recordTrace('tutorial/race').schedule, { program: 'tutorial/race', policy: 'gil', seed: 0 });
    expect(run.steps).toHaveLength(recordTrace('tutorial/race').steps.length);
    expect(run.failures).toEqual(["claim 'no lost update' is false: db.value is 1, expected 2"]);
  });

  it('holds no Node import and nothing that closes the page script early', () => {
    expect(bundle).not.toMatch(/\brequire\(|["']node:|process\.env/);
    expect(bundle).not.toMatch(/<\/script|<!--/i);
  });
});

describe('the playground bundle (dist/page/threadsim-playground.js): the page engine plus Python', () => {
  const bundle = playgroundBundle();

  it('runs Python source with no Node API: py/race in a bare context loses its update, sites naming the file', () => {
    const sandbox: { threadsimPage?: PlaygroundEngine } = {};
    runInNewContext(bundle, sandbox);
    const engine = sandbox.threadsimPage!;
    const program = engine.compilePython(builtinPythonSource('tutorial/race.py'), 'race.py', 'cpython');
    const run = engine.run(program, 'gil', 0);
    const text = run.trace.output.map((o) => o.text).join('\n');
    expect(text).toContain('Testing update. Ending value is 1.');
    expect(run.trace.failures.map((f) => f.message).join('\n')).toMatch(/data race on FakeDatabase#1\.value .*race\.py:21/);
    // The same run as the CLI's: `threadsim run py/race` takes 35 steps under gil, seed 0.
    expect(run.trace.steps).toHaveLength(35);
    expect(engine.program(engine.register(program)).name).toBe('race.py');
  });

  it('reports Python syntax errors with CPython\'s line and column', () => {
    const sandbox: { threadsimPage?: PlaygroundEngine } = {};
    runInNewContext(bundle, sandbox);
    expect(() => sandbox.threadsimPage!.compilePython('x = (1,\n', 'bad.py', 'cpython')).toThrow(/^bad\.py:\d+:\d+: SyntaxError: /);
  });

  it('holds no Node import, and the page bundle of the HTML exports does not carry the Python front end', () => {
    expect(bundle).not.toMatch(/\brequire\(|["']node:|process\.env/);
    expect(bundle).not.toMatch(/<\/script|<!--/i);
    expect(bundle).toContain('compilePython');
    expect(pageBundle()).not.toContain('compilePython');
  });
});

describe('toFunctionBody', () => {
  it('turns the two module forms the playground accepts into a function body', () => {
    const body = toFunctionBody("import { program, Lock as L } from 'threadsim';\nimport * as ts from \"threadsim\";\nexport default program('p', function* () {});");
    expect(body).toBe("const { program, Lock : L } = threadsim;\nconst ts = threadsim;\nreturn program('p', function* () {});");
  });
});
