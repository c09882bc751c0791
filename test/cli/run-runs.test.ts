import { describe, expect, it } from 'vitest';
import { runCommand, type RunArgs } from '../../src/cli/run.js';
import { runProgram } from '../../src/scheduler/run.js';
import { named } from '../scheduler/explore/helpers.js';

const args = (policy: string, runs: number): RunArgs => ({ program: 'tutorial/locked-update', policy, seed: 0, runs, timestamps: false, force: false, json: false });

describe('run --runs N', () => {
  // gil ignores the seed: 1,000 "seeds" would be one schedule run 1,000 times.
  it('under a deterministic policy runs once and says so, suggesting random or explore', async () => {
    const lines: string[] = [];
    expect(await runCommand(args('gil', 1000), (l) => lines.push(l))).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('note: policy gil is deterministic (it ignores the seed), so --runs 1000 would repeat one schedule: it ran once.');
    expect(text).toContain('--policy random --runs 1000');
    expect(text).toContain('threadsim explore tutorial/locked-update');
    expect(text).not.toContain('seeds 0..999');
    expect(text).toContain('seed 0 (1 run');
  });

  it('under random runs every seed and adds no note', async () => {
    const lines: string[] = [];
    await runCommand(args('random', 20), (l) => lines.push(l));
    expect(lines.join('\n')).not.toContain('deterministic');
    expect(lines.join('\n')).toContain('seeds 0..19 (20 runs');
  });

  it('the library reports how many runs were asked of a seed-ignoring policy', () => {
    for (const policy of ['gil', 'fifo', 'round-robin']) {
      const s = runProgram(named('tutorial/locked-update'), { policy, runs: 50 });
      expect(s).toMatchObject({ runs: 1, repeatsOneSchedule: 50 });
    }
    expect(runProgram(named('tutorial/locked-update'), { policy: 'random', runs: 5 }).repeatsOneSchedule).toBeUndefined();
  });

  it('--json says the policy is deterministic', async () => {
    const lines: string[] = [];
    await runCommand({ ...args('fifo', 10), json: true }, (l) => lines.push(l));
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ runs: 1, deterministicPolicy: true, runsAsked: 10 });
  });
});
