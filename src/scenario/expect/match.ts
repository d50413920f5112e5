/**
 * @module
 * Field-level matching used by every state expectation. Values from both sides are compared loosely where the
 * protocols differ only in form: `true` matches "true", 5 matches "5", instants compare as instants
 * (2026-03-02T15:00:00Z equals 2026-03-02T15:00:00.000+0000), and `null` matches empty, null and absent.
 */
import type { CountMatcher, FieldMatcher } from '../schema/primitives.ts';

export interface FieldMismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

export function matchFields(actual: Record<string, unknown>, fields: Record<string, FieldMatcher>): FieldMismatch[] {
  const mismatches: FieldMismatch[] = [];
  for (const [field, matcher] of Object.entries(fields)) {
    const value = lookup(actual, field);
    if (!matchValue(value, matcher)) mismatches.push({ field, expected: matcher, actual: value ?? null });
  }
  return mismatches;
}

/** Case-insensitive field lookup: EWS and Salesforce spell the same field with different cases in places. */
export function lookup(record: Record<string, unknown>, field: string): unknown {
  if (field in record) return record[field];
  const lower = field.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

export function matchValue(value: unknown, matcher: FieldMatcher): boolean {
  if (matcher === null || typeof matcher !== 'object') return same(value, matcher);
  if ('equals' in matcher) return same(value, matcher.equals);
  if ('not' in matcher) return !same(value, matcher.not);
  if ('contains' in matcher) return typeof value === 'string' && value.includes(matcher.contains);
  if ('matches' in matcher) return typeof value === 'string' && new RegExp(matcher.matches).test(value);
  if ('oneOf' in matcher) return matcher.oneOf.some((m) => same(value, m));
  if ('absent' in matcher) return isEmpty(value) === matcher.absent;
  if ('gte' in matcher) return compareLoose(value, matcher.gte) >= 0;
  if ('lte' in matcher) return compareLoose(value, matcher.lte) <= 0;
  return false;
}

export function same(actual: unknown, expected: unknown): boolean {
  if (expected === null) return isEmpty(actual);
  if (actual === expected) return true;
  if (actual === undefined || actual === null) return false;
  if (typeof expected === 'boolean') return String(actual).toLowerCase() === String(expected);
  if (typeof expected === 'number') return Number(actual) === expected;
  const a = String(actual);
  const e = String(expected);
  if (a === e) return true;
  if (looksLikeInstant(a) && looksLikeInstant(e)) return Date.parse(normalizeInstant(a)) === Date.parse(normalizeInstant(e));
  return false;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function compareLoose(value: unknown, bound: number | string): number {
  if (typeof bound === 'number') return Number(value) - bound;
  const a = String(value);
  if (looksLikeInstant(a) && looksLikeInstant(bound)) return Date.parse(normalizeInstant(a)) - Date.parse(normalizeInstant(bound));
  return a < bound ? -1 : a > bound ? 1 : 0;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
function looksLikeInstant(text: string): boolean {
  return INSTANT.test(text);
}

/** Salesforce writes +0000; Date.parse wants +00:00. */
function normalizeInstant(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

export function matchCount(actual: number, matcher: CountMatcher): boolean {
  if (typeof matcher === 'number') return actual === matcher;
  if ('eq' in matcher) return actual === matcher.eq;
  const lowOk = !('gte' in matcher) || matcher.gte === undefined || actual >= matcher.gte;
  const highOk = !('lte' in matcher) || matcher.lte === undefined || actual <= matcher.lte;
  return lowOk && highOk;
}

export function describeCount(matcher: CountMatcher): string {
  if (typeof matcher === 'number') return `exactly ${matcher}`;
  if ('eq' in matcher) return `exactly ${matcher.eq}`;
  const parts: string[] = [];
  if ('gte' in matcher && matcher.gte !== undefined) parts.push(`at least ${matcher.gte}`);
  if ('lte' in matcher && matcher.lte !== undefined) parts.push(`at most ${matcher.lte}`);
  return parts.join(' and ');
}
