/**
 * @module
 * Resolves the item-id elements requests carry: `<t:ItemId>` (a stored item or an occurrence id),
 * `<t:OccurrenceItemId RecurringMasterId InstanceIndex>` and `<t:RecurringMasterItemId OccurrenceId>` (SIM-EX-04).
 */
import { occurrenceView, deletedOccurrences, seriesZone, viewOf, type ItemView } from '../items/item-view.ts';
import { expandOccurrences } from '../items/recurrence.ts';
import type { RecurrenceValue } from '../items/values.ts';
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { NS, type XmlElement } from '../soap/xml.ts';
import { parseOccurrenceId } from '../store/ids.ts';
import { itemNotFound, StoreError } from '../store/store-error.ts';
import type { StoredItem } from '../store/types.ts';
import type { OperationContext } from './context.ts';

const ID_ELEMENTS = new Set(['ItemId', 'OccurrenceItemId', 'RecurringMasterItemId']);

export function itemIdElements(container: XmlElement | undefined): XmlElement[] {
  return (container?.children ?? []).filter((c) => c.ns === NS.types && ID_ELEMENTS.has(c.name));
}

function master(ctx: OperationContext, id: string): StoredItem {
  const item = ctx.store.itemById(ctx.mailbox.address, id);
  if (!item.props['Recurrence']) throw new StoreError('ErrorItemNotFound', 'The item is not a recurring master.');
  return item;
}

/** An occurrence id → its view; throws ErrorItemNotFound when the occurrence does not (or no longer) exist. */
export function occurrenceById(ctx: OperationContext, id: string): ItemView {
  const parsed = parseOccurrenceId(id);
  const item = parsed ? ctx.store.itemByUid(parsed.masterUid) : undefined;
  if (!parsed || !item || item.mailbox !== ctx.mailbox.address || !item.props['Recurrence']) throw itemNotFound();
  const rec = item.props['Recurrence'] as RecurrenceValue;
  const exists = expandOccurrences(rec, item.props['Start'] as number, parsed.originalStart, seriesZone(item)).includes(parsed.originalStart);
  if (!exists || deletedOccurrences(item).includes(parsed.originalStart)) throw itemNotFound();
  return occurrenceView(item, parsed.originalStart);
}

export function resolveItemView(ctx: OperationContext, el: XmlElement): ItemView {
  const id = el.attrs['Id'] ?? el.attrs['RecurringMasterId'] ?? el.attrs['OccurrenceId'];
  if (!id) throw new StoreError('ErrorInvalidIdMalformed', `${el.name} needs an id attribute.`);
  if (!id.startsWith('AAMkA')) throw new StoreError('ErrorInvalidIdMalformed', `Id "${id}" is malformed.`);
  switch (el.name) {
    case 'ItemId':
      return parseOccurrenceId(id) ? occurrenceById(ctx, id) : viewOf(ctx.store.itemById(ctx.mailbox.address, id));
    case 'OccurrenceItemId': {
      const m = master(ctx, id);
      const index = Number(el.attrs['InstanceIndex']);
      const starts = expandOccurrences(m.props['Recurrence'] as RecurrenceValue, m.props['Start'] as number, undefined, seriesZone(m));
      const start = starts[index - 1];
      if (!Number.isInteger(index) || index < 1 || start === undefined) {
        throw new StoreError('ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange', `InstanceIndex ${el.attrs['InstanceIndex']} is outside the series.`);
      }
      if (deletedOccurrences(m).includes(start)) {
        throw new StoreError('ErrorCalendarOccurrenceIsDeletedFromRecurrence', 'That occurrence was deleted from the series.');
      }
      return occurrenceView(m, start);
    }
    case 'RecurringMasterItemId':
      return viewOf(occurrenceById(ctx, id).item);
    default:
      throw new EwsFault(notImplementedFault(`item id element ${el.name}`));
  }
}

/** True when `view` is an occurrence/exception rather than a stored item. */
export function isOccurrence(view: ItemView): boolean {
  return view.originalStart !== undefined;
}

