import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The main exports and the files that declare them: their TSDoc must carry an example. */
const MAIN = [
  ['src/scheduler/program.ts', 'export function program('],
  ['src/models/shared.ts', 'export function shared<'],
  ['src/models/thread.ts', 'export class Thread<'],
  ['src/models/lock.ts', 'export class Lock '],
  ['src/scheduler/run.ts', 'export function runProgram('],
  ['src/scheduler/explore/explore.ts', 'export function explore('],
  ['src/check/thread-safe.ts', 'export function threadSafe('],
  ['src/check/schedules.ts', 'export function schedules('],
  ['src/check/matchers.ts', 'export function toBeThreadSafe('],
  ['src/check/matchers.ts', 'export function toHaveRace('],
  ['src/check/vitest.ts', '  toBeThreadSafe(options'],
  ['src/check/vitest.ts', '  toHaveRace(options'],
] as const;

/** The TSDoc comment right before `declaration` in `file`. */
function docBefore(file: string, declaration: string): string {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(declaration);
  if (at < 0) throw new Error(`${file} has no ${declaration}`);
  const before = text.slice(0, at).trimEnd();
  if (!before.endsWith('*/')) return '';
  return before.slice(before.lastIndexOf('/**'));
}

describe('TSDoc of the main exports', () => {
  for (const [file, declaration] of MAIN) {
    it(`${declaration.trim()} (${file}) has an @example with code`, () => {
      const doc = docBefore(file, declaration);
      expect(doc).toContain('@example');
      expect(doc.slice(doc.indexOf('@example'))).toMatch(/```ts\n[\s\S]+?```/);
    });
  }

  it('docs/property-testing.md links the API reference and says how to generate it', () => {
    const doc = readFileSync('docs/property-testing.md', 'utf8');
    expect(doc).toContain('npm run docs:api');
    expect(doc).toContain('](api/README.md)');
  });
});
