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

/**
 * The programs that have a module of their own, each loaded alone (one module instead of its
 * folder's twenty). Written out rather than built from the name, so that a bundler sees every
 * module (dist/fast is one); test/examples/by-folder.test.ts checks that each one loads the
 * program of its name and that no tutorial or zoo program is missing.
 */
const FILES: Readonly<Record<string, () => Promise<{ readonly default: Program }>>> = {
  'tutorial/barrier': () => import('./tutorial/barrier.js'),
  'tutorial/daemon-thread': () => import('./tutorial/daemon-thread.js'),
  'tutorial/deadlock': () => import('./tutorial/deadlock.js'),
  'tutorial/executor': () => import('./tutorial/executor.js'),
  'tutorial/join': () => import('./tutorial/join.js'),
  'tutorial/locked-update': () => import('./tutorial/locked-update.js'),
  'tutorial/many-threads': () => import('./tutorial/many-threads.js'),
  'tutorial/pipeline-final': () => import('./tutorial/pipeline-final.js'),
  'tutorial/pipeline-lock': () => import('./tutorial/pipeline-lock.js'),
  'tutorial/pipeline-queue': () => import('./tutorial/pipeline-queue.js'),
  'tutorial/race': () => import('./tutorial/race.js'),
  'tutorial/rlock': () => import('./tutorial/rlock.js'),
  'tutorial/semaphore': () => import('./tutorial/semaphore.js'),
  'tutorial/single-thread': () => import('./tutorial/single-thread.js'),
  'tutorial/timer': () => import('./tutorial/timer.js'),
  'zoo/barrier-timeout-fixed': () => import('./zoo/barrier-timeout-fixed.js'),
  'zoo/barrier-timeout': () => import('./zoo/barrier-timeout.js'),
  'zoo/bounded-buffer-notify-fixed': () => import('./zoo/bounded-buffer-notify-fixed.js'),
  'zoo/bounded-buffer-notify': () => import('./zoo/bounded-buffer-notify.js'),
  'zoo/check-then-act-fixed': () => import('./zoo/check-then-act-fixed.js'),
  'zoo/check-then-act': () => import('./zoo/check-then-act.js'),
  'zoo/daemon-lost-write-fixed': () => import('./zoo/daemon-lost-write-fixed.js'),
  'zoo/daemon-lost-write': () => import('./zoo/daemon-lost-write.js'),
  'zoo/dining-philosophers-fixed': () => import('./zoo/dining-philosophers-fixed.js'),
  'zoo/dining-philosophers': () => import('./zoo/dining-philosophers.js'),
  'zoo/executor-swallowed-exception-fixed': () => import('./zoo/executor-swallowed-exception-fixed.js'),
  'zoo/executor-swallowed-exception': () => import('./zoo/executor-swallowed-exception.js'),
  'zoo/lock-order-inversion-fixed': () => import('./zoo/lock-order-inversion-fixed.js'),
  'zoo/lock-order-inversion': () => import('./zoo/lock-order-inversion.js'),
  'zoo/lost-notify-fixed': () => import('./zoo/lost-notify-fixed.js'),
  'zoo/lost-notify': () => import('./zoo/lost-notify.js'),
};

/** The built-in program called `name`, or undefined when there is none. */
export async function loadBuiltin(name: string): Promise<Program | undefined> {
  const own = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (own !== undefined) {
    const alone = (await own()).default;
    if (alone.name === name) return alone;
  }
  const folder = FOLDERS[name.slice(0, name.indexOf('/'))];
  if (folder === undefined) return undefined;
  return (await folder()).find((p) => p.name === name);
}

/** True when `name` names a built-in TypeScript program's folder (`tutorial/...`, `zoo/...`, `bench/...`). */
export function inBuiltinFolder(name: string): boolean {
  const slash = name.indexOf('/');
  return slash > 0 && Object.hasOwn(FOLDERS, name.slice(0, slash));
}

/** The names with a module of their own (for tests). */
export const ONE_FILE_NAMES: readonly string[] = Object.keys(FILES);
