/**
 * @module
 * Reads item elements from requests (`<t:Contact>`, `<t:CalendarItem>` in CreateItem, SetItemField, AppendToItemField)
 * into props and extended values. Unknown elements fail closed with a "not implemented" SOAP fault that names them;
 * read-only properties get ErrorInvalidPropertySet as on Exchange.
 */
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, children, NS, type XmlElement } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { ExtendedValue, ItemKind, ItemProps } from '../store/types.ts';
import { fieldByElement } from './fields.ts';
import { readExtendedUri } from './property-path.ts';
import { foldAddressAliases } from './address-aliases.ts';

export interface ParsedItem {
  kind: ItemKind;
  props: ItemProps;
  extended: ExtendedValue[];
}

export function itemKindOf(el: XmlElement): ItemKind {
  if (el.ns === NS.types && (el.name === 'Contact' || el.name === 'CalendarItem')) return el.name;
  throw new EwsFault(notImplementedFault(`item type ${el.name} (the sim models Contact and CalendarItem)`));
}

/** Parses every property element of an item. An echoed ItemClass is ignored (Exchange keeps its own). */
export function parseItem(el: XmlElement): ParsedItem {
  const kind = itemKindOf(el);
  const props: ItemProps = {};
  const extended: ExtendedValue[] = [];
  for (const prop of el.children) {
    if (prop.ns !== NS.types) throw new EwsFault(notImplementedFault(`element {${prop.ns}}${prop.name} in ${kind}`));
    if (prop.name === 'ExtendedProperty') {
      extended.push(parseExtendedProperty(prop));
      continue;
    }
    if (prop.name === 'ItemClass') continue; // clients may echo the class on create; Exchange keeps its own
    const def = fieldByElement(kind, prop.name);
    if (!def) throw new EwsFault(notImplementedFault(`property ${kind}/${prop.name}`));
    if (def.readOnly) throw readOnly(def.uri);
    props[def.name] = def.codec.read(prop, def.name);
  }
  return { kind, props, extended: foldAddressAliases(kind, props, extended) };
}

export function readOnly(uri: string): StoreError {
  return new StoreError('ErrorInvalidPropertySet', `Set action is invalid for property ${uri}; it is computed by the server.`);
}

const TYPES = new Set([
  'Boolean', 'String', 'Integer', 'Long', 'Double', 'Float', 'Short', 'SystemTime', 'Binary', 'CLSID', 'Currency', 'ApplicationTime',
  'StringArray', 'IntegerArray', 'LongArray', 'BinaryArray', 'SystemTimeArray', 'CLSIDArray', 'ShortArray', 'DoubleArray',
]);

export function parseExtendedProperty(el: XmlElement): ExtendedValue {
  const uriEl = child(el, NS.types, 'ExtendedFieldURI');
  if (!uriEl) throw new StoreError('ErrorInvalidExtendedProperty', 'ExtendedProperty needs an ExtendedFieldURI.');
  const { key, uri, type } = readExtendedUri(uriEl);
  if (!TYPES.has(type)) throw new StoreError('ErrorInvalidExtendedProperty', `PropertyType "${type}" is not a MAPI property type.`);
  const valueEl = child(el, NS.types, 'Value');
  const valuesEl = child(el, NS.types, 'Values');
  if (type.endsWith('Array')) {
    if (!valuesEl) throw new StoreError('ErrorInvalidExtendedPropertyValue', `An ${type} extended property needs <t:Values>.`);
    const values = children(valuesEl, NS.types, 'Value').map((v) => checkValue(type.replace(/Array$/, ''), v.text));
    return { key, uri, values };
  }
  if (!valueEl) throw new StoreError('ErrorInvalidExtendedPropertyValue', 'A single-valued extended property needs <t:Value>.');
  return { key, uri, value: checkValue(type, valueEl.text) };
}

function checkValue(type: string, text: string): string {
  const bad = (): StoreError => new StoreError('ErrorInvalidExtendedPropertyValue', `"${text}" is not a valid ${type} value.`);
  switch (type) {
    case 'Boolean':
      if (!/^(true|false|1|0)$/i.test(text.trim())) throw bad();
      return /^(true|1)$/i.test(text.trim()) ? 'true' : 'false';
    case 'Integer':
    case 'Long':
    case 'Short':
      if (!/^-?\d+$/.test(text.trim())) throw bad();
      return text.trim();
    case 'Double':
    case 'Float':
    case 'Currency':
      if (!Number.isFinite(Number(text.trim()))) throw bad();
      return text.trim();
    case 'SystemTime':
      if (!Number.isFinite(Date.parse(text.trim()))) throw bad();
      return text.trim();
    default:
      return text;
  }
}
