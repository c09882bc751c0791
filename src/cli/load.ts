/**
 * Finds the program a command names: a built-in name, or a path to a module whose default
 * export (or `program` export) is a program.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isThreadsimError, ThreadsimError } from '../errors.js';
import { loadBuiltin } from '../examples/by-folder.js';
import { isGeneratorFunction, isProgram, type Program } from '../scheduler/program.js';
import { isPythonSpec } from './python-spec.js';
import { closest } from './suggest.js';

/** Registers a TypeScript loader for `.ts`/`.mts` programs; set by the command-line entry. */
let typeScriptLoader: (() => Promise<void>) | undefined;
let loaderReady: Promise<void> | undefined;

/**
 * Use `register` to load TypeScript program files. The CLI entry sets it (tsx); library users
 * and test runners that already compile TypeScript leave it unset, and nothing is registered.
 */
export function setTypeScriptLoader(register: () => Promise<void>): void {
  typeScriptLoader = register;
}

async function prepareLoader(spec: string): Promise<void> {
  if (typeScriptLoader === undefined || !/\.[cm]?tsx?$/.test(spec)) return;
  loaderReady ??= typeScriptLoader();
  await loaderReady;
}

/** Largest program file loaded (bytes); a device or a huge file is refused before import. */
const MAX_PROGRAM_BYTES = 16 * 1024 * 1024;

/** True when `spec` names a file rather than a built-in program. */
export function looksLikePath(spec: string): boolean {
  return /\.(m?[jt]s|cjs|cts|mts|py)$/.test(spec) || spec.startsWith('.') || spec.startsWith('/');
}

/** Load the program called `spec`. */
export async function loadProgram(spec: string): Promise<Program> {
  // The Python front end (parser and interpreter) loads only for a Python program.
  if (isPythonSpec(spec)) return (await import('./load-python.js')).loadPythonProgram(spec);
  if (!looksLikePath(spec)) {
    const found = await loadBuiltin(spec);
    if (found !== undefined) return found;
    const { builtins } = await import('../examples/index.js');
    const hint = closest(spec, builtins().map((p) => p.name));
    throw new ThreadsimError(
      'TSIM004',
      hint === undefined ? `unknown program '${spec}'` : `unknown program '${spec}': did you mean ${hint}?`,
      '`threadsim list` shows the built-in programs; or give a path to a .py, .ts or .js file.',
    );
  }
  const path = resolve(spec);
  if (!existsSync(path)) {
    throw new ThreadsimError('TSIM004', `no such file: ${spec}`, 'Check the path, or run `threadsim list` for the built-in programs.');
  }
  const stat = statSync(path);
  if (!stat.isFile() || stat.size > MAX_PROGRAM_BYTES) {
    throw new ThreadsimError('TSIM004', `${spec} is ${stat.isFile() ? `larger than ${MAX_PROGRAM_BYTES} bytes` : 'not a regular file'}`, 'Name a .py file, or a .ts/.js module that exports a program.');
  }
  let mod: Record<string, unknown>;
  await prepareLoader(path);
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw loadError(spec, path, e);
  }
  const found = [mod.default, mod.program].find((x) => typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'threadsim.program');
  if (found === undefined) {
    throw new ThreadsimError('TSIM005', `${spec} has no program export`, "Export one: export default program('name', function* main() { ... }).");
  }
  checkProgramShape(found as Record<string, unknown>, spec);
  return found as Program;
}

/**
 * A program object made by hand (not by `program()`) is checked field by field, so that
 * `options: null` or `main: 42` is named here rather than failing deep inside a run.
 */
function checkProgramShape(p: Record<string, unknown>, spec: string): void {
  const bad = (what: string, fix: string): never => {
    throw new ThreadsimError('TSIM010', `${spec}: the program's ${what}`, fix);
  };
  const make = "Make it with program('name', function* main() { ... }, { claims: { ... } }).";
  if (typeof p.name !== 'string' || p.name === '') bad('name is not a non-empty string', make);
  if (typeof p.main !== 'function') bad(`main is ${describeKind(p.main)}, not a generator function`, make);
  if (!isGeneratorFunction(p.main)) bad(`main is ${describeKind(p.main)}, not a generator function`, 'Declare it with function* so that primitives can be called with yield*.');
  if (typeof p.options !== 'object' || p.options === null || Array.isArray(p.options)) bad(`options is ${describeKind(p.options)}, not an object`, 'Pass an object such as { claims: {} }, or leave options out.');
  const options = p.options as Record<string, unknown>;
  for (const key of ['claims', 'invariants'] as const) {
    const group = options[key];
    if (group === undefined) continue;
    if (typeof group !== 'object' || group === null) bad(`options.${key} is ${describeKind(group)}, not an object of named functions`, `Write ${key}: { 'what holds': (s) => ... }.`);
    for (const [name, f] of Object.entries(group as object)) {
      if (typeof f !== 'function') bad(`${key.slice(0, -1)} '${name}' is ${describeKind(f)}, not a function`, `Write ${key}: { '${name}': (s) => ... }.`);
    }
  }
}

/** `null`, `the number 42`, `an async generator function`: what a value is, for messages. */
function describeKind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (typeof v === 'function') {
    const tag = Object.prototype.toString.call(v);
    if (tag === '[object AsyncGeneratorFunction]') return 'an async generator function (async function*)';
    if (tag === '[object AsyncFunction]') return 'an async function';
    return 'a plain function';
  }
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : 'an object';
  return `the ${typeof v} ${String(v).slice(0, 20)}`;
}

/** The error of a module that does not import, with the real cause and where it is. */
function loadError(spec: string, path: string, e: unknown): ThreadsimError {
  if (isThreadsimError(e)) {
    // program() refused its arguments while the module loaded: that error says it all.
    if (e.code === 'TSIM010') return new ThreadsimError('TSIM010', `${spec}: ${e.message.replace(/ \(TSIM010\)\. .*$/, '')}`, asyncHint(e.message) ?? e.fix);
    return e;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/require\(\) ES Module|Cannot use import statement outside a module/.test(message)) {
    return new ThreadsimError(
      'TSIM005',
      `cannot load ${spec}: Node treats it as CommonJS, but it uses import`,
      `Name it ${spec.replace(/\.[cm]?[jt]s$/, '.mts')}, or put a package.json with {"type": "module"} in its folder.`,
    );
  }
  // Loaders put the cause after a summary line ("Transform failed with 1 error:"): keep it all, on one line.
  const text = message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .replaceAll(path, spec)
    .slice(0, 600);
  const awaitLine = /await|reserved word/.test(text) ? lineUsingAwait(path) : undefined;
  if (awaitLine !== undefined) {
    return new ThreadsimError(
      'TSIM005',
      `cannot load ${spec}: ${text}${/:\d+:\d+/.test(text) ? '' : ` (${spec}:${awaitLine} uses await)`}`,
      'A thread body is a generator (function*), where await is not allowed: wait with a primitive instead, as in yield* sleep(0.1) or yield* future.result().',
    );
  }
  return new ThreadsimError('TSIM005', `cannot load ${spec}: ${text}`, 'Fix the module so that it imports cleanly.');
}

function asyncHint(message: string): string | undefined {
  return /not a generator function/.test(message)
    ? 'Declare it with function* (not async function*): threads run step by step, so wait with yield* of a primitive (yield* sleep(0.1)), not await.'
    : undefined;
}

/** The 1-based line of the first `await` in the file, if it has one. */
function lineUsingAwait(path: string): number | undefined {
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    const i = lines.findIndex((l) => /(^|[^\w$.'"/])await\s+[\w$([]/.test(l) && !/^\s*(\/\/|\*)/.test(l));
    return i < 0 ? undefined : i + 1;
  } catch {
    return undefined;
  }
}

/**
 * The trust rule for programs that a trace file names (docs/traces.md, "Trust"): a trace is
 * data, and may come from anyone, so the file it names is never loaded on its word. A
 * built-in program (part of threadsim) is used by name; a program file only when the user
 * names it on the command line (`--program`), which is then used whatever the trace says.
 * Returns undefined when the trace names a file and `named` is undefined.
 */
export async function programForTrace(traceSpec: string, named: string | undefined): Promise<Program | undefined> {
  if (named !== undefined) return loadProgram(named);
  if (looksLikePath(traceSpec)) return undefined;
  return loadBuiltin(traceSpec);
}

/** The TSIM014 refusal for a command that must run the program a trace names. */
export function programNotNamed(traceSpec: string, file: string, command: string): ThreadsimError {
  return new ThreadsimError(
    'TSIM014',
    `${file} names the program file ${traceSpec}; ${command} runs a program's code, so it loads a file only when you name it yourself`,
    `Read that file first, then pass it: threadsim ${command} ${file} --program ${traceSpec}`,
  );
}
