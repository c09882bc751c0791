/** `threadsim list`: the built-in programs, one line each, or one JSON array with `--json`. */
import { builtins } from '../examples/index.js';
import { builtinPythonPrograms } from '../python/builtins-programs.js';

/** Print the list; always exit code 0. */
export function listCommand(out: (line: string) => void, options: { json?: boolean } = {}): number {
  const programs = [...builtins(), ...builtinPythonPrograms()];
  if (options.json === true) {
    out(JSON.stringify(programs.map((p) => ({ name: p.name, description: p.options.description ?? '' })), null, 2));
    return 0;
  }
  const width = Math.max(...programs.map((p) => p.name.length));
  for (const p of programs) out(`${p.name.padEnd(width)}  ${p.options.description ?? ''}`);
  return 0;
}
