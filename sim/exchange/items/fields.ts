/**
 * @module
 * The FieldURI registry: every property the sim stores or computes, with its element name, which item kinds carry
 * it, how it is read and written, and whether clients may set it. Order here is the EWS schema order, which is the
 * order the serializer writes elements in.
 */
import type { ItemKind } from '../store/types.ts';
import { recurrenceCodec } from './recurrence-xml.ts';
import {
  addressesCodec,
  attendeesCodec,
  bodyCodec,
  boolCodec,
  dateTimeCodec,
  dictionaryCodec,
  enumCodec,
  intCodec,
  organizerCodec,
  stringCodec,
  stringsCodec,
  timeZoneCodec,
  type Codec,
} from './field-types.ts';
import { FREE_BUSY, IMPORTANCE, SENSITIVITY } from './values.ts';

export interface FieldDef {
  /** FieldURI, e.g. `item:Subject`. */
  uri: string;
  /** Element name in items and in props. */
  name: string;
  kinds: readonly ItemKind[];
  codec: Codec;
  /** Computed by the server: a client setting it gets ErrorInvalidPropertySet. */
  readOnly?: boolean;
  /** Part of BaseShape Default (AllProperties includes every field). */
  inDefault?: boolean;
  /** Not returned by FindItem / SyncFolderItems-style views (Body, attendees, recurrence details). */
  getItemOnly?: boolean;
}

const BOTH: readonly ItemKind[] = ['Contact', 'CalendarItem'];
const CONTACT: readonly ItemKind[] = ['Contact'];
const CAL: readonly ItemKind[] = ['CalendarItem'];

const f = (uri: string, kinds: readonly ItemKind[], codec: Codec, extra: Partial<FieldDef> = {}): FieldDef => ({
  uri,
  name: uri.slice(uri.indexOf(':') + 1),
  kinds,
  codec,
  ...extra,
});

/** Item-level fields that come before ExtendedProperty in the schema. */
export const ITEM_HEAD: FieldDef[] = [
  f('item:ItemClass', BOTH, stringCodec, { readOnly: true, inDefault: true }),
  f('item:Subject', BOTH, stringCodec, { inDefault: true }),
  f('item:Sensitivity', BOTH, enumCodec(SENSITIVITY), { inDefault: true }),
  f('item:Body', BOTH, bodyCodec, { getItemOnly: true }),
  f('item:Categories', BOTH, stringsCodec),
  f('item:Importance', BOTH, enumCodec(IMPORTANCE)),
  f('item:DateTimeCreated', BOTH, dateTimeCodec, { readOnly: true, inDefault: true }),
];

/** Item-level fields after ExtendedProperty. */
export const ITEM_TAIL: FieldDef[] = [f('item:LastModifiedTime', BOTH, dateTimeCodec, { readOnly: true, inDefault: true })];

export const CONTACT_FIELDS: FieldDef[] = [
  f('contacts:FileAs', CONTACT, stringCodec, { inDefault: true }),
  f('contacts:DisplayName', CONTACT, stringCodec, { inDefault: true }),
  f('contacts:GivenName', CONTACT, stringCodec, { inDefault: true }),
  f('contacts:Initials', CONTACT, stringCodec),
  f('contacts:MiddleName', CONTACT, stringCodec),
  f('contacts:Nickname', CONTACT, stringCodec),
  f('contacts:CompanyName', CONTACT, stringCodec, { inDefault: true }),
  f('contacts:EmailAddresses', CONTACT, dictionaryCodec, { inDefault: true }),
  f('contacts:PhysicalAddresses', CONTACT, addressesCodec),
  f('contacts:PhoneNumbers', CONTACT, dictionaryCodec, { inDefault: true }),
  f('contacts:AssistantName', CONTACT, stringCodec),
  f('contacts:Birthday', CONTACT, dateTimeCodec),
  f('contacts:BusinessHomePage', CONTACT, stringCodec),
  f('contacts:Department', CONTACT, stringCodec),
  f('contacts:Generation', CONTACT, stringCodec),
  f('contacts:ImAddresses', CONTACT, dictionaryCodec),
  f('contacts:JobTitle', CONTACT, stringCodec, { inDefault: true }),
  f('contacts:Manager', CONTACT, stringCodec),
  f('contacts:OfficeLocation', CONTACT, stringCodec),
  f('contacts:Profession', CONTACT, stringCodec),
  f('contacts:SpouseName', CONTACT, stringCodec),
  f('contacts:Surname', CONTACT, stringCodec, { inDefault: true }),
];

export const CALENDAR_FIELDS: FieldDef[] = [
  f('calendar:UID', CAL, stringCodec, { readOnly: true }),
  f('calendar:Start', CAL, dateTimeCodec, { inDefault: true }),
  f('calendar:End', CAL, dateTimeCodec, { inDefault: true }),
  f('calendar:OriginalStart', CAL, dateTimeCodec, { readOnly: true }),
  f('calendar:IsAllDayEvent', CAL, boolCodec, { inDefault: true }),
  f('calendar:LegacyFreeBusyStatus', CAL, enumCodec(FREE_BUSY), { inDefault: true }),
  f('calendar:Location', CAL, stringCodec, { inDefault: true }),
  f('calendar:IsMeeting', CAL, boolCodec, { readOnly: true, inDefault: true }),
  f('calendar:IsCancelled', CAL, boolCodec, { readOnly: true }),
  f('calendar:IsRecurring', CAL, boolCodec, { readOnly: true, inDefault: true }),
  f('calendar:CalendarItemType', CAL, stringCodec, { readOnly: true, inDefault: true }),
  f('calendar:MyResponseType', CAL, stringCodec, { readOnly: true }),
  // Set by the server to the mailbox owner on create (the world and rep actions can name another organizer).
  f('calendar:Organizer', CAL, organizerCodec, { inDefault: true, readOnly: true }),
  f('calendar:RequiredAttendees', CAL, attendeesCodec, { getItemOnly: true }),
  f('calendar:OptionalAttendees', CAL, attendeesCodec, { getItemOnly: true }),
  f('calendar:AppointmentSequenceNumber', CAL, intCodec, { readOnly: true }),
  f('calendar:Recurrence', CAL, recurrenceCodec, { getItemOnly: true }),
  f('calendar:FirstOccurrence', CAL, stringCodec, { readOnly: true, getItemOnly: true }),
  f('calendar:LastOccurrence', CAL, stringCodec, { readOnly: true, getItemOnly: true }),
  f('calendar:ModifiedOccurrences', CAL, stringCodec, { readOnly: true, getItemOnly: true }),
  f('calendar:DeletedOccurrences', CAL, stringCodec, { readOnly: true, getItemOnly: true }),
  f('calendar:StartTimeZone', CAL, timeZoneCodec),
  f('calendar:EndTimeZone', CAL, timeZoneCodec),
];

/** Structural ids handled by the serializer itself. */
export const ID_FIELDS = ['item:ItemId', 'item:ParentFolderId'] as const;

const ALL: FieldDef[] = [...ITEM_HEAD, ...ITEM_TAIL, ...CONTACT_FIELDS, ...CALENDAR_FIELDS];
const BY_URI = new Map(ALL.map((d) => [d.uri, d]));
const BY_NAME = new Map<string, FieldDef[]>();
for (const d of ALL) BY_NAME.set(d.name, [...(BY_NAME.get(d.name) ?? []), d]);

export function fieldByUri(uri: string): FieldDef | undefined {
  return BY_URI.get(uri);
}

/** The field an item element (`<t:JobTitle>` inside `<t:Contact>`) stands for. */
export function fieldByElement(kind: ItemKind, name: string): FieldDef | undefined {
  return BY_NAME.get(name)?.find((d) => d.kinds.includes(kind));
}

export function fieldsInOrder(kind: ItemKind): { head: FieldDef[]; tail: FieldDef[] } {
  return { head: ITEM_HEAD, tail: [...ITEM_TAIL, ...(kind === 'Contact' ? CONTACT_FIELDS : CALENDAR_FIELDS)] };
}

/** Indexed FieldURIs (IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress1"). */
export const INDEXED_FIELDS: Record<string, { container: string; part?: string }> = {
  'contacts:EmailAddress': { container: 'EmailAddresses' },
  'contacts:PhoneNumber': { container: 'PhoneNumbers' },
  'contacts:ImAddress': { container: 'ImAddresses' },
  'contacts:PhysicalAddress:Street': { container: 'PhysicalAddresses', part: 'Street' },
  'contacts:PhysicalAddress:City': { container: 'PhysicalAddresses', part: 'City' },
  'contacts:PhysicalAddress:State': { container: 'PhysicalAddresses', part: 'State' },
  'contacts:PhysicalAddress:CountryOrRegion': { container: 'PhysicalAddresses', part: 'CountryOrRegion' },
  'contacts:PhysicalAddress:PostalCode': { container: 'PhysicalAddresses', part: 'PostalCode' },
};
