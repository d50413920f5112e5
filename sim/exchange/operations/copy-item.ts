/**
 * @module
 * CopyItem: a new item (new uid, ItemId and ChangeKey) with the same properties and extended properties in the
 * target folder; the source is untouched. Occurrences cannot be copied on their own.
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

export const copyItem: OperationHandler = (op, ctx) => {
  const targetEl = folderIdElements(child(op, NS.messages, 'ToFolderId'))[0];
  if (!targetEl) throw new StoreError('ErrorInvalidRequest', 'CopyItem needs ToFolderId.');
  requireChildren(child(op, NS.messages, 'ItemIds'), op, 'ItemIds', "'ItemId'");
  const ids = itemIdElements(child(op, NS.messages, 'ItemIds'));
  const out = batch('CopyItem');
  let copied = 0;
  for (const idEl of ids) {
    const ok = out.run(() => {
      const target = resolveFolder(ctx, targetEl);
      const view = resolveItemView(ctx, idEl);
      if (isOccurrence(view)) throw new StoreError('ErrorInvalidOperation', 'A single occurrence of a series cannot be copied; copy the series.');
      const source = view.item;
      const copy = ctx.store.createItem({ mailbox: ctx.mailbox.address, folderUid: target.uid, kind: source.kind, props: structuredClone(source.props), extended: structuredClone(source.extended) });
      return `<m:Items>${tag(copy.kind === 'Contact' ? 't:Contact' : 't:CalendarItem', {}, itemIdXml(viewOf(copy)))}</m:Items>`;
    }, '<m:Items/>');
    if (ok) copied++;
  }
  return out.result(copied > 0, copied);
};
