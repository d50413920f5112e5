/**
 * @module
 * UpdateItem (SIM-EX-02). ConflictResolution NeverOverwrite with a stale ChangeKey → ErrorIrresolvableConflict;
 * AutoResolve (the default) and AlwaysOverwrite apply the change anyway. Every successful update gives a new
 * ChangeKey. Updating an occurrence turns it into an exception of its series (SIM-EX-04).
 */
import { applyUpdate, type Draft } from '../items/apply-update.ts';
import { itemIdXml } from '../items/item-xml.ts';
import { viewOf, type ItemView } from '../items/item-view.ts';
import type { ModifiedOccurrenceValue } from '../items/values.ts';
import { child, children, NS, tag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { OperationContext, OperationHandler } from './context.ts';
import { normalizeTimes } from './create-item.ts';
import { isOccurrence, itemIdElements, resolveItemView } from './item-ids.ts';
import { batch } from './messages.ts';
import { deliverMeeting } from './meeting-delivery.ts';
import { requireChildren } from './require-children.ts';

const MODES = ['NeverOverwrite', 'AutoResolve', 'AlwaysOverwrite'];
const INVITATIONS = ['SendToNone', 'SendOnlyToAll', 'SendOnlyToChanged', 'SendToAllAndSaveCopy', 'SendToChangedAndSaveCopy'];
/** Properties an exception may override on its occurrence. */
const EXCEPTION_PROPS = new Set(['Subject', 'Body', 'Start', 'End', 'Location', 'Sensitivity', 'LegacyFreeBusyStatus', 'IsAllDayEvent', 'Categories', 'Importance']);

export const updateItem: OperationHandler = (op, ctx) => {
  const mode = op.attrs['ConflictResolution'] ?? 'AutoResolve';
  if (!MODES.includes(mode)) throw new StoreError('ErrorInvalidRequest', `ConflictResolution must be one of ${MODES.join(', ')}; got "${mode}".`);
  const invitations = op.attrs['SendMeetingInvitationsOrCancellations'];
  if (invitations !== undefined && !INVITATIONS.includes(invitations)) {
    throw new StoreError('ErrorInvalidRequest', `SendMeetingInvitationsOrCancellations must be one of ${INVITATIONS.join(', ')}.`);
  }
  const changes = requireChildren(child(op, NS.messages, 'ItemChanges'), op, 'ItemChanges', "'ItemChange'");
  for (const change of changes) requireChildren(child(change, NS.types, 'Updates'), change, 'Updates', "'AppendToItemField', 'SetItemField', 'DeleteItemField'");
  const out = batch('UpdateItem');
  let updated = 0;
  for (const change of changes) {
    const ok = out.run(() => {
      const idEl = itemIdElements(change)[0];
      if (!idEl) throw new StoreError('ErrorInvalidIdEmpty', 'ItemChange needs an ItemId.');
      const view = resolveItemView(ctx, idEl);
      const sentKey = idEl.attrs['ChangeKey'];
      if (view.item.kind === 'CalendarItem' && invitations === undefined) {
        throw new StoreError('ErrorSendMeetingInvitationsOrCancellationsRequired', 'The SendMeetingInvitationsOrCancellations attribute is required for calendar items.');
      }
      if (mode === 'NeverOverwrite' && sentKey === undefined) {
        throw new StoreError('ErrorChangeKeyRequiredForWriteOperations', 'ConflictResolution NeverOverwrite needs the ChangeKey you hold.');
      }
      const stale = sentKey !== undefined && sentKey !== view.changeKey;
      if (stale && mode === 'NeverOverwrite') {
        throw new StoreError('ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
      }
      const updates = child(change, NS.types, 'Updates')?.children ?? [];
      const result = isOccurrence(view) ? updateOccurrence(ctx, view, updates) : updateStored(ctx, view, updates);
      if (result.item.kind === 'CalendarItem') deliverMeeting(ctx.store, result.item, invitations);
      const element = result.item.kind === 'Contact' ? 't:Contact' : 't:CalendarItem';
      return (
        `<m:Items>${tag(element, {}, itemIdXml(result))}</m:Items>` +
        `<m:ConflictResults><t:Count>${stale ? 1 : 0}</t:Count></m:ConflictResults>`
      );
    }, '<m:Items/>');
    if (ok) updated++;
  }
  return out.result(updated > 0, updated);
};

function draftOf(view: ItemView): Draft {
  return { kind: view.item.kind, props: structuredClone(view.props), extended: structuredClone(view.item.extended) };
}

function updateStored(ctx: OperationContext, view: ItemView, updates: ReturnType<typeof children>): ItemView {
  const draft = draftOf(view);
  for (const u of updates) applyUpdate(draft, u);
  if (draft.kind === 'CalendarItem') normalizeTimes(draft.props, ctx.clock.now(), ctx.request.timeZone?.id);
  const recurrenceChanged = JSON.stringify(draft.props['Recurrence']) !== JSON.stringify(view.props['Recurrence']);
  if (recurrenceChanged) {
    // A new pattern invalidates the old exceptions and deletions, as in Outlook/Exchange.
    delete draft.props['ModifiedOccurrences'];
    delete draft.props['DeletedOccurrences'];
  }
  const item = ctx.store.updateItem(view.item.uid, (i) => {
    i.props = draft.props;
    i.extended = draft.extended;
  });
  return viewOf(item);
}

function updateOccurrence(ctx: OperationContext, view: ItemView, updates: ReturnType<typeof children>): ItemView {
  const draft = draftOf(view);
  for (const u of updates) applyUpdate(draft, u);
  normalizeTimes(draft.props, ctx.clock.now(), ctx.request.timeZone?.id);
  const overrides: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft.props)) {
    if (JSON.stringify(value) === JSON.stringify(view.props[key])) continue;
    if (!EXCEPTION_PROPS.has(key)) throw new StoreError('ErrorInvalidPropertySet', `${key} cannot be changed on a single occurrence; update the series.`);
    overrides[key] = value;
  }
  const originalStart = view.originalStart!;
  const master = ctx.store.updateItem(view.item.uid, (i) => {
    const mods = [...((i.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[] | undefined) ?? [])];
    const existing = mods.find((m) => m.originalStart === originalStart);
    if (existing) {
      existing.props = { ...existing.props, ...overrides };
      existing.version++;
    } else mods.push({ originalStart, uid: `${i.uid}@${originalStart}`, version: 1, props: overrides });
    i.props = { ...i.props, ModifiedOccurrences: mods };
  });
  const mod = (master.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[]).find((m) => m.originalStart === originalStart)!;
  return { ...view, item: master, changeKey: `${master.changeKey}.${mod.version}` };
}
