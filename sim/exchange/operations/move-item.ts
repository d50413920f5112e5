/**
 * @module
 * MoveItem: the moved item gets a NEW ItemId (SIM-EX-02); the old id is not found afterwards. The source folder's
 * SyncFolderItems reports a Delete, the target's a Create.
 */
import { itemIdXml } from '../items/item-xml.ts';
import { viewOf } from '../items/item-view.ts';
import { child, NS, tag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { OperationHandler } from './context.ts';
import { folderIdElements, resolveFolder } from './folders.ts';
import { isOccurrence, itemIdElements, resolveItemView } from './item-ids.ts';
import { batch } from './messages.ts';
import { requireChildren } from './require-children.ts';

export const moveItem: OperationHandler = (op, ctx) => {
  const targetEl = folderIdElements(child(op, NS.messages, 'ToFolderId'))[0];
  if (!targetEl) throw new StoreError('ErrorInvalidRequest', 'MoveItem needs ToFolderId.');
  requireChildren(child(op, NS.messages, 'ItemIds'), op, 'ItemIds', "'ItemId'");
  const ids = itemIdElements(child(op, NS.messages, 'ItemIds'));
  const out = batch('MoveItem');
  let moved = 0;
  for (const idEl of ids) {
    const ok = out.run(() => {
      const target = resolveFolder(ctx, targetEl);
      const view = resolveItemView(ctx, idEl);
      if (isOccurrence(view)) throw new StoreError('ErrorInvalidOperation', 'A single occurrence of a series cannot be moved; move the series.');
      const item = ctx.store.moveItem(view.item.uid, target.uid);
      return `<m:Items>${tag(item.kind === 'Contact' ? 't:Contact' : 't:CalendarItem', {}, itemIdXml(viewOf(item)))}</m:Items>`;
    }, '<m:Items/>');
    if (ok) moved++;
  }
  return out.result(moved > 0, moved);
};
