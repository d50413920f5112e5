/**
 * @module
 * The items of every mailbox, indexed by internal uid, by current ItemId and by folder (in creation order), so
 * FindItem and SyncFolderItems never scan the whole store. ExchangeStore decides what changes; this keeps the
 * indexes consistent with it.
 */
import type { StoredItem } from './types.ts';

export class ItemIndex {
  #byUid = new Map<string, StoredItem>();
  #byId = new Map<string, StoredItem>();
  #byFolder = new Map<string, Set<string>>();

  add(item: StoredItem): void {
    this.#byUid.set(item.uid, item);
    this.#byId.set(item.itemId, item);
    let set = this.#byFolder.get(item.folderUid);
    if (!set) this.#byFolder.set(item.folderUid, (set = new Set()));
    set.add(item.uid);
  }

  /** Call before changing an item's folder or ItemId, then `add` it again. */
  remove(item: StoredItem): void {
    this.#byUid.delete(item.uid);
    this.#byId.delete(item.itemId);
    this.#byFolder.get(item.folderUid)?.delete(item.uid);
  }

  byUid(uid: string): StoredItem | undefined {
    return this.#byUid.get(uid);
  }

  byId(itemId: string): StoredItem | undefined {
    return this.#byId.get(itemId);
  }

  /** Creation order (uid number), so a moved-in item sorts by when it was made. */
  inFolder(folderUid: string): StoredItem[] {
    const uids = this.#byFolder.get(folderUid);
    if (!uids) return [];
    return [...uids].map((uid) => this.#byUid.get(uid)!).sort((a, b) => uidNumber(a.uid) - uidNumber(b.uid));
  }

  all(): IterableIterator<StoredItem> {
    return this.#byUid.values();
  }

  clear(): void {
    this.#byUid.clear();
    this.#byId.clear();
    this.#byFolder.clear();
  }
}

function uidNumber(uid: string): number {
  return Number(uid.slice(1));
}
