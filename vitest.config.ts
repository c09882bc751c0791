import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Inside the clone, `threadsim` and `threadsim/vitest` resolve to the sources, so test
// programs that import the package share one copy of the models with the tests.
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^threadsim$/, replacement: src('index.ts') },
      { find: /^threadsim\/vitest$/, replacement: src('check/vitest.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
