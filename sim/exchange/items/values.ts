/**
 * @module
 * The value shapes kept in `StoredItem.props`, by EWS element name. Times are epoch ms (UTC); the serializer writes
 * them as `2024-06-01T14:00:00Z`.
 */

export interface BodyValue {
  type: 'Text' | 'HTML';
  text: string;
}

export interface MailboxValue {
  name?: string;
  address: string;
}

export interface AttendeeValue extends MailboxValue {
  responseType?: string;
}

export interface PhysicalAddressValue {
  Street?: string;
  City?: string;
  State?: string;
  CountryOrRegion?: string;
  PostalCode?: string;
}

export type RecurrencePattern =
  | { kind: 'Daily'; interval: number }
  | { kind: 'Weekly'; interval: number; daysOfWeek: string[]; firstDayOfWeek?: string }
  | { kind: 'AbsoluteMonthly'; interval: number; dayOfMonth: number }
  | { kind: 'RelativeMonthly'; interval: number; daysOfWeek: string; dayOfWeekIndex: string }
  | { kind: 'AbsoluteYearly'; dayOfMonth: number; month: string }
  | { kind: 'RelativeYearly'; daysOfWeek: string; dayOfWeekIndex: string; month: string };

export type RecurrenceRange =
  | { kind: 'NoEnd'; startDate: string }
  | { kind: 'EndDate'; startDate: string; endDate: string }
  | { kind: 'Numbered'; startDate: string; count: number };

export interface RecurrenceValue {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

/** A changed occurrence of a series (an "exception"): its original start and the properties that differ. */
export interface ModifiedOccurrenceValue {
  originalStart: number;
  uid: string;
  version: number;
  props: Record<string, unknown>;
}

export const EMAIL_KEYS = ['EmailAddress1', 'EmailAddress2', 'EmailAddress3'] as const;
export const PHONE_KEYS = [
  'AssistantPhone', 'BusinessFax', 'BusinessPhone', 'BusinessPhone2', 'Callback', 'CarPhone', 'CompanyMainPhone',
  'HomeFax', 'HomePhone', 'HomePhone2', 'Isdn', 'MobilePhone', 'OtherFax', 'OtherTelephone', 'Pager', 'PrimaryPhone',
  'RadioPhone', 'Telex', 'TtyTddPhone',
] as const;
export const ADDRESS_KEYS = ['Business', 'Home', 'Other'] as const;
export const ADDRESS_PARTS = ['Street', 'City', 'State', 'CountryOrRegion', 'PostalCode'] as const;

export const SENSITIVITY = ['Normal', 'Personal', 'Private', 'Confidential'] as const;
export const FREE_BUSY = ['Free', 'Tentative', 'Busy', 'OOF', 'WorkingElsewhere', 'NoData'] as const;
export const IMPORTANCE = ['Low', 'Normal', 'High'] as const;

/** `2024-06-01T14:00:00Z` — the form Exchange writes. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
