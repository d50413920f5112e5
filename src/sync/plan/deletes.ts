/**
 * A pair one of whose items was deleted (or moved out of Salesforce_Sync). Events follow EVT-05 (the adapter deletes
 * the partner when the flag and the direction say so); contacts are never deleted (CON-06). An edit beats a delete:
 * a partner edited since the last sync is kept and goes back through matching / create, with a conflict finding.
 */
import { hashValues } from '../mapping/hash.ts';
import type { Pairing } from '../model.ts';
import type { ObjectAdapter } from './adapter.ts';
import type { PlanBuilder } from './context.ts';
import type { PairsResult } from './pairs.ts';

export function planGone<S, E>(
  b: PlanBuilder, a: ObjectAdapter<S, E>, p: Pairing, sfGone: string | undefined, exGone: string | undefined,
  sfItem: S | undefined, exItem: E | undefined, result: PairsResult<S, E>,
): void {
  const ids = { sfId: p.sfId, exId: p.exId };
  const unpair = (rule: string, reason: string) =>
    b.act({ type: 'unpair', rule, object: a.object, ...ids }, { kind: 'unpair', side: sfGone ? 'salesforce' : 'exchange', object: a.object, ...ids, reason });
  if (sfGone && exGone) return unpair(a.rules.delete, 'deleted on both sides');
  if (exGone === 'moved-out') return unpair('CON-02', 'moved out of Salesforce_Sync: sync stops, nothing is deleted');
  const deletedSide = sfGone ? 'salesforce' : 'exchange';
  const survivorValues = sfGone ? (exItem ? a.exValues(exItem) : undefined) : (sfItem ? a.sfValues(sfItem, p) : undefined);
  if (!p.frozen && survivorValues && hashValues(survivorValues) !== p.syncedHash) {
    unpair('G-03', `deleted in ${deletedSide} but edited on the other side: the edit wins and is written back`);
    b.find('conflict', 'G-03', `${a.object} deleted in ${deletedSide === 'salesforce' ? 'Salesforce' : 'Exchange'} while its partner was edited; the edited item is kept and synced again`, { object: a.object, ...ids });
    if (sfGone) result.survivors.ex.push(exItem!); else result.survivors.sf.push(sfItem!);
    result.claimedSf.delete(p.sfId);
    result.claimedEx.delete(p.exId);
    return;
  }
  if (!p.frozen && a.deletePartner?.(p, deletedSide)) return;
  if (a.object === 'Contact') {
    // No `deletion` finding: the engine deletes nothing here (G-03 reports deletes the engine makes), and a move out
    // of Salesforce_Sync looks the same on the wire (SyncFolderItems reports a Delete), so it must stay quiet (CON-02).
    unpair('CON-06', `gone from ${deletedSide === 'salesforce' ? 'Salesforce' : 'Salesforce_Sync'}; contact deletes are never propagated, the partner is kept`);
  } else {
    unpair(p.frozen ? 'EVT-02' : 'EVT-05', `deleted in ${deletedSide}; the partner stays and the pair is dropped`);
  }
}
