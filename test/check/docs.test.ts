import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBeThreadSafe } from '../../src/check/matchers.js';
import { registerProperty } from './subjects/register.js';
import hits from './programs/hits.js';

// docs/property-testing.md shows literal output; these tests keep it literal.
describe('docs/property-testing.md', () => {
  const doc = readFileSync('docs/property-testing.md', 'utf8');

  it("shows toBeThreadSafe's message for the hits program exactly as threadsim prints it", () => {
    const message = toBeThreadSafe(hits, { seed: 42, programPath: 'hits.ts' }).message();
    expect(doc).toContain(`Error: ${message}\n`);
  });

  it("shows the linearizability failure's summary and cause exactly", () => {
    const details = fc.check(registerProperty, { seed: 1 });
    expect(details.failed).toBe(true);
    expect(doc).toContain(`{ seed: 1, path: "${details.counterexamplePath}", endOnFailure: true }`);
    expect(doc).toContain(`Counterexample: [${fc.stringify(details.counterexample![0])},${details.counterexample![1]}]`);
    expect(doc).toContain(`Caused by: LinearizabilityError: ${(details.errorInstance as Error).message}\n`);
  });

  it('shows the subject it checks', () => {
    const source = readFileSync('test/check/subjects/register.ts', 'utf8').split('\n').slice(1).join('\n');
    const body = source.slice(source.indexOf('interface Register'), source.indexOf('/** The property the docs assert. */')).trim();
    expect(doc).toContain(body);
  });

  it('shows the program it runs', () => {
    const source = readFileSync('test/check/programs/hits.ts', 'utf8').split('\n').slice(1).join('\n');
    expect(doc).toContain(source.trim());
  });
});
