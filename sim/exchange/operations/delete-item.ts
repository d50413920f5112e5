/**
 * @module
 * DeleteItem: HardDelete / SoftDelete remove the item from every folder view; MoveToDeletedItems moves it (new
 * ItemId). Deleting an occurrence records a deleted occurrence on its master (SIM-EX-04). Calendar items need
 * SendMeetingCancellations, as on Exchange.
 */
import { child, NS } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { DeleteMode } from '../store/store.ts';
import type { OperationHandler } from './context.ts';
import { isOccurrence, itemIdElements, resolveItemView } from './item-ids.ts';
import { batch } from './messages.ts';
import { cancelMeeting } from './meeting-delivery.ts';
import { requireChildren } from './require-children.ts';

const MODES: DeleteMode[] = ['HardDelete', 'SoftDelete', 'MoveToDeletedItems'];
const CANCELLATIONS = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'];

export const deleteItem: OperationHandler = (op, ctx) => {
  const mode = op.attrs['DeleteType'] as DeleteMode | undefined;
  if (!mode || !MODES.includes(mode)) throw new StoreError('ErrorInvalidRequest', `DeleteType must be one of ${MODES.join(', ')}; got "${mode ?? ''}".`);
  const cancellations = op.attrs['SendMeetingCancellations'];
  if (cancellations !== undefined && !CANCELLATIONS.includes(cancellations)) {
    throw new StoreError('ErrorInvalidRequest', `SendMeetingCancellations must be one of ${CANCELLATIONS.join(', ')}.`);
  }
  requireChildren(child(op, NS.messages, 'ItemIds'), op, 'ItemIds', "'ItemId', 'OccurrenceItemId', 'RecurringMasterItemId'");
  const ids = itemIdElements(child(op, NS.messages, 'ItemIds'));
  const out = batch('DeleteItem');
  let deleted = 0;
  for (const idEl of ids) {
    const ok = out.run(() => {
      const view = resolveItemView(ctx, idEl);
      if (view.item.kind === 'CalendarItem' && cancellations === undefined) {
        throw new StoreError('ErrorSendMeetingCancellationsRequired', 'The SendMeetingCancellations attribute is required for calendar items.');
      }
      if (isOccurrence(view)) {
        const start = view.originalStart!;
        ctx.store.updateItem(view.item.uid, (m) => {
          const deletedList = [...((m.props['DeletedOccurrences'] as number[] | undefined) ?? []), start].sort((a, b) => a - b);
          const mods = ((m.props['ModifiedOccurrences'] as Array<{ originalStart: number }> | undefined) ?? []).filter((x) => x.originalStart !== start);
          m.props = { ...m.props, DeletedOccurrences: deletedList, ModifiedOccurrences: mods };
        });
      } else {
        if (view.item.kind === 'CalendarItem') cancelMeeting(ctx.store, view.item, cancellations);
        ctx.store.deleteItem(view.item.uid, mode);
      }
      return '';
    });
    if (ok) deleted++;
  }
  return out.result(deleted > 0, deleted);
};
