/**
 * @module
 * Meeting delivery inside the tenant. When an organizer creates, updates or cancels a meeting with a send mode that
 * reaches attendees, every attendee whose mailbox lives in this sim gets the change in their default calendar — the
 * way two reps see the same meeting (EVT-09, EVT-10): the attendee copy has the organizer's address as Organizer,
 * is Tentative until answered, and turns IsCancelled when the organizer cancels. Attendees outside the sim receive
 * nothing (no transport is modelled). Copies are linked by the organizer's item uid in the hidden `_meeting` prop.
 */
import type { AttendeeValue } from '../items/values.ts';
import type { ExchangeStore } from '../store/store.ts';
import type { StoredItem } from '../store/types.ts';

/** Properties an attendee copy mirrors from the organizer's item. */
const MIRRORED = ['Subject', 'Body', 'Start', 'End', 'IsAllDayEvent', 'Location', 'Sensitivity', 'RequiredAttendees', 'OptionalAttendees', 'Recurrence', 'DeletedOccurrences', 'ModifiedOccurrences', 'StartTimeZone', 'EndTimeZone'];

export const SENDS_TO_ATTENDEES = new Set(['SendOnlyToAll', 'SendToAllAndSaveCopy', 'SendOnlyToChanged', 'SendToChangedAndSaveCopy']);

function attendees(item: StoredItem): string[] {
  const list = [...((item.props['RequiredAttendees'] as AttendeeValue[] | undefined) ?? []), ...((item.props['OptionalAttendees'] as AttendeeValue[] | undefined) ?? [])];
  return [...new Set(list.map((a) => a.address.toLowerCase()))].filter((a) => a !== item.mailbox);
}

function isOrganizer(item: StoredItem): boolean {
  const organizer = item.props['Organizer'] as { address: string } | undefined;
  return item.kind === 'CalendarItem' && (!organizer || organizer.address.toLowerCase() === item.mailbox);
}

function copiesOf(store: ExchangeStore, item: StoredItem): StoredItem[] {
  return store.allItems().filter((i) => (i.props['_meeting'] as string | undefined) === item.uid);
}

function mirror(item: StoredItem): Record<string, unknown> {
  return Object.fromEntries(MIRRORED.filter((k) => item.props[k] !== undefined).map((k) => [k, structuredClone(item.props[k])]));
}

/** After CreateItem / UpdateItem: create or refresh the attendee copies. Returns how many mailboxes were written. */
export function deliverMeeting(store: ExchangeStore, item: StoredItem, sendMode: string | undefined): number {
  if (!sendMode || !SENDS_TO_ATTENDEES.has(sendMode) || !isOrganizer(item)) return 0;
  const existing = new Map(copiesOf(store, item).map((c) => [c.mailbox, c]));
  let written = 0;
  for (const address of attendees(item)) {
    if (!store.mailbox(address)) continue;
    const copy = existing.get(address);
    const props = { ...mirror(item), Organizer: { address: item.mailbox }, _meeting: item.uid };
    if (copy) {
      store.updateItem(copy.uid, (c) => {
        c.props = { ...c.props, ...props };
      });
    } else {
      const calendar = store.distinguishedFolder(address, 'calendar');
      store.createItem({ mailbox: address, folderUid: calendar.uid, kind: 'CalendarItem', props: { ...props, LegacyFreeBusyStatus: 'Tentative' } });
    }
    written++;
  }
  return written;
}

/** Before DeleteItem of the organizer's meeting: attendee copies become cancelled meetings. */
export function cancelMeeting(store: ExchangeStore, item: StoredItem, sendMode: string | undefined): number {
  if (!sendMode || !SENDS_TO_ATTENDEES.has(sendMode) || !isOrganizer(item)) return 0;
  const copies = copiesOf(store, item);
  for (const copy of copies) {
    store.updateItem(copy.uid, (c) => {
      c.props = { ...c.props, IsCancelled: true, LegacyFreeBusyStatus: 'Free', Subject: `Canceled: ${(c.props['Subject'] as string | undefined) ?? ''}` };
    });
  }
  return copies.length;
}
