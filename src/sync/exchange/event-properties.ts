/**
 * @module
 * Appointment ⇄ ExEvent. Reads a fixed, small property set (what the event mappings of EVT-12 and the rules need:
 * times, sensitivity, type, organizer, attendees, the logged-to-Salesforce marker and the stamps); writes only the
 * fields a planned action sets, every text escaped (the client does not escape).
 */
import {
  Appointment, AppointmentSchema, AppointmentType, BasePropertySet, BodyType, DateTime, ItemSchema, LegacyFreeBusyStatus,
  MessageBody, PropertySet, Sensitivity,
} from 'ews-javascript-api';
import type { ExEvent, ExSensitivity } from '../model.ts';
import { EXTENDED, readExtended } from './extended-properties.ts';
import { recurrenceToRrule } from './recurrence-rrule.ts';
import { escapeXmlText } from './xml-text.ts';

export function eventPropertySet(): PropertySet {
  const set = new PropertySet(BasePropertySet.IdOnly, [
    ItemSchema.Subject, ItemSchema.Body, ItemSchema.LastModifiedTime, ItemSchema.Sensitivity,
    AppointmentSchema.Location, AppointmentSchema.Start, AppointmentSchema.End, AppointmentSchema.IsAllDayEvent,
    AppointmentSchema.LegacyFreeBusyStatus, AppointmentSchema.AppointmentType, AppointmentSchema.Organizer,
    AppointmentSchema.RequiredAttendees, AppointmentSchema.OptionalAttendees, AppointmentSchema.IsMeeting, AppointmentSchema.Recurrence,
    EXTENDED.loggedToSalesforce, EXTENDED.salesforceOrgId, EXTENDED.salesforceRecordId,
  ]);
  set.RequestedBodyType = BodyType.Text;
  return set;
}

const TYPE_NAMES: Record<number, ExEvent['calendarItemType']> = {
  [AppointmentType.Single]: 'Single',
  [AppointmentType.Occurrence]: 'Occurrence',
  [AppointmentType.Exception]: 'Exception',
  [AppointmentType.RecurringMaster]: 'RecurringMaster',
};

export function readEvent(item: Appointment, calendar: string): ExEvent {
  const ext = readExtended(item);
  const attendees: string[] = [];
  for (const list of [safe(() => item.RequiredAttendees), safe(() => item.OptionalAttendees)]) {
    for (const attendee of list?.GetEnumerator?.() ?? []) if (attendee?.Address) attendees.push(attendee.Address);
  }
  const type = TYPE_NAMES[safe(() => item.AppointmentType) ?? AppointmentType.Single] ?? 'Single';
  return {
    itemId: item.Id.UniqueId,
    changeKey: item.Id.ChangeKey,
    lastModified: iso(safe(() => item.LastModifiedTime)) ?? new Date(0).toISOString(),
    calendar,
    subject: orNull(safe(() => item.Subject)),
    body: orNull(safe(() => item.Body?.Text)),
    location: orNull(safe(() => item.Location)),
    start: iso(safe(() => item.Start)) ?? '',
    end: iso(safe(() => item.End)) ?? '',
    isAllDay: safe(() => item.IsAllDayEvent) === true,
    sensitivity: (Sensitivity[safe(() => item.Sensitivity) ?? Sensitivity.Normal] ?? 'Normal') as ExSensitivity,
    freeBusy: orNull(LegacyFreeBusyStatus[safe(() => item.LegacyFreeBusyStatus) ?? -1]),
    calendarItemType: type,
    recurrence: type === 'RecurringMaster' ? recurrenceToRrule(safe(() => item.Recurrence)) : null,
    organizer: orNull(safe(() => item.Organizer?.Address)),
    attendees,
    isMeeting: safe(() => item.IsMeeting) === true,
    loggedToSalesforce: ext.loggedToSalesforce,
    ...(ext.stampedOrgId ? { stampedOrgId: ext.stampedOrgId } : {}),
    ...(ext.stampedRecordId ? { stampedRecordId: ext.stampedRecordId } : {}),
  };
}

/** Writes the set fields of a planned event onto an Appointment (create or update). */
export function writeEvent(item: Appointment, event: Partial<ExEvent>): void {
  if (event.subject !== undefined) item.Subject = text(event.subject);
  if (event.body !== undefined) item.Body = new MessageBody(BodyType.Text, text(event.body));
  if (event.location !== undefined) item.Location = text(event.location);
  if (event.start !== undefined) item.Start = DateTime.Parse(event.start);
  if (event.end !== undefined) item.End = DateTime.Parse(event.end);
  if (event.isAllDay !== undefined) item.IsAllDayEvent = event.isAllDay;
  if (event.sensitivity !== undefined) item.Sensitivity = Sensitivity[event.sensitivity];
  if (event.freeBusy !== undefined && event.freeBusy !== null) {
    const status = LegacyFreeBusyStatus[event.freeBusy as keyof typeof LegacyFreeBusyStatus];
    if (status === undefined) throw new Error(`event free/busy "${event.freeBusy}" is not an EWS LegacyFreeBusyStatus (Free, Tentative, Busy, OOF, WorkingElsewhere, NoData)`);
    item.LegacyFreeBusyStatus = status;
  }
}

function text(value: string | null): string {
  return value === null ? '' : escapeXmlText(value);
}

function orNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

function iso(value: DateTime | null | undefined): string | undefined {
  return value ? value.ToISOString() : undefined;
}

/** Properties not returned by the server throw on access in ews-javascript-api. */
function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
