/**
 * @module
 * Normalised values per comparison category, so a WHERE clause compares like with like in one cheap operation per
 * row: text lower-cased (Salesforce compares strings case-insensitively); ids in their case-safe 18-char form (15- and
 * 18-char ids then compare equal; rows already hold 18 chars, so nothing is allocated); datetimes as UTC wall-clock
 * strings (which sort like instants); dates as 'YYYY-MM-DD'; multi-picklists as a sorted, lower-cased value list
 * joined with ';'.
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
    case 'id': return (v) => (v === null || v === undefined || v === '' ? null : to18(String(v)));
    case 'boolean': return (v) => v === true || v === 'true'; // a missing boolean is false, never null
    case 'number': return (v) => (v === null || v === undefined || v === '' ? null : Number(v));
    case 'date': return (v) => (v === null || v === undefined || v === '' ? null : String(v).slice(0, 10));
    case 'datetime': return canonicalIso;
    case 'multipicklist': return (v) => (v === null || v === undefined || v === '' ? null : canonicalPicklistSet(String(v)));
  }
}

/**
 * An instant as its UTC wall clock to the millisecond, 'YYYY-MM-DDTHH:MM:SS.sss' (no zone), which sorts like the
 * instant. Rows stored as '…000Z' or as REST's '…000+0000' only need a 23-char slice (no parsing, no copy); any other
 * form (offsets, no milliseconds, epoch numbers, Date) is parsed.
 */
export function canonicalIso(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') {
    if (v.length === 24 && v.charCodeAt(23) === 90 /* Z */) return v.slice(0, 23);
    if (v.length === 28 && v.endsWith('+0000')) return v.slice(0, 23);
  }
  const t = typeof v === 'number' ? v : v instanceof Date ? v.getTime() : Date.parse(String(v));
  return Number.isNaN(t) ? null : instantKey(t);
}

/** The canonicalIso form of epoch ms. */
export function instantKey(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 23);
}

export function canonicalPicklistSet(v: string): string {
  return v.split(';').map((s) => s.trim().toLowerCase()).filter((s) => s !== '').sort().join(';');
}

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Salesforce's case-safe 18-char id: one suffix char per 5-char chunk, bit i set when char i is upper case. */
export function to18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 15; chunk += 5) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return id + suffix;
}

/** Ids are 15 or 18 case-sensitive alphanumerics. */
export function isSalesforceId(v: string): boolean {
  return (v.length === 15 || v.length === 18) && /^[a-zA-Z0-9]+$/.test(v);
}
