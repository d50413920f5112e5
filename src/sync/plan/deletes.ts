/**
 * Pairs with a delete (or a move out of Salesforce_Sync) on one side, and orphaned pairs from earlier cycles.
 *
 * - Events follow EVT-05: the adapter deletes the partner when the flag and the direction say so.
 * - Otherwise the delete is not propagated (CON-06 for contacts; EVT-05 with the flag off) and the pairing is kept as
 *   an orphan: the survivor is re-created on the deleting side only when its mapped values really change (or on
 *   reset), never because a later read returns it unchanged (reads may repeat records; G-04).
 * - An edit beats a delete: a survivor edited since the last sync goes straight back through matching / create, with
 *   a conflict finding (G-03).
 */
import { hashValues } from '../mapping/hash.ts';
import type { Pairing } from '../model.ts';
import type { ObjectAdapter } from './adapter.ts';
import { syncsToEx, syncsToSf, type PlanBuilder } from './context.ts';
import type { PairsResult } from './pairs.ts';

type Side = 'salesforce' | 'exchange';
const NAME: Record<Side, string> = { salesforce: 'Salesforce', exchange: 'Exchange' };

export function planGone<S, E>(
  b: PlanBuilder, a: ObjectAdapter<S, E>, p: Pairing, sfGone: string | undefined, exGone: string | undefined,
  sfItem: S | undefined, exItem: E | undefined, result: PairsResult<S, E>,
): void {
  const ids = { sfId: p.sfId, exId: p.exId };
  const unpair = (rule: string, reason: string) =>
    b.act({ type: 'unpair', rule, object: a.object, ...ids }, { kind: 'unpair', side: sfGone ? 'salesforce' : 'exchange', object: a.object, ...ids, reason });
  const survivorGone = p.orphaned === 'exchange' ? sfGone : p.orphaned === 'salesforce' ? exGone : undefined;
  if ((sfGone && exGone) || survivorGone) return unpair(a.rules.delete, 'gone on both sides');
  if (p.orphaned) return planOrphan(b, a, p, sfItem, exItem, result); // the orphaned side reported gone again
  if (p.frozen) return unpair('EVT-02', 'a frozen (private) pair lost one side; nothing propagates');
  const deletedSide: Side = sfGone ? 'salesforce' : 'exchange';
  const survivorValues = sfGone ? (exItem ? a.exValues(exItem) : undefined) : (sfItem ? a.sfValues(sfItem, p) : undefined);
  if (exGone !== 'moved-out' && survivorValues && hashValues(survivorValues) !== p.syncedHash) {
    unpair('G-03', `deleted in ${deletedSide} but edited on the other side: the edit wins and is written back`);
    b.find('conflict', 'G-03', `${a.object} deleted in ${NAME[deletedSide]} while its partner was edited; the edited item is kept and synced again`, { object: a.object, ...ids });
    release(p, sfGone ? { ex: exItem } : { sf: sfItem }, result);
    return;
  }
  if (exGone !== 'moved-out' && a.deletePartner?.(p, deletedSide)) return;
  // No `deletion` finding: the engine deletes nothing here (G-03 reports deletes the engine makes), and a move out of
  // Salesforce_Sync looks the same on the wire as a delete (SyncFolderItems reports a Delete), so it stays quiet.
  const rule = exGone === 'moved-out' ? 'CON-02' : a.object === 'Contact' ? 'CON-06' : 'EVT-05';
  b.patch(p, { orphaned: deletedSide });
  b.summary.push({
    kind: 'unpair', side: deletedSide, object: a.object, rep: b.scope.rep, rule, ...ids,
    reason: `gone from ${deletedSide === 'exchange' && a.object === 'Contact' ? 'Salesforce_Sync' : NAME[deletedSide]}; not propagated — the partner stays and is written back only when it changes`,
  });
}

/** An orphaned pair whose survivor was read again: re-create it on the orphaned side only if it really changed. */
export function planOrphan<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, p: Pairing, sfItem: S | undefined, exItem: E | undefined, result: PairsResult<S, E>): void {
  const survivor = p.orphaned === 'exchange' ? sfItem : exItem;
  if (survivor === undefined) return;
  const values = p.orphaned === 'exchange' ? a.sfValues(sfItem!, p) : a.exValues(exItem!);
  if (hashValues(values) === p.syncedHash) return; // read again, not changed (G-02)
  const writable = p.orphaned === 'exchange' ? syncsToEx(a.direction) : syncsToSf(a.direction);
  if (!writable) return;
  b.act({ type: 'unpair', rule: a.object === 'Contact' ? 'CON-06' : 'EVT-05', object: a.object, sfId: p.sfId, exId: p.exId },
    { kind: 'unpair', side: p.orphaned!, object: a.object, sfId: p.sfId, exId: p.exId, reason: `changed after its partner was deleted in ${NAME[p.orphaned!]}: written back there` });
  release(p, p.orphaned === 'exchange' ? { sf: sfItem } : { ex: exItem }, result);
}

function release<S, E>(p: Pairing, survivor: { sf?: S; ex?: E }, result: PairsResult<S, E>): void {
  if (survivor.sf !== undefined) result.survivors.sf.push(survivor.sf);
  if (survivor.ex !== undefined) result.survivors.ex.push(survivor.ex);
  result.claimedSf.delete(p.sfId);
  result.claimedEx.delete(p.exId);
}
