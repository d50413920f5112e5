/**
 * @module
 * CreateFolder: the engine creates Salesforce_Sync under Contacts with it (CON-01). A duplicate name answers
 * ErrorFolderExists; a mailbox with `denyFolderCreation` answers ErrorAccessDenied.
 */
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, NS } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { FolderClass } from '../store/types.ts';
import type { OperationHandler } from './context.ts';
import { folderIdElements, folderXml, resolveFolder } from './folders.ts';
import { batch } from './messages.ts';

const CLASS_BY_ELEMENT: Record<string, FolderClass> = {
  Folder: 'IPF.Note',
  ContactsFolder: 'IPF.Contact',
  CalendarFolder: 'IPF.Appointment',
};

export const createFolder: OperationHandler = (op, ctx) => {
  const parentEl = folderIdElements(child(op, NS.messages, 'ParentFolderId'))[0];
  if (!parentEl) throw new StoreError('ErrorInvalidRequest', 'CreateFolder needs ParentFolderId.');
  const folders = child(op, NS.messages, 'Folders')?.children ?? [];
  const out = batch('CreateFolder');
  let created = 0;
  for (const folderEl of folders) {
    const declared = CLASS_BY_ELEMENT[folderEl.name];
    if (folderEl.ns !== NS.types || !declared) throw new EwsFault(notImplementedFault(`CreateFolder of ${folderEl.name}`));
    const ok = out.run(() => {
      const parent = resolveFolder(ctx, parentEl);
      const name = child(folderEl, NS.types, 'DisplayName')?.text ?? '';
      const folderClass = (child(folderEl, NS.types, 'FolderClass')?.text as FolderClass | undefined) ?? declared;
      const folder = ctx.store.createFolder(ctx.mailbox.address, parent.uid, name, folderClass);
      return `<m:Folders>${folderXml(ctx, folder, 'IdOnly')}</m:Folders>`;
    }, '<m:Folders/>');
    if (ok) created++;
  }
  return out.result(created > 0, created);
};
