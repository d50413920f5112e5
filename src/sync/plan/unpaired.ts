/**
 * Items with no partner: match before create (CON-04, EVT-08, RST-01), then create where the direction allows.
 *
 * Order: items stamped by this org with a record id are re-paired with that record first (a create whose pairing
 * was lost in a crash, G-05); then SF items in id order (SF→EX), then EX items (EX→SF). Every item is claimed once
 * (G-04). Items on a side the direction does not sync FROM are still offered as partners, so a one-way sync never
 * duplicates an item that already exists on the target side.
 */
import type { ObjectAdapter, Skip } from './adapter.ts';
import { syncsToEx, syncsToSf, type PlanBuilder } from './context.ts';
import { mergeWithoutBase, policyWinner } from './conflicts.ts';
import { MatchPool } from './matching.ts';
import type { SideInput } from './pairs.ts';
import { synced, writeBoth } from './writes.ts';
import type { MappedValues } from '../mapping/hash.ts';

export interface UnpairedInput<S, E> {
  sf: SideInput<S>;
  ex: SideInput<E>;
  claimedSf: Set<string>;
  claimedEx: Set<string>;
  survivors: { sf: S[]; ex: E[] };
  /** EX item → org id it carries (ORG-01 / G-05 stamps). */
  exStamp(item: E): { orgId?: string; recordId?: string };
  /** The SF side was read in full (every record in scope is in `sf.upserts`). */
  fullSf: boolean;
}

export function planUnpaired<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, u: UnpairedInput<S, E>): void {
  const sfSources = sortedUnclaimed([...u.sf.upserts.values(), ...u.survivors.sf], a.sfId, u.claimedSf);
  const exSources = sortedUnclaimed([...u.ex.upserts.values(), ...u.survivors.ex], a.exId, u.claimedEx);
  const sfValues = new Map<string, MappedValues>();
  const exValues = new Map<string, MappedValues>();
  const sfV = (item: S) => memo(sfValues, a.sfId(item), () => a.sfValues(item));
  const exV = (item: E) => memo(exValues, a.exId(item), () => a.exValues(item));
  const sfPoolItems = [...sfSources, ...u.sf.candidates.values()].filter((i) => a.sfPoolable?.(i) ?? true);
  const exPoolItems = [...exSources, ...u.ex.candidates.values()].filter((i) => a.exPoolable?.(i) ?? true);
  const sfPool = new MatchPool(sfPoolItems, a.sfId, (i) => a.sfMatchKeys(i, sfV(i)), u.claimedSf);
  const exPool = new MatchPool(exPoolItems, a.exId, (i) => a.exMatchKeys(i, exV(i)), u.claimedEx);

  // ORG-01 + G-05: stamps first.
  const orgId = b.input.org.orgId;
  for (const item of exSources) {
    const stamp = u.exStamp(item);
    if (stamp.orgId && stamp.orgId !== orgId) {
      b.find('multi-org-collision', 'ORG-01',
        `${a.object} in ${b.input.rep.mailbox} was written by org ${stamp.orgId} and is now synced by org ${orgId} (${b.input.org.label}) too: the same mailbox syncs with two orgs`,
        { object: a.object, exId: a.exId(item), otherOrg: stamp.orgId, ...(stamp.recordId ? { sfId: stamp.recordId } : {}) });
    } else if (stamp.orgId === orgId && stamp.recordId && !u.claimedEx.has(a.exId(item))) {
      const record = sfPool.takeId(stamp.recordId);
      if (record) {
        u.claimedEx.add(a.exId(item));
        pairMatched(b, a, record, item, sfV(record), exV(item), 'G-05', 'carries this org\'s stamp for the record (a create whose pairing was not saved)');
      }
    }
  }

  if (syncsToEx(a.direction)) {
    for (const item of sfSources) {
      if (u.claimedSf.has(a.sfId(item))) continue;
      const values = sfV(item);
      const skip = a.sfSkip(item, values, 'create') ?? a.capSkip?.() ?? null;
      if (skip) { reportSkip(b, a, skip, 'exchange', { sfId: a.sfId(item) }); continue; }
      u.claimedSf.add(a.sfId(item));
      const match = exPool.take(a.sfMatchKeys(item, values));
      if (match) pairMatched(b, a, item, match, values, exV(match), a.rules.match, matchReason(b));
      else a.createEx(item, values, a.rules.createEx, 'no matching Exchange item');
    }
  }
  const survivorIds = new Set(u.survivors.ex.map(a.exId));
  const lostPairing = lostPairingCheck(b, a, u, survivorIds);
  if (syncsToSf(a.direction)) {
    for (const item of exSources) {
      if (u.claimedEx.has(a.exId(item))) continue;
      const values = exV(item);
      const skip = lostPairing(item) ?? a.exSkip(item, values, 'create') ?? a.capSkip?.() ?? null;
      if (skip) { reportSkip(b, a, skip, 'salesforce', { exId: a.exId(item) }); continue; }
      u.claimedEx.add(a.exId(item));
      const match = sfPool.take(a.exMatchKeys(item, values));
      if (match) pairMatched(b, a, match, item, sfV(match), values, a.rules.match, matchReason(b));
      else a.createSf(item, values, a.rules.createSf, 'no matching Salesforce record');
    }
  }
}

/**
 * G-04: an EX item stamped by this org for record R, unpaired, in an incremental cycle that did not read R, is a create
 * whose pairing was lost — creating it again would duplicate R. Not so when R is paired with another item (an Outlook
 * copy keeps the stamp: it is a new contact), when R was deleted, or when the item is a survivor being written back.
 */
function lostPairingCheck<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, u: UnpairedInput<S, E>, survivorIds: Set<string>) {
  return (item: E): Skip | null => {
    const stamp = u.exStamp(item);
    const id = stamp.recordId;
    if (!id || stamp.orgId !== b.input.org.orgId || survivorIds.has(a.exId(item))) return null;
    if (u.fullSf || u.claimedSf.has(id) || u.sf.deletes.has(id)) return null;
    return {
      rule: 'G-04', finding: 'error',
      reason: `carries this org's stamp for Salesforce record ${id}, which this incremental read did not include: not created again (it would duplicate ${id}); include stamped records in lookups.candidates, or reset the rep`,
    };
  };
}

function matchReason(b: PlanBuilder): string {
  return b.input.state.resetStatus === 'ResetInProgress' ? 're-paired by matching after Reset Sync (RST-01)' : 'paired by matching before create';
}

/** Pair two existing items, then bring them to one version: one-way → the source's; both ways → merged (G-09). */
function pairMatched<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, sfItem: S, exItem: E, sfV: MappedValues, exV: MappedValues, rule: string, reason: string): void {
  const sfId = a.sfId(sfItem);
  const exId = a.exId(exItem);
  let target: MappedValues;
  let conflicts: string[] = [];
  if (a.direction === 'both') {
    const winner = policyWinner(b.input.config.conflictPolicy, a.sfModified(sfItem), a.exModified(exItem));
    ({ merged: target, conflicts } = mergeWithoutBase(sfV, exV, winner));
  } else {
    target = a.direction === 'salesforce-to-exchange' ? sfV : exV;
  }
  b.act({ type: 'pair', rule, object: a.object, sfId, exId, synced: synced(target) },
    { kind: 'pair', side: 'salesforce', object: a.object, sfId, exId, reason });
  const pairing = { object: a.object, sfId, exId, exChangeKey: a.exChangeKey(exItem), sfModstamp: a.sfModified(sfItem), syncedHash: '', synced: {}, pairedAt: b.input.now };
  writeBoth(b, a, { pairing, exChangeKey: a.exChangeKey(exItem), sfCurrent: sfV, exCurrent: exV }, target, rule, conflicts);
}

function reportSkip<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, skip: { rule: string; reason: string; finding?: import('../api.ts').FindingKind }, target: 'salesforce' | 'exchange', ids: { sfId?: string; exId?: string }): void {
  b.skip(skip.rule, a.object, target, skip.reason, ids);
  if (skip.finding) b.find(skip.finding, skip.rule, `${a.object} not synced to ${target === 'salesforce' ? 'Salesforce' : 'Exchange'}: ${skip.reason}`, { object: a.object, ...ids });
}

function sortedUnclaimed<T>(items: T[], idOf: (t: T) => string, claimed: Set<string>): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!claimed.has(idOf(item))) byId.set(idOf(item), item);
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) { v = make(); cache.set(key, v); }
  return v;
}
