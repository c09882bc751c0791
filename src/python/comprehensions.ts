/**
 * Comprehensions, generator expressions and set displays: their own frame (PEP 572 for `:=`),
 * their loops, and CPython 3.11's compile-time folding of a constant set display.
 */
import type { PyNode } from './ast.js';
import { closureOf } from './definitions.js';
import { evList } from './expressions.js';
import { PyGenerator, PyYield } from './generator.js';
import type { Frame, Interp } from './interp.js';
import { confinedGenerators } from './parse.js';
import { PySet } from './pyset.js';
import type { ScopeInfo } from './scope.js';
import { PyDict, PyStepIterator } from './values.js';

/**
 * Whether CPython's compiler folds node `n` to a constant: a literal, a signed number, a tuple
 * of them, or arithmetic on them (`2**3`, `'a' + 'b'`) that the AST optimizer folds.
 */
function isConstantNode(n: PyNode): boolean {
  if (n.nodeType === 'Constant') return true;
  if (n.nodeType === 'UnaryOp' && ['USub', 'UAdd', 'Invert'].includes((n.op as PyNode).nodeType)) return isFoldedNumber(n.operand as PyNode);
  if (n.nodeType === 'Tuple') return (n.elts as PyNode[]).every(isConstantNode);
  if (n.nodeType === 'BinOp') return isFoldedBinOp(n);
  return false;
}

/** A number the compiler folds: a numeric literal, or a folded operation giving one. */
function isFoldedNumber(n: PyNode): boolean {
  if (n.nodeType === 'Constant') return typeof n.value !== 'string';
  if (n.nodeType === 'UnaryOp') return isConstantNode(n);
  if (n.nodeType === 'BinOp') return isFoldedBinOp(n) && isFoldedNumber(n.left as PyNode) && isFoldedNumber(n.right as PyNode);
  return false;
}

/**
 * A binary operation on constants that CPython 3.11's AST optimizer folds: not one that would
 * raise (a literal zero divisor), nor `%` on a string (a format, left to run time), nor `@`.
 */
function isFoldedBinOp(n: PyNode): boolean {
  const op = (n.op as PyNode).nodeType;
  const left = n.left as PyNode;
  const right = n.right as PyNode;
  if (op === 'MatMult') return false;
  if (!isConstantNode(left) || !isConstantNode(right)) return false;
  if ((op === 'Div' || op === 'FloorDiv' || op === 'Mod') && right.nodeType === 'Constant' && Number(right.value) === 0) return false;
  if (op === 'Mod' && left.nodeType === 'Constant' && typeof left.value === 'string') return false;
  return true;
}

function collectTargets(t: PyNode, out: Set<string>): void {
  if (t.nodeType === 'Name') out.add(String(t.id));
  else if (t.nodeType === 'Tuple' || t.nodeType === 'List') for (const e of t.elts as PyNode[]) collectTargets(e, out);
}

/** The identity (the list comprehension's element hook). */
export function yield_list(x: unknown): unknown {
  return x;
}

/** A comprehension's own frame: its loop names are its locals; `:=` binds in the frame `f` it runs in (or that frame's own target). */
function comprehensionFrame(I: Interp, n: PyNode, f: Frame, name: string): Frame {
  const names = new Set<string>();
  for (const g of n.generators as PyNode[]) collectTargets(g.target as PyNode, names);
  const info: ScopeInfo = { locals: names, globals: new Set(), nonlocals: new Set() };
  return { ...I.frame(new Map(), closureOf(I, f), info, name, f.fn, f.args0), line: n.lineno ?? f.line, binds: f.binds ?? f };
}

/**
 * The loops of a comprehension in frame `cf`, calling `emit` with each element (a generator:
 * a generator expression's yields its element). `first` is the first loop's iterator, made
 * in the enclosing frame; the other loops' iterables are evaluated as their turn comes.
 */
function* comprehensionLoops(I: Interp, n: PyNode, cf: Frame, first: Iterator<unknown> | PyStepIterator, emit: (cf: Frame) => Generator<never, void, unknown>): Generator<never, void, unknown> {
  const gens = n.generators as PyNode[];
  function* level(i: number, it: Iterator<unknown> | PyStepIterator): Generator<never, void, unknown> {
    const g = gens[i]!;
    for (;;) {
      const r = yield* I.iterNext(it);
      if (r.done === true) return;
      yield* I.assign(g.target as PyNode, r.value, cf);
      let ok = true;
      for (const cond of g.ifs as PyNode[]) if (ok && !(yield* I.truthy(yield* I.ev(cond, cf)))) ok = false;
      if (ok) {
        if (i + 1 === gens.length) yield* emit(cf);
        else yield* level(i + 1, yield* I.iterStart(yield* I.ev(gens[i + 1]!.iter as PyNode, cf), n.lineno!));
      }
      // The jump back to the loop's head: a check point.
      I.check = true;
    }
  }
  yield* level(0, first);
}

/**
 * `{a, b, c}`: the items added in order to an empty set, as BUILD_SET does; when they are all
 * constants (three or more), CPython 3.11 builds a frozenset constant at compile time and
 * copies it into the new set, which can leave the items in another order: done here too.
 */
export function* setDisplay(I: Interp, n: PyNode, f: Frame): Generator<never, PySet, unknown> {
  const elts = n.elts as PyNode[];
  const values = yield* evList(I, elts, f);
  const set = new PySet(false, I.label('set'));
  if (elts.length > 2 && elts.every(isConstantNode)) {
    const folded = new PySet(true);
    for (const v of values) folded.add(v, I.hashOf(v));
    // The compiler's constant merging (merge_consts_recursive) rebuilds the frozenset once
    // more from its own iteration order, which moves colliding items again.
    const merged = new PySet(true);
    for (const v of folded.items()) merged.add(v, I.hashOf(v));
    set.merge(merged);
    return set;
  }
  for (const v of values) set.add(v, I.hashOf(v));
  return set;
}

/** A list, dict or set comprehension's items, run in its own frame (a dict's or set's items go straight into `dict` or `set`). */
export function* comprehension(I: Interp, n: PyNode, f: Frame, _list: ((x: unknown) => unknown) | undefined, dict?: PyDict, set?: PySet): Generator<never, unknown[], unknown> {
  const out: unknown[] = [];
  const first = yield* I.iterStart(yield* I.ev((n.generators as PyNode[])[0]!.iter as PyNode, f), n.lineno!);
  const cf = comprehensionFrame(I, n, f, f.name);
  yield* comprehensionLoops(I, n, cf, first, function* (c) {
    if (dict !== undefined) {
      const k = yield* I.ev(n.key as PyNode, c);
      I.hashable(k);
      dict.set(k, yield* I.ev(n.value as PyNode, c));
    } else if (set !== undefined) {
      const v = yield* I.ev(n.elt as PyNode, c);
      set.add(v, I.hashOf(v));
    } else {
      out.push(yield* I.ev(n.elt as PyNode, c));
    }
  });
  return out;
}

/**
 * `(elt for x in xs ...)`: the first iterable is evaluated and its iterator made now, in
 * I frame, as CPython does; everything else runs as the consumer pulls items.
 */
export function* generatorExp(I: Interp, n: PyNode, f: Frame): Generator<never, unknown, unknown> {
  const first = yield* I.iterStart(yield* I.ev((n.generators as PyNode[])[0]!.iter as PyNode, f), n.lineno!);
  const cf = comprehensionFrame(I, n, f, '<genexpr>');
  const body = (function* (): Generator<never, unknown, unknown> {
    try {
      yield* comprehensionLoops(I, n, cf, first, function* (c) {
        yield new PyYield(yield* I.ev(n.elt as PyNode, c)) as never;
      });
    } catch (e) {
      throw I.traced(e, cf);
    }
    return null;
  })();
  const qual = f.fn !== undefined ? `${f.fn.qualname}.<locals>.<genexpr>` : '<genexpr>';
  return new PyGenerator('<genexpr>', qual, I.label('generator'), body, I, confinedGenerators.has(n));
}
