import { describe, expect, it } from 'vitest';
import { runChoices } from '../../src/check/run-choices.js';
import { escapeCell, swimLaneTable } from '../../src/check/swimlane.js';
import { log, program, shared, Thread } from '../../src/index.js';

/** A GFM table row splits on unescaped pipes only. */
const cellsOf = (row: string): string[] => row.slice(2, -2).split(/(?<!\\)\|/).map((c) => c.trim());

describe('swimLaneTable', () => {
  it('escapes hostile thread names, values and log text so every row keeps one cell per column', () => {
    const hostile = program('hostile', function* main() {
      const s = shared('s', { v: 'a|b' });
      const t = new Thread({
        name: 'evil | <script>alert(1)</script>\n`x`',
        target: function* () {
          yield* s.set('v', '| **bold** [link](x) <img>');
          yield* log('pipe | and\nnewline');
        },
      });
      yield* t.start();
      yield* t.join();
    });
    const run = runChoices(hostile, [], {}, true);
    const table = swimLaneTable(run.execution, run.points);
    const rows = table.split('\n');
    expect(rows).toHaveLength(2 + run.execution.steps);
    for (const row of [rows[0]!, ...rows.slice(2)]) expect(cellsOf(row)).toHaveLength(3);
    expect(table).not.toContain('<script>');
    expect(table).not.toContain('<img>');
    expect(table).toContain('&lt;script&gt;');
  });

  it('escapeCell leaves plain words alone and escapes Markdown', () => {
    expect(escapeCell('read db.value → 0')).toBe('read db.value → 0');
    expect(escapeCell('a|b*c_d`e')).toBe('a\\|b\\*c\\_d\\`e');
    expect(escapeCell('x\ny')).toBe('x y');
  });
});
