import { describe, expect, it } from 'vitest';
import { loadBuiltin, ONE_FILE_NAMES } from '../../src/examples/by-folder.js';
import { builtins } from '../../src/examples/index.js';

describe('loading one built-in program by its folder', () => {
  it('finds every built-in program, the same object the full list holds', async () => {
    for (const p of builtins()) expect(await loadBuiltin(p.name)).toBe(p);
  });

  it('loads every tutorial and zoo program from a module of its own', () => {
    const own = builtins()
      .map((p) => p.name)
      .filter((n) => /^(tutorial|zoo)\//.test(n));
    expect([...ONE_FILE_NAMES].sort()).toEqual(own.sort());
  });

  it('is undefined for an unknown name or folder', async () => {
    expect(await loadBuiltin('tutorial/nope')).toBeUndefined();
    expect(await loadBuiltin('nofolder/race')).toBeUndefined();
    expect(await loadBuiltin('race')).toBeUndefined();
  });

  it('never loads a file outside its folder for a name with a path in it', async () => {
    expect(await loadBuiltin('tutorial/../zoo/lost-notify')).toBeUndefined();
    expect(await loadBuiltin('tutorial/index')).toBeUndefined();
  });
});
