import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

// What the command hands the run command and its watchdog, captured instead of run.
const calls: unknown[] = [];
vi.mock('../../src/cli/run.js', () => ({
  runCommand: (args: unknown) => {
    calls.push(args);
    return Promise.resolve(0);
  },
}));
vi.mock('../../src/cli/watchdog.js', async (original) => ({
  ...(await original<typeof import('../../src/cli/watchdog.js')>()),
  watched: (seconds: number | undefined, command: () => Promise<number>) => {
    calls.push({ timeout: seconds });
    return command();
  },
}));

const { main } = await import('../../src/cli/main.js');
const { fastRun } = await import('../../src/cli/fast-run.js');

/** What `main` hands on for `argv`, read with or without the yargs-free path. */
async function handedOn(argv: string[], fast: boolean): Promise<unknown[]> {
  calls.length = 0;
  expect(await main(argv, { fast })).toBe(0);
  return [...calls];
}

/** One option of `run` as tokens: the plain ones the quick path reads, and others it leaves to yargs. */
const optionArb: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constantFrom('gil', 'random', 'fifo', 'round-robin').map((p) => ['--policy', p]),
  fc.integer({ min: 0, max: 4_294_967_295 }).map((n) => ['--seed', String(n)]),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => ['--runs', String(n)]),
  fc.integer({ min: 1, max: 10_000_000 }).map((n) => ['--max-steps', String(n)]),
  fc.integer({ min: 1, max: 4096 }).map((n) => ['--cpu-count', String(n)]),
  fc.integer({ min: 0, max: 86_400 }).map((n) => ['--timeout', String(n)]),
  fc.constantFrom('debug', 'info', 'warning', 'error', 'critical').map((l) => ['--log-level', l]),
  fc.constantFrom(['--json'], ['--timestamps'], ['--no-timestamps'], ['--detect'], ['--no-detect']),
  // Forms only yargs reads: `=`, camelCase, leading zeros, a schedule.
  fc.integer({ min: 0, max: 99 }).map((n) => [`--seed=${n}`]),
  fc.integer({ min: 1, max: 99 }).map((n) => ['--maxSteps', String(n)]),
  fc.constantFrom(['--seed', '007'], ['--schedule', 'MainThread*3']),
);

describe('the yargs-free reading of `threadsim run`', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('hands the run command exactly what yargs hands it, for any mix of options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('tutorial/race', 'zoo/lost-notify', './prog.mts', 'race.py', 'bench/lastzero-3'),
        fc.uniqueArray(optionArb, { maxLength: 5, selector: (o) => o[0]!.replace(/=.*/, '').replace('maxSteps', 'max-steps').replace(/^--no-/, '--') }),
        fc.nat(),
        async (program, options, at) => {
          const rest = options.flat();
          const argv = ['run', ...rest.slice(0, at % (rest.length + 1)), program, ...rest.slice(at % (rest.length + 1))];
          // A program between an option and its value would change the reading: keep pairs whole.
          if (options.some((o) => o.length === 2 && argv.indexOf(o[0]!) + 1 !== argv.indexOf(o[1]!, argv.indexOf(o[0]!)))) return;
          expect(await handedOn(argv, true)).toEqual(await handedOn(argv, false));
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });

  it('reads the plain forms itself', () => {
    expect(fastRun(['run', 'tutorial/race'])?.args).toMatchObject({ program: 'tutorial/race', policy: 'gil', seed: 0, runs: 1, timestamps: true, json: false, detect: true });
    expect(fastRun(['run', '--seed', '5', 'tutorial/race', '--policy', 'random', '--no-timestamps'])?.args).toMatchObject({ seed: 5, policy: 'random', timestamps: false });
    expect(fastRun(['run', 'x.py', '--timeout', '0'])?.timeout).toBe(0);
  });

  it('leaves to yargs every form it does not read plainly', () => {
    for (const argv of [
      ['run'],
      ['run', '--help'],
      ['run', 'tutorial/race', '-h'],
      ['run', 'tutorial/race', '--seed=3'],
      ['run', 'tutorial/race', '--seed', '1e3'],
      ['run', 'tutorial/race', '--seed', '-1'],
      ['run', 'tutorial/race', '--runs', '0'],
      ['run', 'tutorial/race', '--policy', 'bogus'],
      ['run', 'tutorial/race', '--polcy', 'gil'],
      ['run', 'tutorial/race', 'extra'],
      ['run', 'tutorial/race', '--trace', 't.json'],
      ['run', 'tutorial/race', '--json', '--json'],
      ['run', 'tutorial/race', '--switch', 'any'],
      ['run', '42'],
      ['explore', 'tutorial/race'],
    ]) {
      expect(fastRun(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
