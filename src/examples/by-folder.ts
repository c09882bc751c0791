/**
 * A built-in program by name, loading only its folder's modules (`tutorial/race` loads
 * tutorial/, not the zoo or the benchmarks), so that running one program starts quickly.
 * `index.ts` is the full list, for `threadsim list` and the tests.
 */
import type { Program } from '../scheduler/program.js';

const FOLDERS: Readonly<Record<string, () => Promise<readonly Program[]>>> = {
  tutorial: async () => (await import('./tutorial/index.js')).tutorial,
  zoo: async () => (await import('./zoo/index.js')).zoo,
  bench: async () => (await import('./bench/index.js')).bench,
};

/** The built-in program called `name`, or undefined when there is none. */
export async function loadBuiltin(name: string): Promise<Program | undefined> {
  const folder = FOLDERS[name.slice(0, name.indexOf('/'))];
  if (folder === undefined) return undefined;
  return (await folder()).find((p) => p.name === name);
}
