import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/trace.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function goldenTraces(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json') && !e.name.endsWith('.chrome.json')) out.push(p);
    }
  };
  walk(join(ROOT, 'traces'));
  return out;
}

// An independent validator (ajv) checks the published JSON Schema against the files threadsim writes.
describe('schema/trace.schema.json, checked by ajv', () => {
  it('accepts every golden trace', () => {
    const files = goldenTraces();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const ok = validate(JSON.parse(readFileSync(f, 'utf8')));
      expect(ok, `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects malformed traces', () => {
    const good = JSON.parse(readFileSync(goldenTraces()[0]!, 'utf8')) as Record<string, any>;
    const bad = [
      { ...good, version: 3 },
      { ...good, steps: [{ ...good.steps[0], access: 'poke' }] },
      { ...good, recipe: { ...good.recipe, seed: -1 } },
      (({ notation: _n, ...rest }) => rest)(good),
    ];
    for (const b of bad) expect(validate(b)).toBe(false);
  });
});
