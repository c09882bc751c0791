/**
 * A `.py` file as a threadsim {@link Program}: parsed and checked once (syntax errors and every
 * unsupported construct are reported before anything runs), then interpreted afresh in every
 * execution as MainThread's body.
 *
 * Claims: each `assert` at module level (including inside `if __name__ == "__main__":`) is a
 * claim named by its source text. It runs where it stands, as under CPython; a failing one
 * prints CPython's traceback and ends the module, and is reported as that claim failing.
 */
import { runtime } from '../scheduler/context.js';
import type { Op, Steps } from '../scheduler/ops.js';
import type { Claim, LogLevelName, Program, ProgramOptions } from '../scheduler/program.js';
import type { PyModule, PyNode } from './ast.js';
import { makeHost, SharedHost } from './bindings/index.js';
import { formatUnsupported, unsupportedConstructs } from './check.js';
import { docstringOf } from './definitions.js';
import { Interp, type SwitchRule } from './interp.js';
import { parsePython, PySyntaxError } from './parse.js';
import { forEachNode } from './walk.js';

/** A `.py` file that cannot run: its syntax error or its unsupported constructs, one line each. */
export class PySourceError extends Error {
  constructor(
    readonly file: string,
    /** `file:line:col: ...` lines, as printed before the run. */
    readonly lines: readonly string[],
    readonly summary: string,
  ) {
    super(`${summary}\n${lines.join('\n')}`);
    this.name = 'PySourceError';
  }
}

/** Options of {@link pythonProgram}. */
export interface PythonProgramOptions {
  /** Program name (default: the file name). */
  readonly name?: string;
  /** The switching rule (default `cpython`); see docs/python.md. */
  readonly switchRule?: SwitchRule;
  readonly description?: string;
  readonly programSeed?: number;
}

/** The store the claims' verdicts are kept in, in the shared state of a run. */
export const CLAIM_STORE = 'python asserts';

/** Parse and check `source` (the contents of `file`) and make it a program. Throws {@link PySourceError}. */
export function pythonProgram(source: string, file: string, options: PythonProgramOptions = {}): Program {
  let mod: PyModule;
  try {
    mod = parsePython(source, file);
  } catch (e) {
    if (e instanceof PySyntaxError) {
      const caret = `${' '.repeat(Math.max(0, e.column - 1 - (e.text.length - e.text.trimStart().length)))}^`;
      throw new PySourceError(file, [`  File "${file}", line ${e.line}`, `    ${e.text.trim()}`, `    ${caret}`, `SyntaxError: ${e.detail}`], `${file}:${e.line}:${e.column}: SyntaxError: ${e.detail}`);
    }
    throw e;
  }
  const unsupported = unsupportedConstructs(mod);
  if (unsupported.length > 0) {
    const n = unsupported.length;
    throw new PySourceError(file, formatUnsupported(file, unsupported), `${file}: ${n} construct${n === 1 ? '' : 's'} threadsim cannot run yet (listed above); nothing was run`);
  }
  const rule = options.switchRule ?? 'cpython';
  const asserts = claimAsserts(mod);
  const claims: Record<string, Claim> = {};
  for (const a of asserts) {
    claims[a.name] = (s) => {
      const v = s[CLAIM_STORE]?.[a.key];
      return v === undefined || v === true ? true : String(v);
    };
  }
  const logLevel = basicConfigLevel(mod);
  const programOptions: ProgramOptions = {
    description: `${options.description ?? docstringLine(mod) ?? file} [${rule === 'cpython' ? 'switching: CPython 3.11 check points' : 'switching: any shared access'}]`,
    ...(asserts.length > 0 ? { claims } : {}),
    ...(logLevel === undefined ? {} : { logLevel }),
    ...(options.programSeed === undefined ? {} : { programSeed: options.programSeed }),
  };
  const keyOf = new Map(asserts.map((a) => [a.node, a.key]));
  // The host keeps no state of its own between executions (see bindings/index.ts), so one serves them all.
  const host = makeHost(file, new SharedHost());
  const main = function* main(): Steps<unknown> {
    if (asserts.length > 0) runtime('a .py program').defineStore(CLAIM_STORE, {});
    const interp = new Interp(mod, rule, host);
    interp.onClaim = (node, ok, message, traceback) => {
      const key = keyOf.get(node);
      if (key === undefined) return undefined;
      const verdict = ok ? true : message;
      const op: Op = {
        kind: 'set',
        obj: undefined,
        access: 'none',
        value: `${key}: ${ok ? 'holds' : 'fails'}`,
        run: (k) => {
          k.storeValue(CLAIM_STORE, key, verdict);
          if (!ok) for (const line of traceback) k.emit('stderr', 40, line);
        },
      };
      return op;
    };
    return yield* interp.runModule();
  };
  return { kind: 'threadsim.program', name: options.name ?? file, main, options: programOptions };
}

interface ClaimAssert {
  readonly node: PyNode;
  readonly key: string;
  readonly name: string;
}

/** Module-level asserts: at top level or in top-level `if` blocks. */
function claimAsserts(mod: PyModule): ClaimAssert[] {
  const out: ClaimAssert[] = [];
  const visit = (body: readonly PyNode[]): void => {
    for (const s of body) {
      if (s.nodeType === 'Assert') {
        const test = s.test as PyNode;
        const text = segment(mod, test);
        out.push({ node: s, key: `line ${s.lineno}`, name: `assert ${text} (${mod.file}:${s.lineno})` });
      } else if (s.nodeType === 'If') {
        visit(s.body as PyNode[]);
        visit(s.orelse as PyNode[]);
      }
    }
  };
  visit(mod.body);
  return out;
}

/** The source text of a node (first line only when it spans several). */
export function segment(mod: PyModule, n: PyNode): string {
  const line = mod.lines[(n.lineno ?? 1) - 1] ?? '';
  const end = n.end_lineno === n.lineno ? n.end_col_offset : undefined;
  return line.slice(n.col_offset ?? 0, end).trim();
}

/** The level a module-level `logging.basicConfig(level=...)` sets, read from the source. */
function basicConfigLevel(mod: PyModule): LogLevelName | undefined {
  let found: LogLevelName | undefined;
  forEachNode(mod.body, (n) => {
    if (n.nodeType === 'Call') {
      const fn = n.func as PyNode;
      if (fn.nodeType === 'Attribute' && fn.attr === 'basicConfig') {
        for (const k of n.keywords as PyNode[]) {
          if (k.arg !== 'level') continue;
          const v = k.value as PyNode;
          const name = v.nodeType === 'Attribute' ? String(v.attr) : v.nodeType === 'Constant' ? levelOfNumber(Number(v.value)) : undefined;
          if (name !== undefined && ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'].includes(name)) found = name.toLowerCase() as LogLevelName;
        }
      }
    }
  });
  return found;
}

function levelOfNumber(n: number): string | undefined {
  return ({ 10: 'DEBUG', 20: 'INFO', 30: 'WARNING', 40: 'ERROR', 50: 'CRITICAL' } as Record<number, string>)[n];
}

/** The first line of the module's docstring. */
function docstringLine(mod: PyModule): string | undefined {
  return docstringOf(mod.body)?.trim().split('\n')[0];
}
