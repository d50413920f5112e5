/**
 * @module
 * FindFolder with Traversal Shallow/Deep, a Restriction (the engine looks up Salesforce_Sync by DisplayName,
 * capture 01) and IndexedPageFolderView paging.
 */
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, NS, tag } from '../soap/xml.ts';
import { compileRestriction } from '../items/restriction.ts';
import type { StoredFolder } from '../store/types.ts';
import type { OperationContext, OperationHandler } from './context.ts';
import { folderIdElements, folderShape, folderXml, resolveFolder } from './folders.ts';
import { batch } from './messages.ts';
import { readIndexedPaging } from './paging.ts';

export const findFolder: OperationHandler = (op, ctx) => {
  const shape = folderShape(op);
  const traversal = op.attrs['Traversal'] ?? 'Shallow';
  if (traversal !== 'Shallow' && traversal !== 'Deep') throw new EwsFault(notImplementedFault(`FindFolder Traversal="${traversal}"`));
  const restrictionEl = child(op, NS.messages, 'Restriction');
  const predicate = restrictionEl ? compileRestriction(restrictionEl) : undefined;
  const paging = readIndexedPaging(child(op, NS.messages, 'IndexedPageFolderView'), 'IndexedPageFolderView');
  const out = batch('FindFolder');
  for (const parentEl of folderIdElements(child(op, NS.messages, 'ParentFolderIds'))) {
    out.run(() => {
      const parent = resolveFolder(ctx, parentEl);
      const all = traversal === 'Deep' ? ctx.store.descendantFolders(parent.uid) : ctx.store.childFolders(parent.uid);
      const matching = predicate ? all.filter((f) => predicate((path) => folderProperty(ctx, f, path.kind === 'field' ? path.uri : ''))) : all;
      const page = paging.apply(matching);
      return tag(
        'm:RootFolder',
        page.attrs,
        `<t:Folders>${page.items.map((f) => folderXml(ctx, f, shape)).join('')}</t:Folders>`,
      );
    }, '');
  }
  return out.result(false);
};

function folderProperty(ctx: OperationContext, folder: StoredFolder, uri: string): unknown {
  switch (uri) {
    case 'folder:DisplayName':
      return folder.displayName;
    case 'folder:FolderClass':
      return folder.folderClass;
    case 'folder:TotalCount':
      return ctx.store.itemsIn(folder.uid).length;
    case 'folder:ChildFolderCount':
      return ctx.store.childFolders(folder.uid).length;
    default:
      throw new EwsFault(notImplementedFault(`FindFolder restriction on ${uri || 'a non-FieldURI property'}`));
  }
}
