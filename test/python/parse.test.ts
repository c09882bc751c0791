/**
 * The parse adapter against CPython's own parser: on every `.py` file in the repository the
 * tree equals `ast.parse`'s (node types, fields, positions, int vs float), and syntax errors
 * are positioned where CPython positions them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PyNode } from '../../src/python/ast.js';
import { floatRepr } from '../../src/python/format.js';
import { parsePython, PySyntaxError } from '../../src/python/parse.js';
import { requirePython } from './cpython.js';

const ROOT = join(import.meta.dirname, '..', '..');

function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...pyFiles(path));
    else if (name.endsWith('.py')) out.push(path);
  }
  return out;
}

/** CPython's class names where the parser capitalises differently. */
const TYPE_NAMES: Record<string, string> = { Arguments: 'arguments', Arg: 'arg', Keyword: 'keyword', Alias: 'alias', WithItem: 'withitem', Comprehension: 'comprehension', MatchCase: 'match_case' };

/** The adapter's tree in ast-dump.py's format, with CPython's field list for each node type. */
function dump(n: unknown, cpython: unknown): unknown {
  if (Array.isArray(n)) return n.map((x, i) => dump(x, Array.isArray(cpython) ? cpython[i] : undefined));
  if (typeof n === 'object' && n !== null && 'nodeType' in n) {
    const node = n as PyNode;
    const ref = (cpython ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = { _type: TYPE_NAMES[node.nodeType] ?? node.nodeType };
    for (const k of Object.keys(ref)) {
      if (k === '_type') continue;
      if (['lineno', 'col_offset', 'end_lineno', 'end_col_offset'].includes(k)) out[k] = node[k];
      else if (node.nodeType === 'Constant' && k === 'value') out[k] = constant(node);
      else if (k === 'kind' || k === 'type_comment') out[k] = node[k] ?? null;
      else out[k] = dump(node[k] ?? null, ref[k]);
    }
    return out;
  }
  if (typeof n === 'number') return { int: String(n) };
  return n ?? null;
}

function constant(node: PyNode): unknown {
  const v = node.value;
  if (typeof v === 'number') return node.isFloat ? { float: floatRepr(v) } : { int: String(v) };
  if (typeof v === 'boolean' || typeof v === 'string' || v === null || v === undefined) return v ?? null;
  return { other: String(v) };
}

/**
 * The parts of an f-string: the one place where positions differ. CPython 3.11 gives each
 * part (and its format spec) the whole f-string's position; the parser gives each its own.
 * The expressions inside keep theirs and are compared.
 */
function dropFormatSpecPositions(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(dropFormatSpecPositions);
  if (typeof n !== 'object' || n === null) return n;
  const o: Record<string, unknown> = {};
  const isJoined = (n as { _type?: string })._type === 'JoinedStr';
  for (const [k, v] of Object.entries(n)) {
    if (k === 'format_spec' && v !== null) o[k] = stripPositions(v);
    else if (isJoined && k === 'values' && Array.isArray(v)) o[k] = v.map((part) => ownPositionsDropped(dropFormatSpecPositions(part)));
    else o[k] = dropFormatSpecPositions(v);
  }
  return o;
}

function ownPositionsDropped(n: unknown): unknown {
  if (typeof n !== 'object' || n === null) return n;
  return Object.fromEntries(Object.entries(n).filter(([k]) => !['lineno', 'col_offset', 'end_lineno', 'end_col_offset'].includes(k)));
}

function stripPositions(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(stripPositions);
  if (typeof n !== 'object' || n === null) return n;
  return Object.fromEntries(Object.entries(n).filter(([k]) => !['lineno', 'col_offset', 'end_lineno', 'end_col_offset'].includes(k)).map(([k, v]) => [k, stripPositions(v)]));
}

describe('parse adapter', () => {
  it("gives CPython's ast.parse tree for every .py file in the repository", () => {
    const python = requirePython();
    const files = pyFiles(ROOT).map((f) => relative(ROOT, f));
    expect(files.length).toBeGreaterThanOrEqual(35);
    const r = spawnSync(python.executable, [join('test', 'python', 'ast-dump.py'), ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).toBe(0);
    const trees = JSON.parse(r.stdout) as Record<string, { body: unknown }>;
    for (const file of files) {
      const ours = parsePython(readFileSync(join(ROOT, file), 'utf8'), file);
      const theirs = trees[file]!;
      expect(dropFormatSpecPositions(dump(ours.body, theirs.body)), file).toEqual(dropFormatSpecPositions(theirs.body));
    }
  });

  it('tells int literals from float literals by their text', () => {
    const m = parsePython('a = 1\nb = 1.0\nc = 1e3\nd = .5\ne = 0x10\nf = 10_000\n', 'x.py');
    const floats = m.body.map((s) => (s.value as PyNode).isFloat === true);
    expect(floats).toEqual([false, true, true, true, false, false]);
  });

  const INVALID = ['x = (1,\n', 'def f(:\n    pass\n', 'if x\n    y = 1\n', 'x = 1 +\n', 'return 1\n', 'for x in y:\nbreak\n', 'class A(\n', 'while True:\n    pass\n  x = 1\n'];

  it('reports syntax errors on the line CPython reports them', () => {
    const python = requirePython();
    const script = 'import json, sys\nout = []\nfor src in json.load(sys.stdin):\n    try:\n        compile(src, "bad.py", "exec")\n        out.append(0)\n    except SyntaxError as e:\n        out.append(e.lineno)\nprint(json.dumps(out))';
    const r = spawnSync(python.executable, ['-c', script], { input: JSON.stringify(INVALID), encoding: 'utf8' });
    const lines = JSON.parse(r.stdout) as number[];
    for (const [i, source] of INVALID.entries()) {
      const expected = lines[i]!;
      expect(expected, source).toBeGreaterThan(0);
      let error: unknown;
      try {
        parsePython(source, 'bad.py');
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(source)).toBeInstanceOf(PySyntaxError);
      const e = error as PySyntaxError;
      expect(e.message).toMatch(/^bad\.py:\d+:\d+: SyntaxError: /);
      expect(e.line, JSON.stringify(source)).toBe(expected);
    }
  });

  const MISPLACED_YIELD = ['yield 1\n', 'x = 1\nyield from x\n', 'class A:\n    z = 1 + (yield)\n', 'def f():\n    return [(yield) for x in y]\n', 'def f():\n    return {(yield) for x in y}\n', 'def f():\n    return {x: (yield from y) for x in y}\n', 'def f():\n    return ((yield) for x in y)\n', 'def f():\n    return [a for b in y for a in (yield b)]\n'];

  it("reports a misplaced yield as CPython's compiler does: message, line and column", () => {
    const python = requirePython();
    const script = 'import json, sys\nout = []\nfor src in json.load(sys.stdin):\n    try:\n        compile(src, "bad.py", "exec")\n        out.append(None)\n    except SyntaxError as e:\n        out.append([e.msg, e.lineno, e.offset])\nprint(json.dumps(out))';
    const r = spawnSync(python.executable, ['-c', script], { input: JSON.stringify(MISPLACED_YIELD), encoding: 'utf8' });
    const expected = JSON.parse(r.stdout) as [string, number, number][];
    for (const [i, source] of MISPLACED_YIELD.entries()) {
      let error: unknown;
      try {
        parsePython(source, 'bad.py');
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(source)).toBeInstanceOf(PySyntaxError);
      const e = error as PySyntaxError;
      expect([e.detail, e.line, e.column], JSON.stringify(source)).toEqual(expected[i]);
    }
    // The first iterable of a comprehension is evaluated in the function: it may yield.
    expect(parsePython('def f():\n    return [x for x in (yield)]\n', 'ok.py').body).toHaveLength(1);
  });

  it("refuses a misplaced := in a comprehension as CPython's compiler does (PEP 572), and allows the rest", () => {
    const python = requirePython();
    const sources = [
      'y = [i := 0 for i in range(3)]\n',
      'class A:\n    y = [j := i for i in range(3)]\n',
      'y = [[j := 1 for j in range(2)] for i in range(3)]\n',
      'z = [[i := 1 for j in range(2)] for i in range(3)]\n',
      'def f():\n    return [(k, j := k) for k in range(2) if (k := 1)]\n',
      'a = [x for x in (y := [1, 2])]\n',
      'a = {k: v for k, v in [(1, 2)] for w in (u := [1])}\n',
      // Allowed: a new name, in a function, at module level, in a lambda inside a class comprehension's element.
      'def f():\n    return [j := i for i in range(3)]\n',
      'print([y := k for k in range(2)], y)\n',
      'class A:\n    v = [x for x in range(2)]\n',
      'class B:\n    v = [lambda: (z := 1) for x in range(2)]\n',
    ];
    const script = 'import json, sys\nout = []\nfor src in json.load(sys.stdin):\n    try:\n        compile(src, "bad.py", "exec")\n        out.append(None)\n    except SyntaxError as e:\n        out.append([e.msg, e.lineno, e.offset])\nprint(json.dumps(out))';
    const r = spawnSync(python.executable, ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
    const expected = JSON.parse(r.stdout) as ([string, number, number] | null)[];
    expect(expected.filter((x) => x !== null)).toHaveLength(7);
    for (const [i, source] of sources.entries()) {
      let got: [string, number, number] | null = null;
      try {
        parsePython(source, 'bad.py');
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        got = [e.detail, e.line, e.column];
      }
      expect(got, JSON.stringify(source)).toEqual(expected[i]);
    }
  });
});
