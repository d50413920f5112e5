/**
 * @module
 * Reads `<m:ItemShape>` (BaseShape + AdditionalProperties) for FindItem, GetItem and SyncFolderItems.
 */
import type { BaseShape, ItemShape } from '../items/item-xml.ts';
import { readPropertyPath } from '../items/property-path.ts';
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, NS, type XmlElement } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';

export function readItemShape(operation: XmlElement, view: 'find' | 'get'): ItemShape {
  const shapeEl = child(operation, NS.messages, 'ItemShape');
  if (!shapeEl) throw new StoreError('ErrorInvalidRequest', `${operation.name} needs an ItemShape.`);
  const base = child(shapeEl, NS.types, 'BaseShape')?.text.trim() ?? '';
  if (base !== 'IdOnly' && base !== 'Default' && base !== 'AllProperties') {
    throw new StoreError('ErrorInvalidPropertyRequest', `BaseShape must be IdOnly, Default or AllProperties; got "${base}".`);
  }
  const bodyType = child(shapeEl, NS.types, 'BodyType')?.text.trim();
  if (bodyType && bodyType !== 'Best' && bodyType !== 'Text' && bodyType !== 'HTML') {
    throw new StoreError('ErrorInvalidRequest', `BodyType "${bodyType}" is not Best, Text or HTML.`);
  }
  for (const el of shapeEl.children) {
    if (el.ns === NS.types && ['BaseShape', 'AdditionalProperties', 'BodyType', 'IncludeMimeContent', 'FilterHtmlContent', 'ConvertHtmlCodePageToUTF8'].includes(el.name)) continue;
    throw new EwsFault(notImplementedFault(`ItemShape/${el.name}`));
  }
  const additional = (child(shapeEl, NS.types, 'AdditionalProperties')?.children ?? []).map(readPropertyPath);
  if (view === 'find') {
    const bad = additional.find((p) => p.kind === 'field' && p.def?.getItemOnly);
    if (bad && bad.kind === 'field') {
      throw new StoreError('ErrorInvalidPropertyRequest', `The property ${bad.uri} can't be used in FindItem requests; load it with GetItem.`);
    }
  }
  return { base: base as BaseShape, additional, view, ...(bodyType ? { bodyType: bodyType as 'Best' | 'Text' | 'HTML' } : {}) };
}
