/**
 * @module
 * Per-object rules applied on every save, whoever saves (REST, collections, actions, world building): derived Name
 * fields, Event consistency (SIM-SF-04), unique names, Lightning Sync config rules (CFG-07: LAST_N_DAYS ≤ 180) and
 * assignment rules (CFG-02: an individually assigned user stays only in the last config saved), EventRelation limits
 * (≤ 50 contacts or 1 lead) and optional duplicate rules (DUPLICATES_DETECTED).
 */
import { SfError } from './errors.ts';
import { normalizeEvent } from './event-rules.ts';
import { checkFieldMappings } from './mapping-rules.ts';
import { schemaForId } from './schema/index.ts';
import { MAX_EVENT_FILTER_DAYS } from './schema/lightning-sync-objects.ts';
import type { Org } from './org.ts';
import type { Row } from './store.ts';
import { LIGHTNING_SYNC_OBJECTS as LS } from './world.ts';

export interface SaveContext {
  org: Org;
  userId: string;
  /** Fields the client sent in this request. */
  changed: Set<string>;
  /** Skip duplicate rules (Sforce-Duplicate-Rule-Header: allowSave=true). */
  allowDuplicates: boolean;
  existing?: Row;
}

const live = (org: Org, type: string): Row[] => [...org.store.rowsOf(type)].filter((r) => r.IsDeleted !== true);
const liveWhere = (org: Org, type: string, field: string, value: unknown): Row[] =>
  [...org.store.rowsWhere(type, field, value)].filter((r) => r.IsDeleted !== true);

export function beforeSave(ctx: SaveContext, type: string, row: Row): void {
  if (type === 'Contact' || type === 'Lead' || type === 'User') {
    row.Name = [row.FirstName, row.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
  }
  switch (type) {
    case 'Event':
      normalizeEvent(row, ctx.changed);
      break;
    case 'EventRelation':
      checkEventRelation(ctx.org, row);
      break;
    case 'User':
      unique(ctx.org, type, row, 'Username', 'DUPLICATE_USERNAME', true);
      row.Alias ??= String(row.LastName ?? 'user').slice(0, 8);
      row.UserType ??= 'Standard';
      break;
    case LS.config:
      unique(ctx.org, type, row, 'Name', 'DUPLICATE_VALUE', true);
      checkEventFilter(row);
      checkFieldMappings(row);
      break;
    case LS.assignment:
      checkAssignment(row);
      break;
    case LS.userStatus:
      unique(ctx.org, type, row, 'UserId', 'DUPLICATE_VALUE', false);
      break;
    case LS.setup:
      if (!ctx.existing && live(ctx.org, type).length > 0) {
        throw new SfError('DUPLICATE_VALUE', `an org has one ${LS.setup}; update the existing record instead`);
      }
      break;
  }
  if (!ctx.allowDuplicates) checkDuplicateRules(ctx.org, type, row);
}

/** Writes that follow a save; returns ids of assignments CFG-02 displaced (the caller deletes them). */
export function displacedAssignments(org: Org, type: string, row: Row): string[] {
  if (type !== LS.assignment || row.AssigneeType !== 'User') return [];
  return liveWhere(org, type, 'AssigneeId', row.AssigneeId)
    .filter((a) => a.Id !== row.Id && a.AssigneeType === 'User' && a.ConfigId !== row.ConfigId)
    .map((a) => String(a.Id));
}

function unique(org: Org, type: string, row: Row, fieldName: string, code: string, caseInsensitive: boolean): void {
  const value = row[fieldName];
  if (value == null) return;
  const norm = (v: unknown): string => (caseInsensitive ? String(v).toLowerCase() : String(v));
  // Exact matches come from the index; case-insensitive fields (Username, Name) need the scan.
  const candidates = caseInsensitive ? live(org, type) : liveWhere(org, type, fieldName, value);
  const clash = candidates.find((r) => r.Id !== row.Id && r[fieldName] != null && norm(r[fieldName]) === norm(value));
  if (clash) {
    throw new SfError(code, `duplicate value found: ${fieldName} duplicates value on record with id: ${String(clash.Id)}`, 400, [fieldName]);
  }
}

function checkEventFilter(row: Row): void {
  if (row.EventFilter !== 'LAST_N_DAYS') return;
  const days = row.EventFilterDays;
  if (typeof days !== 'number' || days < 1) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'EventFilterDays: the LAST_N_DAYS event filter needs a number of days from 1 to 180 (CFG-07)', 400, ['EventFilterDays']);
  }
  if (days > MAX_EVENT_FILTER_DAYS) {
    throw new SfError(
      'FIELD_INTEGRITY_EXCEPTION',
      `EventFilterDays: the LAST_N_DAYS event filter allows at most ${MAX_EVENT_FILTER_DAYS} days; got ${days}. Choose ${MAX_EVENT_FILTER_DAYS} or fewer (CFG-07).`,
      400,
      ['EventFilterDays'],
    );
  }
}

function checkAssignment(row: Row): void {
  const target = schemaForId(String(row.AssigneeId))?.name;
  if (target !== row.AssigneeType) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', `AssigneeId: AssigneeType is ${String(row.AssigneeType)} but AssigneeId names a ${target ?? 'record of another type'}`, 400, ['AssigneeId']);
  }
}

/** SIM-SF-04: an event relates to at most 50 contacts, or to exactly one lead and no contacts. */
function checkEventRelation(org: Org, row: Row): void {
  const relationType = schemaForId(String(row.RelationId))?.name;
  if (relationType === 'User') return;
  const others = liveWhere(org, 'EventRelation', 'EventId', row.EventId).filter((r) => r.Id !== row.Id);
  const whoTypes = others.map((r) => schemaForId(String(r.RelationId))?.name).filter((t) => t === 'Contact' || t === 'Lead');
  if (others.some((r) => r.RelationId === row.RelationId)) {
    throw new SfError('DUPLICATE_VALUE', `duplicate value found: RelationId ${String(row.RelationId)} is already related to event ${String(row.EventId)}`, 400, ['RelationId']);
  }
  if (relationType === 'Lead' && whoTypes.length > 0) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'RelationId: an event can be related to one lead, and then to no contacts', 400, ['RelationId']);
  }
  if (relationType === 'Contact' && whoTypes.includes('Lead')) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'RelationId: this event is related to a lead and cannot also be related to contacts', 400, ['RelationId']);
  }
  if (relationType === 'Contact' && whoTypes.length >= 50) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'RelationId: an event can be related to at most 50 contacts', 400, ['RelationId']);
  }
}

function checkDuplicateRules(org: Org, type: string, row: Row): void {
  for (const rule of org.duplicateRules) {
    if (rule.object !== type || rule.matchOn.length === 0) continue;
    const norm = (v: unknown): string => String(v ?? '').trim().toLowerCase();
    if (rule.matchOn.every((f) => norm(row[f]) === '')) continue;
    const match = live(org, type).find((r) => r.Id !== row.Id && rule.matchOn.every((f) => norm(r[f]) === norm(row[f])));
    if (match) {
      throw new SfError(
        'DUPLICATES_DETECTED',
        `You're creating a duplicate record. We recommend you use an existing record instead: ${String(match.Id)} matches on ${rule.matchOn.join(', ')}. Send Sforce-Duplicate-Rule-Header: allowSave=true to save anyway.`,
        400,
        rule.matchOn,
      );
    }
  }
}
