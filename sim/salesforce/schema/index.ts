/**
 * @module
 * The registry of sObject schemas the sim serves. Lookups are case-insensitive, as Salesforce's are.
 */
import { accountSchema, contactSchema, leadSchema, taskSchema } from './crm-objects.ts';
import { eventRelationSchema, eventSchema } from './event-objects.ts';
import {
  lightningSyncConfigAssignmentSchema,
  lightningSyncConfigSchema,
  lightningSyncErrorSchema,
  lightningSyncSetupSchema,
  lightningSyncUserStatusSchema,
} from './lightning-sync-objects.ts';
import { organizationSchema, permissionSetAssignmentSchema, permissionSetSchema, profileSchema, userSchema } from './setup-objects.ts';
import { SfError } from '../errors.ts';
import type { FieldSchema, ObjectSchema } from './types.ts';

export type { FieldSchema, ObjectSchema, FieldType, AccessModel } from './types.ts';

export const ALL_SCHEMAS: readonly ObjectSchema[] = [
  organizationSchema,
  userSchema,
  profileSchema,
  permissionSetSchema,
  permissionSetAssignmentSchema,
  accountSchema,
  contactSchema,
  leadSchema,
  eventSchema,
  eventRelationSchema,
  taskSchema,
  lightningSyncSetupSchema,
  lightningSyncConfigSchema,
  lightningSyncConfigAssignmentSchema,
  lightningSyncErrorSchema,
  lightningSyncUserStatusSchema,
];

const byName = new Map(ALL_SCHEMAS.map((s) => [s.name.toLowerCase(), s]));
const byPrefix = new Map(ALL_SCHEMAS.map((s) => [s.keyPrefix, s]));
const fieldIndex = new Map(ALL_SCHEMAS.map((s) => [s, new Map(s.fields.map((f) => [f.name.toLowerCase(), f]))]));

export function schemaFor(objectName: string): ObjectSchema | undefined {
  return byName.get(objectName.toLowerCase());
}

export function schemaForId(id: string): ObjectSchema | undefined {
  return byPrefix.get(id.slice(0, 3));
}

export function fieldOf(schema: ObjectSchema, fieldName: string): FieldSchema | undefined {
  return fieldIndex.get(schema)?.get(fieldName.toLowerCase());
}

/** The schema of a type a client named, or INVALID_TYPE as Salesforce words it. */
export function requireSchema(typeName: string): ObjectSchema {
  const schema = schemaFor(typeName);
  if (!schema) throw new SfError('INVALID_TYPE', `sObject type '${typeName}' is not supported.`);
  return schema;
}
