/**
 * @module
 * Rows out to REST: `attributes { type, url }` first, then fields, datetimes in Salesforce's
 * `2026-03-02T08:00:00.000+0000` form (rows store ISO Z). Also describe output for an object schema.
 */
import { SfError } from './errors.ts';
import { fieldOf, type FieldSchema, type ObjectSchema } from './schema/index.ts';
import type { Row } from './store.ts';

export function sfDateTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().replace('Z', '+0000');
}

export function recordUrl(apiVersion: string, type: string, id: unknown): string {
  return `/services/data/v${apiVersion}/sobjects/${type}/${String(id)}`;
}

/** `fieldNames` limits the output (retrieve `?fields=`); unknown names → INVALID_FIELD. */
export function toRestRecord(schema: ObjectSchema, row: Row, apiVersion: string, fieldNames?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: schema.name, url: recordUrl(apiVersion, schema.name, row.Id) } };
  const fields: FieldSchema[] = fieldNames
    ? fieldNames.map((name) => {
        const f = fieldOf(schema, name);
        if (!f) throw new SfError('INVALID_FIELD', `No such column '${name}' on entity '${schema.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`, 400, [name]);
        return f;
      })
    : schema.fields;
  for (const f of fields) {
    const value = row[f.name] ?? null;
    out[f.name] = f.type === 'datetime' ? sfDateTime(value) : value;
  }
  return out;
}

export function describeField(f: FieldSchema): Record<string, unknown> {
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    soapType: soapType(f),
    length: f.length,
    byteLength: f.length * 3,
    createable: f.createable,
    updateable: f.updateable,
    nillable: f.nillable,
    defaultedOnCreate: f.defaultValue !== null && f.defaultValue !== undefined,
    defaultValue: f.defaultValue ?? null,
    filterable: f.filterable ?? true,
    sortable: f.type !== 'textarea',
    unique: false,
    custom: false,
    calculated: false,
    idLookup: f.name === 'Id',
    restrictedPicklist: f.restrictedPicklist ?? false,
    picklistValues: (f.picklistValues ?? []).map((value) => ({
      value,
      label: value,
      active: true,
      defaultValue: value === f.defaultValue,
      validFor: null,
    })),
    referenceTo: f.referenceTo ?? [],
    relationshipName: f.relationshipName ?? null,
    polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
  };
}

function soapType(f: FieldSchema): string {
  switch (f.type) {
    case 'id':
    case 'reference':
      return 'tns:ID';
    case 'boolean':
      return 'xsd:boolean';
    case 'int':
      return 'xsd:int';
    case 'double':
      return 'xsd:double';
    case 'date':
      return 'xsd:date';
    case 'datetime':
      return 'xsd:dateTime';
    default:
      return 'xsd:string';
  }
}

export function describeObjectSummary(schema: ObjectSchema, apiVersion: string): Record<string, unknown> {
  const base = `/services/data/v${apiVersion}/sobjects/${schema.name}`;
  return {
    name: schema.name,
    label: schema.label,
    labelPlural: schema.labelPlural,
    keyPrefix: schema.keyPrefix,
    custom: false,
    createable: schema.createable,
    updateable: schema.updateable,
    deletable: schema.deletable,
    queryable: schema.queryable,
    retrieveable: true,
    replicateable: schema.access === 'owned',
    searchable: schema.access === 'owned',
    layoutable: schema.access === 'owned',
    urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
  };
}

export function describeObject(schema: ObjectSchema, apiVersion: string): Record<string, unknown> {
  return { ...describeObjectSummary(schema, apiVersion), fields: schema.fields.map(describeField), childRelationships: [], recordTypeInfos: [] };
}
