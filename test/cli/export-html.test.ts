import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.js';
import { serializeTrace } from '../../src/trace/format.js';
import { recordTrace } from '../trace/export/record.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'threadsim-export-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exportTo(trace: ReturnType<typeof recordTrace>, format: string, name: string, program?: string): Promise<string> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, serializeTrace(trace));
  const output = join(dir, `${name}.${format}`);
  expect(await exportCommand({ file, format, output, force: false, timestamps: true, ...(program === undefined ? {} : { program }) }, () => undefined)).toBe(0);
  return readFileSync(output, 'utf8');
}

describe('threadsim export --format html|svg', () => {
  it('html of a built-in program embeds the engine, which runs the program live in the page', async () => {
    const html = await exportTo(recordTrace('tutorial/race'), 'html', 'race');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('"live":"tutorial/race"');
    expect(html).toContain('"tree":null');
    // The engine bundle, then the player.
    expect(html.match(/<script>/g)).toHaveLength(2);
    expect(html).not.toContain('exported without the program');
  });

  it('html of a program from a module file named with --program bundles that module with the engine (esbuild is installed in the clone)', async () => {
    const trace = recordTrace('tutorial/race');
    const module = join(ROOT, 'test/fixtures/counter-program.ts');
    const html = await exportTo({ ...trace, recipe: { ...trace.recipe, program: module } }, 'html', 'module', module);
    expect(html).toMatch(/"live":"user:[^"]+"/);
    expect(html).toContain('"tree":null');
    // The engine bundle with the module, then the player.
    expect(html.match(/<script>/g)).toHaveLength(2);
    // Without --program the file the trace names is neither run nor bundled.
    const alone = await exportTo({ ...trace, recipe: { ...trace.recipe, program: module } }, 'html', 'module-unnamed');
    expect(alone).not.toMatch(/"live":"user:/);
    expect(alone).toContain('exported without the program');
  });

  it('html of a trace whose program cannot be loaded plays the trace alone and says so', async () => {
    const trace = recordTrace('tutorial/race');
    const html = await exportTo({ ...trace, recipe: { ...trace.recipe, program: './gone/missing-program.ts' } }, 'html', 'gone');
    expect(html).toContain('exported without the program');
    expect(html).toContain('"tree":null');
  });

  it('svg writes the timeline', async () => {
    const svg = await exportTo(recordTrace('tutorial/race'), 'svg', 'race-svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
