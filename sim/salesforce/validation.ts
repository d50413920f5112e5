/**
 * @module
 * Field-level validation of a client's record body, as Salesforce does it on insert and update: unknown fields
 * (INVALID_FIELD), read-only fields (INVALID_FIELD_FOR_INSERT_UPDATE), JSON kinds (JSON_PARSER_ERROR), unparsable
 * dates and numbers (INVALID_TYPE_ON_FIELD_IN_RECORD), restricted picklists (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST),
 * lengths (STRING_TOO_LONG), emails (INVALID_EMAIL_ADDRESS), ids (MALFORMED_ID) and lookups
 * (INVALID_CROSS_REFERENCE_KEY). Returns values in the stored form (datetimes ISO Z, 18-char ids).
 */
import { SfError } from './errors.ts';
import { normalizeId } from './ids.ts';
import { fieldOf, schemaForId, type FieldSchema, type ObjectSchema } from './schema/index.ts';
import type { RecordStore, Row } from './store.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Keys a client may send that are not fields. */
const IGNORED_KEYS = new Set(['attributes']);

/** `system` = world building and admin actions: read-only fields may be set (values are still checked). */
export function validateFields(schema: ObjectSchema, body: Record<string, unknown>, mode: 'create' | 'update', store: RecordStore, system = false): Row {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SfError('JSON_PARSER_ERROR', `The request body for ${schema.name} must be a JSON object of field values`);
  }
  const out: Row = {};
  const readOnly: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (IGNORED_KEYS.has(key)) continue;
    const f = fieldOf(schema, key);
    if (!f) throw new SfError('INVALID_FIELD', `No such column '${key}' on sobject of type ${schema.name}`, 400, [key]);
    if (f.name === 'Id') {
      // The id travels in the URL or the collection item and Salesforce ignores it in the body; world building may
      // pre-allocate one (the first admin creates itself).
      if (system && normalizeId(value)) out.Id = normalizeId(value);
      continue;
    }
    if (!system && (mode === 'create' ? !f.createable : !f.updateable)) {
      readOnly.push(f.name);
      continue;
    }
    out[f.name] = coerceValue(schema, f, value, store);
  }
  if (readOnly.length > 0) {
    throw new SfError(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to ${mode} fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      400,
      readOnly,
    );
  }
  return out;
}

export function coerceValue(schema: ObjectSchema, f: FieldSchema, value: unknown, store: RecordStore): unknown {
  if (value === null || value === undefined || value === '') {
    if (f.type === 'boolean') throw jsonKind(f, 'null', 'boolean');
    if (f.picklistValues && f.restrictedPicklist && !f.nillable) throw badPicklist(f, null);
    return null;
  }
  if (typeof value === 'object') throw jsonKind(f, Array.isArray(value) ? 'an array' : 'an object', f.type);
  switch (f.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw jsonKind(f, JSON.stringify(value), 'boolean');
    case 'int':
    case 'double': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) throw typeError(f, value);
      if (f.type === 'int' && !Number.isInteger(n)) throw typeError(f, value);
      return n;
    }
    case 'date': {
      if (typeof value !== 'string') throw jsonKind(f, typeof value, 'date');
      const day = value.slice(0, 10);
      if (!DATE_RE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw typeError(f, value);
      return day;
    }
    case 'datetime': {
      if (typeof value !== 'string') throw jsonKind(f, typeof value, 'datetime');
      const ms = parseSalesforceDateTime(value);
      if (ms === undefined) throw typeError(f, value);
      return new Date(ms).toISOString();
    }
    case 'id':
    case 'reference':
      return coerceReference(schema, f, value, store);
    default:
      return coerceText(f, value);
  }
}

function coerceText(f: FieldSchema, value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw jsonKind(f, typeof value, f.type);
  const text = String(value);
  if (f.length > 0 && text.length > f.length) {
    throw new SfError('STRING_TOO_LONG', `${f.label}: data value too large: ${text.slice(0, 40)}${text.length > 40 ? '…' : ''} (max length=${f.length})`, 400, [f.name]);
  }
  if (f.type === 'email' && !EMAIL_RE.test(text)) {
    throw new SfError('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${text}`, 400, [f.name]);
  }
  if (f.picklistValues && f.restrictedPicklist && !f.picklistValues.includes(text)) throw badPicklist(f, text);
  return text;
}

function coerceReference(schema: ObjectSchema, f: FieldSchema, value: unknown, store: RecordStore): string {
  const id = normalizeId(value);
  if (!id) throw new SfError('MALFORMED_ID', `${f.label}: id value of incorrect type: ${String(value)}`, 400, [f.name]);
  const target = store.get(id);
  const targetType = schemaForId(id)?.name;
  if (!target || target.row.IsDeleted === true || !targetType || !(f.referenceTo ?? []).includes(targetType)) {
    throw new SfError(
      'INVALID_CROSS_REFERENCE_KEY',
      `invalid cross reference id: ${schema.name}.${f.name} must name an existing ${(f.referenceTo ?? []).join(' or ')}, got ${id}`,
      400,
      [f.name],
    );
  }
  return id;
}

/** Accepts ISO 8601 with Z, ±hh:mm or Salesforce's ±hhmm offset. */
export function parseSalesforceDateTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const iso = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function jsonKind(f: FieldSchema, got: string, expected: string): SfError {
  return new SfError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${expected} from ${got} value for field ${f.name}`,
    400,
    [f.name],
  );
}

function typeError(f: FieldSchema, value: unknown): SfError {
  return new SfError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${String(value)}`, 400, [f.name]);
}

function badPicklist(f: FieldSchema, value: string | null): SfError {
  return new SfError(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${f.label}: bad value for restricted picklist field: ${value ?? 'null'} (allowed: ${(f.picklistValues ?? []).join(', ')})`,
    400,
    [f.name],
  );
}

/** REQUIRED_FIELD_MISSING for every required field that is null after defaults. */
export function assertRequired(schema: ObjectSchema, row: Row): void {
  const missing = schema.fields.filter((f) => f.required && (row[f.name] === null || row[f.name] === undefined)).map((f) => f.name);
  if (missing.length > 0) {
    throw new SfError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, 400, missing);
  }
}
