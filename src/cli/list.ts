/** `threadsim list`: the built-in programs, one line each. */
import { builtins } from '../examples/index.js';
import { builtinPythonPrograms } from '../python/builtins-programs.js';

/** Print the list; always exit code 0. */
export function listCommand(out: (line: string) => void): number {
  const programs = [...builtins(), ...builtinPythonPrograms()];
  const width = Math.max(...programs.map((p) => p.name.length));
  for (const p of programs) out(`${p.name.padEnd(width)}  ${p.options.description ?? ''}`);
  return 0;
}
