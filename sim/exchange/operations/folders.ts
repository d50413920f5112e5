/**
 * @module
 * Folder ids and folder XML shared by the folder operations and the item operations' ParentFolderId /
 * SavedItemFolderId / SyncFolderId arguments.
 */
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, NS, tag, textTag, type XmlElement } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import { DISTINGUISHED_FOLDERS, type DistinguishedFolder, type StoredFolder } from '../store/types.ts';
import type { OperationContext } from './context.ts';

/** Resolves `<t:FolderId Id>` or `<t:DistinguishedFolderId Id>` (with an optional `<t:Mailbox>`) in the acting mailbox. */
export function resolveFolder(ctx: OperationContext, el: XmlElement): StoredFolder {
  if (el.ns === NS.types && el.name === 'FolderId') {
    const id = el.attrs['Id'];
    if (!id) throw new StoreError('ErrorInvalidIdMalformed', 'FolderId needs an Id attribute.');
    return ctx.store.folderById(ctx.mailbox.address, id);
  }
  if (el.ns === NS.types && el.name === 'DistinguishedFolderId') {
    const name = el.attrs['Id'] ?? '';
    const other = child(child(el, NS.types, 'Mailbox'), NS.types, 'EmailAddress')?.text.trim();
    if (other && other.toLowerCase() !== ctx.mailbox.address) {
      throw new EwsFault(notImplementedFault(`delegate access to another mailbox's folder (${other}); use ExchangeImpersonation`));
    }
    if (!(DISTINGUISHED_FOLDERS as readonly string[]).includes(name)) {
      throw new EwsFault(notImplementedFault(`distinguished folder "${name}" (modelled: ${DISTINGUISHED_FOLDERS.join(', ')})`));
    }
    return ctx.store.distinguishedFolder(ctx.mailbox.address, name as DistinguishedFolder);
  }
  throw new EwsFault(notImplementedFault(`folder id element ${el.name}`));
}

/** All FolderId/DistinguishedFolderId children of a container element such as `<m:FolderIds>`. */
export function folderIdElements(container: XmlElement | undefined): XmlElement[] {
  return (container?.children ?? []).filter((c) => c.ns === NS.types && (c.name === 'FolderId' || c.name === 'DistinguishedFolderId'));
}

export function folderElementName(folder: StoredFolder): string {
  return folder.folderClass === 'IPF.Contact' ? 't:ContactsFolder' : folder.folderClass === 'IPF.Appointment' ? 't:CalendarFolder' : 't:Folder';
}

export function folderIdXml(folder: StoredFolder): string {
  return tag('t:FolderId', { Id: folder.folderId, ChangeKey: folder.changeKey });
}

export type FolderShapeName = 'IdOnly' | 'Default' | 'AllProperties';

export interface FolderShape {
  base: FolderShapeName;
  /** folder:* FieldURIs asked for in AdditionalProperties. */
  additional: string[];
}

const FOLDER_URIS = ['folder:ParentFolderId', 'folder:FolderClass', 'folder:DisplayName', 'folder:TotalCount', 'folder:ChildFolderCount', 'folder:UnreadCount'];

export function folderXml(ctx: OperationContext, folder: StoredFolder, shape: FolderShape | FolderShapeName): string {
  const s: FolderShape = typeof shape === 'string' ? { base: shape, additional: [] } : shape;
  const has = (uri: string, inDefault: boolean): boolean =>
    s.additional.includes(uri) || s.base === 'AllProperties' || (s.base === 'Default' && inDefault);
  let inner = folderIdXml(folder);
  const parent = folder.parentUid ? ctx.store.folderByUid(folder.parentUid) : undefined;
  if (parent && has('folder:ParentFolderId', false)) inner += tag('t:ParentFolderId', { Id: parent.folderId, ChangeKey: parent.changeKey });
  if (has('folder:FolderClass', false)) inner += textTag('t:FolderClass', folder.folderClass);
  if (has('folder:DisplayName', true)) inner += textTag('t:DisplayName', folder.displayName);
  if (has('folder:TotalCount', true)) inner += textTag('t:TotalCount', ctx.store.itemsIn(folder.uid).length);
  if (has('folder:ChildFolderCount', true)) inner += textTag('t:ChildFolderCount', ctx.store.childFolders(folder.uid).length);
  if (folder.folderClass === 'IPF.Note' && has('folder:UnreadCount', true)) inner += textTag('t:UnreadCount', 0);
  return tag(folderElementName(folder), {}, inner);
}

export function folderShape(operation: XmlElement): FolderShape {
  const shapeEl = child(operation, NS.messages, 'FolderShape');
  const base = child(shapeEl, NS.types, 'BaseShape')?.text.trim() ?? 'Default';
  if (base !== 'IdOnly' && base !== 'Default' && base !== 'AllProperties') {
    throw new StoreError('ErrorInvalidPropertyRequest', `BaseShape "${base}" is not IdOnly, Default or AllProperties.`);
  }
  const additional: string[] = [];
  for (const el of child(shapeEl, NS.types, 'AdditionalProperties')?.children ?? []) {
    const uri = el.attrs['FieldURI'] ?? '';
    if (el.name !== 'FieldURI' || !FOLDER_URIS.includes(uri)) {
      throw new StoreError('ErrorInvalidPropertyRequest', `${uri || el.name} is not a folder property synclab's Exchange sim models (${FOLDER_URIS.join(', ')}).`);
    }
    additional.push(uri);
  }
  return { base, additional };
}
