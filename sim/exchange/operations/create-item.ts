/**
 * @module
 * CreateItem: batches of Contacts and CalendarItems into SavedItemFolderId (default: Contacts / Calendar). Each item
 * answers on its own ResponseMessage; the client copies ItemId and ChangeKey back into its objects (capture 09–12).
 * Calendar items need SendMeetingInvitations, as on Exchange; the TimeZoneContext header becomes StartTimeZone.
 */
import { itemIdXml } from '../items/item-xml.ts';
import { ianaZone, normalizeAllDay } from '../items/time-zones.ts';
import { parseItem } from '../items/item-parse.ts';
import { viewOf } from '../items/item-view.ts';
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, NS, tag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { OperationHandler } from './context.ts';
import { folderIdElements, resolveFolder } from './folders.ts';
import { batch } from './messages.ts';
import { deliverMeeting } from './meeting-delivery.ts';
import { requireChildren } from './require-children.ts';

const DISPOSITIONS = ['SaveOnly', 'SendOnly', 'SendAndSaveCopy'];
const INVITATIONS = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'];

export const createItem: OperationHandler = (op, ctx) => {
  const disposition = op.attrs['MessageDisposition'];
  const invitations = op.attrs['SendMeetingInvitations'];
  if (disposition !== undefined && !DISPOSITIONS.includes(disposition)) {
    throw new StoreError('ErrorInvalidRequest', `MessageDisposition must be one of ${DISPOSITIONS.join(', ')}; got "${disposition}".`);
  }
  if (invitations !== undefined && !INVITATIONS.includes(invitations)) {
    throw new StoreError('ErrorInvalidRequest', `SendMeetingInvitations must be one of ${INVITATIONS.join(', ')}; got "${invitations}".`);
  }
  const folderEl = folderIdElements(child(op, NS.messages, 'SavedItemFolderId'))[0];
  const items = requireChildren(child(op, NS.messages, 'Items'), op, 'Items', "'Contact', 'CalendarItem', …");
  const out = batch('CreateItem');
  let created = 0;
  for (const itemEl of items) {
    if (itemEl.ns === NS.types && itemEl.name !== 'Contact' && itemEl.name !== 'CalendarItem') {
      throw new EwsFault(notImplementedFault(`CreateItem of ${itemEl.name} (the sim models Contact and CalendarItem)`));
    }
    const ok = out.run(() => {
      const parsed = parseItem(itemEl);
      if (parsed.kind === 'CalendarItem') {
        if (invitations === undefined) {
          throw new StoreError('ErrorSendMeetingInvitationsRequired', 'The SendMeetingInvitations attribute is required for calendar items.');
        }
        if (ctx.request.timeZone && parsed.props['StartTimeZone'] === undefined) parsed.props['StartTimeZone'] = ctx.request.timeZone.id;
        normalizeTimes(parsed.props, ctx.clock.now());
      }
      const folder = folderEl
        ? resolveFolder(ctx, folderEl)
        : ctx.store.distinguishedFolder(ctx.mailbox.address, parsed.kind === 'Contact' ? 'contacts' : 'calendar');
      const item = ctx.store.createItem({ mailbox: ctx.mailbox.address, folderUid: folder.uid, kind: parsed.kind, props: parsed.props, extended: parsed.extended });
      if (item.kind === 'CalendarItem') deliverMeeting(ctx.store, item, invitations);
      return `<m:Items>${tag(item.kind === 'Contact' ? 't:Contact' : 't:CalendarItem', {}, itemIdXml(viewOf(item)))}</m:Items>`;
    }, '<m:Items/>');
    if (ok) created++;
  }
  return out.result(created > 0, created);
};

/**
 * Exchange fills a missing Start/End (now, +30 min), refuses an End before the Start, and stores all-day events from
 * local midnight to local midnight in the event's time zone (StartTimeZone, else the request's TimeZoneContext).
 */
export function normalizeTimes(props: Record<string, unknown>, now: number, contextZone?: string): void {
  const start = (props['Start'] as number | undefined) ?? (props['End'] as number | undefined) ?? now;
  const end = (props['End'] as number | undefined) ?? start + 30 * 60_000;
  if (end < start) throw new StoreError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate.');
  if (props['IsAllDayEvent'] === true) {
    const zone = ianaZone(props['StartTimeZone'] as string | undefined) ?? ianaZone(contextZone) ?? 'UTC';
    const day = normalizeAllDay(start, end, zone);
    props['Start'] = day.start;
    props['End'] = day.end;
    return;
  }
  props['Start'] = start;
  props['End'] = end;
}
