/**
 * Python's text for a JavaScript number or string where CPython's rules differ from
 * JavaScript's: decimals rounded with exact ties to even, and a string's repr with Python's
 * quote choice. Shared by the models' `%`-formatting of log messages and the `.py` front end.
 */

/**
 * `x` with `digits` decimals as CPython prints it: the exact binary value correctly rounded,
 * exact ties to even (JavaScript's toFixed takes a tie away from zero: 2.25 → "2.3", not "2.2").
 */
export function toFixedPy(x: number, digits: number): string {
  const near = x.toFixed(digits);
  if (!Number.isFinite(x) || digits > 60) return near;
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 40));
  const point = exact.indexOf('.');
  const cut = digits === 0 ? point : point + 1 + digits;
  const rest = exact.slice(point + 1 + digits);
  if (!/^50*$/.test(rest)) return near;
  const truncated = exact.slice(0, cut);
  const last = truncated.replace('.', '').slice(-1);
  if (Number(last) % 2 === 0) return (x < 0 && Number(truncated) !== 0 ? '-' : '') + truncated;
  return near;
}

/** repr of a string with Python's quote choice: double quotes when it holds a quote and no double quote. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return quote + out + quote;
}
