// Runs the deliberately failing file beside it (not part of `npm test`): test/check/vitest-output.test.ts
// reads what vitest prints for it. `threadsim` resolves to the sources, as in the main config.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`../../../src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^threadsim$/, replacement: src('index.ts') },
      { find: /^threadsim\/vitest$/, replacement: src('check/vitest.ts') },
    ],
  },
  test: { include: ['test/check/failing/*.failing.ts'], reporters: ['default'] },
});
