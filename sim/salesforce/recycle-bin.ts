/**
 * @module
 * The recycle bin: a delete marks the row IsDeleted (queryAll still sees it), stamps it, logs it for `deleted`, and
 * cascades as Salesforce does (an account takes its contacts, an event its relations, a configuration its
 * assignments). Undelete (an action; REST has no such call) restores the row and the children that went with it.
 */
import { assertCanWrite } from './access.ts';
import { malformedId, SfError } from './errors.ts';
import { normalizeId } from './ids.ts';
import type { Org } from './org.ts';
import { requireSchema, type ObjectSchema } from './schema/index.ts';
import type { Row } from './store.ts';
import { copyRow } from './row.ts';
import { stamp } from './system-fields.ts';

/**
 * Restores a row from the recycle bin (the UI's Undelete; REST has no such call). The record gets a new
 * SystemModstamp, so `updated` reports it again, and cascaded children come back with it.
 */
export function undeleteRecord(org: Org, userId: string, rawId: unknown): string {
  const id = normalizeId(rawId);
  if (!id) throw malformedId('Record ID', rawId);
  const stored = org.store.get(id);
  if (!stored) throw new SfError('ENTITY_IS_DELETED', `entity is not in the recycle bin: ${id} (purged or never existed)`, 404);
  if (stored.row.IsDeleted !== true) throw new SfError('UNDELETE_FAILED', `entity is not deleted: ${id}`);
  const schema = requireSchema(stored.type);
  assertCanWrite(org, userId, schema, stored.row);
  restoreRow(org, userId, schema, stored.row);
  return id;
}

function restoreRow(org: Org, userId: string, schema: ObjectSchema, row: Row): void {
  const deletedAt = Date.parse(String(row.SystemModstamp));
  const restored = copyRow(row, { IsDeleted: false });
  stamp(org, userId, restored, false);
  org.store.put(schema.name, restored);
  // Children deleted by the same cascade (same instant) come back too.
  for (const [childType, field] of CASCADES[schema.name] ?? []) {
    for (const child of [...org.store.rowsWhere(childType, field, row.Id)]) {
      if (child.IsDeleted === true && Date.parse(String(child.SystemModstamp)) === deletedAt) restoreRow(org, userId, requireSchema(childType), child);
    }
  }
}

const CASCADES: Record<string, Array<[string, string]>> = {
  Account: [['Contact', 'AccountId']],
  Event: [['EventRelation', 'EventId'], ['Event', 'RecurrenceActivityId']],
  LightningSyncConfig: [['LightningSyncConfigAssignment', 'ConfigId']],
};

/** Moves a row to the recycle bin and the delete log, with Salesforce's cascades. */
export function softDelete(org: Org, userId: string, schema: ObjectSchema, existing: Row): void {
  const row = copyRow(existing, { IsDeleted: true });
  stamp(org, userId, row, false);
  org.store.put(schema.name, row);
  org.store.logDelete({ id: String(row.Id), type: schema.name, deletedAt: org.clock.now() });
  for (const child of cascadeChildren(org, schema.name, String(row.Id))) {
    softDelete(org, userId, requireSchema(child.type), child.row);
  }
}

/** Deleting an account deletes its contacts; an event its relations; a configuration its assignments. */
function cascadeChildren(org: Org, type: string, id: string): Array<{ type: string; row: Row }> {
  return (CASCADES[type] ?? []).flatMap(([childType, fieldName]) =>
    [...org.store.rowsWhere(childType, fieldName, id)].filter((r) => r.IsDeleted !== true).map((row) => ({ type: childType, row })));
}
