/**
 * @module
 * Applies UpdateItem's SetItemField / AppendToItemField / DeleteItemField to a copy of an item's props and extended
 * values. Read-only, inapplicable or unknown properties give the ResponseCode Exchange gives, naming the property.
 */
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { NS, type XmlElement } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { ExtendedValue, ItemKind, ItemProps } from '../store/types.ts';
import { parseExtendedProperty, readOnly } from './item-parse.ts';
import { pathChild, readPropertyPath, type PropertyPath } from './property-path.ts';
import { ADDRESS_PARTS, type BodyValue, type PhysicalAddressValue } from './values.ts';
import { addressesCodec, dictionaryCodec } from './field-types.ts';
import { addressAliasPart, writeAddressAlias } from './address-aliases.ts';

export interface Draft {
  kind: ItemKind;
  props: ItemProps;
  extended: ExtendedValue[];
}

const ITEM_ELEMENTS = new Set(['Item', 'Contact', 'CalendarItem']);

function itemElement(update: XmlElement, kind: ItemKind): XmlElement {
  const el = update.children.find((c) => c.ns === NS.types && ITEM_ELEMENTS.has(c.name));
  if (!el) throw new StoreError('ErrorIncorrectUpdatePropertyCount', `${update.name} needs an Item, Contact or CalendarItem element holding the new value.`);
  if (el.name !== 'Item' && el.name !== kind) {
    throw new StoreError('ErrorInvalidPropertySet', `${update.name} sends a ${el.name} for an item that is a ${kind}.`);
  }
  return el;
}

function onlyValue(itemEl: XmlElement, name: string, uri: string): XmlElement {
  const values = itemEl.children.filter((c) => c.ns === NS.types);
  if (values.length !== 1 || values[0]!.name !== name) {
    throw new StoreError('ErrorIncorrectUpdatePropertyCount', `An update of ${uri} must carry exactly one <t:${name}> element.`);
  }
  return values[0]!;
}

function applicable(path: PropertyPath, kind: ItemKind): void {
  if (path.kind === 'field') {
    if (!path.def) throw readOnly(path.uri);
    if (!path.def.kinds.includes(kind)) throw new StoreError('ErrorInvalidPropertySet', `${path.uri} does not apply to a ${kind}.`);
    if (path.def.readOnly) throw readOnly(path.uri);
  } else if (path.kind === 'indexed' && kind !== 'Contact') {
    throw new StoreError('ErrorInvalidPropertySet', `${path.uri} does not apply to a ${kind}.`);
  }
}

export function applyUpdate(draft: Draft, update: XmlElement): void {
  const pathEl = pathChild(update);
  if (!pathEl) throw new StoreError('ErrorInvalidRequest', `${update.name} needs a FieldURI, IndexedFieldURI or ExtendedFieldURI.`);
  const path = readPropertyPath(pathEl);
  applicable(path, draft.kind);
  switch (update.name) {
    case 'SetItemField':
      return setField(draft, path, itemElement(update, draft.kind));
    case 'AppendToItemField':
      return appendField(draft, path, itemElement(update, draft.kind));
    case 'DeleteItemField':
      return deleteField(draft, path);
    default:
      throw new EwsFault(notImplementedFault(`UpdateItem/${update.name}`));
  }
}

function setField(draft: Draft, path: PropertyPath, itemEl: XmlElement): void {
  if (path.kind === 'extended') {
    const value = parseExtendedProperty(onlyValue(itemEl, 'ExtendedProperty', 'an extended property'));
    if (value.key !== path.key) throw new StoreError('ErrorInvalidPropertySet', 'The ExtendedFieldURI of the path and of the value differ.');
    // PSETID_Address work-address parts are the Business address itself, not a separate value (CON-08).
    const part = addressAliasPart(path.uri, draft.kind);
    if (part) return writeAddressAlias(draft.props, part, value.value);
    draft.extended = [...draft.extended.filter((e) => e.key !== value.key), value];
    return;
  }
  if (path.kind === 'indexed') {
    const container = onlyValue(itemEl, path.container, `${path.uri}[${path.index}]`);
    const entries = container.children.filter((c) => c.ns === NS.types && c.name === 'Entry');
    if (entries.length !== 1 || entries[0]!.attrs['Key'] !== path.index) {
      throw new StoreError('ErrorIncorrectUpdatePropertyCount', `Set ${path.uri} needs exactly one Entry with Key="${path.index}".`);
    }
    if (path.container === 'PhysicalAddresses') {
      const parsed = (addressesCodec.read(container, path.container) as Record<string, PhysicalAddressValue>)[path.index] ?? {};
      const current = { ...((draft.props['PhysicalAddresses'] as Record<string, PhysicalAddressValue> | undefined) ?? {}) };
      current[path.index] = { ...current[path.index], ...parsed };
      draft.props['PhysicalAddresses'] = current;
    } else {
      const parsed = dictionaryCodec.read(container, path.container) as Record<string, string>;
      draft.props[path.container] = { ...((draft.props[path.container] as Record<string, string> | undefined) ?? {}), ...parsed };
    }
    return;
  }
  const def = path.def!;
  const el = onlyValue(itemEl, def.name, def.uri);
  draft.props[def.name] = def.codec.read(el, def.name);
}

function appendField(draft: Draft, path: PropertyPath, itemEl: XmlElement): void {
  if (path.kind !== 'field' || path.def?.name !== 'Body') {
    throw new StoreError('ErrorInvalidPropertyAppend', 'Only item:Body can be appended to.');
  }
  const el = onlyValue(itemEl, 'Body', 'item:Body');
  const current = draft.props['Body'] as BodyValue | undefined;
  draft.props['Body'] = { type: current?.type ?? (el.attrs['BodyType'] === 'HTML' ? 'HTML' : 'Text'), text: (current?.text ?? '') + el.text };
}

function deleteField(draft: Draft, path: PropertyPath): void {
  if (path.kind === 'extended') {
    const part = addressAliasPart(path.uri, draft.kind);
    if (part) return writeAddressAlias(draft.props, part, undefined);
    draft.extended = draft.extended.filter((e) => e.key !== path.key);
    return;
  }
  if (path.kind === 'indexed') {
    const dict = { ...((draft.props[path.container] as Record<string, unknown> | undefined) ?? {}) };
    if (path.part) {
      const address = { ...(dict[path.index] as PhysicalAddressValue | undefined) };
      delete address[path.part as (typeof ADDRESS_PARTS)[number]];
      if (Object.keys(address).length) dict[path.index] = address;
      else delete dict[path.index];
    } else delete dict[path.index];
    draft.props[path.container] = dict;
    return;
  }
  const def = path.def!;
  if (def.name === 'Start' || def.name === 'End') throw new StoreError('ErrorInvalidPropertyDelete', `${def.uri} cannot be deleted from a calendar item.`);
  delete draft.props[def.name];
}

