/**
 * @module
 * Maps the scenario-facing ContactSpec / EventSpec / RecurrenceSpec (camelCase, world.ts) onto stored EWS props.
 * Bad input throws an Error naming the mailbox, the item and what to write instead.
 */
import { toEpochMs } from '#time/clock.ts';
import { extendedKey } from '../items/property-path.ts';
import { ianaZone, offsetAt } from '../items/time-zones.ts';
import type { PhysicalAddressValue, RecurrenceValue, ModifiedOccurrenceValue } from '../items/values.ts';
import type { ExtendedValue, ItemProps } from '../store/types.ts';
import { EXTENDED_PROPERTIES, type ContactSpec, type EventSpec, type PhysicalAddressSpec, type RecurrenceSpec } from '../world.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function address(spec: PhysicalAddressSpec | undefined): PhysicalAddressValue | undefined {
  if (!spec) return undefined;
  const out: PhysicalAddressValue = {};
  if (spec.street) out.Street = spec.street;
  if (spec.city) out.City = spec.city;
  if (spec.state) out.State = spec.state;
  if (spec.postalCode) out.PostalCode = spec.postalCode;
  if (spec.countryOrRegion) out.CountryOrRegion = spec.countryOrRegion;
  return out;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)));
}

export function contactProps(spec: ContactSpec): ItemProps {
  return compact({
    GivenName: spec.givenName,
    MiddleName: spec.middleName,
    Surname: spec.surname,
    CompanyName: spec.companyName,
    JobTitle: spec.jobTitle,
    Department: spec.department,
    AssistantName: spec.assistantName,
    Birthday: spec.birthday ? toEpochMs(spec.birthday) : undefined,
    Body: spec.body !== undefined ? { type: 'Text', text: spec.body } : undefined,
    Categories: spec.categories?.length ? spec.categories : undefined,
    EmailAddresses: compact({ EmailAddress1: spec.email1, EmailAddress2: spec.email2, EmailAddress3: spec.email3 }),
    PhoneNumbers: compact({
      BusinessPhone: spec.businessPhone,
      MobilePhone: spec.mobilePhone,
      HomePhone: spec.homePhone,
      BusinessFax: spec.businessFax,
      AssistantPhone: spec.assistantPhone,
    }),
    PhysicalAddresses: compact({ Business: address(spec.businessAddress), Home: address(spec.homeAddress) }),
  });
}

/** `zone` (IANA): the series' own zone, so its start date and default day/month are local ones. */
export function recurrenceValue(spec: RecurrenceSpec, start: number, where: string, zone?: string): RecurrenceValue {
  const d = new Date(zone ? start + offsetAt(start, zone) : start);
  const interval = spec.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1) throw new Error(`${where}: recurrence.interval must be a positive integer, got ${spec.interval}`);
  const startDate = d.toISOString().slice(0, 10);
  const pattern: RecurrenceValue['pattern'] = (() => {
    switch (spec.pattern) {
      case 'daily':
        return { kind: 'Daily' as const, interval };
      case 'weekly': {
        const days = spec.daysOfWeek?.length ? spec.daysOfWeek : [DAYS[d.getUTCDay()]!];
        for (const day of days) if (!DAYS.includes(day)) throw new Error(`${where}: recurrence.daysOfWeek has "${day}"; use ${DAYS.join(', ')}`);
        return { kind: 'Weekly' as const, interval, daysOfWeek: days };
      }
      case 'monthly':
        return { kind: 'AbsoluteMonthly' as const, interval, dayOfMonth: spec.dayOfMonth ?? d.getUTCDate() };
      case 'yearly': {
        const month = spec.month ?? MONTHS[d.getUTCMonth()]!;
        if (!MONTHS.includes(month)) throw new Error(`${where}: recurrence.month "${month}" is not one of ${MONTHS.join(', ')}`);
        return { kind: 'AbsoluteYearly' as const, dayOfMonth: spec.dayOfMonth ?? d.getUTCDate(), month };
      }
      default:
        throw new Error(`${where}: recurrence.pattern "${String(spec.pattern)}" is not daily, weekly, monthly or yearly`);
    }
  })();
  if (spec.endDate && spec.count) throw new Error(`${where}: recurrence has both endDate and count; give one`);
  const range: RecurrenceValue['range'] = spec.endDate
    ? { kind: 'EndDate', startDate, endDate: new Date(toEpochMs(spec.endDate)).toISOString().slice(0, 10) }
    : spec.count
      ? { kind: 'Numbered', startDate, count: spec.count }
      : { kind: 'NoEnd', startDate };
  return { pattern, range };
}

export function loggedToSalesforceValue(value = true): ExtendedValue {
  const p = EXTENDED_PROPERTIES.loggedToSalesforce;
  const uri = { PropertySetId: p.propertySetId, PropertyName: p.name, PropertyType: p.type };
  return { key: extendedKey(uri), uri, value: String(value) };
}

export function eventProps(spec: EventSpec, mailbox: string, where: string): { props: ItemProps; extended: ExtendedValue[] } {
  const start = toEpochMs(spec.start);
  const end = toEpochMs(spec.end);
  if (end < start) throw new Error(`${where}: end (${spec.end}) is before start (${spec.start})`);
  const props = compact({
    Subject: spec.subject,
    Body: spec.body !== undefined ? { type: 'Text', text: spec.body } : undefined,
    Start: start,
    End: end,
    StartTimeZone: spec.timeZone,
    IsAllDayEvent: spec.isAllDay,
    Location: spec.location,
    Sensitivity: spec.sensitivity,
    LegacyFreeBusyStatus: spec.legacyFreeBusyStatus,
    Organizer: spec.organizer && spec.organizer.toLowerCase() !== mailbox ? { address: spec.organizer.toLowerCase() } : undefined,
    RequiredAttendees: spec.requiredAttendees?.map((a) => ({ address: a })),
    OptionalAttendees: spec.optionalAttendees?.map((a) => ({ address: a })),
    Categories: spec.categories?.length ? spec.categories : undefined,
  });
  if (spec.recurrence) {
    if (spec.timeZone && !ianaZone(spec.timeZone)) {
      throw new Error(`${where}: timeZone "${spec.timeZone}" is not a Windows time-zone id (e.g. Eastern Standard Time) or an IANA name (e.g. America/New_York)`);
    }
    props['Recurrence'] = recurrenceValue(spec.recurrence, start, where, ianaZone(spec.timeZone));
    if (spec.recurrence.deletedOccurrences?.length) props['DeletedOccurrences'] = spec.recurrence.deletedOccurrences.map(toEpochMs).sort((a, b) => a - b);
    if (spec.recurrence.exceptions?.length) {
      props['ModifiedOccurrences'] = spec.recurrence.exceptions.map((x, i): ModifiedOccurrenceValue => {
        const set = eventOverrides(x.set);
        return { originalStart: toEpochMs(x.originalStart), uid: `world-exception-${i}`, version: 1, props: set };
      });
    }
  }
  return { props, extended: spec.loggedToSalesforce ? [loggedToSalesforceValue()] : [] };
}

function eventOverrides(set: Partial<EventSpec>): Record<string, unknown> {
  return compact({
    Subject: set.subject,
    Body: set.body !== undefined ? { type: 'Text', text: set.body } : undefined,
    Start: set.start ? toEpochMs(set.start) : undefined,
    End: set.end ? toEpochMs(set.end) : undefined,
    Location: set.location,
    Sensitivity: set.sensitivity,
    LegacyFreeBusyStatus: set.legacyFreeBusyStatus,
    IsAllDayEvent: set.isAllDay,
  });
}
