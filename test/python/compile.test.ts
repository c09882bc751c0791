/**
 * The compiling back end (src/python/compile.ts): program text that reaches the generated
 * JavaScript stays data, whatever it holds, and the builtins one program's executions share
 * serve each execution's own interpreter.
 */
import { describe, expect, it } from 'vitest';
import { compiledSource } from '../../src/python/compile.js';
import { parsePython } from '../../src/python/parse.js';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { GilPolicy } from '../../src/scheduler/policies/gil.js';

/** Strings and names written to break out of a JavaScript string literal, template or comment. */
const HOSTILE = [
  `"); globalThis.pwned = 1; ("`,
  `'); globalThis.pwned = 1; ('`,
  '`; globalThis.pwned = 1; `',
  '${globalThis.pwned = 1}',
  '*/ globalThis.pwned = 1; /*',
  '\\"); globalThis.pwned = 1; //',
  '\u2028globalThis.pwned = 1\u2029',
  '</script><script>globalThis.pwned = 1</script>',
];

function pyString(s: string): string {
  // A Python string literal holding `s` exactly (escapes for backslash, quote and line separators).
  return `"${[...s].map((c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\u2028' ? '\\u2028' : c === '\u2029' ? '\\u2029' : c)).join('')}"`;
}

/** The run's output writes (a print is its text, then an empty write that ends the line). */
function outputOf(source: string): string[] {
  const r = execute(pythonProgram(source, 'hostile.py'), { policy: new GilPolicy(), seed: 0 });
  return r.output.map((o) => o.text);
}

describe('generated code', () => {
  it('keeps hostile strings, attribute names and identifiers as data', () => {
    const g = globalThis as { pwned?: unknown };
    delete g.pwned;
    const lines = [
      'class Box:',
      '    pass',
      'b = Box()',
      ...HOSTILE.map((h, i) => `s${i} = ${pyString(h)}\nprint(s${i})\nsetattr(b, s${i}, ${i})\nprint(getattr(b, s${i}))`),
      // Identifiers may be any Unicode letters; attribute names written in the source too.
      'ñame_ʹ = "x"',
      'b.ñame_ʹ = ñame_ʹ + "y"',
      'print(b.ñame_ʹ)',
      'constructor = "c"',
      'print(constructor, b.__class__.__name__)',
    ];
    const out = outputOf(`${lines.join('\n')}\n`);
    expect(g.pwned).toBeUndefined();
    const expected: string[] = [];
    HOSTILE.forEach((h, i) => expected.push(h, '', String(i), ''));
    expected.push('xy', '', 'c Box', '');
    expect(out).toEqual(expected);
  });

  it('writes program text into the source only as JSON string literals', () => {
    const mod = parsePython(`x = ${pyString(HOSTILE[0]!)}\nprint(x.upper)\n`, 'h.py');
    const src = compiledSource(mod.body);
    expect(src).toContain(JSON.stringify(HOSTILE[0]));
    // Outside the JSON literals, nothing of the hostile text is left.
    expect(src.split(JSON.stringify(HOSTILE[0])).join('').includes('pwned')).toBe(false);
  });

  it('declares the temporaries of its largest statement, not of all its statements', () => {
    // A generator saves its registers at every yield: 40 statements must not make 40 times the temporaries of one.
    const declared = (source: string): number => (/^let (.*);$/m.exec(compiledSource(parsePython(source, 't.py').body))?.[1] ?? '').split(', ').length;
    const stmt = 'x = a.b.c(d, e[1] + f, g=h.i)\n';
    expect(declared(stmt)).toBeGreaterThan(3);
    expect(declared(stmt.repeat(40))).toBe(declared(stmt));
    // Nested statements too: a loop's body reuses what the statements before the loop used.
    expect(declared(`${stmt}for i in range(3):\n    ${stmt}    ${stmt}`)).toBeLessThan(2 * declared(stmt) + 6);
  });
});

describe('builtins shared by the executions of a program', () => {
  it('serve each execution: the second run labels its lists from 1 again', () => {
    const program = pythonProgram('import threading\nxs = list()\ndef f():\n    xs.append(1)\nt = threading.Thread(target=f)\nt.start()\nt.join()\n', 'labels.py');
    const objs = (): string[] => (execute(program, { policy: new GilPolicy(), seed: 0, record: true }).trace ?? []).flatMap((s) => (s.obj === undefined ? [] : [s.obj]));
    const first = objs();
    expect(first).toContain('list#1');
    expect(objs()).toEqual(first);
  });

  it('give each execution its own module objects: an attribute a run sets, or os.environ it changes, is not in the next run', () => {
    const program = pythonProgram('import time\nimport os\nprint(hasattr(time, "mark"), "MARK" in os.environ)\ntime.mark = 1\nos.environ["MARK"] = "1"\nprint(time.mark, os.environ["MARK"])\n', 'modules.py');
    const run = (): string[] => execute(program, { policy: new GilPolicy(), seed: 0 }).output.map((o) => o.text);
    expect(run()).toEqual(['False False', '', '1 1', '']);
    expect(run()).toEqual(['False False', '', '1 1', '']);
  });

  it('cannot be changed by a program, as CPython forbids', () => {
    expect(outputOf('try:\n    list.size = 1\nexcept TypeError as e:\n    print(e)\n')).toEqual(["cannot set 'size' attribute of immutable type 'list'", '']);
  });
});
