/**
 * @module
 * Rep actions: what a sales rep does in Outlook, applied straight to the store (in-process, and as JSON over
 * `POST /_sim/actions`). They bump ChangeKeys and appear in SyncFolderItems exactly like client changes. Items are
 * referenced by scenario ref, internal uid, or current ItemId. Also read helpers for expectations.
 */
import { toEpochMs } from '#time/clock.ts';
import type { ModifiedOccurrenceValue } from './items/values.ts';
import type { ExchangeStore, DeleteMode } from './store/store.ts';
import type { DistinguishedFolder, StoredFolder, StoredItem } from './store/types.ts';
import { contactProps, eventProps, loggedToSalesforceValue } from './world/spec-to-props.ts';
import { SALESFORCE_SYNC_FOLDER } from './world/build-store.ts';
import type { ContactSpec, EventSpec, Sensitivity } from './world.ts';

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

export type ExchangeAction =
  | { type: 'createContact'; mailbox: string; contact: ContactSpec }
  | { type: 'updateContact'; mailbox: string; item: string; set: Partial<ContactSpec> }
  | { type: 'createEvent'; mailbox: string; event: EventSpec }
  | { type: 'updateEvent'; mailbox: string; item: string; set: Partial<EventSpec> }
  | { type: 'deleteItem'; mailbox: string; item: string; mode?: DeleteMode }
  | { type: 'moveItem'; mailbox: string; item: string; folder: string }
  | { type: 'markPrivate'; mailbox: string; item: string; sensitivity?: Sensitivity }
  | { type: 'logToSalesforce'; mailbox: string; item: string; logged?: boolean }
  | { type: 'deleteOccurrence'; mailbox: string; item: string; originalStart: string }
  | { type: 'modifyOccurrence'; mailbox: string; item: string; originalStart: string; set: Partial<EventSpec> }
  | { type: 'restoreOccurrence'; mailbox: string; item: string; originalStart: string };

export interface ExchangeActions {
  createContact(mailbox: string, contact: ContactSpec): ItemSnapshot;
  updateContact(mailbox: string, item: string, set: Partial<ContactSpec>): ItemSnapshot;
  createEvent(mailbox: string, event: EventSpec): ItemSnapshot;
  updateEvent(mailbox: string, item: string, set: Partial<EventSpec>): ItemSnapshot;
  deleteItem(mailbox: string, item: string, mode?: DeleteMode): void;
  moveItem(mailbox: string, item: string, folder: string): ItemSnapshot;
  markPrivate(mailbox: string, item: string, sensitivity?: Sensitivity): ItemSnapshot;
  logToSalesforce(mailbox: string, item: string, logged?: boolean): ItemSnapshot;
  deleteOccurrence(mailbox: string, item: string, originalStart: string): ItemSnapshot;
  modifyOccurrence(mailbox: string, item: string, originalStart: string, set: Partial<EventSpec>): ItemSnapshot;
  restoreOccurrence(mailbox: string, item: string, originalStart: string): ItemSnapshot;
  /** Runs a JSON action (the control API's form). */
  apply(action: ExchangeAction): ItemSnapshot | undefined;
  // ---- reads for expectations ----
  item(mailbox: string, item: string): ItemSnapshot | undefined;
  itemsIn(mailbox: string, folder: string, predicate?: (item: ItemSnapshot) => boolean): ItemSnapshot[];
  findItems(mailbox: string, predicate: (item: ItemSnapshot) => boolean): ItemSnapshot[];
  folderNames(mailbox: string): string[];
}

interface SimLike {
  readonly store: ExchangeStore;
}

export function createExchangeActions(sim: SimLike): ExchangeActions {
  const store = (): ExchangeStore => sim.store;

  const mailboxOf = (address: string): string => {
    const m = store().mailbox(address);
    if (!m) throw new Error(`exchange action: no mailbox ${address}; mailboxes are ${store().mailboxes().map((x) => x.address).join(', ')}`);
    return m.address;
  };
  const resolve = (address: string, ref: string): StoredItem => {
    const mailbox = mailboxOf(address);
    const item =
      store().findItem((i) => i.mailbox === mailbox && (i.ref === ref || i.uid === ref || i.itemId === ref));
    if (!item) throw new Error(`exchange action: mailbox ${mailbox} has no item "${ref}" (give a scenario ref, an internal uid or a current ItemId)`);
    return item;
  };
  const folderNamed = (address: string, name: string): StoredFolder => {
    const mailbox = mailboxOf(address);
    const distinguished = ['contacts', 'calendar', 'deleteditems', 'inbox', 'msgfolderroot'];
    if (distinguished.includes(name.toLowerCase())) return store().distinguishedFolder(mailbox, name.toLowerCase() as DistinguishedFolder);
    const root = store().distinguishedFolder(mailbox, 'msgfolderroot');
    const found = store().descendantFolders(root.uid).find((f) => f.displayName.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`exchange action: mailbox ${mailbox} has no folder "${name}"; it has ${actions.folderNames(mailbox).join(', ')}`);
    return found;
  };
  const snap = (item: StoredItem): ItemSnapshot => ({
    uid: item.uid,
    ...(item.ref ? { ref: item.ref } : {}),
    kind: item.kind,
    mailbox: item.mailbox,
    folder: store().folderByUid(item.folderUid).displayName,
    itemId: item.itemId,
    changeKey: item.changeKey,
    created: new Date(item.created).toISOString(),
    modified: new Date(item.modified).toISOString(),
    props: structuredClone(item.props),
    extended: item.extended.map((e) => ({ uri: { ...e.uri }, ...(e.value !== undefined ? { value: e.value } : {}), ...(e.values ? { values: [...e.values] } : {}) })),
  });
  const mergeProps = (item: StoredItem, patch: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(patch)) {
      const current = item.props[key];
      item.props[key] =
        value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current) && ['EmailAddresses', 'PhoneNumbers', 'PhysicalAddresses'].includes(key)
          ? { ...(current as object), ...(value as object) }
          : value;
    }
  };
  const series = (address: string, ref: string, originalStart: string): { item: StoredItem; at: number } => {
    const item = resolve(address, ref);
    if (!item.props['Recurrence']) throw new Error(`exchange action: item "${ref}" is not a recurring series`);
    return { item, at: toEpochMs(originalStart) };
  };

  const actions: ExchangeActions = {
    createContact(address, contact) {
      const mailbox = mailboxOf(address);
      const folderName = contact.folder ?? SALESFORCE_SYNC_FOLDER;
      const contacts = store().distinguishedFolder(mailbox, 'contacts');
      const folder =
        folderName.toLowerCase() === 'contacts'
          ? contacts
          : (store().childFolders(contacts.uid).find((f) => f.displayName.toLowerCase() === folderName.toLowerCase()) ??
            folderNamed(mailbox, folderName));
      return snap(store().createItem({ mailbox, folderUid: folder.uid, kind: 'Contact', props: contactProps(contact), ...(contact.ref ? { ref: contact.ref } : {}) }));
    },
    updateContact(address, ref, set) {
      const item = resolve(address, ref);
      return snap(store().updateItem(item.uid, (i) => mergeProps(i, contactProps(set))));
    },
    createEvent(address, event) {
      const mailbox = mailboxOf(address);
      const folder = event.calendar && event.calendar !== 'default' ? folderNamed(mailbox, event.calendar) : store().distinguishedFolder(mailbox, 'calendar');
      const { props, extended } = eventProps(event, mailbox, `exchange action createEvent (${mailbox})`);
      return snap(store().createItem({ mailbox, folderUid: folder.uid, kind: 'CalendarItem', props, extended, ...(event.ref ? { ref: event.ref } : {}) }));
    },
    updateEvent(address, ref, set) {
      const item = resolve(address, ref);
      const current = { start: new Date(item.props['Start'] as number).toISOString(), end: new Date(item.props['End'] as number).toISOString() };
      const { props } = eventProps({ ...current, ...set } as EventSpec, item.mailbox, `exchange action updateEvent (${ref})`);
      const patch: Record<string, unknown> = {};
      for (const key of Object.keys(props)) if (key === 'Start' || key === 'End' || Object.keys(set).length) patch[key] = props[key];
      return snap(store().updateItem(item.uid, (i) => mergeProps(i, patch)));
    },
    deleteItem(address, ref, mode = 'MoveToDeletedItems') {
      store().deleteItem(resolve(address, ref).uid, mode);
    },
    moveItem(address, ref, folder) {
      return snap(store().moveItem(resolve(address, ref).uid, folderNamed(address, folder).uid));
    },
    markPrivate(address, ref, sensitivity = 'Private') {
      return snap(store().updateItem(resolve(address, ref).uid, (i) => void (i.props['Sensitivity'] = sensitivity)));
    },
    logToSalesforce(address, ref, logged = true) {
      const value = loggedToSalesforceValue(logged);
      return snap(store().updateItem(resolve(address, ref).uid, (i) => void (i.extended = [...i.extended.filter((e) => e.key !== value.key), value])));
    },
    deleteOccurrence(address, ref, originalStart) {
      const { item, at } = series(address, ref, originalStart);
      return snap(
        store().updateItem(item.uid, (i) => {
          const deleted = new Set((i.props['DeletedOccurrences'] as number[] | undefined) ?? []);
          deleted.add(at);
          i.props['DeletedOccurrences'] = [...deleted].sort((a, b) => a - b);
        }),
      );
    },
    modifyOccurrence(address, ref, originalStart, set) {
      const { item, at } = series(address, ref, originalStart);
      const duration = (item.props['End'] as number) - (item.props['Start'] as number);
      const base = { start: new Date(at).toISOString(), end: new Date(at + duration).toISOString() };
      const { props } = eventProps({ ...base, ...set } as EventSpec, item.mailbox, `exchange action modifyOccurrence (${ref})`);
      const overrides: Record<string, unknown> = { Start: props['Start'], End: props['End'] };
      for (const [k, v] of Object.entries(props)) if (['Subject', 'Location', 'Body', 'Sensitivity', 'LegacyFreeBusyStatus', 'IsAllDayEvent'].includes(k)) overrides[k] = v;
      return snap(
        store().updateItem(item.uid, (i) => {
          const mods = [...((i.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[] | undefined) ?? [])];
          const existing = mods.find((m) => m.originalStart === at);
          if (existing) {
            existing.props = { ...existing.props, ...overrides };
            existing.version++;
          } else mods.push({ originalStart: at, uid: `${i.uid}@${at}`, version: 1, props: overrides });
          i.props['ModifiedOccurrences'] = mods;
        }),
      );
    },
    restoreOccurrence(address, ref, originalStart) {
      const { item, at } = series(address, ref, originalStart);
      return snap(
        store().updateItem(item.uid, (i) => {
          i.props['DeletedOccurrences'] = ((i.props['DeletedOccurrences'] as number[] | undefined) ?? []).filter((d) => d !== at);
          i.props['ModifiedOccurrences'] = ((i.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[] | undefined) ?? []).filter((m) => m.originalStart !== at);
        }),
      );
    },
    apply(action) {
      switch (action.type) {
        case 'createContact':
          return actions.createContact(action.mailbox, action.contact);
        case 'updateContact':
          return actions.updateContact(action.mailbox, action.item, action.set);
        case 'createEvent':
          return actions.createEvent(action.mailbox, action.event);
        case 'updateEvent':
          return actions.updateEvent(action.mailbox, action.item, action.set);
        case 'deleteItem':
          actions.deleteItem(action.mailbox, action.item, action.mode);
          return undefined;
        case 'moveItem':
          return actions.moveItem(action.mailbox, action.item, action.folder);
        case 'markPrivate':
          return actions.markPrivate(action.mailbox, action.item, action.sensitivity);
        case 'logToSalesforce':
          return actions.logToSalesforce(action.mailbox, action.item, action.logged);
        case 'deleteOccurrence':
          return actions.deleteOccurrence(action.mailbox, action.item, action.originalStart);
        case 'modifyOccurrence':
          return actions.modifyOccurrence(action.mailbox, action.item, action.originalStart, action.set);
        case 'restoreOccurrence':
          return actions.restoreOccurrence(action.mailbox, action.item, action.originalStart);
        default:
          throw new Error(`exchange action: unknown type "${(action as { type?: string }).type}"; use one of createContact, updateContact, createEvent, updateEvent, deleteItem, moveItem, markPrivate, logToSalesforce, deleteOccurrence, modifyOccurrence, restoreOccurrence`);
      }
    },
    item(address, ref) {
      const mailbox = mailboxOf(address);
      const item = store().findItem((i) => i.mailbox === mailbox && (i.ref === ref || i.uid === ref || i.itemId === ref));
      return item ? snap(item) : undefined;
    },
    itemsIn(address, folder, predicate) {
      const f = folderNamed(address, folder);
      const all = store().itemsIn(f.uid).map(snap);
      return predicate ? all.filter(predicate) : all;
    },
    findItems(address, predicate) {
      return store().allItems(mailboxOf(address)).map(snap).filter(predicate);
    },
    folderNames(address) {
      const mailbox = mailboxOf(address);
      const root = store().distinguishedFolder(mailbox, 'msgfolderroot');
      return store().descendantFolders(root.uid).map((f) => f.displayName);
    },
  };
  return actions;
}
