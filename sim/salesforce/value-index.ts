/**
 * @module
 * The equality indexes of the record store: ids by field value, exact or case-folded (SOQL compares text
 * case-insensitively). Kept up to date by every write of store.ts.
 */
import type { Row } from './store.ts';

/**
 * Ids by field value. Most values name one record (an email, an event's relation), so a lone id is kept as the string
 * itself and becomes a Set only when a second record shares the value: ~150 bytes less per entry, on indexes of up to
 * 1.4 M records in a large rehearsal.
 */
export type ValueIndex = Map<unknown, string | Set<string>>;

/** Suffix of the index name of a case-folded (lower-cased) index. */
export const FOLDED = '\u0000folded';

export function folded(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

export function indexedValue(name: string, row: Row): unknown {
  return name.endsWith(FOLDED) ? folded(row[name.slice(0, -FOLDED.length)]) : row[name];
}

export function addTo(index: ValueIndex, value: unknown, id: string): void {
  const ids = index.get(value);
  if (ids === undefined) index.set(value, id);
  else if (typeof ids === 'string') {
    if (ids !== id) index.set(value, new Set([ids, id]));
  } else ids.add(id);
}

export function removeFrom(index: ValueIndex, value: unknown, id: string): void {
  const ids = index.get(value);
  if (ids === undefined) return;
  if (typeof ids === 'string') {
    if (ids === id) index.delete(value);
  } else {
    ids.delete(id);
    if (ids.size === 0) index.delete(value);
  }
}
