import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/cli/suggest.js';

describe('did you mean', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('rnu', 'run')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close names and prefixes, and nothing for a wild guess', () => {
    const programs = ['tutorial/race', 'tutorial/join', 'tutorial/rlock', 'zoo/lost-notify'];
    expect(closest('tutorial/rac', programs)).toBe('tutorial/race');
    expect(closest('tutorial/nope', programs)).toBeUndefined();
    expect(closest('polcy', ['policy', 'seed', 'runs'])).toBe('policy');
    expect(closest('stratgy', ['strategy', 'seed'])).toBe('strategy');
    expect(closest('rnu', ['run', 'explore', 'replay'])).toBe('run');
    expect(closest('xyz', ['run', 'explore', 'replay'])).toBeUndefined();
  });
});
