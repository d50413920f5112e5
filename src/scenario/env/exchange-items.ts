/**
 * @module
 * Converts between the Exchange sim's stored items (EWS element names, nested EmailAddresses/PhoneNumbers, epoch-ms
 * times) and the flat `SideItem` fields expectations match on (EmailAddress1, BusinessPhone, Start as ISO, Body as
 * text), and turns a scenario's camelCase `set:` into stored props.
 */
import { contactProps } from '../../../sim/exchange/world/spec-to-props.ts';
import { EXTENDED_PROPERTIES, type ContactSpec } from '../../../sim/exchange/world.ts';
import type { SideItem } from './types.ts';

export interface StoredItemLike {
  uid: string;
  ref?: string;
  kind: string;
  itemId: string;
  folderUid: string;
  modified: number;
  props: Record<string, unknown>;
  extended: Array<{ uri: Record<string, string>; value?: string }>;
}

export function extendedValue(item: StoredItemLike, name: string): string | undefined {
  return item.extended.find((x) => x.uri.PropertyName === name)?.value;
}

export function flattenItem(item: StoredItemLike, folder: string): SideItem {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item.props)) {
    if (key === 'Body' && value && typeof value === 'object') fields.Body = (value as { text?: string }).text ?? '';
    else if ((key === 'EmailAddresses' || key === 'PhoneNumbers') && value && typeof value === 'object') Object.assign(fields, value);
    else if (key === 'PhysicalAddresses' && value && typeof value === 'object') {
      for (const [kind, address] of Object.entries(value as Record<string, Record<string, string>>)) {
        for (const [part, v] of Object.entries(address)) fields[`${kind}${part === 'CountryOrRegion' ? 'CountryOrRegion' : part}`] = v;
      }
    } else if ((key === 'Start' || key === 'End' || key === 'Birthday') && typeof value === 'number') fields[key] = new Date(value).toISOString();
    else if (key === 'Organizer' && value && typeof value === 'object') fields.Organizer = (value as { address?: string }).address;
    else if ((key === 'RequiredAttendees' || key === 'OptionalAttendees') && Array.isArray(value)) fields[key] = value.map((a: { address?: string }) => a.address);
    else fields[key] = value;
  }
  const partner = extendedValue(item, EXTENDED_PROPERTIES.salesforceRecordId.name);
  const orgStamp = extendedValue(item, EXTENDED_PROPERTIES.salesforceOrgId.name);
  if (orgStamp) fields.SalesforceOrgId = orgStamp;
  if (partner) fields.SalesforceRecordId = partner;
  fields.LoggedToSalesforce = extendedValue(item, EXTENDED_PROPERTIES.loggedToSalesforce.name) === 'true';
  fields.LastModifiedTime = new Date(item.modified).toISOString();
  const label = String(fields.Subject ?? ([fields.GivenName, fields.Surname].filter(Boolean).join(' ') || fields.EmailAddress1 || item.uid));
  return { id: item.itemId, key: item.uid, ...(item.ref ? { ref: item.ref } : {}), label, folder, ...(partner ? { partnerId: partner } : {}), fields };
}

const EVENT_KEYS: Record<string, string> = {
  subject: 'Subject', location: 'Location', sensitivity: 'Sensitivity', legacyFreeBusyStatus: 'LegacyFreeBusyStatus',
  isAllDay: 'IsAllDayEvent', timeZone: 'StartTimeZone', categories: 'Categories',
};

/** Applies a scenario `set:` (camelCase spec names or EWS names) to stored props; returns extended-property edits. */
export function applySet(kind: string, props: Record<string, unknown>, set: Record<string, unknown>): { loggedToSalesforce?: boolean } {
  const extras: { loggedToSalesforce?: boolean } = {};
  const contactSet: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(set)) {
    if (key === 'loggedToSalesforce') extras.loggedToSalesforce = Boolean(value);
    else if (key === 'body' || key === 'Body') props.Body = { type: 'Text', text: value === null ? '' : String(value) };
    else if (key === 'start' || key === 'end' || key === 'Start' || key === 'End') props[key[0]!.toUpperCase() + key.slice(1)] = Date.parse(String(value));
    else if (kind === 'CalendarItem' && EVENT_KEYS[key]) setOrDelete(props, EVENT_KEYS[key]!, value);
    else if (kind === 'Contact' && /^[a-z]/.test(key)) contactSet[key] = value;
    else setOrDelete(props, key, value);
  }
  if (Object.keys(contactSet).length) mergeContact(props, contactSet as ContactSpec);
  return extras;
}

function mergeContact(props: Record<string, unknown>, set: ContactSpec): void {
  const next = contactProps(set);
  for (const [key, value] of Object.entries(next)) {
    if (!(value && typeof value === 'object' && !Array.isArray(value))) {
      props[key] = value;
      continue;
    }
    const merged: Record<string, unknown> = { ...((props[key] as Record<string, unknown>) ?? {}) };
    for (const [entryKey, entry] of Object.entries(value)) {
      // An address is a record of parts: editing the city in Outlook keeps the street (merge part by part).
      const before = merged[entryKey];
      merged[entryKey] = key === 'PhysicalAddresses' && isPlainRecord(entry) && isPlainRecord(before) ? { ...before, ...entry } : entry;
    }
    props[key] = merged;
  }
  // contactProps drops empty values: a null in `set` clears the property.
  for (const [key, value] of Object.entries(set)) {
    if (value !== null) continue;
    const ews = key[0]!.toUpperCase() + key.slice(1);
    delete props[ews];
    for (const bag of ['EmailAddresses', 'PhoneNumbers']) delete (props[bag] as Record<string, unknown> | undefined)?.[ews];
  }
}

function setOrDelete(props: Record<string, unknown>, key: string, value: unknown): void {
  if (value === null) delete props[key];
  else props[key] = value;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
