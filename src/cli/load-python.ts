/**
 * Loads a `.py` program for the CLI: a file path, or a built-in Python program (`py/race`).
 * Syntax errors and unsupported constructs are printed (one per line, `file:line:col`) before
 * the one-line usage error, and nothing runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ThreadsimError } from '../errors.js';
import { builtinPython, builtinPythonNames } from '../python/builtins-programs.js';
import { pythonProgram, PySourceError } from '../python/program.js';
import type { SwitchRule } from '../python/interp.js';
import type { Program } from '../scheduler/program.js';
import { pythonSwitchRule } from './python-spec.js';

export { isPythonSpec, setPythonSwitchRule } from './python-spec.js';

/**
 * Load `spec` (a path ending in `.py`, or `py/NAME`). A spec ending in `@any` (how a program
 * run with `--switch any` names itself in traces and replay commands) selects that rule.
 */
export function loadPythonProgram(spec: string, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Program {
  let rule: SwitchRule = pythonSwitchRule() ?? 'cpython';
  if (spec.endsWith('@any')) {
    rule = 'any';
    spec = spec.slice(0, -4);
  }
  if (!spec.endsWith('.py')) {
    const found = builtinPython(rule === 'any' ? `${spec}@any` : spec);
    if (found === undefined) throw new ThreadsimError('TSIM004', `unknown program '${spec}'`, `Built-in Python programs: ${builtinPythonNames().join(', ')}.`);
    return found;
  }
  const path = resolve(spec);
  if (!existsSync(path)) throw new ThreadsimError('TSIM004', `no such file: ${spec}`, 'Check the path, or run `threadsim list` for the built-in programs.');
  const rel = relative(process.cwd(), path);
  const shown = rel.startsWith('..') || rel === '' ? path : rel.split(sep).join('/');
  try {
    return pythonProgram(readFileSync(path, 'utf8'), shown, { name: rule === 'any' ? `${shown}@any` : shown, switchRule: rule });
  } catch (e) {
    if (!(e instanceof PySourceError)) throw e;
    for (const line of e.lines) write(line);
    throw new ThreadsimError('TSIM017', e.summary, 'Rewrite the constructs listed, or run the file under python3; docs/python.md lists what threadsim runs.');
  }
}
