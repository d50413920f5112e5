/**
 * A stable hash of mapped values. The pairing keeps the hash of what was last synced, so a cycle can tell a real edit
 * from a touch that changed no mapped field (G-02: no change → no action).
 */
import { createHash } from 'node:crypto';

export type MappedValue = string | number | boolean | null;
export type MappedValues = Record<string, MappedValue>;

/** JSON with sorted keys: the same values always give the same text, whatever order they were set in. */
export function stableStringify(values: MappedValues): string {
  // Hot path (every item of every cycle): one string, no intermediate arrays.
  let out = '{';
  for (const key of Object.keys(values).sort()) out += `${JSON.stringify(key)}:${JSON.stringify(values[key] ?? null)},`;
  return `${out}}`;
}

export function hashValues(values: MappedValues): string {
  return createHash('sha256').update(stableStringify(values)).digest('base64url').slice(0, 24);
}

/** Keys whose values differ between two mapped records (missing counts as null). */
export function changedKeys(from: MappedValues, to: MappedValues): string[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...keys].filter((key) => (from[key] ?? null) !== (to[key] ?? null)).sort();
}
