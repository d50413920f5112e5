/**
 * @module
 * The contact properties the engine can map (model.ts ExContactFields), each with its EWS property definition, a
 * reader from a loaded `Contact` and a writer onto one. GetItem then asks for exactly the properties the rep's mapping
 * uses: reading full items costs ~400 µs of client CPU each (perf-ceilings.md §3), so less XML is less time.
 */
import {
  Contact, ContactSchema, EmailAddress, EmailAddressKey, ItemSchema, MessageBody, BodyType, PhoneNumberKey,
  PhysicalAddressEntry, PhysicalAddressKey, DateTime, type PropertyDefinitionBase,
} from 'ews-javascript-api';
import type { ExContactFields } from '../model.ts';
import { escapeXmlText } from './xml-text.ts';

export type ContactProperty = keyof ExContactFields;

interface PropertyIo {
  definition: PropertyDefinitionBase;
  read(contact: Contact): string | null;
  /** `value` is already XML-escaped by the caller; null clears. */
  write(contact: Contact, value: string | null): void;
}

const simple = (definition: PropertyDefinitionBase, name: 'GivenName' | 'Surname' | 'MiddleName' | 'CompanyName' | 'JobTitle' | 'Department' | 'AssistantName'): PropertyIo => ({
  definition,
  read: (c) => emptyToNull(c[name] as string | undefined),
  write: (c, v) => {
    (c as unknown as Record<string, unknown>)[name] = v;
  },
});

const email = (definition: PropertyDefinitionBase, key: EmailAddressKey): PropertyIo => ({
  definition,
  read: (c) => (c.EmailAddresses?.Contains(key) ? emptyToNull(c.EmailAddresses._getItem(key)?.Address) : null),
  write: (c, v) => c.EmailAddresses._setItem(key, v === null ? (null as unknown as EmailAddress) : new EmailAddress(v)),
});

const phone = (definition: PropertyDefinitionBase, key: PhoneNumberKey): PropertyIo => ({
  definition,
  read: (c) => (c.PhoneNumbers?.Contains(key) ? emptyToNull(c.PhoneNumbers._getItem(key)) : null),
  write: (c, v) => c.PhoneNumbers._setItem(key, v as string),
});

type AddressPart = 'Street' | 'City' | 'State' | 'PostalCode' | 'CountryOrRegion';
/**
 * Reads the Business address; `write` is for CREATE only — ews-javascript-api 0.15.3 drops PhysicalAddress edits on
 * UpdateItem, so updates go through the PSETID_Address named properties (contact-update.ts).
 */
const address = (definition: PropertyDefinitionBase, part: AddressPart): PropertyIo => ({
  definition,
  read: (c) => (c.PhysicalAddresses?.Contains(PhysicalAddressKey.Business) ? emptyToNull(c.PhysicalAddresses._getItem(PhysicalAddressKey.Business)?.[part]) : null),
  write: (c, v) => {
    let entry = c.PhysicalAddresses.Contains(PhysicalAddressKey.Business) ? c.PhysicalAddresses._getItem(PhysicalAddressKey.Business) : undefined;
    if (!entry) {
      entry = new PhysicalAddressEntry();
      c.PhysicalAddresses._setItem(PhysicalAddressKey.Business, entry);
    }
    entry[part] = v as string;
  },
});

export const CONTACT_PROPERTIES: Record<ContactProperty, PropertyIo> = {
  GivenName: simple(ContactSchema.GivenName, 'GivenName'),
  Surname: simple(ContactSchema.Surname, 'Surname'),
  MiddleName: simple(ContactSchema.MiddleName, 'MiddleName'),
  CompanyName: simple(ContactSchema.CompanyName, 'CompanyName'),
  JobTitle: simple(ContactSchema.JobTitle, 'JobTitle'),
  Department: simple(ContactSchema.Department, 'Department'),
  AssistantName: simple(ContactSchema.AssistantName, 'AssistantName'),
  EmailAddress1: email(ContactSchema.EmailAddress1, EmailAddressKey.EmailAddress1),
  EmailAddress2: email(ContactSchema.EmailAddress2, EmailAddressKey.EmailAddress2),
  EmailAddress3: email(ContactSchema.EmailAddress3, EmailAddressKey.EmailAddress3),
  BusinessPhone: phone(ContactSchema.BusinessPhone, PhoneNumberKey.BusinessPhone),
  MobilePhone: phone(ContactSchema.MobilePhone, PhoneNumberKey.MobilePhone),
  HomePhone: phone(ContactSchema.HomePhone, PhoneNumberKey.HomePhone),
  BusinessFax: phone(ContactSchema.BusinessFax, PhoneNumberKey.BusinessFax),
  AssistantPhone: phone(ContactSchema.AssistantPhone, PhoneNumberKey.AssistantPhone),
  Birthday: {
    definition: ContactSchema.Birthday,
    read: (c) => (c.Birthday ? c.Birthday.ToISOString().slice(0, 10) : null),
    write: (c, v) => {
      c.Birthday = v === null ? (null as unknown as DateTime) : DateTime.Parse(`${v.slice(0, 10)}T00:00:00Z`);
    },
  },
  Body: {
    definition: ItemSchema.Body,
    read: (c) => emptyToNull(c.Body?.Text),
    write: (c, v) => {
      c.Body = new MessageBody(BodyType.Text, v ?? '');
    },
  },
  BusinessStreet: address(ContactSchema.BusinessAddressStreet, 'Street'),
  BusinessCity: address(ContactSchema.BusinessAddressCity, 'City'),
  BusinessState: address(ContactSchema.BusinessAddressState, 'State'),
  BusinessPostalCode: address(ContactSchema.BusinessAddressPostalCode, 'PostalCode'),
  BusinessCountryOrRegion: address(ContactSchema.BusinessAddressCountryOrRegion, 'CountryOrRegion'),
};

/** The EWS definitions to request for these mapped properties (unknown names are a config error, said clearly). */
export function contactDefinitions(properties: Iterable<string>): PropertyDefinitionBase[] {
  const out: PropertyDefinitionBase[] = [];
  for (const name of properties) {
    const io = CONTACT_PROPERTIES[name as ContactProperty];
    if (!io) throw new Error(`contact mapping names Exchange property "${name}", which the engine cannot map; use one of ${Object.keys(CONTACT_PROPERTIES).join(', ')}`);
    if (!out.includes(io.definition)) out.push(io.definition);
  }
  return out;
}

export function readContactFields(contact: Contact, properties: Iterable<string>): ExContactFields {
  const fields: ExContactFields = {};
  for (const name of properties) {
    const io = CONTACT_PROPERTIES[name as ContactProperty];
    if (io) fields[name as ContactProperty] = safeRead(() => io.read(contact));
  }
  return fields;
}

/** Writes the fields onto a Contact, escaping every text value (the client does not). */
export function writeContactFields(contact: Contact, fields: ExContactFields, options: { fileAs?: boolean } = {}): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const io = CONTACT_PROPERTIES[name as ContactProperty];
    if (!io) throw new Error(`cannot write unknown Exchange contact property "${name}"`);
    io.write(contact, value === null ? null : escapeXmlText(String(value)));
  }
  // FileAs is what Outlook lists contacts by; without it a new contact shows as blank.
  if (options.fileAs) {
    const fileAs = [fields.Surname, fields.GivenName].filter((v): v is string => typeof v === 'string' && v !== '').join(', ');
    if (fileAs) contact.FileAs = escapeXmlText(fileAs);
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** A property not returned by the server throws on access in ews-javascript-api; that means "empty" here. */
function safeRead(read: () => string | null): string | null {
  try {
    return read();
  } catch {
    return null;
  }
}
