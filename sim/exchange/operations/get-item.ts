/**
 * @module
 * GetItem: one ResponseMessage per id; a missing id is an ErrorItemNotFound message with `<m:Items/>`
 * (capture resp-21), the others succeed.
 */
import { itemXml } from '../items/item-xml.ts';
import { child, NS } from '../soap/xml.ts';
import type { OperationHandler } from './context.ts';
import { itemIdElements, resolveItemView } from './item-ids.ts';
import { readItemShape } from './item-shape.ts';
import { batch } from './messages.ts';
import { requireChildren } from './require-children.ts';

export const getItem: OperationHandler = (op, ctx) => {
  const shape = readItemShape(op, 'get');
  requireChildren(child(op, NS.messages, 'ItemIds'), op, 'ItemIds', "'ItemId', 'OccurrenceItemId', 'RecurringMasterItemId'");
  const ids = itemIdElements(child(op, NS.messages, 'ItemIds'));
  const out = batch('GetItem');
  for (const idEl of ids) {
    out.run(() => `<m:Items>${itemXml(ctx.store, resolveItemView(ctx, idEl), shape)}</m:Items>`, '<m:Items/>');
  }
  return out.result(false, ids.length);
};
