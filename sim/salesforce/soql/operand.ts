/**
 * @module
 * Normalised values per comparison category, so a WHERE clause compares like with like in one cheap operation per
 * row: text lower-cased (Salesforce compares strings case-insensitively), ids cut to their case-sensitive 15-char
 * form (15- and 18-char ids then compare equal), datetimes as canonical ISO-8601 UTC strings (which sort like
 * instants), dates as 'YYYY-MM-DD', multi-picklists as a sorted, lower-cased value list joined with ';'.
 */
import type { FieldType } from './types.ts';

export type Category = 'text' | 'id' | 'boolean' | 'number' | 'date' | 'datetime' | 'multipicklist';

export function categoryOf(type: FieldType): Category {
  switch (type) {
    case 'id': case 'reference': return 'id';
    case 'boolean': return 'boolean';
    case 'int': case 'double': case 'currency': case 'percent': return 'number';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'multipicklist': return 'multipicklist';
    default: return 'text';
  }
}

/** A row value in the category's comparable form; null for SOQL null (Salesforce stores '' as null). */
export type Normalised = string | number | boolean | null;

export function normaliserFor(category: Category): (v: unknown) => Normalised {
  switch (category) {
    case 'text': return (v) => (v === null || v === undefined || v === '' ? null : String(v).toLowerCase());
    case 'id': return (v) => (v === null || v === undefined || v === '' ? null : String(v).slice(0, 15));
    case 'boolean': return (v) => (v === null || v === undefined ? null : v === true || v === 'true');
    case 'number': return (v) => (v === null || v === undefined || v === '' ? null : Number(v));
    case 'date': return (v) => (v === null || v === undefined || v === '' ? null : String(v).slice(0, 10));
    case 'datetime': return canonicalIso;
    case 'multipicklist': return (v) => (v === null || v === undefined || v === '' ? null : canonicalPicklistSet(String(v)));
  }
}

/** '2026-03-02T08:00:00.000Z' for any instant representation; rows already in that shape pass through untouched. */
export function canonicalIso(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && v.length === 24 && v.charCodeAt(23) === 90 /* Z */) return v;
  const t = typeof v === 'number' ? v : v instanceof Date ? v.getTime() : Date.parse(String(v));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function canonicalPicklistSet(v: string): string {
  return v.split(';').map((s) => s.trim().toLowerCase()).filter((s) => s !== '').sort().join(';');
}

/** Ids are 15 or 18 case-sensitive alphanumerics. */
export function isSalesforceId(v: string): boolean {
  return (v.length === 15 || v.length === 18) && /^[a-zA-Z0-9]+$/.test(v);
}
