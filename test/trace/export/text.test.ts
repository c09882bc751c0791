import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/trace/export/text.js';
import { EVIL, hostileTrace } from '../../fixtures/hostile-trace.js';
import { traceOf } from './helpers.js';

describe('text export', () => {
  it("prints Python's logging lines with HH:MM:SS timestamps from the virtual clock", () => {
    const lines = exportText(traceOf('tutorial/race')).trimEnd().split('\n');
    // The tutorial's format is '%(asctime)s: %(message)s' with datefmt '%H:%M:%S'; the clock starts at 12:00:00.
    expect(lines[0]).toBe('12:00:00: Testing update. Starting value is 0.');
    expect(lines.at(-1)).toBe('12:00:00: Testing update. Ending value is 1.');
    for (const l of lines) expect(l).toMatch(/^\d\d:\d\d:\d\d: /);
  });

  it('drops timestamps on request', () => {
    const lines = exportText(traceOf('tutorial/race'), { timestamps: false }).trimEnd().split('\n');
    expect(lines[0]).toBe('Testing update. Starting value is 0.');
  });

  it("shows the level the program logs at (locked-update sets DEBUG, as the tutorial does), or the level asked for", () => {
    const t = traceOf('tutorial/locked-update');
    expect(exportText(t)).toContain('Thread 0 has lock');
    expect(exportText(t, { level: 20 })).not.toContain('has lock');
    expect(exportText({ ...t, logLevel: 20 })).not.toContain('has lock');
    expect(exportText({ ...t, logLevel: 20 }, { level: 10 })).toContain('Thread 0 has lock');
  });

  it('shows hostile messages as text, with the terminal escape made visible', () => {
    const out = exportText(hostileTrace(), { timestamps: false });
    expect(out).toContain('0 <script>alert("x")</script>');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b[31m');
    expect(EVIL).toContain('\u001b');
  });
});
