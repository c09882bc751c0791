import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBeThreadSafe } from '../../src/check/matchers.ts';
import hits from './programs/hits.ts';

// docs/property-testing.md shows literal output; these tests keep it literal.
describe('docs/property-testing.md', () => {
  const doc = readFileSync('docs/property-testing.md', 'utf8');

  it("shows toBeThreadSafe's message for the hits program exactly as threadsim prints it", () => {
    const message = toBeThreadSafe(hits, { seed: 42, programPath: 'hits.ts' }).message();
    expect(doc).toContain(`Error: ${message}\n`);
  });

  it('shows the program it runs', () => {
    const source = readFileSync('test/check/programs/hits.ts', 'utf8').split('\n').slice(1).join('\n').replace("'../../../src/index.ts'", "'threadsim'");
    expect(doc).toContain(source.trim());
  });
});
