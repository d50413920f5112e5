/**
 * Pairs that already exist: decide, once per pair, what this cycle's changes and deletes mean for it.
 *
 * - Nothing mapped changed on either side (hash equals the last synced hash) → nothing (G-02).
 * - One side changed and the direction syncs it → update the other side with the changed fields (CFG-03).
 * - A change the direction does not sync is ignored but remembered as drift, so a later overwrite is reported with
 *   the true before value (EVT-03, G-03).
 * - Both changed, both ways → three-way merge; the policy decides true conflicts (G-09).
 * - A delete: events follow EVT-05; contacts are never deleted (CON-06). An edit beats a delete: the edited survivor
 *   is written back on the side that deleted it (G-03).
 * - An item that is absent from a full read is NOT taken as deleted: only explicit deletes are (safer for G-03/G-04).
 */
import { hashValues, type MappedValues } from '../mapping/hash.ts';
import type { Pairing } from '../model.ts';
import type { ObjectAdapter } from './adapter.ts';
import { syncsToEx, syncsToSf, type PlanBuilder } from './context.ts';
import { mergeWithBase, policyWinner } from './conflicts.ts';
import { writeBoth } from './writes.ts';
import { planGone, planOrphan } from './deletes.ts';

export interface SideInput<T> {
  upserts: Map<string, T>;
  candidates: Map<string, T>;
  deletes: Map<string, 'deleted' | 'moved-out'>;
}

export interface PairsResult<S, E> {
  claimedSf: Set<string>;
  claimedEx: Set<string>;
  /** Edited items whose partner was deleted: they go back through matching / create (edit beats delete). */
  survivors: { sf: S[]; ex: E[] };
  /** Pair keys (sfId|exId) that got an action this cycle (an echo with no mapped change does not count). */
  touched: Set<string>;
}

export function planPairs<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, pairings: Pairing[], sf: SideInput<S>, ex: SideInput<E>): PairsResult<S, E> {
  const result: PairsResult<S, E> = { claimedSf: new Set(), claimedEx: new Set(), survivors: { sf: [], ex: [] }, touched: new Set() };
  for (const p of pairings) {
    result.claimedSf.add(p.sfId);
    result.claimedEx.add(p.exId);
  }
  for (const p of pairings) {
    const sfItem = sf.upserts.get(p.sfId);
    const exItem = ex.upserts.get(p.exId);
    const sfGone = sf.deletes.get(p.sfId);
    const exGone = ex.deletes.get(p.exId);
    if (!sfItem && !exItem && !sfGone && !exGone) continue;
    const actionsBefore = b.actions.length;
    if (sfGone || exGone) planGone(b, a, p, sfGone, exGone, sfItem, exItem, result);
    else if (p.orphaned) planOrphan(b, a, p, sfItem, exItem, result);
    else if (!p.frozen) planChanged(b, a, p, sfItem, exItem); // frozen (EVT-02): the partner stays as it is
    if (b.actions.length > actionsBefore) result.touched.add(`${p.sfId}|${p.exId}`);
  }
  return result;
}

function planChanged<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, p: Pairing, sfItem: S | undefined, exItem: E | undefined): void {
  // Fast path (the common no-change cycle): an EX item at the ChangeKey stored in the pairing has the content last
  // synced — nothing to map or hash. EX only: its ChangeKey comes from the write's own response, while an SF
  // SystemModstamp is read back after the write and could already belong to someone else's later edit (G-03).
  if (exItem && p.exChangeKey && a.exChangeKey(exItem) === p.exChangeKey) exItem = undefined;
  if (!sfItem && !exItem) return;
  const sfV = sfItem ? a.sfValues(sfItem, p) : undefined;
  const exV = exItem ? a.exValues(exItem) : undefined;
  const sfChanged = sfV !== undefined && hashValues(sfV) !== p.syncedHash;
  const exChanged = exV !== undefined && hashValues(exV) !== p.syncedHash;
  if (!sfChanged && !exChanged) return; // G-02: a touch with no mapped change is not a change

  const freeze = a.freezeReason?.((sfChanged ? sfV : undefined) ?? {}) ?? a.freezeReason?.((exChanged ? exV : undefined) ?? {});
  if (freeze) {
    b.act({ type: 'freeze', rule: 'EVT-02', object: a.object, sfId: p.sfId, exId: p.exId },
      { kind: 'skip', side: sfChanged ? 'exchange' : 'salesforce', object: a.object, sfId: p.sfId, exId: p.exId, reason: freeze });
    b.find('private-event-withheld', 'EVT-02', freeze, { object: a.object, sfId: p.sfId, exId: p.exId });
    return;
  }

  const toEx = sfChanged && syncsToEx(a.direction) && !skipped(b, a, 'sf', sfItem!, sfV!, p);
  const toSf = exChanged && syncsToSf(a.direction) && !skipped(b, a, 'ex', exItem!, exV!, p);
  if (!toEx && !toSf) {
    const drift: NonNullable<Pairing['drift']> = { ...p.drift };
    if (sfChanged) drift.salesforce = sfV;
    if (exChanged) drift.exchange = exV;
    // Reads may return the same drifted item every cycle: only a new drift is worth a state write.
    const same = (x?: MappedValues, y?: MappedValues) => (x ? hashValues(x) : '') === (y ? hashValues(y) : '');
    if (!same(drift.salesforce, p.drift?.salesforce) || !same(drift.exchange, p.drift?.exchange)) b.patch(p, { drift });
    return;
  }
  // Once this cycle's writes land, both sides hold the same values: earlier drift is history. Cleared explicitly so
  // the state is right whichever order the apply step stores patches and write results in.
  if (p.drift) b.patch(p, { drift: undefined });

  let target: MappedValues;
  let conflicts: string[] = [];
  if (toEx && toSf) {
    const winner = policyWinner(b.input.config.conflictPolicy, a.sfModified(sfItem!), a.exModified(exItem!));
    ({ merged: target, conflicts } = mergeWithBase(p.synced, sfV!, exV!, winner, a.mergeGroups));
    b.find('conflict', 'G-09',
      `${a.object} changed on both sides since the last sync; ${conflicts.length
        ? `conflicting fields ${conflicts.join(', ')} decided by ${b.input.config.conflictPolicy} (${winner} wins)`
        : 'the changes touch different fields and were merged'}`,
      { object: a.object, sfId: p.sfId, exId: p.exId, ...(conflicts.length ? { field: conflicts.join(',') } : {}) });
  } else {
    target = toEx ? sfV! : exV!;
  }
  const wrote = writeBoth(b, a, {
    pairing: p,
    exChangeKey: exItem ? a.exChangeKey(exItem) : p.exChangeKey,
    sfCurrent: sfV ?? p.drift?.salesforce ?? p.synced,
    exCurrent: exV ?? p.drift?.exchange ?? p.synced,
    base: p.synced,
  }, target, a.rules.update, conflicts);
  if (!wrote) {
    // Both sides already hold the target (e.g. the same edit made twice): remember it, write nothing (G-02).
    b.act({ type: 'pair', rule: 'G-02', object: a.object, sfId: p.sfId, exId: p.exId, synced: { hash: hashValues(target), values: target } },
      { kind: 'pair', side: 'salesforce', object: a.object, sfId: p.sfId, exId: p.exId, reason: 'both sides already agree; checkpoint refreshed' });
  }
}

function skipped<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, side: 'sf' | 'ex', item: S | E, values: MappedValues, p: Pairing): boolean {
  const skip = side === 'sf' ? a.sfSkip(item as S, values, 'update') : a.exSkip(item as E, values, 'update');
  if (skip) b.skip(skip.rule, a.object, side === 'sf' ? 'exchange' : 'salesforce', skip.reason, { sfId: p.sfId, exId: p.exId });
  return skip !== null;
}
