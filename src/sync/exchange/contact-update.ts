/**
 * @module
 * Writing mapped fields onto an EXISTING contact so that every change really travels in the UpdateItem (CON-08,
 * G-03). ews-javascript-api 0.15.3 never serialises PhysicalAddress edits on update (docs/discoveries/
 * ews-client-quirks.md), so the Business address parts go through the PSETID_Address named properties that Exchange
 * backs that address with (PidLidWorkAddressStreet 0x8045 … PidLidWorkAddressCountry 0x8049, MS-OXOCNTC). After
 * writing, each field is checked to be in the client's change list; a field that would not be sent fails the whole
 * item with ErrorFieldNotSent instead of being lost while the pairing records it as synced.
 */
import {
  ContactSchema, DefaultExtendedPropertySet, ExtendedPropertyDefinition, MapiPropertyType, type Contact,
  type PropertyDefinitionBase,
} from 'ews-javascript-api';
import type { ExContactFields } from '../model.ts';
import { CONTACT_PROPERTIES, type ContactProperty } from './contact-properties.ts';
import { escapeXmlText } from './xml-text.ts';

const address = (lid: number) => new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Address, lid, MapiPropertyType.String);

/** The named properties a Business address part is updated through. */
export const WORK_ADDRESS: Partial<Record<ContactProperty, ExtendedPropertyDefinition>> = {
  BusinessStreet: address(0x8045),
  BusinessCity: address(0x8046),
  BusinessState: address(0x8047),
  BusinessPostalCode: address(0x8048),
  BusinessCountryOrRegion: address(0x8049),
};

/**
 * For the other properties, the definition whose presence in the property bag's change lists means the client will
 * write a Set/DeleteItemField for it (dictionary entries are tracked through their container).
 */
const TRACKED_BY: Partial<Record<ContactProperty, PropertyDefinitionBase>> = {
  EmailAddress1: ContactSchema.EmailAddresses, EmailAddress2: ContactSchema.EmailAddresses, EmailAddress3: ContactSchema.EmailAddresses,
  BusinessPhone: ContactSchema.PhoneNumbers, MobilePhone: ContactSchema.PhoneNumbers, HomePhone: ContactSchema.PhoneNumbers,
  BusinessFax: ContactSchema.PhoneNumbers, AssistantPhone: ContactSchema.PhoneNumbers,
};

/** A mapped field the client would not send; the item is not updated at all (code ErrorFieldNotSent). */
export class FieldNotSentError extends Error {
  readonly code = 'ErrorFieldNotSent';
  constructor(readonly fields: string[]) {
    super(
      `Exchange contact field${fields.length > 1 ? 's' : ''} ${fields.join(', ')} would not be sent by ews-javascript-api's UpdateItem, ` +
        'so the contact was not updated (the change is kept and retried, never dropped silently — G-03). ' +
        'See docs/discoveries/ews-client-quirks.md.',
    );
  }
}

/** What to load before updating: the current values (to compare) and, for address parts, their named properties. */
export function contactUpdateDefinitions(properties: Iterable<string>): PropertyDefinitionBase[] {
  const out: PropertyDefinitionBase[] = [];
  for (const name of properties) {
    const io = CONTACT_PROPERTIES[name as ContactProperty];
    if (!io) throw new Error(`contact mapping names Exchange property "${name}", which the engine cannot map; use one of ${Object.keys(CONTACT_PROPERTIES).join(', ')}`);
    for (const d of [io.definition, WORK_ADDRESS[name as ContactProperty]]) if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

/**
 * Writes `fields` onto a contact bound with `contactUpdateDefinitions`, escaping text (the client does not). Throws
 * FieldNotSentError naming every field whose change the client would drop; fields already equal need no write.
 */
export function writeContactUpdate(contact: Contact, fields: ExContactFields): void {
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const name = key as ContactProperty;
    const io = CONTACT_PROPERTIES[name];
    if (!io) throw new Error(`cannot write unknown Exchange contact property "${name}"`);
    const wanted = value === null || value === '' ? null : String(value);
    const current = readOrNull(() => io.read(contact));
    const extended = WORK_ADDRESS[name];
    if (extended) {
      if (!writeNamed(contact, extended, wanted) && current !== wanted) dropped.push(name);
      continue;
    }
    io.write(contact, wanted === null ? null : escapeXmlText(wanted));
    if (!isTracked(contact, TRACKED_BY[name] ?? io.definition) && current !== wanted) dropped.push(name);
  }
  if (dropped.length > 0) throw new FieldNotSentError(dropped);
}

/** Sets or removes a named property; true when the client now holds a change for it. */
function writeNamed(contact: Contact, definition: ExtendedPropertyDefinition, wanted: string | null): boolean {
  if (wanted === null) return contact.RemoveExtendedProperty(definition);
  contact.SetExtendedProperty(definition, escapeXmlText(wanted));
  return isTracked(contact, ContactSchema.ExtendedProperties);
}

interface BagInternals {
  addedProperties: unknown[];
  modifiedProperties: unknown[];
  deletedProperties: { containsKey(key: unknown): boolean };
}

/**
 * Whether the client's property bag lists `definition` as added, modified or deleted — exactly the lists its
 * UpdateItem serialiser walks (PropertyBag.WriteToXmlForUpdate in 0.15.3). Not typed by the library, so the shape is
 * checked and a mismatch (a different client version) fails loudly instead of passing every write.
 */
function isTracked(contact: Contact, definition: PropertyDefinitionBase): boolean {
  const bag = (contact as unknown as { PropertyBag?: Partial<BagInternals> }).PropertyBag;
  if (!bag || !Array.isArray(bag.addedProperties) || !Array.isArray(bag.modifiedProperties) || typeof bag.deletedProperties?.containsKey !== 'function') {
    throw new Error('ews-javascript-api property bag is not the 0.15.3 shape; cannot verify that contact changes will be sent');
  }
  return bag.addedProperties.includes(definition) || bag.modifiedProperties.includes(definition) || bag.deletedProperties.containsKey(definition);
}

function readOrNull(read: () => string | null): string | null {
  try {
    return read();
  } catch {
    return null;
  }
}
