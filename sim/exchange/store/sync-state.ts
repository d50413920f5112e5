/**
 * @module
 * SyncFolderItems state (SIM-EX-01). A SyncState is an opaque base64 string holding the folder, the journal position
 * the client has seen, the store epoch, and the few items it was already shown beyond that position — plus a
 * checksum. Because it only points into the journal (which snapshots carry), it stays valid across a restore; a
 * tampered, foreign or pre-reset state is refused with ErrorInvalidSyncStateData.
 */
import { hashSeed } from '#util/random.ts';
import type { ExchangeStore } from './store.ts';
import { StoreError } from './store-error.ts';
import type { JournalEntry, StoredItem } from './types.ts';

interface StatePayload {
  v: 1;
  e: string;
  f: string;
  p: number;
  /** Items already reported with this version although some of their journal entries lie beyond `p`. */
  o: Array<[string, number]>;
}

const PREFIX = 'H4sIAAAAAAAEAO'; // looks like Exchange's gzip-base64 states; purely cosmetic

export function encodeSyncState(payload: Omit<StatePayload, 'v'>): string {
  const json = JSON.stringify({ v: 1, ...payload });
  const sum = checksum(json);
  return PREFIX + Buffer.from(`${sum}.${json}`, 'utf8').toString('base64');
}

export function decodeSyncState(state: string, expected: { epoch: string; folderUid: string; seq: number }): StatePayload {
  const invalid = (why: string): StoreError =>
    new StoreError('ErrorInvalidSyncStateData', `Synchronization state data is corrupt or otherwise invalid (${why}).`);
  if (!state.startsWith(PREFIX)) throw invalid('not a state this server issued');
  let text: string;
  try {
    text = Buffer.from(state.slice(PREFIX.length), 'base64').toString('utf8');
  } catch {
    throw invalid('not base64');
  }
  const dot = text.indexOf('.');
  const json = text.slice(dot + 1);
  if (dot < 0 || text.slice(0, dot) !== checksum(json)) throw invalid('checksum mismatch');
  let payload: StatePayload;
  try {
    payload = JSON.parse(json) as StatePayload;
  } catch {
    throw invalid('unreadable');
  }
  if (payload.v !== 1 || !Array.isArray(payload.o)) throw invalid('unknown version');
  if (payload.e !== expected.epoch) throw invalid('issued before the mailbox store was reset');
  if (payload.f !== expected.folderUid) throw invalid('issued for a different folder');
  if (!(payload.p >= 0 && payload.p <= expected.seq)) throw invalid('position beyond the journal');
  return payload;
}

function checksum(json: string): string {
  return hashSeed(0x5eed, `syncstate:${json}`).toString(36);
}

export type SyncChange =
  | { type: 'Create' | 'Update'; item: StoredItem }
  | { type: 'Delete'; itemId: string; changeKey: string };

export interface SyncResult {
  changes: SyncChange[];
  state: string;
  includesLastItemInRange: boolean;
}

/**
 * Changes in `folderUid` since `state` (none = everything currently there, as Creates), at most `max`, coalesced per
 * item: an item created and deleted since the state is not reported; created-then-updated is one Create.
 */
export function changesSince(store: ExchangeStore, folderUid: string, state: string | undefined, max: number): SyncResult {
  const base = state
    ? decodeSyncState(state, { epoch: store.epoch, folderUid, seq: store.seq })
    : { v: 1 as const, e: store.epoch, f: folderUid, p: 0, o: [] };
  const shown = new Map(base.o);
  const journal = store.journal(folderUid);

  // Per item: did it exist in the folder at position p, its first and last entry after p, its last known id.
  const before = new Map<string, JournalEntry>();
  const after = new Map<string, { first: number; last: JournalEntry }>();
  for (const entry of journal) {
    if (entry.seq <= base.p) before.set(entry.uid, entry);
    else {
      const seen = after.get(entry.uid);
      after.set(entry.uid, { first: seen?.first ?? entry.seq, last: entry });
    }
  }

  const pending: Array<{ first: number; lastSeq: number; change: SyncChange; uid: string; version?: number }> = [];
  for (const [uid, window] of after) {
    const existed = before.has(uid) && before.get(uid)!.op !== 'delete';
    const item = store.itemByUid(uid);
    const present = item !== undefined && item.folderUid === folderUid;
    if (present) {
      if (shown.get(uid) === item.version) continue;
      const earlier = before.get(uid);
      if (existed && earlier && earlier.itemId !== item.itemId) {
        // Moved out and back: the client knows the old ItemId, which is gone. Exchange reports Delete + Create.
        pending.push({ first: window.first, lastSeq: window.last.seq, change: { type: 'Delete', itemId: earlier.itemId, changeKey: earlier.changeKey }, uid });
        pending.push({ first: window.first, lastSeq: window.last.seq, change: { type: 'Create', item }, uid, version: item.version });
        continue;
      }
      const type = existed || shown.has(uid) ? 'Update' : 'Create';
      pending.push({ first: window.first, lastSeq: window.last.seq, change: { type, item }, uid, version: item.version });
    } else if (existed || shown.has(uid)) {
      const last = window.last;
      const lastId = last.op === 'delete' ? last.itemId : (before.get(uid)?.itemId ?? last.itemId);
      pending.push({ first: window.first, lastSeq: last.seq, change: { type: 'Delete', itemId: lastId, changeKey: last.changeKey }, uid });
    }
  }
  pending.sort((a, b) => a.first - b.first);

  const taken = pending.slice(0, max);
  const more = pending.length > max;
  const position = more ? pending[max]!.first - 1 : store.seq;
  const overhang: Array<[string, number]> = [];
  for (const p of taken) if (p.lastSeq > position && p.version !== undefined) overhang.push([p.uid, p.version]);
  // Items shown earlier whose entries still lie beyond the new position must stay remembered, or they repeat.
  for (const [uid, version] of shown) {
    const window = after.get(uid);
    if (window && window.last.seq > position && !taken.some((t) => t.uid === uid)) overhang.push([uid, version]);
  }
  return {
    changes: taken.map((p) => p.change),
    state: encodeSyncState({ e: store.epoch, f: folderUid, p: position, o: overhang }),
    includesLastItemInRange: !more,
  };
}
