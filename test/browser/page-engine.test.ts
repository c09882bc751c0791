import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { PageEngine } from '../../src/browser/page.js';
import { toFunctionBody } from '../../src/browser/page.js';
import { builtins } from '../../src/examples/index.js';
import { pageBundle } from '../../src/trace/export/page-bundle.js';
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

describe('toFunctionBody', () => {
  it('turns the two module forms the playground accepts into a function body', () => {
    const body = toFunctionBody("import { program, Lock as L } from 'threadsim';\nimport * as ts from \"threadsim\";\nexport default program('p', function* () {});");
    expect(body).toBe("const { program, Lock : L } = threadsim;\nconst ts = threadsim;\nreturn program('p', function* () {});");
  });
});
