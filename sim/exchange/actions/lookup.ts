/**
 * @module
 * How rep actions and expectations find things: mailboxes by address, items by scenario ref / internal uid /
 * current ItemId, folders by name; and the plain ItemSnapshot copies they hand out.
 */
import type { ExchangeStore } from '../store/store.ts';
import type { DistinguishedFolder, StoredFolder, StoredItem } from '../store/types.ts';

/** What expectations read: a plain copy, safe to keep. */
export interface ItemSnapshot {
  uid: string;
  ref?: string;
  kind: StoredItem['kind'];
  mailbox: string;
  folder: string;
  itemId: string;
  changeKey: string;
  created: string;
  modified: string;
  props: Record<string, unknown>;
  extended: Array<{ uri: Record<string, string>; value?: string; values?: string[] }>;
}

const DISTINGUISHED = ['contacts', 'calendar', 'deleteditems', 'inbox', 'msgfolderroot'];

export class Lookup {
  constructor(private readonly store: () => ExchangeStore) {}

  mailbox(address: string): string {
    const m = this.store().mailbox(address);
    if (!m) throw new Error(`exchange action: no mailbox ${address}; mailboxes are ${this.store().mailboxes().map((x) => x.address).join(', ')}`);
    return m.address;
  }

  find(address: string, ref: string): StoredItem | undefined {
    const mailbox = this.mailbox(address);
    return this.store().findItem((i) => i.mailbox === mailbox && (i.ref === ref || i.uid === ref || i.itemId === ref));
  }

  item(address: string, ref: string): StoredItem {
    const item = this.find(address, ref);
    if (!item) throw new Error(`exchange action: mailbox ${address} has no item "${ref}" (give a scenario ref, an internal uid or a current ItemId)`);
    return item;
  }

  /** A distinguished folder (contacts, calendar, …) or any folder below the top of the store by display name. */
  folder(address: string, name: string): StoredFolder {
    const mailbox = this.mailbox(address);
    if (DISTINGUISHED.includes(name.toLowerCase())) return this.store().distinguishedFolder(mailbox, name.toLowerCase() as DistinguishedFolder);
    const found = this.folders(mailbox).find((f) => f.displayName.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`exchange action: mailbox ${mailbox} has no folder "${name}"; it has ${this.folders(mailbox).map((f) => f.displayName).join(', ')}`);
    return found;
  }

  folders(address: string): StoredFolder[] {
    const root = this.store().distinguishedFolder(this.mailbox(address), 'msgfolderroot');
    return this.store().descendantFolders(root.uid);
  }

  snapshot(item: StoredItem): ItemSnapshot {
    return {
      uid: item.uid,
      ...(item.ref ? { ref: item.ref } : {}),
      kind: item.kind,
      mailbox: item.mailbox,
      folder: this.store().folderByUid(item.folderUid).displayName,
      itemId: item.itemId,
      changeKey: item.changeKey,
      created: new Date(item.created).toISOString(),
      modified: new Date(item.modified).toISOString(),
      props: structuredClone(item.props),
      extended: item.extended.map((e) => ({ uri: { ...e.uri }, ...(e.value !== undefined ? { value: e.value } : {}), ...(e.values ? { values: [...e.values] } : {}) })),
    };
  }
}

/** Dictionaries (emails, phones, addresses) merge entry by entry; everything else is replaced. */
export function mergeProps(item: StoredItem, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = item.props[key];
    const dictionary = ['EmailAddresses', 'PhoneNumbers', 'PhysicalAddresses'].includes(key);
    if (!(dictionary && isRecord(value) && isRecord(current))) {
      item.props[key] = value;
      continue;
    }
    // PhysicalAddresses entries are themselves records (Street, City, …): a rep editing the city in Outlook keeps
    // the street, so entries merge part by part instead of replacing the whole Business address.
    const merged: Record<string, unknown> = { ...current };
    for (const [entryKey, entry] of Object.entries(value)) {
      const before = merged[entryKey];
      merged[entryKey] = key === 'PhysicalAddresses' && isRecord(entry) && isRecord(before) ? { ...before, ...entry } : entry;
    }
    item.props[key] = merged;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
