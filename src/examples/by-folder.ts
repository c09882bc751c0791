/**
 * A built-in program by name, loading only its own module where it has one, else only its
 * folder's modules (`bench/lastzero-10` loads bench/, not the tutorial or the zoo), so that
 * running one program starts quickly.
 * `index.ts` is the full list, for `threadsim list` and the tests.
 */
import type { Program } from '../scheduler/program.js';

const FOLDERS: Readonly<Record<string, () => Promise<readonly Program[]>>> = {
  tutorial: async () => (await import('./tutorial/index.js')).tutorial,
  zoo: async () => (await import('./zoo/index.js')).zoo,
  bench: async () => (await import('./bench/index.js')).bench,
};

/** Folders whose programs live one to a file named after them (`tutorial/race` in tutorial/race.ts). */
const ONE_PER_FILE = new Set(['tutorial', 'zoo']);

/**
 * The built-in program called `name`, or undefined when there is none. A program with a file
 * of its own is loaded alone (one module instead of its folder's twenty); any other name, or
 * a file whose program has another name, is looked up in its folder's list.
 */
export async function loadBuiltin(name: string): Promise<Program | undefined> {
  const slash = name.indexOf('/');
  const folderName = name.slice(0, slash);
  const folder = FOLDERS[folderName];
  if (folder === undefined) return undefined;
  const file = name.slice(slash + 1);
  if (ONE_PER_FILE.has(folderName) && /^[a-z0-9][a-z0-9-]*$/.test(file)) {
    const alone = await import(`./${folderName}/${file}.js`).then(
      (m: { default?: Program }) => m.default,
      () => undefined,
    );
    if (alone?.name === name) return alone;
  }
  return (await folder()).find((p) => p.name === name);
}
