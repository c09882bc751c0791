/**
 * The unsupported-construct checker: before anything runs, every construct the interpreter
 * does not model is listed with its file:line:col and why, so a lecturer learns all of them at
 * once instead of one per run.
 */
import type { PyModule, PyNode } from './ast.js';
import { isGeneratorFunction } from './scope.js';
import { forEachNode } from './walk.js';

/** One construct threadsim cannot run. */
export interface Unsupported {
  readonly line: number;
  /** 1-based column, as editors and CPython's messages count. */
  readonly column: number;
  readonly what: string;
}

/** Node types with no model, and why (in the words the report prints). */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  AsyncFunctionDef: "'async def': coroutines are not threads; threadsim models threading only",
  AsyncFor: "'async for': coroutines are not modelled",
  AsyncWith: "'async with': coroutines are not modelled",
  Await: "'await': coroutines are not modelled",
  Match: "'match' statements are not supported yet",
  TryStar: "'except*' (exception groups) is not supported",
  TypeAlias: "'type' aliases are not supported",
  TemplateStr: 't-strings are not supported',
  Interpolation: 't-strings are not supported',
  MatMult: "the '@' operator is not supported",
};

/**
 * Standard modules that exist in CPython but have no model: importing one is reported before
 * the run. Other unknown modules raise CPython's `ModuleNotFoundError` when imported.
 */
const UNMODELLED = new Set(['asyncio', 'multiprocessing', 'subprocess', 'socket', 'selectors', 'signal', 'json', 're', 'traceback', 'atexit', 'weakref', 'copy']);
const UNMODELLED_WHY = 'no model of this module (docs/python.md lists the modules threadsim models)';

function rootOf(module: string): string {
  return module.split('.')[0]!;
}

/**
 * Classes of the standard modules a program's class cannot derive from yet, by module: the
 * `collections` classes threadsim implements as list and dict subclasses, and `typing`'s class
 * syntaxes whose fields come from annotations.
 */
const SEALED: Readonly<Record<string, ReadonlySet<string>>> = {
  collections: new Set(['deque', 'Counter', 'defaultdict', 'OrderedDict']),
  typing: new Set(['NamedTuple', 'TypedDict']),
  // CPython runs a subclass's __init__ once per thread, on its first use there; threadsim
  // would share the attributes it sets between threads, a wrong answer.
  threading: new Set(['local']),
};

/** The names under which `mod` imports each module of {@link SEALED} itself, and those it imports each sealed class under (`module.Class`). */
function sealedNames(mod: PyModule): { modules: Map<string, string>; classes: Map<string, string> } {
  const modules = new Map<string, string>();
  const classes = new Map<string, string>();
  forEachNode(mod.body, (n) => {
    if (n.nodeType === 'Import') for (const a of n.names as PyNode[]) if (SEALED[String(a.name)] !== undefined) modules.set(String(a.asname ?? a.name), String(a.name));
    const from = SEALED[String(n.module)];
    if (n.nodeType === 'ImportFrom' && from !== undefined) for (const a of n.names as PyNode[]) if (from.has(String(a.name))) classes.set(String(a.asname ?? a.name), `${String(n.module)}.${String(a.name)}`);
  });
  return { modules, classes };
}

/** Why a class cannot derive from `sealed` (`collections.deque`, `typing.NamedTuple`). */
function sealedWhy(sealed: string): string {
  if (sealed === 'typing.NamedTuple') return 'the typing.NamedTuple class syntax is not supported yet (use collections.namedtuple)';
  if (sealed === 'typing.TypedDict') return 'the typing.TypedDict class syntax is not supported yet (use a plain dict)';
  if (sealed === 'threading.local') return 'subclassing threading.local is not supported yet (use threading.local() and set its attributes in each thread)';
  return `subclassing ${sealed} is not supported yet (use it as an attribute instead)`;
}

/** Every unsupported construct of `mod`, in source order. */
export function unsupportedConstructs(mod: PyModule): Unsupported[] {
  const found: Unsupported[] = [];
  const add = (n: PyNode, what: string): void => {
    found.push({ line: n.lineno ?? 1, column: (n.col_offset ?? 0) + 1, what });
  };
  const names = sealedNames(mod);
  const sealedBase = (b: PyNode): string | undefined => {
    if (b.nodeType === 'Name') return names.classes.get(String(b.id));
    const v = b.value as PyNode | undefined;
    const module = b.nodeType === 'Attribute' && v?.nodeType === 'Name' ? names.modules.get(String(v.id)) : undefined;
    return module !== undefined && SEALED[module]!.has(String(b.attr)) ? `${module}.${String(b.attr)}` : undefined;
  };
  const stack: unknown[] = [mod.body];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
      continue;
    }
    if (typeof x !== 'object' || x === null) continue;
    const n = x as PyNode;
    const why = UNSUPPORTED[n.nodeType];
    if (why !== undefined) {
      // Operators carry no position in the tree: report them at their expression.
      if (n.lineno !== undefined) add(n, why);
    }
    checkNode(n, add);
    if (n.nodeType === 'ClassDef') {
      for (const b of n.bases as PyNode[]) {
        const sealed = sealedBase(b);
        if (sealed !== undefined) add(n, `class ${String(n.name)}: ${sealedWhy(sealed)}`);
      }
    }
    const fields = Object.keys(n).filter((k) => k !== 'ctx');
    for (let i = fields.length - 1; i >= 0; i--) stack.push((n as Record<string, unknown>)[fields[i]!]);
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function checkNode(n: PyNode, add: (n: PyNode, what: string) => void): void {
  switch (n.nodeType) {
    case 'BinOp':
    case 'AugAssign': {
      const op = (n.op as PyNode | undefined)?.nodeType;
      if (op !== undefined && UNSUPPORTED[op] !== undefined) add(n, UNSUPPORTED[op]!);
      break;
    }
    case 'ClassDef':
      if ((n.bases as PyNode[]).length > 1) add(n, `class ${String(n.name)}: multiple inheritance is not supported (one base class at most)`);
      if ((n.keywords as PyNode[]).length > 0) add(n, `class ${String(n.name)}: class keywords (metaclass=...) are not supported`);
      break;
    case 'Lambda':
      if (isGeneratorFunction(n)) add(n, "'yield' inside a lambda is not supported; use a generator function (def)");
      break;
    case 'FunctionDef': {
      const args = n.args as PyNode;
      if ((args.posonlyargs as PyNode[]).length > 0) add(n, `def ${String(n.name)}: positional-only parameters ('/') are not supported yet`);
      break;
    }
    case 'Import':
      for (const a of n.names as PyNode[]) if (UNMODELLED.has(rootOf(String(a.name)))) add(n, `import ${String(a.name)}: ${UNMODELLED_WHY}`);
      break;
    case 'ImportFrom':
      if (UNMODELLED.has(rootOf(String(n.module)))) add(n, `from ${String(n.module)} import ...: ${UNMODELLED_WHY}`);
      if (typeof n.level === 'number' && n.level > 0) add(n, 'relative imports are not supported');
      break;
  }
}

/** The report: one line per construct, `file:line:col: what`. */
export function formatUnsupported(file: string, found: readonly Unsupported[]): string[] {
  return found.map((u) => `${file}:${u.line}:${u.column}: unsupported: ${u.what}`);
}
