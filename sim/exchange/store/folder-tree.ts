/**
 * @module
 * The folders of every mailbox, indexed by internal uid, by EWS FolderId, by parent and by distinguished name.
 * ExchangeStore owns one and decides what may be created; this only keeps the lookups fast and consistent.
 */
import { folderNotFound } from './store-error.ts';
import type { DistinguishedFolder, StoredFolder } from './types.ts';

export class FolderTree {
  #byUid = new Map<string, StoredFolder>();
  #byId = new Map<string, StoredFolder>();
  #children = new Map<string, StoredFolder[]>();
  #distinguished = new Map<string, StoredFolder>();

  add(folder: StoredFolder): void {
    this.#byUid.set(folder.uid, folder);
    this.#byId.set(folder.folderId, folder);
    if (folder.parentUid) this.#children.set(folder.parentUid, [...(this.#children.get(folder.parentUid) ?? []), folder]);
    if (folder.distinguished) this.#distinguished.set(`${folder.mailbox}|${folder.distinguished}`, folder);
  }

  byUid(uid: string): StoredFolder {
    const folder = this.#byUid.get(uid);
    if (!folder) throw folderNotFound();
    return folder;
  }

  /** Another mailbox's FolderId is "not found", as on Exchange. */
  byId(mailbox: string, folderId: string): StoredFolder {
    const folder = this.#byId.get(folderId);
    if (!folder || folder.mailbox !== mailbox.toLowerCase()) throw folderNotFound();
    return folder;
  }

  distinguished(mailbox: string, name: DistinguishedFolder): StoredFolder {
    const folder = this.#distinguished.get(`${mailbox.toLowerCase()}|${name}`);
    if (!folder) throw folderNotFound();
    return folder;
  }

  children(parentUid: string): StoredFolder[] {
    return [...(this.#children.get(parentUid) ?? [])];
  }

  /** Depth first (FindFolder Traversal="Deep", SyncFolderHierarchy). */
  descendants(parentUid: string): StoredFolder[] {
    const out: StoredFolder[] = [];
    for (const child of this.children(parentUid)) out.push(child, ...this.descendants(child.uid));
    return out;
  }

  all(): StoredFolder[] {
    return [...this.#byUid.values()];
  }

  clear(): void {
    this.#byUid.clear();
    this.#byId.clear();
    this.#children.clear();
    this.#distinguished.clear();
  }
}
