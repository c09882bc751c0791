/**
 * The parse adapter: Python source to a {@link PyModule}. The parser (py-ast, pinned) sits
 * behind this one file so that it can be swapped; everything else reads CPython's node shapes.
 *
 * Two repairs on the parser's output: numeric literals are JavaScript numbers there, so `1.0`
 * and `1` look alike; the literal's text in the source decides which were floats (`isFloat`).
 * And a syntax error becomes a {@link PySyntaxError} with CPython's 1-based line and column.
 */
import { parse as pyAstParse } from 'py-ast';
import type { PyModule, PyNode } from './ast.js';
import { forEachNode } from './walk.js';
import { ELLIPSIS } from './values.js';

/** A syntax error in a `.py` file, positioned as CPython reports it (1-based line and column). */
export class PySyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
    readonly text: string,
  ) {
    super(`${file}:${line}:${column}: SyntaxError: ${detail}`);
    this.name = 'PySyntaxError';
  }
}

/** Parse `source` (the contents of `file`). Throws {@link PySyntaxError}. */
export function parsePython(source: string, file: string): PyModule {
  const lines = source.split(/\r?\n/);
  let tree: { body: PyNode[] };
  try {
    tree = parseAllowingDelComma(source, file);
  } catch (e) {
    const err = e as { message?: string; lineno?: number; col_offset?: number };
    const open = unclosedBracket(source);
    if (open !== undefined) throw new PySyntaxError(file, open.line, open.column, `'${open.bracket}' was never closed`, lines[open.line - 1] ?? '');
    const at = /at line (\d+)(?:, column (\d+))?/.exec(err.message ?? '');
    const line = err.lineno ?? (at === null ? 1 : Number(at[1]));
    const column = (err.col_offset ?? (at?.[2] === undefined ? 0 : Number(at[2]))) + 1;
    throw new PySyntaxError(file, line, column, syntaxDetail(err.message ?? 'invalid syntax'), lines[line - 1] ?? '');
  }
  markFloats(tree.body, lines);
  markConfinedGenerators(tree.body);
  checkPlacement(tree.body, lines, file);
  checkYields(tree.body, lines, file);
  checkWalrus(tree.body, lines, file);
  return { file, body: tree.body, lines };
}

/** `del x[0],` (a trailing comma after the targets): CPython accepts it, the parser does not. */
const DEL_TRAILING_COMMA = /^(\s*del\b.*),(\s*(#.*)?)$/;

/**
 * Parse, working round the parser's one known refusal of valid Python: a `del` statement whose
 * targets end with a comma. The comma is blanked on the line the parser fails at and the parse
 * tried again; the statement's tree is then CPython's (its end still counts the comma).
 */
function parseAllowingDelComma(source: string, file: string): { body: PyNode[] } {
  const lines = source.split(/(?<=\n)/);
  const commas = new Map<number, number>();
  let first: unknown;
  for (;;) {
    try {
      const tree = pyAstParse(lines.join(''), { filename: file }) as unknown as { body: PyNode[] };
      if (commas.size > 0) {
        forEachNode(tree.body, (n) => {
          const at = n.nodeType === 'Delete' && n.end_lineno !== undefined ? commas.get(n.end_lineno) : undefined;
          if (at !== undefined) (n as { end_col_offset?: number }).end_col_offset = at + 1;
        });
      }
      return tree;
    } catch (e) {
      first ??= e;
      const err = e as { message?: string; lineno?: number };
      const at = /at line (\d+)/.exec(err.message ?? '');
      const line = err.lineno ?? (at === null ? undefined : Number(at[1]));
      const text = line === undefined ? undefined : lines[line - 1];
      const m = text === undefined || commas.has(line!) ? null : DEL_TRAILING_COMMA.exec(text.replace(/\r?\n$/, ''));
      if (m === null) throw first;
      commas.set(line!, m[1]!.length);
      lines[line! - 1] = `${m[1]} ${m[2]}${text!.slice(m[0].length)}`;
    }
  }
}

/** The parser's message without its own position suffix, in CPython's words where known. */
function syntaxDetail(message: string): string {
  const m = message.replace(/\s+at line \d+(, column \d+)?\s*$/, '');
  if (/^Unexpected token in expression$/.test(m)) return 'invalid syntax';
  if (/^Indentation error$/i.test(m)) return 'unindent does not match any outer indentation level';
  if (/^Expected/.test(m) || /^Unexpected/.test(m)) return `invalid syntax (${m.charAt(0).toLowerCase()}${m.slice(1)})`;
  return m;
}

const FLOAT_TEXT = /^[0-9_]*\.[0-9_]*([eE][-+]?[0-9_]+)?$|^[0-9_]+[eE][-+]?[0-9_]+$/;

/** Mark numeric literals whose source text is a float (`1.0`, `.5`, `1e3`); repair f-string tuples. */
function markFloats(nodes: unknown, lines: readonly string[]): void {
  forEachNode(nodes, (n) => {
    if (n.nodeType === 'FormattedValue') tupleInBraces(n, lines);
    // The parser gives `...` as the string '...': the source text tells the literal from a string.
    if (n.nodeType === 'Constant' && n.value === '...' && n.lineno !== undefined && (lines[n.lineno - 1] ?? '').slice(n.col_offset, n.end_col_offset) === '...') (n as unknown as { value: unknown }).value = ELLIPSIS;
    if (n.nodeType === 'Constant' && typeof n.value === 'number' && n.lineno !== undefined && n.lineno === n.end_lineno) {
      const text = (lines[n.lineno - 1] ?? '').slice(n.col_offset, n.end_col_offset);
      if (FLOAT_TEXT.test(text)) n.isFloat = true;
    }
  });
}

/**
 * Generator expressions no other thread can reach: the iterable of a `for` loop, or an
 * argument of a builtin that consumes it before returning (`sum(x for x in xs)`). Their
 * resumes need no steps of their own (see PyGenerator), which keeps a long one within the
 * step bound. (A program that rebinds `sum` to a function sharing its argument would be
 * misread; nothing else can reach the object.)
 */
export const confinedGenerators = new WeakSet<PyNode>();

const CONSUMERS = new Set(['sum', 'any', 'all', 'list', 'tuple', 'set', 'frozenset', 'sorted', 'min', 'max', 'dict', 'len']);

function markConfinedGenerators(nodes: unknown): void {
  forEachNode(nodes, (n) => {
    if (n.nodeType === 'For' && (n.iter as PyNode).nodeType === 'GeneratorExp') confinedGenerators.add(n.iter as PyNode);
    if (n.nodeType !== 'Call') return;
    const fn = n.func as PyNode;
    const consumer = (fn.nodeType === 'Name' && CONSUMERS.has(String(fn.id))) || (fn.nodeType === 'Attribute' && fn.attr === 'join');
    if (!consumer) return;
    for (const a of n.args as PyNode[]) if (a.nodeType === 'GeneratorExp') confinedGenerators.add(a);
  });
}

/**
 * CPython 3.11 parses an f-string's expression as if the braces were parentheses, so a bare
 * tuple (`f"{a, b}"`) spans its braces there; the parser starts it at its first element.
 */
function tupleInBraces(fv: PyNode, lines: readonly string[]): void {
  const t = fv.value as PyNode | undefined;
  if (t?.nodeType !== 'Tuple' || t.lineno === undefined || t.lineno !== t.end_lineno) return;
  const text = lines[t.lineno - 1] ?? '';
  let open = (t.col_offset ?? 0) - 1;
  while (open >= 0 && text[open] === ' ') open--;
  if (text[open] !== '{') return;
  const close = text.indexOf('}', t.end_col_offset ?? 0);
  if (close < 0) return;
  const mutable = t as { col_offset?: number; end_col_offset?: number };
  mutable.col_offset = open;
  mutable.end_col_offset = close + 1;
}

/**
 * The check CPython makes after parsing that the parser leaves out: `return` outside a
 * function (and `break`/`continue` outside a loop), so such a file fails before it runs.
 */
function checkPlacement(body: readonly PyNode[], lines: readonly string[], file: string): void {
  const visit = (nodes: readonly PyNode[], inFunction: boolean, inLoop: boolean): void => {
    for (const n of nodes) {
      const fail = (detail: string): never => {
        throw new PySyntaxError(file, n.lineno ?? 1, (n.col_offset ?? 0) + 1, detail, lines[(n.lineno ?? 1) - 1] ?? '');
      };
      switch (n.nodeType) {
        case 'Return':
          if (!inFunction) fail("'return' outside function");
          break;
        case 'Break':
          if (!inLoop) fail("'break' outside loop");
          break;
        case 'Continue':
          if (!inLoop) fail("'continue' not properly in loop");
          break;
        case 'FunctionDef':
        case 'AsyncFunctionDef':
          visit(n.body as PyNode[], true, false);
          continue;
        case 'ClassDef':
          visit(n.body as PyNode[], false, false);
          continue;
        case 'For':
        case 'While':
        case 'AsyncFor':
          visit(n.body as PyNode[], inFunction, true);
          visit((n.orelse as PyNode[]) ?? [], inFunction, inLoop);
          continue;
      }
      for (const field of ['body', 'orelse', 'finalbody']) {
        const sub = n[field];
        if (Array.isArray(sub)) visit(sub as PyNode[], inFunction, inLoop);
      }
      if (Array.isArray(n.handlers)) for (const h of n.handlers as PyNode[]) visit(h.body as PyNode[], inFunction, inLoop);
    }
  };
  visit(body, false, false);
}

const COMPREHENSIONS: Readonly<Record<string, string>> = { ListComp: 'list comprehension', SetComp: 'set comprehension', DictComp: 'dict comprehension', GeneratorExp: 'generator expression' };

/**
 * CPython's symbol-table check of `yield` and `yield from`: only inside a function (a `def` or
 * a lambda), and never inside a comprehension or generator expression (whose first iterable is
 * evaluated in the enclosing scope, where it may yield).
 */
function checkYields(body: readonly PyNode[], lines: readonly string[], file: string): void {
  const visit = (x: unknown, where: 'function' | 'outside' | string): void => {
    if (Array.isArray(x)) {
      for (const y of x) visit(y, where);
      return;
    }
    if (typeof x !== 'object' || x === null) return;
    const n = x as PyNode;
    if (n.nodeType === 'Yield' || n.nodeType === 'YieldFrom') {
      if (where !== 'function') {
        const detail = where === 'outside' ? "'yield' outside function" : `'yield' inside ${where}`;
        throw new PySyntaxError(file, n.lineno ?? 1, (n.col_offset ?? 0) + 1, detail, lines[(n.lineno ?? 1) - 1] ?? '');
      }
    }
    switch (n.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'Lambda':
        visit((n.args as PyNode | undefined)?.defaults, where);
        visit((n.args as PyNode | undefined)?.kw_defaults, where);
        visit(n.decorator_list, where);
        visit(n.body, 'function');
        return;
      case 'ClassDef':
        visit(n.bases, where);
        visit(n.decorator_list, where);
        visit(n.body, 'outside');
        return;
    }
    const comprehension = COMPREHENSIONS[n.nodeType];
    if (comprehension !== undefined) {
      const gens = n.generators as PyNode[];
      visit(gens[0]?.iter, where);
      for (const [i, g] of gens.entries()) {
        if (i > 0) visit(g.iter, comprehension);
        visit(g.target, comprehension);
        visit(g.ifs, comprehension);
      }
      visit([n.elt, n.key, n.value], comprehension);
      return;
    }
    for (const k in n) if (k !== 'ctx') visit((n as Record<string, unknown>)[k], where);
  };
  visit(body, 'outside');
}

/**
 * CPython's symbol-table checks of `:=` in comprehensions (PEP 572): it may not rebind an
 * iteration variable of its comprehension or of one enclosing it, may not appear in a
 * comprehension's iterable, and may not appear in a comprehension in a class body (whose
 * scope it would bind in).
 */
function checkWalrus(body: readonly PyNode[], lines: readonly string[], file: string): void {
  const fail = (n: PyNode, detail: string): never => {
    throw new PySyntaxError(file, n.lineno ?? 1, (n.col_offset ?? 0) + 1, detail, lines[(n.lineno ?? 1) - 1] ?? '');
  };
  // `iters`: iteration variables of the comprehensions enclosing this point, innermost scope
  // outward up to the first function or module; `inClass`: that scope is a class body.
  const visit = (x: unknown, iters: readonly string[] | undefined, inClass: boolean, inIterable: boolean): void => {
    if (Array.isArray(x)) {
      for (const y of x) visit(y, iters, inClass, inIterable);
      return;
    }
    if (typeof x !== 'object' || x === null) return;
    const n = x as PyNode;
    if (n.nodeType === 'NamedExpr' && inIterable) fail(n, 'assignment expression cannot be used in a comprehension iterable expression');
    if (n.nodeType === 'NamedExpr' && iters !== undefined) {
      const name = String((n.target as PyNode).id);
      if (iters.includes(name)) fail(n, `assignment expression cannot rebind comprehension iteration variable '${name}'`);
      if (inClass) fail(n, 'assignment expression within a comprehension cannot be used in a class body');
    }
    switch (n.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'Lambda':
        visit((n.args as PyNode | undefined)?.defaults, iters, inClass, inIterable);
        visit((n.args as PyNode | undefined)?.kw_defaults, iters, inClass, inIterable);
        visit(n.decorator_list, iters, inClass, inIterable);
        visit(n.body, undefined, false, false);
        return;
      case 'ClassDef':
        visit(n.bases, iters, inClass, inIterable);
        visit(n.decorator_list, iters, inClass, inIterable);
        visit(n.body, undefined, true, false);
        return;
    }
    if (COMPREHENSIONS[n.nodeType] !== undefined) {
      const gens = n.generators as PyNode[];
      const own: string[] = [];
      for (const g of gens) collectNames(g.target as PyNode, own);
      const inner = [...(iters ?? []), ...own];
      // The first iterable is evaluated in the enclosing scope, the others in the comprehension's.
      for (const [i, g] of gens.entries()) {
        visit(g.iter, i === 0 ? iters : inner, inClass, true);
        visit(g.ifs, inner, inClass, false);
      }
      visit([n.elt, n.key, n.value], inner, inClass, false);
      return;
    }
    for (const k in n) if (k !== 'ctx') visit((n as Record<string, unknown>)[k], iters, inClass, inIterable);
  };
  visit(body, undefined, false, false);
}

function collectNames(t: PyNode, out: string[]): void {
  if (t.nodeType === 'Name') out.push(String(t.id));
  else if (t.nodeType === 'Tuple' || t.nodeType === 'List') for (const e of t.elts as PyNode[]) collectNames(e, out);
  else if (t.nodeType === 'Starred') collectNames(t.value as PyNode, out);
}

/**
 * The innermost bracket still open at the end of the source, if any: CPython reports such a
 * file at the bracket (`'(' was never closed`), where a parser sees only the unexpected end.
 * Strings and comments are skipped; a closing bracket that does not match is left to the parser.
 */
function unclosedBracket(source: string): { bracket: string; line: number; column: number } | undefined {
  const stack: { bracket: string; line: number; column: number }[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i);
      const end = triple ? c.repeat(3) : c;
      for (i += end.length; i < source.length && !source.startsWith(end, i); i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '\n') {
          if (!triple) break;
          line++;
          lineStart = i + 1;
        }
      }
      i += end.length - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push({ bracket: c, line, column: i - lineStart + 1 });
    } else if (c === ')' || c === ']' || c === '}') {
      if (stack.length === 0) return undefined;
      stack.pop();
    }
  }
  return stack.at(-1);
}
