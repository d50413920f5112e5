/**
 * @module
 * The Exchange sim's state: mailboxes, folders, items and a change journal per folder. Every mutation goes through
 * here, whether it came from an EWS client or from a rep action, so both bump ChangeKeys and show up in
 * SyncFolderItems alike (SIM-EX-01, SIM-EX-02). Times come from the injected clock only.
 */
import type { Clock } from '#time/clock.ts';
import { detachString } from '#util/detach.ts';
import { mintChangeKey, mintFolderId, mintItemId } from './ids.ts';
import { FolderTree } from './folder-tree.ts';
import { ItemIndex } from './item-index.ts';
import { itemNotFound, StoreError } from './store-error.ts';
import type {
  DistinguishedFolder,
  ExtendedValue,
  FolderClass,
  ItemKind,
  ItemProps,
  JournalEntry,
  StoredFolder,
  StoredItem,
  StoredMailbox,
  StoreSnapshot,
} from './types.ts';

export type DeleteMode = 'HardDelete' | 'SoftDelete' | 'MoveToDeletedItems';

export class ExchangeStore {
  #mailboxes = new Map<string, StoredMailbox>();
  #folders = new FolderTree();
  #items = new ItemIndex();
  #journals = new Map<string, JournalEntry[]>();
  #seq = 0;
  #nextUid = 1;
  #epoch: string;
  #resets = 0;
  /** Shared extended property names, by their ExtendedFieldURI attributes (see `#compact`). */
  #extendedNames = new Map<string, { key: string; uri: Readonly<Record<string, string>> }>();

  constructor(
    private readonly clock: Clock,
    private readonly epochSeed = 0,
  ) {
    this.#epoch = this.#makeEpoch();
  }

  get epoch(): string {
    return this.#epoch;
  }

  /** Global journal position: every change in every folder takes the next number. */
  get seq(): number {
    return this.#seq;
  }

  // ---- mailboxes and folders -------------------------------------------------------------------------------

  addMailbox(mailbox: StoredMailbox): StoredMailbox {
    const key = mailbox.address.toLowerCase();
    if (this.#mailboxes.has(key)) throw new Error(`exchange world: mailbox ${mailbox.address} is listed twice`);
    const stored = { ...mailbox, address: key };
    this.#mailboxes.set(key, stored);
    const root = this.#addFolder(key, undefined, 'root', '', 'IPF.Note');
    const top = this.#addFolder(key, root.uid, 'msgfolderroot', 'Top of Information Store', 'IPF.Note');
    this.#addFolder(key, top.uid, 'inbox', 'Inbox', 'IPF.Note');
    this.#addFolder(key, top.uid, 'contacts', 'Contacts', 'IPF.Contact');
    this.#addFolder(key, top.uid, 'calendar', 'Calendar', 'IPF.Appointment');
    this.#addFolder(key, top.uid, 'deleteditems', 'Deleted Items', 'IPF.Note');
    return stored;
  }

  mailbox(address: string): StoredMailbox | undefined {
    return this.#mailboxes.get(address.toLowerCase());
  }

  mailboxes(): StoredMailbox[] {
    return [...this.#mailboxes.values()];
  }

  distinguishedFolder(mailbox: string, name: DistinguishedFolder): StoredFolder {
    return this.#folders.distinguished(mailbox, name);
  }

  folderByUid(uid: string): StoredFolder {
    return this.#folders.byUid(uid);
  }

  /** A folder by its EWS FolderId, only within `mailbox` (another mailbox's id is "not found", as on Exchange). */
  folderById(mailbox: string, folderId: string): StoredFolder {
    return this.#folders.byId(mailbox, folderId);
  }

  childFolders(parentUid: string): StoredFolder[] {
    return this.#folders.children(parentUid);
  }

  /** All folders below `parentUid`, depth first (FindFolder Traversal="Deep"). */
  descendantFolders(parentUid: string): StoredFolder[] {
    return this.#folders.descendants(parentUid);
  }

  /** `asWorld`: the world says the folder already exists, so a mailbox's denyFolderCreation does not apply. */
  createFolder(mailbox: string, parentUid: string, displayName: string, folderClass: FolderClass, options: { asWorld?: boolean } = {}): StoredFolder {
    const box = this.mailbox(mailbox);
    if (!box) throw new StoreError('ErrorNonExistentMailbox', `No mailbox with SMTP address ${mailbox} exists.`);
    if (box.denyFolderCreation && !options.asWorld) {
      throw new StoreError('ErrorAccessDenied', 'Access is denied. Check credentials and try again., Cannot create the folder.');
    }
    const parent = this.folderByUid(parentUid);
    if (displayName.trim() === '') throw new StoreError('ErrorInvalidValueForProperty', 'The folder name must not be empty.');
    if (this.childFolders(parent.uid).some((f) => f.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw new StoreError('ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    return this.#addFolder(box.address, parent.uid, undefined, displayName, folderClass);
  }

  #addFolder(mailbox: string, parentUid: string | undefined, distinguished: DistinguishedFolder | undefined, displayName: string, folderClass: FolderClass): StoredFolder {
    const uid = `f${this.#nextUid++}`;
    const folder: StoredFolder = {
      uid,
      folderId: mintFolderId(mailbox, uid),
      changeKey: mintChangeKey('Folder', uid, 1),
      mailbox,
      displayName,
      folderClass,
      ...(parentUid ? { parentUid } : {}),
      ...(distinguished ? { distinguished } : {}),
    };
    this.#folders.add(folder);
    this.#journals.set(uid, []);
    return folder;
  }

  // ---- items -----------------------------------------------------------------------------------------------

  itemsIn(folderUid: string): StoredItem[] {
    return this.#items.inFolder(folderUid);
  }

  allItems(mailbox?: string): StoredItem[] {
    const key = mailbox?.toLowerCase();
    return [...this.#items.all()].filter((i) => key === undefined || i.mailbox === key);
  }

  itemByUid(uid: string): StoredItem | undefined {
    return this.#items.byUid(uid);
  }

  /** An item by its current ItemId, only within `mailbox`. An id from before a move is not found (SIM-EX-02). */
  itemById(mailbox: string, itemId: string): StoredItem {
    const item = this.#items.byId(itemId);
    if (!item || item.mailbox !== mailbox.toLowerCase()) throw itemNotFound();
    return item;
  }

  findItem(predicate: (item: StoredItem) => boolean): StoredItem | undefined {
    for (const item of this.#items.all()) if (predicate(item)) return item;
    return undefined;
  }

  createItem(input: { mailbox: string; folderUid: string; kind: ItemKind; props: ItemProps; extended?: ExtendedValue[]; ref?: string }): StoredItem {
    const folder = this.folderByUid(input.folderUid);
    const uid = `i${this.#nextUid++}`;
    const now = this.clock.now();
    const item: StoredItem = {
      uid,
      kind: input.kind,
      mailbox: folder.mailbox,
      folderUid: folder.uid,
      itemId: mintItemId(folder.mailbox, uid, 0),
      changeKey: mintChangeKey(input.kind, uid, 1),
      version: 1,
      moves: 0,
      created: now,
      modified: now,
      props: input.props,
      extended: input.extended ?? [],
      ...(input.ref ? { ref: detachString(input.ref) } : {}),
    };
    this.#compact(item);
    this.#items.add(item);
    this.#journal(folder.uid, item, 'create');
    return item;
  }

  /** Applies `mutate` to the item, then gives it a new ChangeKey and LastModifiedTime and journals an update. */
  updateItem(uid: string, mutate: (item: StoredItem) => void): StoredItem {
    const item = this.#items.byUid(uid);
    if (!item) throw itemNotFound();
    mutate(item);
    this.#compact(item);
    this.#touch(item);
    this.#journal(item.folderUid, item, 'update');
    return item;
  }

  moveItem(uid: string, targetFolderUid: string): StoredItem {
    const item = this.#items.byUid(uid);
    if (!item) throw itemNotFound();
    const target = this.folderByUid(targetFolderUid);
    if (target.mailbox !== item.mailbox) throw new StoreError('ErrorInvalidOperation', 'Items cannot be moved between mailboxes.');
    if (target.uid === item.folderUid) return item;
    this.#journal(item.folderUid, item, 'delete');
    this.#items.remove(item);
    item.moves++;
    item.folderUid = target.uid;
    item.itemId = mintItemId(item.mailbox, item.uid, item.moves);
    this.#items.add(item);
    this.#touch(item);
    this.#journal(target.uid, item, 'create');
    return item;
  }

  deleteItem(uid: string, mode: DeleteMode): StoredItem | undefined {
    const item = this.#items.byUid(uid);
    if (!item) throw itemNotFound();
    const deletedItems = this.distinguishedFolder(item.mailbox, 'deleteditems');
    if (mode === 'MoveToDeletedItems' && item.folderUid !== deletedItems.uid) return this.moveItem(uid, deletedItems.uid);
    // HardDelete and SoftDelete both take the item out of every folder view; the sim keeps no Recoverable Items.
    this.#journal(item.folderUid, item, 'delete');
    this.#items.remove(item);
    return undefined;
  }

  journal(folderUid: string): readonly JournalEntry[] {
    return this.#journals.get(folderUid) ?? [];
  }

  /**
   * Keeps a stored item small (a large rehearsal stores 1.5 M of them; issue #6 §6): compact props, and one shared,
   * frozen copy of each extended property name — every item the engine pairs carries the same two or three.
   */
  #compact(item: StoredItem): void {
    // One compact copy of the props: flat strings instead of the cons strings and slices world building and request
    // parsing leave behind, and objects laid out in one piece (a JSON round trip; props are plain JSON by design).
    item.props = JSON.parse(JSON.stringify(item.props)) as ItemProps;
    for (const e of item.extended) {
      const signature = JSON.stringify(e.uri);
      let shared = this.#extendedNames.get(signature);
      if (!shared) this.#extendedNames.set(signature, (shared = { key: e.key, uri: Object.freeze({ ...e.uri }) }));
      if (shared.key === e.key) {
        e.key = shared.key;
        e.uri = shared.uri;
      }
    }
  }

  #touch(item: StoredItem): void {
    item.version++;
    item.changeKey = mintChangeKey(item.kind, item.uid, item.version);
    item.modified = Math.max(this.clock.now(), item.modified);
  }

  #journal(folderUid: string, item: StoredItem, op: JournalEntry['op']): void {
    const entry: JournalEntry = { seq: ++this.#seq, uid: item.uid, op, itemId: item.itemId, changeKey: item.changeKey };
    this.#journals.get(folderUid)?.push(entry);
  }

  // ---- snapshot / restore / reset --------------------------------------------------------------------------

  snapshot(): StoreSnapshot {
    return structuredClone({
      format: 'synclab-exchange-store/1' as const,
      epoch: this.#epoch,
      seq: this.#seq,
      nextUid: this.#nextUid,
      mailboxes: [...this.#mailboxes.values()],
      folders: this.#folders.all(),
      items: [...this.#items.all()],
      journals: Object.fromEntries(this.#journals),
    });
  }

  restore(snapshot: StoreSnapshot): void {
    if (snapshot?.format !== 'synclab-exchange-store/1') {
      throw new Error(`exchange sim restore: not an Exchange store snapshot (format ${String(snapshot?.format)}); pass what snapshot() returned`);
    }
    const copy = structuredClone(snapshot);
    this.#clear();
    this.#epoch = copy.epoch;
    this.#seq = copy.seq;
    this.#nextUid = copy.nextUid;
    for (const m of copy.mailboxes) this.#mailboxes.set(m.address, m);
    for (const f of copy.folders) this.#folders.add(f);
    for (const i of copy.items) this.#items.add(i);
    for (const [uid, entries] of Object.entries(copy.journals)) this.#journals.set(uid, entries);
  }

  /** Empties the store and starts a new epoch: SyncStates issued before are refused from now on. */
  reset(): void {
    this.#clear();
    this.#seq = 0;
    this.#nextUid = 1;
    this.#resets++;
    this.#epoch = this.#makeEpoch();
  }

  #clear(): void {
    this.#mailboxes.clear();
    this.#folders.clear();
    this.#items.clear();
    this.#journals.clear();
  }

  #makeEpoch(): string {
    return `${(this.epochSeed >>> 0).toString(36)}-${this.#resets}-${this.clock.now().toString(36)}`;
  }
}
