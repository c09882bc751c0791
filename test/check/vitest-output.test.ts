import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('a failing check as vitest prints it', () => {
  it('reads well: plain text, a long run summarised, the replay line, no Serialized Error dump', () => {
    const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/check/failing/vitest.config.ts', '--no-color'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status).toBe(1);
    expect(out).toMatch(/2 failed/);
    expect(out).toContain('expected counter/unsafe-4x4 to be thread-safe, but a schedule fails it');
    expect(out).toMatch(/\(\d+ of \d+ steps shown: the preemptions/);
    expect(out).toContain('Caused by: ThreadSafetyError: hits fails under Schedule()');
    expect(out.match(/\nreplay: npx threadsim run /g)?.length).toBe(2);
    expect(out).not.toContain('Serialized Error');
    expect(out).not.toMatch(/\\[[\]_*]/);
    expect(out).not.toContain('|---');
  });
});
