/**
 * @module
 * Rep actions: what a sales rep does in Outlook, applied straight to the store (in-process, and as JSON over
 * `POST /_sim/actions`). They bump ChangeKeys and appear in SyncFolderItems exactly like client changes. Items are
 * referenced by scenario ref, internal uid, or current ItemId. Also read helpers for expectations, and `admin`: the
 * tenant admin's directory and consent changes (actions/admin-actions.ts), which `apply` accepts too.
 */
import type { Directory } from './directory/index.ts';
import { createAdminActions, isAdminAction, ADMIN_ACTION_TYPES, type AdminResult, type ExchangeAdminAction, type ExchangeAdminActions } from './actions/admin-actions.ts';
import { Lookup, mergeProps, type ItemSnapshot } from './actions/lookup.ts';
import { SeriesActions } from './actions/series-actions.ts';
import type { DeleteMode, ExchangeStore } from './store/store.ts';
import { SALESFORCE_SYNC_FOLDER } from './world/build-store.ts';
import { contactProps, eventProps, loggedToSalesforceValue } from './world/spec-to-props.ts';
import type { ContactSpec, EventSpec, Sensitivity } from './world.ts';

export type { ItemSnapshot } from './actions/lookup.ts';
export type { AdminResult, ExchangeAdminAction, ExchangeAdminActions, ServiceAccountPatch, TenantPatch } from './actions/admin-actions.ts';

export type ExchangeAction = ExchangeRepAction | ExchangeAdminAction;

export type ExchangeRepAction =
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

export const ACTION_TYPES = [
  'createContact', 'updateContact', 'createEvent', 'updateEvent', 'deleteItem', 'moveItem', 'markPrivate',
  'logToSalesforce', 'deleteOccurrence', 'modifyOccurrence', 'restoreOccurrence',
] as const;

export interface ExchangeActions {
  /** `contact.folder`: 'contacts', 'Salesforce_Sync' (default) or another folder by name. */
  createContact(mailbox: string, contact: ContactSpec): ItemSnapshot;
  updateContact(mailbox: string, item: string, set: Partial<ContactSpec>): ItemSnapshot;
  createEvent(mailbox: string, event: EventSpec): ItemSnapshot;
  updateEvent(mailbox: string, item: string, set: Partial<EventSpec>): ItemSnapshot;
  /** Default MoveToDeletedItems, as a rep deleting in Outlook (a new ItemId in Deleted Items). */
  deleteItem(mailbox: string, item: string, mode?: DeleteMode): void;
  moveItem(mailbox: string, item: string, folder: string): ItemSnapshot;
  markPrivate(mailbox: string, item: string, sensitivity?: Sensitivity): ItemSnapshot;
  /** Sets (or clears) the Outlook integration's logged-to-Salesforce extended property (CFG-04). */
  logToSalesforce(mailbox: string, item: string, logged?: boolean): ItemSnapshot;
  deleteOccurrence(mailbox: string, item: string, originalStart: string): ItemSnapshot;
  modifyOccurrence(mailbox: string, item: string, originalStart: string, set: Partial<EventSpec>): ItemSnapshot;
  restoreOccurrence(mailbox: string, item: string, originalStart: string): ItemSnapshot;
  /** Tenant admin changes: consent, mailboxes, service accounts, tenant settings. */
  admin: ExchangeAdminActions;
  /** Runs a JSON action (the control API's form): a rep action (→ the item) or an admin action (→ AdminResult). */
  apply(action: ExchangeRepAction): ItemSnapshot | undefined;
  apply(action: ExchangeAdminAction): AdminResult;
  apply(action: ExchangeAction): ItemSnapshot | AdminResult | undefined;
  // ---- reads for expectations ----
  item(mailbox: string, item: string): ItemSnapshot | undefined;
  itemsIn(mailbox: string, folder: string, predicate?: (item: ItemSnapshot) => boolean): ItemSnapshot[];
  findItems(mailbox: string, predicate: (item: ItemSnapshot) => boolean): ItemSnapshot[];
  folderNames(mailbox: string): string[];
}

export function createExchangeActions(sim: { readonly store: ExchangeStore; readonly directory: Directory }): ExchangeActions {
  const store = (): ExchangeStore => sim.store;
  const lookup = new Lookup(store);
  const series = new SeriesActions(store, lookup);
  const snap = (item: Parameters<Lookup['snapshot']>[0]): ItemSnapshot => lookup.snapshot(item);

  const actions: ExchangeActions = {
    createContact(address, contact) {
      const mailbox = lookup.mailbox(address);
      const name = contact.folder ?? SALESFORCE_SYNC_FOLDER;
      const folder = lookup.folder(mailbox, name);
      return snap(store().createItem({ mailbox, folderUid: folder.uid, kind: 'Contact', props: contactProps(contact), ...(contact.ref ? { ref: contact.ref } : {}) }));
    },
    updateContact(address, ref, set) {
      return snap(store().updateItem(lookup.item(address, ref).uid, (i) => mergeProps(i, contactProps(set))));
    },
    createEvent(address, event) {
      const mailbox = lookup.mailbox(address);
      const folder = event.calendar && event.calendar !== 'default' ? lookup.folder(mailbox, event.calendar) : lookup.folder(mailbox, 'calendar');
      const { props, extended } = eventProps(event, mailbox, `exchange action createEvent (${mailbox})`);
      return snap(store().createItem({ mailbox, folderUid: folder.uid, kind: 'CalendarItem', props, extended, ...(event.ref ? { ref: event.ref } : {}) }));
    },
    updateEvent(address, ref, set) {
      const item = lookup.item(address, ref);
      // eventProps needs start/end; take the current ones unless the change moves the event.
      const current = { start: new Date(item.props['Start'] as number).toISOString(), end: new Date(item.props['End'] as number).toISOString() };
      const { props } = eventProps({ ...current, ...set } as EventSpec, item.mailbox, `exchange action updateEvent (${ref})`);
      return snap(store().updateItem(item.uid, (i) => mergeProps(i, props)));
    },
    deleteItem(address, ref, mode = 'MoveToDeletedItems') {
      store().deleteItem(lookup.item(address, ref).uid, mode);
    },
    moveItem(address, ref, folder) {
      return snap(store().moveItem(lookup.item(address, ref).uid, lookup.folder(address, folder).uid));
    },
    markPrivate(address, ref, sensitivity = 'Private') {
      return snap(store().updateItem(lookup.item(address, ref).uid, (i) => void (i.props['Sensitivity'] = sensitivity)));
    },
    logToSalesforce(address, ref, logged = true) {
      const value = loggedToSalesforceValue(logged);
      return snap(store().updateItem(lookup.item(address, ref).uid, (i) => void (i.extended = [...i.extended.filter((e) => e.key !== value.key), ...(logged ? [value] : [])])));
    },
    deleteOccurrence: (address, ref, start) => snap(series.deleteOccurrence(address, ref, start)),
    modifyOccurrence: (address, ref, start, set) => snap(series.modifyOccurrence(address, ref, start, set)),
    restoreOccurrence: (address, ref, start) => snap(series.restoreOccurrence(address, ref, start)),
    admin: createAdminActions(sim),
    apply(action: ExchangeAction): never {
      if (isAdminAction(action)) return actions.admin.apply(action) as never;
      if (!action || !ACTION_TYPES.includes(action.type)) {
        throw new Error(`exchange action: unknown type "${String((action as { type?: unknown } | undefined)?.type)}"; use one of ${[...ACTION_TYPES, ...ADMIN_ACTION_TYPES].join(', ')}`);
      }
      return applyRep(action) as never;
    },
    item(address, ref) {
      const item = lookup.find(address, ref);
      return item ? snap(item) : undefined;
    },
    itemsIn(address, folder, predicate) {
      const all = store().itemsIn(lookup.folder(address, folder).uid).map(snap);
      return predicate ? all.filter(predicate) : all;
    },
    findItems(address, predicate) {
      return store().allItems(lookup.mailbox(address)).map(snap).filter(predicate);
    },
    folderNames(address) {
      return lookup.folders(address).map((f) => f.displayName);
    },
  };

  function applyRep(action: ExchangeRepAction): ItemSnapshot | undefined {
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
    }
  }
  return actions;
}
