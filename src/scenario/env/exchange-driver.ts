/**
 * @module
 * ExchangeDriver over sim/exchange. State is read in-process from the sim's store (no EWS request, so reading never
 * appears in the trace or trips a scheduled fault); rep actions edit the store the way Outlook would, through the
 * store's own create/update/move/delete, so ChangeKeys, LastModifiedTime and the SyncFolderItems journal move exactly
 * as for a real edit.
 */
import type { FaultRule } from '../../../sim/core/fault-schedule.ts';
import type { Trace } from '../../../sim/core/trace.ts';
import { contactProps, eventProps, loggedToSalesforceValue } from '../../../sim/exchange/world/spec-to-props.ts';
import type { ContactSpec, EventSpec } from '../../../sim/exchange/world.ts';
import { applySet, flattenItem, type StoredItemLike } from './exchange-items.ts';
import { NotSupportedError } from './not-supported.ts';
import type { ExchangeDriver, SideItem } from './types.ts';

interface FolderLike { uid: string; displayName: string; distinguished?: string; mailbox: string }
interface StoreLike {
  distinguishedFolder(mailbox: string, name: string): FolderLike;
  folderByUid(uid: string): FolderLike;
  childFolders(parentUid: string): FolderLike[];
  descendantFolders(parentUid: string): FolderLike[];
  allItems(mailbox?: string): StoredItemLike[];
  itemByUid(uid: string): StoredItemLike | undefined;
  createItem(input: { mailbox: string; folderUid: string; kind: 'Contact' | 'CalendarItem'; props: Record<string, unknown>; extended?: unknown[]; ref?: string }): StoredItemLike;
  updateItem(uid: string, mutate: (item: StoredItemLike) => void): StoredItemLike;
  moveItem(uid: string, targetFolderUid: string): StoredItemLike;
  deleteItem(uid: string, mode: 'HardDelete' | 'SoftDelete' | 'MoveToDeletedItems'): unknown;
}

/** The parts of sim/exchange's ExchangeSim the runner uses. */
export interface ExchangeSimLike {
  urls: { ews: string; autodiscover: string; token?: string };
  store?: StoreLike;
  faults: { add(rule: FaultRule): void; set(rules: FaultRule[]): void; clear(): void };
  trace: Trace;
  /** The sim's JSON actions (rep and admin); `exchange.admin` steps need it. */
  actions?: { apply(action: never): unknown };
  close(): Promise<void>;
}

export function createExchangeDriver(sim: ExchangeSimLike): ExchangeDriver {
  const store = (): StoreLike => {
    if (!sim.store) throw new NotSupportedError('the Exchange sim does not expose its store to the scenario runner yet (ExchangeSim.store)');
    return sim.store;
  };
  const folderName = (item: StoredItemLike): string => {
    const folder = store().folderByUid(item.folderUid);
    return folder.distinguished === 'calendar' ? 'default' : folder.distinguished === 'contacts' ? 'Contacts' : folder.displayName;
  };
  const list = (mailbox: string, kind: 'Contact' | 'CalendarItem'): SideItem[] => {
    const deleted = store().distinguishedFolder(mailbox.toLowerCase(), 'deleteditems').uid;
    return store()
      .allItems(mailbox.toLowerCase())
      .filter((i) => i.kind === kind && i.folderUid !== deleted)
      .map((i) => flattenItem(i, folderName(i)));
  };
  const folderFor = (mailbox: string, name: string, kind: 'Contact' | 'CalendarItem'): FolderLike => {
    const s = store();
    const box = mailbox.toLowerCase();
    if (kind === 'CalendarItem' && (!name || name === 'default' || name.toLowerCase() === 'calendar')) return s.distinguishedFolder(box, 'calendar');
    if (name.toLowerCase() === 'contacts') return s.distinguishedFolder(box, 'contacts');
    if (name.toLowerCase() === 'deleteditems') return s.distinguishedFolder(box, 'deleteditems');
    const root = s.distinguishedFolder(box, 'msgfolderroot');
    const hit = s.descendantFolders(root.uid).find((f) => f.displayName.toLowerCase() === name.toLowerCase());
    if (!hit) throw new Error(`mailbox ${mailbox} has no folder "${name}" — folders are created by the world (extraCalendars, salesforceSyncFolder) or by the engine (CON-01)`);
    return hit;
  };
  return {
    trace: sim.trace,
    urls: sim.urls,
    contacts: async (mailbox) => list(mailbox, 'Contact'),
    events: async (mailbox) => list(mailbox, 'CalendarItem'),
    async itemByRef(ref) {
      const item = store().allItems().find((i) => i.ref === ref);
      if (!item) return undefined;
      const mailbox = store().folderByUid(item.folderUid).mailbox;
      return { mailbox, item: flattenItem(item, folderName(item)), object: item.kind === 'Contact' ? 'Contact' : 'Event' };
    },
    async create(mailbox, object, spec) {
      const box = mailbox.toLowerCase();
      const { ref, folder, calendar, ...rest } = spec as Record<string, unknown> & { ref?: string; folder?: string; calendar?: string };
      if (object === 'Contact') {
        const target = folderFor(box, folder ?? 'Salesforce_Sync', 'Contact');
        const item = store().createItem({ mailbox: box, folderUid: target.uid, kind: 'Contact', props: contactProps(rest as ContactSpec), ...(ref ? { ref } : {}) });
        return flattenItem(item, folderName(item));
      }
      const target = folderFor(box, calendar ?? 'default', 'CalendarItem');
      const { props, extended } = eventProps(rest as unknown as EventSpec, box, `exchange.create in ${mailbox}`);
      const item = store().createItem({ mailbox: box, folderUid: target.uid, kind: 'CalendarItem', props, extended, ...(ref ? { ref } : {}) });
      return flattenItem(item, folderName(item));
    },
    async update(_mailbox, key, set) {
      store().updateItem(key, (item) => {
        const extras = applySet(item.kind, item.props, set);
        if (extras.loggedToSalesforce !== undefined) {
          item.extended = item.extended.filter((x) => x.uri.PropertyName !== 'SalesforceLogged');
          if (extras.loggedToSalesforce) item.extended.push(loggedToSalesforceValue() as StoredItemLike['extended'][number]);
        }
      });
    },
    async remove(_mailbox, key) {
      store().deleteItem(key, 'MoveToDeletedItems');
    },
    async move(mailbox, key, folder) {
      const item = store().itemByUid(key);
      if (!item) throw new Error(`item ${key} no longer exists in ${mailbox}`);
      store().moveItem(key, folderFor(mailbox, folder, item.kind === 'Contact' ? 'Contact' : 'CalendarItem').uid);
    },
    async admin(action) {
      if (!sim.actions) throw new NotSupportedError('the Exchange sim does not expose admin actions to the scenario runner (ExchangeSim.actions)');
      return (sim.actions.apply as (a: unknown) => unknown)(action);
    },
    setFaults: (rules) => sim.faults.set(rules),
    addFault: (rule) => sim.faults.add(rule),
    clearFaults: () => sim.faults.clear(),
  };
}
