/**
 * @module
 * EWS's schema declares most request arrays NonEmptyArrayOf… (minOccurs 1). Exchange rejects an empty one with
 * ErrorSchemaValidation before doing anything — e.g. the empty `<t:Updates/>` ews-javascript-api 0.15.3 sends when
 * only a PhysicalAddress entry changed (docs/discoveries/ews-client-quirks.md). The sim does the same instead of
 * answering an empty success.
 */
import { EwsFault, schemaValidationFault } from '../soap/fault.ts';
import type { XmlElement } from '../soap/xml.ts';

export function requireChildren(parent: XmlElement | undefined, owner: XmlElement, name: string, expected: string): XmlElement[] {
  const list = parent?.children ?? [];
  if (list.length === 0) {
    const at = parent ?? owner;
    throw new EwsFault(
      schemaValidationFault(`The element '${name}' has incomplete content. List of possible elements expected: ${expected}.`, at.line, at.column),
    );
  }
  return list;
}
