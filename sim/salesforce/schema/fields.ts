/**
 * @module
 * Small builders for field schemas, plus the system fields every record carries (Id, IsDeleted, CreatedDate,
 * CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp) stamped from the scenario clock.
 */
import type { FieldOptions, FieldSchema, FieldType } from './types.ts';

const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist']);

/** Splits CamelCase into words for a label: MailingPostalCode → Mailing Postal Code. */
function labelFor(name: string): string {
  return name.replace(/Id$/, ' ID').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

export function field(name: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  const createable = options.createable ?? true;
  const nillable = options.nillable ?? (type !== 'boolean' && !options.required);
  const defaultLength = type === 'textarea' ? 32000 : type === 'email' || type === 'picklist' ? 80 : type === 'phone' ? 40 : 255;
  return {
    name,
    type,
    label: options.label ?? labelFor(name),
    length: type === 'id' ? 18 : TEXT_TYPES.has(type) ? (options.length ?? defaultLength) : 0,
    createable,
    updateable: options.updateable ?? createable,
    nillable,
    required: options.required ?? false,
    defaultValue: options.defaultValue ?? (type === 'boolean' ? false : null),
    ...(options.picklistValues ? { picklistValues: options.picklistValues, restrictedPicklist: options.restrictedPicklist ?? true } : {}),
    ...(options.referenceTo ? { referenceTo: options.referenceTo } : {}),
    ...(options.relationshipName ? { relationshipName: options.relationshipName } : {}),
    filterable: options.filterable ?? type !== 'textarea',
  };
}

export const text = (name: string, length = 255, options: FieldOptions = {}): FieldSchema => field(name, 'string', { ...options, length });
export const bool = (name: string, options: FieldOptions = {}): FieldSchema => field(name, 'boolean', options);
export const picklist = (name: string, values: string[], options: FieldOptions = {}): FieldSchema =>
  field(name, 'picklist', { ...options, picklistValues: values });

/** A lookup: `OwnerId` → relationship `Owner`, `AccountId` → `Account`. */
export function reference(name: string, referenceTo: string[], options: FieldOptions = {}): FieldSchema {
  return field(name, 'reference', { relationshipName: name.replace(/Id$/, ''), ...options, referenceTo });
}

/** Read-only to clients (formula, roll-up or system-maintained). */
export function readonly(schema: FieldSchema): FieldSchema {
  return { ...schema, createable: false, updateable: false, required: false };
}

export function systemFields(): FieldSchema[] {
  return [
    readonly(field('Id', 'id', { nillable: false, length: 18 })),
    readonly(bool('IsDeleted')),
    readonly(field('CreatedDate', 'datetime', { nillable: false })),
    readonly(reference('CreatedById', ['User'], { nillable: false })),
    readonly(field('LastModifiedDate', 'datetime', { nillable: false })),
    readonly(reference('LastModifiedById', ['User'], { nillable: false })),
    readonly(field('SystemModstamp', 'datetime', { nillable: false })),
  ];
}

/** OwnerId: defaults to the running user on insert; changing it transfers the record. */
export const ownerField = (): FieldSchema => reference('OwnerId', ['User'], { nillable: false });
