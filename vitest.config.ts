import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Inside the clone, `threadsim` and `threadsim/vitest` resolve to the sources, so test
// programs that import the package share one copy of the models with the tests.
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * Test files that replace a module with vi.mock: they get a module graph of their own, so
 * the mock never leaks into, nor misses because of, another file's copy of that module.
 */
const MOCKING = ['test/cli/fast-run.test.ts'];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^threadsim$/, replacement: src('index.ts') },
      { find: /^threadsim\/vitest$/, replacement: src('check/vitest.ts') },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // vitest's default on a 2-core machine is one worker (cores - 1), leaving a core idle
    // through the in-process tests. Two workers sharing imports ran test/cli, trace and check
    // (71 files) in 98 s and 109 s against 273 s and 211 s with the default, alternating runs
    // on a 2-core machine loaded by other jobs (CPU time 122-135 s against 196 s).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: MOCKING,
          // A fresh module graph per file costs about a second of start-up and re-import
          // each, most of the suite's time; the sources keep no state between runs that a
          // test depends on, so the files of one worker share their imports.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: MOCKING, isolate: true },
      },
    ],
  },
});
