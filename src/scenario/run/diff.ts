/**
 * @module
 * Final-state diffs: every item added, removed or changed on either side between the start of the scenario (the
 * world as built) and its end, with field-level before/after. Volatile bookkeeping fields (modstamps, ChangeKeys) are
 * left out so a diff shows what a person would call a change.
 */
import type { StateDiff } from '../../report/model.ts';
import type { Environment, SideItem } from '../env/types.ts';
import type { Scenario } from '../schema.ts';

export interface StateSnapshot {
  items: Array<{ side: 'exchange' | 'salesforce'; scope: string; object: string; item: SideItem }>;
}

const VOLATILE = new Set([
  'LastModifiedTime', 'SystemModstamp', 'LastModifiedDate', 'LastModifiedById', 'LastViewedDate', 'LastReferencedDate',
  'ChangeKey', 'attributes', 'DateTimeStamp', 'LastSyncTime', 'Id', 'IsDeleted', 'CreatedById', 'CreatedDate',
]);

export async function snapshotState(env: Environment, scenario: Scenario): Promise<StateSnapshot> {
  const items: StateSnapshot['items'] = [];
  for (const mailbox of scenario.world.exchange.mailboxes ?? []) {
    for (const item of await env.exchange.contacts(mailbox.address)) items.push({ side: 'exchange', scope: mailbox.address, object: 'Contact', item });
    for (const item of await env.exchange.events(mailbox.address)) items.push({ side: 'exchange', scope: mailbox.address, object: 'Event', item });
  }
  for (const org of scenario.world.salesforce.orgs) {
    for (const object of ['Contact', 'Event', 'Account'] as const) {
      for (const item of await env.salesforce.records(org.id, object)) items.push({ side: 'salesforce', scope: org.id, object, item });
    }
  }
  return { items };
}

export function diffStates(before: StateSnapshot, after: StateSnapshot): StateDiff[] {
  const keyOf = (e: StateSnapshot['items'][number]) => `${e.side}|${e.scope}|${e.object}|${e.item.key}`;
  const old = new Map(before.items.map((e) => [keyOf(e), e]));
  const now = new Map(after.items.map((e) => [keyOf(e), e]));
  const diffs: Array<StateDiff & { sortKey: string }> = [];
  for (const [key, e] of now) {
    const prev = old.get(key);
    const base = { side: e.side, scope: e.scope, object: e.object, label: e.item.label, sortKey: `${e.side}|${e.scope}|${e.object}|${e.item.label}|${key}` };
    if (!prev) diffs.push({ ...base, change: 'added', fields: fieldDiff({}, e.item.fields) });
    else {
      const fields = fieldDiff(prev.item.fields, e.item.fields);
      const moved: Record<string, { before?: unknown; after?: unknown }> = prev.item.folder !== e.item.folder ? { Folder: { before: prev.item.folder, after: e.item.folder } } : {};
      if (Object.keys(fields).length || Object.keys(moved).length) diffs.push({ ...base, change: 'changed', fields: { ...moved, ...fields } });
    }
  }
  for (const [key, e] of old) {
    if (!now.has(key)) diffs.push({ side: e.side, scope: e.scope, object: e.object, label: e.item.label, change: 'removed', sortKey: `${e.side}|${e.scope}|${e.object}|${e.item.label}|${key}` });
  }
  diffs.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return diffs.map(({ sortKey: _sortKey, ...d }) => d);
}

function fieldDiff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before?: unknown; after?: unknown }> {
  const out: Record<string, { before?: unknown; after?: unknown }> = {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys) {
    if (VOLATILE.has(k)) continue;
    const b = before[k];
    const a = after[k];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if ((b === undefined || b === null || b === '') && (a === undefined || a === null || a === '')) continue;
    out[k] = { ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
  }
  return out;
}
