/**
 * Contact mapping (CON-08): the default SF field ↔ EX property pairs, which of them are locked (CFG-05), and the
 * conversion of either side's record into the canonical mapped values (keyed by SF field name) and back.
 */
import type { ExContact, ExContactFields, SfContact } from '../model.ts';
import { birthDate, longText, phone, text } from './conversions.ts';
import { hashValues, type MappedValue, type MappedValues } from './hash.ts';

export type SfContactField = keyof SfContact['fields'] | 'Account.Name';
export type ExContactProperty = keyof ExContactFields;

/** CON-08, in the order the field-map page lists them. */
export const DEFAULT_CONTACT_MAPPING: Readonly<Record<SfContactField, ExContactProperty>> = {
  FirstName: 'GivenName',
  LastName: 'Surname',
  Email: 'EmailAddress1',
  'Account.Name': 'CompanyName',
  Title: 'JobTitle',
  Department: 'Department',
  Phone: 'BusinessPhone',
  MobilePhone: 'MobilePhone',
  HomePhone: 'HomePhone',
  Fax: 'BusinessFax',
  AssistantName: 'AssistantName',
  AssistantPhone: 'AssistantPhone',
  Birthdate: 'Birthday',
  Description: 'Body',
  MailingStreet: 'BusinessStreet',
  MailingCity: 'BusinessCity',
  MailingState: 'BusinessState',
  MailingPostalCode: 'BusinessPostalCode',
  MailingCountry: 'BusinessCountryOrRegion',
};

/** CFG-05: the matching fields (CON-04) cannot be remapped or unmapped. */
export const LOCKED_CONTACT_FIELDS: readonly SfContactField[] = ['Email', 'FirstName', 'LastName', 'Account.Name'];

export const EX_CONTACT_PROPERTIES: readonly ExContactProperty[] = [
  'GivenName', 'Surname', 'MiddleName', 'CompanyName', 'JobTitle', 'Department',
  'EmailAddress1', 'EmailAddress2', 'EmailAddress3',
  'BusinessPhone', 'MobilePhone', 'HomePhone', 'BusinessFax', 'AssistantName', 'AssistantPhone',
  'Birthday', 'Body',
  'BusinessStreet', 'BusinessCity', 'BusinessState', 'BusinessPostalCode', 'BusinessCountryOrRegion',
];

type Kind = 'text' | 'long' | 'phone' | 'date';

/** How a value is normalized, by what it is; a remapped field keeps its SF field's kind. */
const SF_KIND: Record<SfContactField, Kind> = {
  FirstName: 'text', LastName: 'text', Email: 'text', 'Account.Name': 'text', Title: 'text', Department: 'text',
  Phone: 'phone', MobilePhone: 'phone', HomePhone: 'phone', Fax: 'phone', AssistantName: 'text',
  AssistantPhone: 'phone', Birthdate: 'date', Description: 'long', MailingStreet: 'long', MailingCity: 'text',
  MailingState: 'text', MailingPostalCode: 'text', MailingCountry: 'text',
};

const EX_KIND: Partial<Record<ExContactProperty, Kind>> = {
  Birthday: 'date', Body: 'long', BusinessStreet: 'long',
  BusinessPhone: 'phone', MobilePhone: 'phone', HomePhone: 'phone', BusinessFax: 'phone', AssistantPhone: 'phone',
};

export function sfContactFieldKind(field: SfContactField): Kind {
  return SF_KIND[field];
}

export function exContactPropertyKind(property: ExContactProperty): Kind {
  return EX_KIND[property] ?? 'text';
}

export function isSfContactField(field: string): field is SfContactField {
  return Object.hasOwn(SF_KIND, field);
}

function normalize(kind: Kind, value: string | null | undefined): MappedValue {
  switch (kind) {
    case 'long': return longText(value);
    case 'phone': return phone(value);
    case 'date': return birthDate(value);
    default: return text(value);
  }
}

/** Canonical mapped values of an SF contact. `unresolvedCompany` stands in for an account not yet found (CON-05). */
export function contactValuesFromSf(record: SfContact, mapping: Record<string, string>, unresolvedCompany?: string): MappedValues {
  const values: MappedValues = {};
  for (const field of Object.keys(mapping) as SfContactField[]) {
    if (field === 'Account.Name') {
      const name = record.AccountId ? record.AccountName : (unresolvedCompany ?? record.AccountName);
      values[field] = normalize('text', name);
    } else {
      values[field] = normalize(SF_KIND[field], record.fields[field]);
    }
  }
  return values;
}

/** Canonical mapped values of an EX contact, keyed by the SF field each property maps to. */
export function contactValuesFromEx(item: ExContact, mapping: Record<string, string>): MappedValues {
  const values: MappedValues = {};
  for (const [field, property] of Object.entries(mapping) as Array<[SfContactField, ExContactProperty]>) {
    values[field] = normalize(SF_KIND[field], item.fields[property]);
  }
  return values;
}

/** EX properties to set for the given canonical keys (all when `keys` is absent). */
export function contactValuesToEx(values: MappedValues, mapping: Record<string, string>, keys?: string[]): ExContactFields {
  const out: ExContactFields = {};
  for (const field of keys ?? Object.keys(mapping)) {
    const property = mapping[field] as ExContactProperty | undefined;
    if (!property) continue;
    out[property] = (values[field] ?? null) as string | null;
  }
  return out;
}

/**
 * SF fields to set for the given canonical keys. Account.Name is not writable: it becomes AccountId through the
 * account lookup (CON-05), or null when no account has that name.
 */
export function contactValuesToSf(
  values: MappedValues,
  mapping: Record<string, string>,
  accountIdFor: (name: string) => string | undefined,
  keys?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of keys ?? Object.keys(mapping)) {
    if (!(field in mapping)) continue;
    const value = values[field] ?? null;
    if (field === 'Account.Name') {
      out.AccountId = typeof value === 'string' ? (accountIdFor(value) ?? null) : null;
    } else {
      out[field] = value;
    }
  }
  return out;
}

export function contactHash(values: MappedValues): string {
  return hashValues(values);
}
