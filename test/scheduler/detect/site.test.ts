import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../../src/scheduler/run.js';
import userProgram from '../../fixtures/src/models/user-program.js';

const FILE = 'test/fixtures/src/models/user-program.ts';
const lines = readFileSync(FILE, 'utf8').split('\n');
/** `FILE:line` of the line holding `marker`, read from the fixture itself. */
const at = (marker: string): string => {
  const i = lines.findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`no line with ${marker}`);
  return `${FILE}:${i + 1}`;
};

describe('code sites', () => {
  const trace = runProgram(userProgram, { record: true }).execution.trace!;
  const sitesOf = (obj: string, kind: string): (string | undefined)[] => trace.filter((s) => s.obj === obj && s.kind === kind).map((s) => s.site);

  it("a user file under a folder named src/models/ is attributed to itself, not taken for threadsim's own", () => {
    expect(sitesOf('c.n', 'read')).toEqual([at('site: unlocked read'), at('site: unlocked read')]);
    expect(sitesOf('c.n', 'write')).toEqual([at('site: unlocked write'), at('site: unlocked write')]);
  });

  it('a read or write inside a lock.with(function* () { ... }) body names the body line, not lock.with', () => {
    expect(sitesOf('c.m', 'read')).toEqual([at('site: read inside lock.with'), at('site: read inside lock.with')]);
    expect(sitesOf('c.m', 'write')).toEqual([at('site: write inside lock.with'), at('site: write inside lock.with')]);
  });

  it('the built CLI names the same lines in its race report', () => {
    const cli = spawnSync(process.execPath, ['bin/threadsim.js', 'run', FILE, '--json'], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    const races = (JSON.parse(cli.stdout) as { races: { location: string; accesses: { site?: string }[] }[] }).races;
    const sites = new Set(races.flatMap((r) => r.accesses.map((a) => a.site)));
    expect(races.every((r) => r.location === 'c.n')).toBe(true);
    for (const site of sites) expect([at('site: unlocked read'), at('site: unlocked write')]).toContain(site);
    expect(sites.has(at('site: unlocked write'))).toBe(true);
  });
});
