/**
 * Shared values that JSON cannot hold, in a tagged form it can: a BigInt becomes
 * `{"$bigint": "123"}` and a container met again inside itself becomes
 * `{"$circular": "{...}"}` (or `"[...]"`, as Python's repr prints a recursive container).
 * Reports, `--json` output and trace files write values through this, so no program's
 * state makes them fail ("Do not know how to serialize a BigInt", "circular structure").
 */

/** `v` with BigInts and cycles replaced by their tagged forms; the same object when it has none. */
export function jsonSafe(v: unknown): unknown {
  return convert(v, new Set());
}

function convert(v: unknown, path: Set<object>): unknown {
  if (typeof v === 'bigint') return { $bigint: v.toString() };
  if (v === null || typeof v !== 'object') return v;
  if (path.has(v)) return { $circular: Array.isArray(v) ? '[...]' : '{...}' };
  // A value with its own toJSON (Date, a class) is left to it.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
  path.add(v);
  try {
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const c = convert(v[i], path);
        if (c !== v[i]) (out ??= v.slice())[i] = c;
      }
      return out ?? v;
    }
    let out: Record<string, unknown> | undefined;
    for (const [k, x] of Object.entries(v)) {
      const c = convert(x, path);
      if (c !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = c;
    }
    return out ?? v;
  } finally {
    path.delete(v);
  }
}

/** `JSON.stringify` of {@link jsonSafe}`(v)`. */
export function safeStringify(v: unknown, indent?: number): string {
  return JSON.stringify(jsonSafe(v), null, indent);
}
