/**
 * @module
 * Property paths as clients name them — FieldURI, IndexedFieldURI, ExtendedFieldURI — used by AdditionalProperties,
 * UpdateItem's Set/Append/DeleteItemField and Restrictions.
 */
import { StoreError } from '../store/store-error.ts';
import { NS, type XmlElement } from '../soap/xml.ts';
import { fieldByUri, ID_FIELDS, INDEXED_FIELDS, type FieldDef } from './fields.ts';

export type PropertyPath =
  | { kind: 'field'; uri: string; def?: FieldDef }
  | { kind: 'indexed'; uri: string; index: string; container: string; part?: string }
  | { kind: 'extended'; key: string; uri: Record<string, string>; type: string };

/** Folder FieldURIs (FindFolder restrictions and FolderShape); folder operations read them themselves. */
const FOLDER_FIELDS = new Set(['folder:DisplayName', 'folder:FolderClass', 'folder:TotalCount', 'folder:ChildFolderCount', 'folder:UnreadCount', 'folder:FolderId', 'folder:ParentFolderId']);

const EXTENDED_ATTRS = ['DistinguishedPropertySetId', 'PropertySetId', 'PropertyTag', 'PropertyName', 'PropertyId', 'PropertyType'];

/** Canonical identity of an extended property: set + name/id, or the tag. The type is not part of the identity. */
export function extendedKey(attrs: Record<string, string>): string {
  if (attrs['PropertyTag']) {
    const tagNum = Number(attrs['PropertyTag']);
    return `tag:${Number.isFinite(tagNum) ? tagNum.toString(16) : attrs['PropertyTag'].toLowerCase()}`;
  }
  const set = (attrs['PropertySetId'] ?? attrs['DistinguishedPropertySetId'] ?? '').toLowerCase();
  const name = attrs['PropertyName'] !== undefined ? `name:${attrs['PropertyName']}` : `id:${attrs['PropertyId']}`;
  return `${set}|${name}`;
}

export function readExtendedUri(el: XmlElement): { key: string; uri: Record<string, string>; type: string } {
  const uri: Record<string, string> = {};
  for (const a of EXTENDED_ATTRS) if (el.attrs[a] !== undefined) uri[a] = el.attrs[a];
  const type = uri['PropertyType'];
  const named = (uri['PropertySetId'] || uri['DistinguishedPropertySetId']) && (uri['PropertyName'] !== undefined || uri['PropertyId'] !== undefined);
  if (!type || !(uri['PropertyTag'] || named)) {
    throw new StoreError(
      'ErrorInvalidExtendedProperty',
      'An ExtendedFieldURI needs PropertyType and either PropertyTag, or PropertySetId/DistinguishedPropertySetId with PropertyName/PropertyId.',
    );
  }
  return { key: extendedKey(uri), uri, type };
}

/** Reads one path element. Unknown FieldURIs are refused with ErrorInvalidPropertyRequest naming the URI. */
export function readPropertyPath(el: XmlElement): PropertyPath {
  if (el.ns !== NS.types) throw unknownPath(`{${el.ns}}${el.name}`);
  if (el.name === 'FieldURI') {
    const uri = el.attrs['FieldURI'] ?? '';
    const def = fieldByUri(uri);
    if (!def && !(ID_FIELDS as readonly string[]).includes(uri) && !FOLDER_FIELDS.has(uri)) throw unknownPath(uri);
    return def ? { kind: 'field', uri, def } : { kind: 'field', uri };
  }
  if (el.name === 'IndexedFieldURI') {
    const uri = el.attrs['FieldURI'] ?? '';
    const index = el.attrs['FieldIndex'] ?? '';
    const indexed = INDEXED_FIELDS[uri];
    if (!indexed || !index) throw unknownPath(`${uri}[${index}]`);
    return { kind: 'indexed', uri, index, ...indexed };
  }
  if (el.name === 'ExtendedFieldURI') return { kind: 'extended', ...readExtendedUri(el) };
  throw unknownPath(el.name);
}

function unknownPath(what: string): StoreError {
  return new StoreError(
    'ErrorInvalidPropertyRequest',
    `One or more of the properties requested for this request are invalid: ${what} is not a property synclab's Exchange sim models.`,
  );
}

/** The path element child of `parent` (Set/Append/DeleteItemField, IsEqualTo, …). */
export function pathChild(parent: XmlElement): XmlElement | undefined {
  return parent.children.find((c) => c.ns === NS.types && (c.name === 'FieldURI' || c.name === 'IndexedFieldURI' || c.name === 'ExtendedFieldURI'));
}
