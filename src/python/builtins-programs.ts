/**
 * The built-in Python programs: the tutorial's and the zoo's programs as `.py` files, the same
 * files the differential tests run under CPython (one file, two runtimes). `py/race` is
 * `tutorial/race`'s Python form; `py/zoo/lost-notify` is `zoo/lost-notify`'s.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Program } from '../scheduler/program.js';
import { pythonProgram } from './program.js';
import type { SwitchRule } from './interp.js';

/** The package's folder of Python programs (the same from src/ and dist/). */
/** The .py programs: copied into dist/python-programs by the build; in src/, the test twins. */
const HERE = dirname(fileURLToPath(import.meta.url));
const FOLDER = existsSync(resolve(HERE, '..', 'python-programs')) ? resolve(HERE, '..', 'python-programs') : resolve(HERE, '..', '..', 'test', 'python');

interface Entry {
  readonly name: string;
  /** The TypeScript built-in this program is the Python form of. */
  readonly twin: string;
  readonly path: string;
}

let entries: Entry[] | undefined;

function list(): Entry[] {
  if (entries !== undefined) return entries;
  entries = [];
  for (const [folder, prefix] of [['tutorial', 'py/'], ['zoo', 'py/zoo/']] as const) {
    const dir = join(FOLDER, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
      const base = f.slice(0, -3);
      entries.push({ name: `${prefix}${base}`, twin: `${folder}/${base}`, path: join(dir, f) });
    }
  }
  return entries;
}

const cache = new Map<string, Program>();

/** Names of the built-in Python programs (`py/race`, `py/zoo/lost-notify`, ...). */
export function builtinPythonNames(): string[] {
  return list().map((e) => e.name);
}

/** The TypeScript built-in a Python program is the form of (`py/race` → `tutorial/race`). */
export function pythonTwinOf(name: string): string | undefined {
  return list().find((e) => e.name === name || `${e.name}@any` === name)?.twin;
}

/** The built-in Python program `name` (`py/race`, or `py/race@any` for the any-access rule). */
export function builtinPython(name: string, rule?: SwitchRule): Program | undefined {
  const any = name.endsWith('@any');
  const base = any ? name.slice(0, -4) : name;
  const e = list().find((x) => x.name === base || `py/${x.twin}` === base);
  if (e === undefined) return undefined;
  const r: SwitchRule = any ? 'any' : (rule ?? 'cpython');
  const key = `${e.name}@${r}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = pythonProgram(readFileSync(e.path, 'utf8'), `${e.twin}.py`, { name: r === 'any' ? `${e.name}@any` : e.name, switchRule: r });
    cache.set(key, p);
  }
  return p;
}

/** Every built-in Python program. */
export function builtinPythonPrograms(): Program[] {
  return list().map((e) => builtinPython(e.name)!);
}
