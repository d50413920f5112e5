/**
 * @module
 * Create, update and delete of one record as a given user: permission and sharing checks, field validation,
 * defaults, object rules, system-field stamping from the scenario clock, the recycle bin and the delete log. REST
 * routes, collections, rep/admin actions and world building all write through here, so every write obeys the same
 * rules.
 */
import { assertCanWrite, canRead, permissionsOf } from './access.ts';
import { malformedId, SfError } from './errors.ts';
import { occurrenceStarts } from './classic-recurrence.ts';
import { softDelete } from './recycle-bin.ts';
import { stamp } from './system-fields.ts';
import { normalizeId } from './ids.ts';
import { beforeSave, displacedAssignments, type SaveContext } from './object-rules.ts';
import type { Org } from './org.ts';
import { requireSchema, schemaForId, type ObjectSchema } from './schema/index.ts';
import type { Row } from './store.ts';
import { copyRow, newRow } from './row.ts';
import { assertRequired, validateFields } from './validation.ts';

export interface WriteOptions {
  /** Sforce-Duplicate-Rule-Header: allowSave=true. */
  allowDuplicates?: boolean;
  /** World building and system writes: skip permission checks and allow read-only fields. */
  system?: boolean;
}

export function insertRecord(org: Org, userId: string, typeName: string, body: Record<string, unknown>, options: WriteOptions = {}): string {
  const schema = requireSchema(typeName);
  if (!options.system) assertCanWrite(org, userId, schema, undefined);
  if (!schema.createable && !options.system) throw new SfError('INVALID_TYPE', `entity type ${schema.name} does not support insert`);
  const values = validateFields(schema, body, 'create', org.store, options.system);
  const row = Object.assign(newRow(schema), values);
  if (row.Id == null) row.Id = org.ids.next(schema.keyPrefix);
  if (schema.fields.some((f) => f.name === 'OwnerId') && row.OwnerId == null) row.OwnerId = userId;
  stamp(org, userId, row, true);
  save(org, userId, schema, row, new Set(Object.keys(values)), options, undefined);
  return String(row.Id);
}

export function updateRecord(org: Org, userId: string, typeName: string | undefined, rawId: unknown, body: Record<string, unknown>, options: WriteOptions = {}): string {
  const { schema, existing } = loadForWrite(org, userId, typeName, rawId, options);
  const values = validateFields(schema, body, 'update', org.store, options.system);
  const row = copyRow(existing, values);
  stamp(org, userId, row, false);
  save(org, userId, schema, row, new Set(Object.keys(values)), options, existing);
  return String(row.Id);
}

export function deleteRecord(org: Org, userId: string, typeName: string | undefined, rawId: unknown, options: WriteOptions = {}): string {
  const { schema, existing } = loadForWrite(org, userId, typeName, rawId, options);
  if (!schema.deletable && !options.system) {
    throw new SfError('DELETE_FAILED', `${schema.name} records cannot be deleted${schema.name === 'User' ? '; deactivate the user (IsActive = false) instead' : ''}`);
  }
  softDelete(org, userId, schema, existing);
  return String(existing.Id);
}

function loadForWrite(org: Org, userId: string, typeName: string | undefined, rawId: unknown, options: WriteOptions): { schema: ObjectSchema; existing: Row } {
  const id = normalizeId(rawId);
  const expected = typeName ? requireSchema(typeName) : undefined;
  if (!id) throw malformedId(`${expected?.name ?? 'Record'} ID`, rawId);
  const schema = schemaForId(id);
  if (!schema || (expected && expected !== schema)) throw malformedId(`${expected?.name ?? 'Record'} ID`, rawId);
  const stored = org.store.get(id);
  if (!stored) throw new SfError('NOT_FOUND', `The requested resource does not exist: no ${schema.name} with id ${id}`, 404);
  if (stored.row.IsDeleted === true) throw new SfError('ENTITY_IS_DELETED', `entity is deleted: ${id}`, 404);
  if (!options.system) {
    const perms = permissionsOf(org, userId);
    if (!canRead(org, userId, schema, stored.row, perms) && schema.access === 'owned') {
      throw new SfError('INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id ${id}: the record is not shared with you`);
    }
    assertCanWrite(org, userId, schema, stored.row, perms);
  }
  return { schema, existing: stored.row };
}

function save(org: Org, userId: string, schema: ObjectSchema, row: Row, changed: Set<string>, options: WriteOptions, existing: Row | undefined): void {
  const ctx: SaveContext = { org, userId, changed, allowDuplicates: options.allowDuplicates ?? false, existing };
  beforeSave(ctx, schema.name, row);
  assertRequired(schema, row);
  if (!options.system && row.OwnerId && row.OwnerId !== existing?.OwnerId) {
    assertActiveOwner(org, schema, row);
    if (existing && existing.OwnerId !== userId && !permissionsOf(org, userId).has('ModifyAllData')) {
      throw new SfError('INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id ${String(row.Id)}: only the owner or a user with Modify All Data can transfer it`, 400, ['OwnerId']);
    }
  }
  // Classic occurrences are computed before the write, so a bad pattern leaves nothing behind.
  const occurrences = schema.name === 'Event' && !existing && row.IsRecurrence === true ? occurrenceStarts(row) : [];
  org.store.put(schema.name, row);
  for (const id of displacedAssignments(org, schema.name, row)) {
    softDelete(org, userId, schema, org.store.get(id)!.row);
  }
  if (schema.name === 'Event' && row.WhoId !== existing?.WhoId) syncWhoRelation(org, userId, row, existing);
  if (occurrences.length > 0) createOccurrences(org, userId, row, occurrences);
}

/** EVT-06 realism: each Classic occurrence is its own Event pointing at the main record (RecurrenceActivityId). */
function createOccurrences(org: Org, userId: string, main: Row, starts: number[]): void {
  const copied = ['Subject', 'Location', 'Description', 'ShowAs', 'IsPrivate', 'OwnerId', 'WhoId', 'WhatId', 'DurationInMinutes'];
  for (const start of starts) {
    const fields: Record<string, unknown> = Object.fromEntries(copied.map((f) => [f, main[f]]));
    insertRecord(org, userId, 'Event', { ...fields, StartDateTime: new Date(start).toISOString(), RecurrenceActivityId: main.Id }, { system: true });
  }
}

/** A record cannot be given to (or created for) a deactivated user, as Salesforce refuses. */
function assertActiveOwner(org: Org, schema: ObjectSchema, row: Row): void {
  const owner = org.store.get(String(row.OwnerId))?.row;
  if (owner && owner.IsActive !== true) {
    throw new SfError(
      'INACTIVE_OWNER_OR_USER',
      `operation performed with inactive user [${String(row.OwnerId)}] as owner of ${schema.name.toLowerCase()}`,
      400,
      ['OwnerId'],
    );
  }
}

/** With Shared Activities, the event's WhoId is also its parent EventRelation; keep the two in step. */
function syncWhoRelation(org: Org, userId: string, event: Row, existing: Row | undefined): void {
  if (existing?.WhoId) {
    const old = [...org.store.rowsWhere('EventRelation', 'EventId', event.Id)].find((r) => r.IsDeleted !== true && r.RelationId === existing.WhoId);
    if (old) softDelete(org, userId, requireSchema('EventRelation'), old);
  }
  if (event.WhoId) {
    const already = [...org.store.rowsWhere('EventRelation', 'EventId', event.Id)].some((r) => r.IsDeleted !== true && r.RelationId === event.WhoId);
    if (!already) insertRecord(org, userId, 'EventRelation', { EventId: event.Id, RelationId: event.WhoId, IsParent: true }, { system: true });
  }
}
