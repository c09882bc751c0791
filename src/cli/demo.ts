/**
 * `threadsim demo` (what `npm start` runs): the tutorial's lost update, found, explained and
 * ready to replay. A found race is the demo's expected result, so it exits 0.
 */
import { runCommand } from './run.js';

/** Run the demo; exit code 0 unless the demo itself could not run. */
export async function demoCommand(out: (line: string) => void): Promise<number> {
  out('threadsim demo: tutorial/race, two pool workers updating db.value without a lock');
  out('$ npx threadsim run tutorial/race --no-timestamps');
  out('');
  const code = await runCommand({ program: 'tutorial/race', policy: 'gil', seed: 0, runs: 1, timestamps: false, force: false, json: false }, out);
  out('');
  out('Next: the fixed version ends at 2 under every policy:');
  out('  npx threadsim run tutorial/locked-update --log-level debug --policy random --runs 100');
  return code === 1 ? 0 : 1;
}
