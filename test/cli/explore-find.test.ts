import { describe, expect, it, vi } from 'vitest';
import { exploreCommand, type ExploreArgs } from '../../src/cli/explore.js';
import { main } from '../../src/cli/main.js';

describe('explore --find', () => {
  it('explore --find uses the portfolio unless --strategy says otherwise; the verdict names the member', async () => {
    const args: ExploreArgs = { program: 'bench/bug-wrong-lock-3', strategy: 'portfolio', untimed: false, seed: 0, histogram: false, keepGoing: false, timestamps: false, json: false };
    const lines: string[] = [];
    expect(await exploreCommand(args, (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/found at execution \d+ by (period|dpor|rff) \(portfolio of /);
  });

  it('the CLI picks the portfolio for --find, DPOR otherwise', async () => {
    const strategyOf = async (argv: string[]): Promise<string> => {
      const chunks: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
        chunks.push(String(c));
        return true;
      });
      try {
        await main(argv);
      } finally {
        spy.mockRestore();
      }
      return (JSON.parse(chunks.join('')) as { strategy: string }).strategy;
    };
    expect(await strategyOf(['explore', 'bench/bug-wrong-lock-3', '--find', '--json'])).toBe('portfolio');
    expect(await strategyOf(['explore', 'bench/bug-wrong-lock-3', '--find', '--strategy', 'pos', '--json'])).toBe('pos');
    expect(await strategyOf(['explore', 'bench/bug-wrong-lock-3', '--json'])).toBe('dpor');
  });
});
