/**
 * @module
 * SyncFolderItems (SIM-EX-01): no SyncState on the first call (everything is a Create), MaxChangesReturned 1–512,
 * Create/Update/Delete changes coalesced per item, a new opaque SyncState and IncludesLastItemInRange. A state that
 * is tampered with, foreign or from before a reset answers ErrorInvalidSyncStateData.
 */
import { itemXml } from '../items/item-xml.ts';
import { viewOf } from '../items/item-view.ts';
import { EwsFault, schemaValidationFault } from '../soap/fault.ts';
import { child, NS, tag, textTag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import { changesSince } from '../store/sync-state.ts';
import type { OperationHandler } from './context.ts';
import { folderIdElements, resolveFolder } from './folders.ts';
import { itemIdElements } from './item-ids.ts';
import { readItemShape } from './item-shape.ts';
import { batch } from './messages.ts';

export const syncFolderItems: OperationHandler = (op, ctx) => {
  const shape = readItemShape(op, 'find');
  const folderEl = folderIdElements(child(op, NS.messages, 'SyncFolderId'))[0];
  if (!folderEl) throw new StoreError('ErrorInvalidRequest', 'SyncFolderItems needs SyncFolderId.');
  const maxEl = child(op, NS.messages, 'MaxChangesReturned');
  const max = Number(maxEl?.text.trim());
  if (!maxEl || !Number.isInteger(max) || max < 1 || max > 512) {
    throw new EwsFault(
      schemaValidationFault(`MaxChangesReturned must be an integer from 1 to 512; got "${maxEl?.text ?? '(missing)'}".`, maxEl?.line ?? op.line, maxEl?.column ?? op.column),
    );
  }
  // Ignore: items the client does not want reported (their changes are consumed silently, as on Exchange).
  const ignored = new Set(itemIdElements(child(op, NS.messages, 'Ignore')).map((el) => el.attrs['Id'] ?? ''));
  const scope = child(op, NS.messages, 'SyncScope')?.text.trim();
  if (scope !== undefined && scope !== 'NormalItems' && scope !== 'NormalAndAssociatedItems') {
    throw new StoreError('ErrorInvalidRequest', `SyncScope must be NormalItems or NormalAndAssociatedItems; got "${scope}".`);
  }
  const stateText = child(op, NS.messages, 'SyncState')?.text.trim();
  const out = batch('SyncFolderItems');
  let count = 0;
  out.run(() => {
    const folder = resolveFolder(ctx, folderEl);
    const result = changesSince(ctx.store, folder.uid, stateText || undefined, max);
    const visible = result.changes.filter((c) => !ignored.has(c.type === 'Delete' ? c.itemId : c.item.itemId));
    count = visible.length;
    const changes = visible
      .map((c) =>
        c.type === 'Delete'
          ? tag('t:Delete', {}, tag('t:ItemId', { Id: c.itemId, ChangeKey: c.changeKey }))
          : tag(`t:${c.type}`, {}, itemXml(ctx.store, viewOf(c.item), shape)),
      )
      .join('');
    return textTag('m:SyncState', result.state) + textTag('m:IncludesLastItemInRange', result.includesLastItemInRange) + tag('m:Changes', {}, changes);
  });
  return out.result(false, count);
};
