/**
 * Finds the program a command names: a built-in name, or a path to a module whose default
 * export (or `program` export) is a program.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ThreadsimError } from '../errors.js';
import { builtin, builtins } from '../examples/index.js';
import { isProgram, type Program } from '../scheduler/program.js';
import { isPythonSpec, loadPythonProgram } from './load-python.js';

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

/** True when `spec` names a file rather than a built-in program. */
export function looksLikePath(spec: string): boolean {
  return /\.(m?[jt]s|cjs|cts|mts|py)$/.test(spec) || spec.startsWith('.') || spec.startsWith('/');
}

/** Load the program called `spec`. */
export async function loadProgram(spec: string): Promise<Program> {
  if (isPythonSpec(spec)) return loadPythonProgram(spec);
  if (!looksLikePath(spec)) {
    const found = builtin(spec);
    if (found !== undefined) return found;
    const names = builtins().map((p) => p.name).join(', ');
    throw new ThreadsimError('TSIM004', `unknown program '${spec}'`, `Built-in programs: ${names}; or give a path to a .ts/.js module.`);
  }
  const path = resolve(spec);
  if (!existsSync(path)) {
    throw new ThreadsimError('TSIM004', `no such file: ${spec}`, 'Check the path, or run `threadsim list` for the built-in programs.');
  }
  let mod: Record<string, unknown>;
  await prepareLoader(path);
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    if (/require\(\) ES Module|Cannot use import statement outside a module/.test((e as Error).message)) {
      throw new ThreadsimError(
        'TSIM005',
        `cannot load ${spec}: Node treats it as CommonJS, but it uses import`,
        `Name it ${spec.replace(/\.[cm]?[jt]s$/, '.mts')}, or put a package.json with {"type": "module"} in its folder.`,
      );
    }
    throw new ThreadsimError('TSIM005', `cannot load ${spec}: ${(e as Error).message.split('\n')[0]}`, 'Fix the module so that it imports cleanly.');
  }
  const candidate = isProgram(mod.default) ? mod.default : isProgram(mod.program) ? mod.program : undefined;
  if (candidate === undefined) {
    throw new ThreadsimError('TSIM005', `${spec} has no program export`, "Export one: export default program('name', function* main() { ... }).");
  }
  return candidate;
}
