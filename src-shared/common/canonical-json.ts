// One notion of "the same JSON content" for every runtime: canonical JSON (object keys sorted) and structural equality.
// The server compares stored and pushed states with it, the merge orders and hashes values with it, the app and the
// server find changed fields with it.

/**
 * JSON with object keys sorted, so equal content gives equal strings whatever the key order. `undefined` is written
 * as `null` at the top level and in arrays (as JSON.stringify does in arrays) and left out as an object's value.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Structural equality of JSON values (object key order does not matter; a key holding `undefined` equals a missing
 * key). For JSON values it agrees with comparing canonicalJson strings, without building them.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!jsonEqual(ra[key], rb[key])) return false;
  }
  return true;
}
