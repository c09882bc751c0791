/**
 * Cold start of the `threadsim` command against Node itself: wall time of
 * `node bin/threadsim.js run tutorial/race` (and `--help`, `list`) next to `node -e 0`,
 * measured alternately in the same run so that machine load hits both alike. Prints the
 * median of each and their ratio; the target is at most 2x `node -e 0` for the run.
 * Needs a build (npm run build). Run: npm run bench:startup
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/threadsim.js');
const ROUNDS = Number(process.env.ROUNDS ?? 15);

function wall(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.error !== undefined) throw r.error;
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const commands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'threadsim run tutorial/race': [BIN, 'run', 'tutorial/race'],
  'threadsim --help': [BIN, '--help'],
  'threadsim list': [BIN, 'list'],
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const args of Object.values(commands)) wall(args); // warm the file cache
for (let r = 0; r < ROUNDS; r++) for (const [name, args] of Object.entries(commands)) times[name]!.push(wall(args));

const base = median(times['node -e 0']!);
console.log(`cold start, median of ${ROUNDS} alternating runs`);
for (const name of Object.keys(commands)) {
  const m = median(times[name]!);
  console.log(`${name.padEnd(30)} ${m.toFixed(0).padStart(5)} ms  ${(m / base).toFixed(2)}x node -e 0`);
}
