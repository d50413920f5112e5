/**
 * @module
 * GetFolder: one ResponseMessage per requested folder (clients bind Contacts/Calendar with it, client-probe §3.4).
 */
import { child, NS } from '../soap/xml.ts';
import type { OperationHandler } from './context.ts';
import { folderIdElements, folderShape, folderXml, resolveFolder } from './folders.ts';
import { batch } from './messages.ts';

export const getFolder: OperationHandler = (op, ctx) => {
  const shape = folderShape(op);
  const out = batch('GetFolder');
  const ids = folderIdElements(child(op, NS.messages, 'FolderIds'));
  for (const idEl of ids) {
    out.run(() => `<m:Folders>${folderXml(ctx, resolveFolder(ctx, idEl), shape)}</m:Folders>`, '<m:Folders/>');
  }
  return out.result(false, ids.length);
};
