import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstError, moduleBundle } from '../../../src/trace/export/module-bundle.js';

describe('moduleBundle', () => {
  it('names the first thing that kept a module out of the page, not "Build failed with N errors"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-bundle-'));
    try {
      const file = join(dir, 'prog.ts');
      // A program that reads a file with Node's fs cannot run in a browser.
      writeFileSync(file, "import { readFileSync } from 'node:fs';\nexport default { kind: 'threadsim.program', name: 'p', options: {}, main: function* () { readFileSync('x'); } };\n");
      const out = moduleBundle(file);
      expect('reason' in out && out.reason).toMatch(/^it does not bundle for the browser: Could not resolve "node:fs" \(.*prog\.ts\); import threadsim as 'threadsim'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to the first ERROR line of a message without structured errors', () => {
    expect(firstError(new Error('Build failed with 2 errors:\nx.ts:1:2: ERROR: Unexpected "}"\ny.ts:3:4: ERROR: other'))).toBe('x.ts:1:2: ERROR: Unexpected "}"');
  });
});
