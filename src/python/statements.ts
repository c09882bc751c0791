/**
 * Statements the compiled code (compile.ts) hands back to the interpreter, and imports.
 */
import type { PyNode } from './ast.js';
import { target } from './calls.js';
import { isTemporary } from './compile.js';
import { sourceOf } from './definitions.js';
import { deleteTarget } from './delete.js';
import { exceptionClass, pyRaise } from './exceptions.js';
import { quick } from './expressions.js';
import { raiseStmt, tryStmt, withStmt } from './handlers.js';
import type { Frame, Interp } from './interp.js';
import { augAssign } from './names.js';
import { BREAK, CONTINUE, NORMAL, RETURN, type Signal, SLOW, STOP_MODULE, uncatchable } from './signals.js';
import { PyDict, PyModuleObject } from './values.js';

/** One statement, interpreted: its signal (normal, break, continue, return). */
export function* stmt(I: Interp, s: PyNode, f: Frame): Generator<never, Signal, unknown> {
  f.line = I.at = s.lineno ?? f.line;
  switch (s.nodeType) {
    case 'Expr': {
      const q = quick(I, s.value as PyNode, f);
      if (q === SLOW) yield* I.ev(s.value as PyNode, f);
      return NORMAL;
    }
    case 'Assign': {
      let v = quick(I, s.value as PyNode, f);
      if (v === SLOW) v = yield* I.ev(s.value as PyNode, f);
      for (const t of s.targets as PyNode[]) yield* I.assign(t, v, f);
      return NORMAL;
    }
    case 'AugAssign':
      yield* augAssign(I, s, f);
      return NORMAL;
    case 'AnnAssign':
      if (s.value) yield* I.assign(s.target as PyNode, yield* I.ev(s.value as PyNode, f), f);
      // A module's or class body's annotation is evaluated after the store (a function's never
      // is) and, for a plain name, kept in its `__annotations__` (what dataclasses reads).
      if (f.fn === undefined) {
        // Under `from __future__ import annotations` the hint is kept as its source text (PEP 563).
        const hint = I.postponedAnnotations ? sourceOf(I, s.annotation as PyNode) : yield* I.ev(s.annotation as PyNode, f);
        const target = s.target as PyNode;
        if (target.nodeType === 'Name' && s.simple !== 0) {
          let ann = f.vars.get('__annotations__');
          // Unlabelled: it takes no `dict#N` number from the program's own dicts.
          if (!(ann instanceof PyDict)) f.vars.set('__annotations__', (ann = new PyDict('__annotations__')));
          (ann as PyDict).set(String(target.id), hint);
        }
      }
      return NORMAL;
    case 'If': {
      const test = yield* I.ev(s.test as PyNode, f);
      const branch = (yield* I.truthy(test)) ? (s.body as PyNode[]) : (s.orelse as PyNode[]);
      return yield* I.block(branch, f);
    }
    case 'While': {
      for (;;) {
        f.line = s.lineno!;
        if (!(yield* I.truthy(yield* I.ev(s.test as PyNode, f)))) break;
        const sig = yield* I.block(s.body as PyNode[], f);
        // The jump back to the test is a check point (an eval breaker check in 3.11).
        I.check = true;
        if (sig === BREAK) return NORMAL;
        if (sig === RETURN) return sig;
      }
      return yield* I.block(s.orelse as PyNode[], f);
    }
    case 'For': {
      const iterable = yield* I.ev(s.iter as PyNode, f);
      const it = yield* I.iterStart(iterable, s.lineno!);
      // As the compiled loop (compile.ts): a generator the loop made is closed when it is left.
      const gen = isTemporary(s.iter as PyNode) ? I.temporaryGenerator(iterable) : undefined;
      let bad = false;
      try {
        for (;;) {
          const r = yield* I.iterNext(it);
          if (r.done === true) break;
          yield* I.assign(s.target as PyNode, r.value, f);
          const sig = yield* I.block(s.body as PyNode[], f);
          I.check = true;
          if (sig === BREAK) return NORMAL;
          if (sig === RETURN) return sig;
        }
      } catch (e) {
        bad = uncatchable(e);
        throw e;
      } finally {
        if (gen !== undefined && !bad) yield* I.closeTemporary(gen);
      }
      return yield* I.block(s.orelse as PyNode[], f);
    }
    case 'Break':
      return BREAK;
    case 'Continue':
      return CONTINUE;
    case 'Return':
      f.ret = s.value ? yield* I.ev(s.value as PyNode, f) : null;
      return RETURN;
    case 'Pass':
      return NORMAL;
    case 'FunctionDef':
      yield* I.store(String(s.name), yield* I.defineFunction(s, f), f, s.lineno!);
      return NORMAL;
    case 'ClassDef':
      yield* I.store(String(s.name), yield* I.defineClass(s, f), f, s.lineno!);
      return NORMAL;
    case 'Global':
    case 'Nonlocal':
      return NORMAL;
    case 'Delete':
      for (const t of s.targets as PyNode[]) yield* deleteTarget(I, t, f);
      return NORMAL;
    case 'If_':
      return NORMAL;
    case 'Raise':
      throw yield* raiseStmt(I, s, f);
    case 'Assert': {
      const ok = yield* I.truthy(yield* I.ev(s.test as PyNode, f));
      const msg = !ok && s.msg ? yield* I.ev(s.msg as PyNode, f) : undefined;
      const error = ok ? undefined : yield* I.makeException(exceptionClass('AssertionError')!, msg === undefined ? [] : [msg]);
      const text = msg === undefined ? '' : yield* I.str(msg);
      const claim = f.info === undefined && f.outer === undefined ? I.onClaim?.(s, ok, `AssertionError${text === '' ? '' : `: ${text}`} at ${I.mod.file}:${s.lineno!}`, I.tracebackLines(I.traced(error, f), 'AssertionError', text)) : undefined;
      if (claim !== undefined) {
        yield claim as never;
        // A failed claim ends the module as CPython's AssertionError would; its traceback
        // was printed by the claim's step, and it is reported as the claim failing.
        if (!ok) throw STOP_MODULE;
      }
      if (error !== undefined) throw error;
      return NORMAL;
    }
    case 'Try':
      return yield* tryStmt(I, s, f);
    case 'With':
      return yield* withStmt(I, s, f, 0);
    case 'Import':
    case 'ImportFrom':
      I.importStmt(s, f);
      return NORMAL;
    default:
      throw pyRaise('SystemError', `threadsim cannot run a ${s.nodeType} statement`);
  }
}

/** An `import` or `from ... import` statement (it takes no step: importing is not shared state). */
export function importStmt(I: Interp, s: PyNode, f: Frame): void {
  if (s.nodeType === 'Import') {
    for (const a of s.names as PyNode[]) {
      const name = String(a.name);
      const m = I.importModule(name);
      if (a.asname) f.vars.set(String(a.asname), m);
      else f.vars.set(name.split('.')[0]!, I.importModule(name.split('.')[0]!));
    }
    return;
  }
  const m = I.importModule(String(s.module));
  for (const a of s.names as PyNode[]) {
    const name = String(a.name);
    if (name === '*') {
      for (const [k, v] of m.dict) if (!k.startsWith('_')) f.vars.set(k, v);
      continue;
    }
    let v = m.dict.get(name);
    if (v === undefined && !m.dict.has(name)) {
      const sub = I.host.module(`${m.name}.${name}`, I);
      if (sub === undefined) throw pyRaise('ImportError', `cannot import name '${name}' from '${m.name}'`);
      v = sub;
    }
    f.vars.set(String(a.asname ?? name), v);
  }
}

/** The module called `name`, imported once per execution (ModuleNotFoundError when threadsim has none). */
export function importModule(I: Interp, name: string): PyModuleObject {
  let m = I.modules.get(name);
  if (m === undefined) {
    m = I.host.module(name, I);
    if (m === undefined) throw pyRaise('ModuleNotFoundError', `No module named '${name}'`);
    I.modules.set(name, m);
  }
  return m;
}
