/**
 * @module
 * The operations the sim implements, by EWS operation name. Anything not listed answers the "not implemented by
 * synclab's Exchange sim" SOAP fault (fail closed).
 */
import type { OperationHandler } from './context.ts';
import { copyItem } from './copy-item.ts';
import { createFolder } from './create-folder.ts';
import { createItem } from './create-item.ts';
import { deleteItem } from './delete-item.ts';
import { findFolder } from './find-folder.ts';
import { findItem } from './find-item.ts';
import { getFolder } from './get-folder.ts';
import { getItem } from './get-item.ts';
import { moveItem } from './move-item.ts';
import { resolveNames } from './resolve-names.ts';
import { syncFolderHierarchy } from './sync-folder-hierarchy.ts';
import { syncFolderItems } from './sync-folder-items.ts';
import { updateItem } from './update-item.ts';

export const OPERATIONS: Record<string, OperationHandler> = {
  GetFolder: getFolder,
  FindFolder: findFolder,
  CreateFolder: createFolder,
  FindItem: findItem,
  GetItem: getItem,
  CreateItem: createItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  MoveItem: moveItem,
  CopyItem: copyItem,
  SyncFolderItems: syncFolderItems,
  SyncFolderHierarchy: syncFolderHierarchy,
  ResolveNames: resolveNames,
};

export type { OperationContext, OperationHandler, OperationResult } from './context.ts';
