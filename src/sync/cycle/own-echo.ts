/**
 * @module
 * Moving the saved EWS feed position past the engine's own writes (see absorbOwnEcho).
 */
import { FolderId, WellKnownFolderName } from 'ews-javascript-api';
import type { EngineAction, RepState } from '../model.ts';
import type { RepConnection } from './rep-connection.ts';

/**
 * The feed position saved after a cycle must lie AFTER the engine's own writes. Otherwise the next feed replays them
 * as changes (a GetItem per item the engine itself just wrote), and worse: if the rep moves or deletes such an item
 * before the next cycle, Exchange coalesces "created, then deleted" into nothing and the pairing never learns that
 * its item left (CON-02, EVT-05). So after writing, one IdOnly SyncFolderItems moves past the echo — adopted only if
 * every change in it is the engine's own (a foreign change keeps the older position, so nothing is ever skipped).
 */
export async function absorbOwnEcho(
  conn: RepConnection,
  state: RepState,
  actions: EngineAction[],
  next: RepState['syncStates'],
  syncFolderId: string | undefined,
): Promise<void> {
  const folders: Array<{ key: 'contacts' | 'calendar'; object: 'Contact' | 'Event'; id: FolderId }> = [];
  if (syncFolderId && next.contacts && actions.some((a) => /-ex-contact$/.test(a.type) || a.type === 'create-sf-contact')) folders.push({ key: 'contacts', object: 'Contact', id: new FolderId(syncFolderId) });
  if (next.calendar && actions.some((a) => /-ex-event$/.test(a.type))) folders.push({ key: 'calendar', object: 'Event', id: new FolderId(WellKnownFolderName.Calendar) });
  const deletedByUs = new Set(actions.flatMap((a) => (a.type === 'delete-ex-event' ? [a.exId] : [])));
  for (const folder of folders) {
    const ours = new Map(state.pairings.filter((p) => p.object === folder.object).map((p) => [p.exId, p.exChangeKey]));
    const echo = await conn.reader.changes(folder.id, next[folder.key]);
    if (echo.full) continue;
    const foreign = echo.deleted.some((id) => !deletedByUs.has(id)) || echo.upserted.some((c) => ours.get(c.id) !== c.changeKey);
    if (!foreign) next[folder.key] = echo.syncState;
  }
}
