/**
 * @module
 * Copies of strings that do not pin the text they were cut from. V8 represents a substring of 13 or more characters
 * as a slice of its parent, so an ItemId parsed out of an 80 KB SOAP response keeps the whole response alive for as
 * long as the id is kept. Both sims and the engine keep such values for a run's lifetime (stored items, findings);
 * at the rehearsal's 1.5 M items that pinned every request and response of the run (issue #6 §6).
 */

/** V8's SlicedString::kMinLength: shorter substrings are always copied. */
const MIN_SLICE_LENGTH = 13;

/** A flat copy of `value` that shares no storage with the string it may have been sliced from. */
export function detachString(value: string): string {
  // JSON.parse always builds a fresh sequential string; the round trip is exact for every string.
  return value.length < MIN_SLICE_LENGTH ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** `detachString` applied to every string inside a JSON-like value (objects, arrays), in place; returns the value. */
export function detachStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = typeof value[i] === 'string' ? detachString(value[i] as string) : detachStrings(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      record[key] = typeof v === 'string' ? detachString(v) : detachStrings(v);
    }
  }
  return value;
}
