/**
 * @module
 * SyncFolderHierarchy: the folders below SyncFolderId (default: the top of the store), as Creates on the first call
 * and as Create/Update/Delete against the folders the SyncState lists afterwards. The state is a checksummed,
 * opaque list of (folder, ChangeKey) — folder counts are small — tied to the store epoch like item SyncStates.
 */
import { hashSeed } from '#util/random.ts';
import { child, NS, tag, textTag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { OperationHandler } from './context.ts';
import { folderIdElements, folderShape, folderXml, resolveFolder } from './folders.ts';
import { batch } from './messages.ts';

const PREFIX = 'H4sIAAAAAAAEAOH';

interface HierarchyState {
  e: string;
  f: string;
  k: Array<[string, string, string]>; // uid, folderId, changeKey
}

function encode(state: HierarchyState): string {
  const json = JSON.stringify(state);
  return PREFIX + Buffer.from(`${hashSeed(0x5eed, `hier:${json}`).toString(36)}.${json}`).toString('base64');
}

function decode(text: string, epoch: string, folderUid: string): HierarchyState {
  const invalid = new StoreError('ErrorInvalidSyncStateData', 'Synchronization state data is corrupt or otherwise invalid (folder hierarchy state).');
  if (!text.startsWith(PREFIX)) throw invalid;
  const raw = Buffer.from(text.slice(PREFIX.length), 'base64').toString('utf8');
  const dot = raw.indexOf('.');
  const json = raw.slice(dot + 1);
  if (dot < 0 || raw.slice(0, dot) !== hashSeed(0x5eed, `hier:${json}`).toString(36)) throw invalid;
  const state = JSON.parse(json) as HierarchyState;
  if (state.e !== epoch || state.f !== folderUid || !Array.isArray(state.k)) throw invalid;
  return state;
}

export const syncFolderHierarchy: OperationHandler = (op, ctx) => {
  const shape = folderShape(op);
  const folderEl = folderIdElements(child(op, NS.messages, 'SyncFolderId'))[0];
  const stateText = child(op, NS.messages, 'SyncState')?.text.trim();
  const out = batch('SyncFolderHierarchy');
  let count = 0;
  out.run(() => {
    const root = folderEl ? resolveFolder(ctx, folderEl) : ctx.store.distinguishedFolder(ctx.mailbox.address, 'msgfolderroot');
    const known = new Map((stateText ? decode(stateText, ctx.store.epoch, root.uid).k : []).map(([uid, id, key]) => [uid, { id, key }]));
    const current = ctx.store.descendantFolders(root.uid);
    let changes = '';
    for (const folder of current) {
      const seen = known.get(folder.uid);
      if (!seen) changes += tag('t:Create', {}, folderXml(ctx, folder, shape));
      else if (seen.key !== folder.changeKey) changes += tag('t:Update', {}, folderXml(ctx, folder, shape));
      known.delete(folder.uid);
    }
    for (const gone of known.values()) changes += tag('t:Delete', {}, tag('t:FolderId', { Id: gone.id, ChangeKey: gone.key }));
    count = current.length;
    const next = encode({ e: ctx.store.epoch, f: root.uid, k: current.map((f) => [f.uid, f.folderId, f.changeKey]) });
    return textTag('m:SyncState', next) + textTag('m:IncludesLastFolderInRange', true) + tag('m:Changes', {}, changes);
  });
  return out.result(false, count);
};
