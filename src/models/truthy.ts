/** Python's truth value for the values programs pass around (`bool(x)`). */
export function pyTruthy(x: unknown): boolean {
  if (x === null || x === undefined || x === false || x === 0 || x === '' || Number.isNaN(x)) return false;
  if (Array.isArray(x)) return x.length > 0;
  if (x instanceof Map || x instanceof Set) return x.size > 0;
  return true;
}
