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
    // vitest's default on a 2-core machine is one worker (cores - 1). Most of the suite is
    // in-process work, and the subprocess-heavy files leave a core idle while they wait, so
    // two workers finish sooner (measured: see the lead's notes for the testspeed branch).
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
