import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/trace/export/json.js';
import { parseTraceFile } from '../../../src/trace/format.js';
import { EVIL_THREADS, hostileTrace } from '../../fixtures/hostile-trace.js';

describe('json export', () => {
  it('is the trace file: it reads back equal, hostile strings intact', () => {
    const t = hostileTrace();
    const back = parseTraceFile(exportJson(t), 'h.json');
    expect(back).toEqual(JSON.parse(JSON.stringify(t)));
    expect(back.threads.map((x) => x.name).slice(1)).toEqual(EVIL_THREADS);
  });
});
