/**
 * @module
 * The business-address MAPI named properties (PSETID_Address, MS-OXOCNTC §2.2.1.3.2) as aliases of the contact's
 * `PhysicalAddresses.Business` parts. On Exchange, `contacts:PhysicalAddress:City` with FieldIndex Business and
 * PidLidWorkAddressCity are the same stored value; a client may read or write either. This matters because
 * ews-javascript-api 0.15.3 never sends PhysicalAddress edits on UpdateItem (docs/discoveries/ews-client-quirks.md):
 * writing the named properties is how an EWS client with that library changes an existing contact's address (CON-08).
 *
 * The sim keeps only one copy — the PhysicalAddresses prop — and translates the extended paths to and from it, so the
 * two views can never disagree, a write through either bumps the ChangeKey and journals an update (SyncFolderItems
 * reports it like any edit).
 */
import { escapeXml, tag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { ExtendedValue, ItemKind, ItemProps } from '../store/types.ts';
import type { PhysicalAddressValue } from './values.ts';

/** PSETID_Address {00062004-0000-0000-C000-000000000046}, lower case as `extendedKey()` keeps set ids. */
export const PSETID_ADDRESS = '00062004-0000-0000-c000-000000000046';

type AddressPart = keyof PhysicalAddressValue;

/** Long ids (LIDs) of the work-address parts, as MS-OXPROPS lists them (PidLidWorkAddressCity is §2.355). */
export const WORK_ADDRESS_LIDS: Readonly<Record<number, { part: AddressPart; name: string }>> = {
  0x8045: { part: 'Street', name: 'PidLidWorkAddressStreet' },
  0x8046: { part: 'City', name: 'PidLidWorkAddressCity' },
  0x8047: { part: 'State', name: 'PidLidWorkAddressState' },
  0x8048: { part: 'PostalCode', name: 'PidLidWorkAddressPostalCode' },
  0x8049: { part: 'CountryOrRegion', name: 'PidLidWorkAddressCountry' },
};

/**
 * The Business address part an ExtendedFieldURI names, or undefined when it names something else. Only contacts
 * alias (a calendar item has no PhysicalAddresses; there the property is an ordinary named property). A wrong
 * PropertyType is refused: the property is a string on Exchange and a silently re-typed copy would diverge.
 */
export function addressAliasPart(uri: Record<string, string>, kind: ItemKind): AddressPart | undefined {
  if (kind !== 'Contact' || uri['PropertyId'] === undefined) return undefined;
  const set = uri['PropertySetId']?.toLowerCase() ?? (uri['DistinguishedPropertySetId'] === 'Address' ? PSETID_ADDRESS : undefined);
  if (set !== PSETID_ADDRESS) return undefined;
  const lid = WORK_ADDRESS_LIDS[Number(uri['PropertyId'])];
  if (!lid) return undefined;
  if (uri['PropertyType'] !== 'String') {
    throw new StoreError(
      'ErrorInvalidExtendedProperty',
      `${lid.name} (PSETID_Address, PropertyId ${uri['PropertyId']}) is a String property; got PropertyType="${uri['PropertyType']}". Use MapiPropertyType.String.`,
    );
  }
  return lid.part;
}

function businessOf(props: ItemProps): PhysicalAddressValue | undefined {
  return (props['PhysicalAddresses'] as Record<string, PhysicalAddressValue> | undefined)?.['Business'];
}

/** The current value of an aliased part (what GetItem returns for the named property). */
export function readAddressAlias(props: ItemProps, part: AddressPart): string | undefined {
  const value = businessOf(props)?.[part];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * GetItem's `<t:ExtendedProperty>` for an aliased part ('' when the part is empty, as Exchange omits unset named
 * properties), or undefined when the URI is not an alias. It echoes the URI the client asked with, which is how
 * ews-javascript-api matches the value to its definition.
 */
export function addressAliasXml(uri: Record<string, string>, kind: ItemKind, props: ItemProps): string | undefined {
  const part = addressAliasPart(uri, kind);
  if (!part) return undefined;
  const value = readAddressAlias(props, part);
  return value === undefined ? '' : tag('t:ExtendedProperty', {}, tag('t:ExtendedFieldURI', { ...uri }) + tag('t:Value', {}, escapeXml(value)));
}

/** Sets (or with undefined/empty, deletes) one Business part, dropping the entry when nothing is left — as Exchange. */
export function writeAddressAlias(props: ItemProps, part: AddressPart, value: string | undefined): void {
  const all = { ...((props['PhysicalAddresses'] as Record<string, PhysicalAddressValue> | undefined) ?? {}) };
  const business: PhysicalAddressValue = { ...all['Business'] };
  if (value === undefined || value === '') delete business[part];
  else business[part] = value;
  if (Object.keys(business).length > 0) all['Business'] = business;
  else delete all['Business'];
  if (Object.keys(all).length > 0) props['PhysicalAddresses'] = all;
  else delete props['PhysicalAddresses'];
}

/**
 * CreateItem: named address properties sent as ExtendedProperty elements land in the Business address instead of
 * the extended list. They apply after the item's own PhysicalAddresses element, part by part.
 */
export function foldAddressAliases(kind: ItemKind, props: ItemProps, extended: ExtendedValue[]): ExtendedValue[] {
  const rest: ExtendedValue[] = [];
  for (const value of extended) {
    const part = addressAliasPart(value.uri, kind);
    if (part) writeAddressAlias(props, part, value.value);
    else rest.push(value);
  }
  return rest;
}
