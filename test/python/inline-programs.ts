/**
 * Small generated `.py` programs whose containers call a class's `__eq__`, `__hash__` or
 * `__lt__` inside their own steps (inline code), while other threads write the attributes
 * those dunders read. Shared by the property test (inline-generated.test.ts) and the bigger
 * sweep in bench/inline-dpor-sweep.ts.
 */
import fc from 'fast-check';
import { pythonProgram } from '../../src/python/program.js';
import { Exploration } from '../../src/scheduler/explore/explore.js';

/** What the class's `__eq__` compares: nothing (identity), `x`, `x` and `y`, or `x` holding the lock `lk`. */
export type EqKind = 'none' | 'x' | 'xy' | 'locked';
/** What its `__hash__` hashes: nothing (identity; only without `__eq__`), `x`, `(x, y)`, or a constant. */
export type HashKind = 'none' | 'x' | 'xy' | 'const';

/** One statement of a generated thread. `obj` 0 is `p`, 1 is `q`; `a`, `b` build a fresh `P(a, b)`. */
export type Action =
  | { readonly kind: 'write'; readonly obj: 0 | 1; readonly attr: 'x' | 'y'; readonly v: number; readonly locked: boolean }
  | { readonly kind: 'in-list' | 'count' | 'index' | 'dict-get' | 'dict-set' | 'set-add' | 'in-set' | 'sorted'; readonly a: number; readonly b: number };

/** A generated program: the class and each thread's statements. */
export interface Spec {
  readonly eq: EqKind;
  readonly hash: HashKind;
  readonly lt: boolean;
  readonly threads: readonly (readonly Action[])[];
}

const small = fc.constantFrom(1, 2, 5);

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), obj: fc.constantFrom(0 as const, 1 as const), attr: fc.constantFrom('x' as const, 'y' as const), v: small, locked: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('in-list' as const, 'count' as const, 'index' as const, 'dict-get' as const, 'dict-set' as const, 'set-add' as const, 'in-set' as const, 'sorted' as const), a: small, b: small }),
);

/** Any class with a usable hash: `__eq__` without `__hash__` would make it unhashable. */
const klass = fc.oneof(
  fc.record({ eq: fc.constantFrom<EqKind>('x', 'xy', 'locked'), hash: fc.constantFrom<HashKind>('x', 'xy', 'const'), lt: fc.boolean() }),
  fc.record({ eq: fc.constant<EqKind>('none'), hash: fc.constantFrom<HashKind>('none', 'x', 'xy', 'const'), lt: fc.boolean() }),
);

/** 2 or 3 threads of 1 or 2 statements, at least one a write (else nothing races). */
export const specs: fc.Arbitrary<Spec> = fc
  .record({ k: klass, threads: fc.array(fc.array(action, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 }) })
  .filter(({ threads }) => threads.some((t) => t.some((a) => a.kind === 'write')) && threads.some((t) => t.some((a) => a.kind !== 'write')))
  .map(({ k, threads }) => ({ ...k, threads }));

/** {@link specs} of at most 3 statements in all, whose every schedule DFS runs in well under a second. */
export const smallSpecs: fc.Arbitrary<Spec> = specs.filter((s) => s.threads.reduce((n, t) => n + t.length, 0) <= 3);

const EQ: Record<EqKind, string> = {
  none: '',
  x: '    def __eq__(s, o): return s.x == o.x\n',
  xy: '    def __eq__(s, o): return s.x == o.x and s.y == o.y\n',
  locked: '    def __eq__(s, o):\n        with lk:\n            return s.x == o.x\n',
};
const HASH: Record<HashKind, string> = {
  none: '',
  x: '    def __hash__(s): return hash(s.x)\n',
  xy: '    def __hash__(s): return hash((s.x, s.y))\n',
  const: '    def __hash__(s): return 7\n',
};

function statement(a: Action, out: string): string {
  const fresh = a.kind === 'write' ? '' : `P(${a.a}, ${a.b})`;
  switch (a.kind) {
    case 'write':
      return `${a.locked ? 'with lk: ' : ''}${a.obj === 0 ? 'p' : 'q'}.${a.attr} = ${a.v}`;
    case 'in-list':
      return `${out}.append(${fresh} in lst)`;
    case 'count':
      return `${out}.append(lst.count(${fresh}))`;
    case 'index':
      return `try:\n        ${out}.append(lst.index(${fresh}))\n    except ValueError:\n        ${out}.append(-1)`;
    case 'dict-get':
      return `${out}.append(d.get(${fresh}, "miss"))`;
    case 'dict-set':
      return `d[${fresh}] = ${a.a}`;
    case 'set-add':
      return `s.add(${fresh})`;
    case 'in-set':
      return `${out}.append(${fresh} in s)`;
    case 'sorted':
      return `${out}.append([o.x for o in sorted(lst)])`;
  }
}

/** The program's source: each thread appends what it sees to its own list; main prints them, the dict and the set. */
export function source(spec: Spec): string {
  const usesSorted = spec.threads.some((t) => t.some((a) => a.kind === 'sorted'));
  const lt = spec.lt || usesSorted ? '    def __lt__(s, o): return s.x < o.x\n' : '';
  const lines = [
    'import threading',
    'lk = threading.Lock()',
    'class P:',
    '    def __init__(s, x, y): s.x = x; s.y = y',
    `${EQ[spec.eq]}${HASH[spec.hash]}${lt}    def __repr__(s): return f"P({s.x},{s.y})"`,
    'p = P(1, 2)',
    'q = P(2, 1)',
    'lst = [p, q]',
    'd = {p: "p", q: "q"}',
    's = {p, q}',
  ];
  const outs = spec.threads.map((_, i) => `r${i}`);
  lines.push(`${outs.join(', ')} = ${outs.map(() => '[]').join(', ')}`);
  spec.threads.forEach((t, i) => {
    lines.push(`def t${i}():`);
    for (const a of t) lines.push(`    ${statement(a, `r${i}`)}`);
  });
  lines.push(
    `ts = [threading.Thread(target=f) for f in (${spec.threads.map((_, i) => `t${i}`).join(', ')},)]`,
    'for t in ts: t.start()',
    'for t in ts: t.join()',
    `print(${outs.join(', ')})`,
    'print(sorted(repr(k) + ":" + repr(v) for k, v in d.items()))',
    'print([repr(o) for o in s])',
    '',
  );
  return lines.join('\n');
}

/** The sorted set of outputs that `strategy` reaches, or undefined when it stopped at `maxExecutions`. */
export function outputs(src: string, strategy: 'dpor' | 'dfs', maxExecutions = 20000): string[] | undefined {
  const e = new Exploration(pythonProgram(src, 'gen.py'), { strategy, histogram: true, keepGoing: true, maxExecutions, iterateBounds: false });
  e.run();
  const s = e.summary();
  if (!s.exhaustive) return undefined;
  return s.histogram!.outputs.map(([text]) => text).sort();
}
