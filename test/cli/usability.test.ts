/**
 * The command as users meet it: --version, -h, did-you-mean for commands, flags and
 * programs, file options without a file, colour on a terminal only, list --json, run --json's
 * thread legend. Runs the built executable, as users do.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourEnabled } from '../../src/cli/style.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin/threadsim.js');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLineError(r: { code: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('threadsim as a command', () => {
  it('--version and -v print the package version; -h is --help', () => {
    expect(cli(['--version']).stdout.trim()).toBe(version);
    expect(cli(['-v']).stdout.trim()).toBe(version);
    const help = cli(['run', '-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--seed\s+seed of the first run\s+\[number\]/);
    expect(help.stdout).toMatch(/--runs\s.*\[number\]/);
  });

  it('suggests the command, flag or program meant, in one line', () => {
    oneLineError(cli(['rnu', 'tutorial/race']), /^threadsim: unknown command 'rnu': did you mean run\?$/m);
    oneLineError(cli(['run', 'tutorial/race', '--polcy', 'random']), /unknown option 'polcy': did you mean --policy\?/);
    oneLineError(cli(['run', 'tutorial/rac']), /unknown program 'tutorial\/rac': did you mean tutorial\/race\?/);
    const wild = cli(['run', 'tutorial/zzzzzz']);
    oneLineError(wild, /unknown program 'tutorial\/zzzzzz' \(TSIM004\)/);
    expect(wild.stderr.length).toBeLessThan(250);
  });

  it('a file option without a file name is a usage error naming the option', () => {
    oneLineError(cli(['run', 'tutorial/race', '--trace']), /--trace needs a (value \(a )?file name/);
    oneLineError(cli(['run', 'tutorial/race', '--export', 'markdown', '-o']), /(-o|--output) needs a (value \(a )?file name/);
    oneLineError(cli(['run', 'tutorial/race', '--trace', '']), /--trace needs a file name/);
  });

  it('--json with --export to standard output is refused; numbers are checked', () => {
    oneLineError(cli(['run', 'tutorial/race', '--json', '--export', 'markdown']), /--json and --export both write to standard output/);
    oneLineError(cli(['run', 'tutorial/race', '--seed', 'abc']), /--seed must be an integer from 0 to \d+, got 'abc'/);
  });

  it('list --json gives every built-in program with its description', () => {
    const r = cli(['list', '--json']);
    const list = JSON.parse(r.stdout) as { name: string; description: string }[];
    expect(list.map((p) => p.name)).toContain('tutorial/race');
    expect(list.find((p) => p.name === 'tutorial/race')?.description).toMatch(/lost update/);
  });

  it("run --json carries the legend of its schedule's thread labels", () => {
    const r = cli(['run', 'tutorial/race', '--json']);
    const summary = JSON.parse(r.stdout) as { schedule: string; legend: Record<string, string> };
    for (const label of new Set(summary.schedule.split(' ').map((p) => p.split('*')[0]!))) expect(summary.legend[label]).toBeDefined();
    expect(summary.legend.T1).toBe('ThreadPoolExecutor-0_0');
  });

  it('colours the report with FORCE_COLOR, never when piped or with NO_COLOR', () => {
    const piped = cli(['run', 'tutorial/race', '--no-timestamps']).stdout;
    expect(piped).not.toMatch(/\x1b\[/);
    const coloured = cli(['run', 'tutorial/race', '--no-timestamps'], { FORCE_COLOR: '1' }).stdout;
    expect(coloured).toMatch(/\x1b\[1m\x1b\[31m\d+ FAILURES in tutorial\/race/);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(piped);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
  });

  it('says in a timed search\'s report that its reduction reorders less, and that --untimed searches every order, once (in --json, among the notes)', () => {
    const r = cli(['explore', 'tutorial/race', '--max-executions', '20', '--keep-going']);
    expect(r.stdout.split('\n')[0]).toMatch(/^note: virtual-time rules .* so DPOR reorders less .*; --untimed searches every order, the timed ones among them$/);
    expect((r.stdout + r.stderr).match(/note: virtual-time rules/g)).toHaveLength(1);
    expect(cli(['explore', 'tutorial/race', '--max-executions', '20', '--keep-going', '--json']).stderr).toBe('');
  });
});
