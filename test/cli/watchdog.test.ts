import { describe, expect, it } from 'vitest';
import { timeoutFor } from '../../src/cli/watchdog.js';

describe('the default watchdog limit', () => {
  it('watches program files and leaves built-in TypeScript programs unwatched unless asked', () => {
    expect(timeoutFor(undefined, './prog.mts')).toBeUndefined();
    expect(timeoutFor(undefined, 'race.py')).toBeUndefined();
    expect(timeoutFor(undefined, 'py/race')).toBeUndefined();
    expect(timeoutFor(undefined, 'tutorial/race')).toBe(0);
    expect(timeoutFor(undefined, 'zoo/lost-notify')).toBe(0);
    expect(timeoutFor(undefined, 'bench/lastzero-3')).toBe(0);
    expect(timeoutFor(5, 'tutorial/race')).toBe(5);
    expect(timeoutFor(0, './prog.mts')).toBe(0);
    // A file in a folder named like a built-in one is still a file.
    expect(timeoutFor(undefined, './tutorial/race.ts')).toBeUndefined();
  });
});
