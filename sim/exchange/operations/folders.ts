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

export function folderXml(ctx: OperationContext, folder: StoredFolder, shape: 'IdOnly' | 'Default' | 'AllProperties'): string {
  let inner = folderIdXml(folder);
  if (shape !== 'IdOnly') {
    const parent = folder.parentUid ? ctx.store.folderByUid(folder.parentUid) : undefined;
    if (parent && shape === 'AllProperties') inner += tag('t:ParentFolderId', { Id: parent.folderId, ChangeKey: parent.changeKey });
    if (shape === 'AllProperties') inner += textTag('t:FolderClass', folder.folderClass);
    inner += textTag('t:DisplayName', folder.displayName);
    inner += textTag('t:TotalCount', ctx.store.itemsIn(folder.uid).length);
    inner += textTag('t:ChildFolderCount', ctx.store.childFolders(folder.uid).length);
    if (folder.folderClass === 'IPF.Note') inner += textTag('t:UnreadCount', 0);
  }
  return tag(folderElementName(folder), {}, inner);
}

export function folderShape(operation: XmlElement): 'IdOnly' | 'Default' | 'AllProperties' {
  const base = child(child(operation, NS.messages, 'FolderShape'), NS.types, 'BaseShape')?.text.trim() ?? 'Default';
  if (base !== 'IdOnly' && base !== 'Default' && base !== 'AllProperties') {
    throw new StoreError('ErrorInvalidPropertyRequest', `BaseShape "${base}" is not IdOnly, Default or AllProperties.`);
  }
  return base;
}
