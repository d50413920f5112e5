/**
 * @module
 * A WHERE literal → the operand it is compared with, checked against the field's type the way Salesforce checks it
 * (INVALID_FIELD "value of filter criterion for field 'X' must be of type …", INVALID_QUERY_FILTER_OPERATOR
 * "invalid ID field: …"). Relative date literals become ranges of local days, turned into the field's form.
 */
import type { LiteralValue } from './ast.ts';
import { dateLiteralRange, dayToIso } from './date-literals.ts';
import { errorAt } from './errors.ts';
import { canonicalPicklistSet, instantKey, isSalesforceId, to18, type Category } from './operand.ts';
import { localDay, localMidnight } from './time-zone.ts';
import type { FieldSchema } from './types.ts';

/** A single comparable value, or a half-open [start, end) range (from a relative date literal). */
export type Operand =
  | { kind: 'null' }
  | { kind: 'point'; value: string | number | boolean }
  | { kind: 'range'; start: string; end: string };

export interface DateContext {
  readonly now: number;
  readonly timeZone: string;
}

export function toOperand(text: string, lit: LiteralValue, field: FieldSchema, category: Category, clock: DateContext): Operand {
  // Salesforce booleans are never null: `= null` means false and `!= null` means true (SOQL docs, "Use null in WHERE").
  if (lit.kind === 'null') return category === 'boolean' ? { kind: 'point', value: false } : { kind: 'null' };
  const wrongType = () => typeError(text, lit.at, field, category);
  switch (category) {
    case 'text':
      if (lit.kind !== 'string') throw wrongType();
      return lit.value === '' ? { kind: 'null' } : { kind: 'point', value: lit.value.toLowerCase() };
    case 'id':
      if (lit.kind !== 'string') throw wrongType();
      if (lit.value === '') return { kind: 'null' };
      if (!isSalesforceId(lit.value)) throw errorAt(text, lit.at, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${lit.value}`);
      return { kind: 'point', value: to18(lit.value) };
    case 'boolean':
      if (lit.kind !== 'boolean') throw wrongType();
      return { kind: 'point', value: lit.value };
    case 'number':
      if (lit.kind !== 'number') throw wrongType();
      return { kind: 'point', value: lit.value };
    case 'multipicklist':
      if (lit.kind !== 'string') throw wrongType();
      return { kind: 'point', value: canonicalPicklistSet(lit.value) };
    case 'date':
      if (lit.kind === 'date') return { kind: 'point', value: lit.value };
      if (lit.kind === 'date-literal') {
        const r = dateLiteralRange(lit.name, lit.n, localDay(clock.now, clock.timeZone));
        return { kind: 'range', start: dayToIso(r.start), end: dayToIso(r.end) };
      }
      throw wrongType();
    case 'datetime':
      if (lit.kind === 'datetime') return { kind: 'point', value: instantKey(lit.epochMs) };
      if (lit.kind === 'date-literal') {
        const r = dateLiteralRange(lit.name, lit.n, localDay(clock.now, clock.timeZone));
        const iso = (day: number) => instantKey(localMidnight(day, clock.timeZone));
        return { kind: 'range', start: iso(r.start), end: iso(r.end) };
      }
      throw wrongType();
  }
}

const TYPE_WORDS: Record<Category, string> = {
  text: 'string', id: 'id', boolean: 'boolean', number: 'double', date: 'date', datetime: 'dateTime', multipicklist: 'string',
};

function typeError(text: string, at: number, field: FieldSchema, category: Category) {
  const quoted = category === 'text' || category === 'id' || category === 'multipicklist';
  const word = field.type === 'int' ? 'int' : TYPE_WORDS[category];
  return errorAt(
    text, at, 'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${word} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  );
}
