/**
 * @module
 * Reading one rep's mailbox: find or create Salesforce_Sync (CON-01), incremental change feeds with SyncFolderItems
 * (IdOnly first — 30× cheaper than full items — then GetItem in batches with only the mapped properties), and the
 * server version the mailbox reports (CONN-06, from ServerVersionInfo after any call).
 */
import {
  BasePropertySet, ChangeType, Contact, ContactsFolder, FolderId, FolderSchema, FolderView, ItemId, PropertySet,
  ItemSchema, SearchFilter, ServiceResult, SyncFolderItemsScope, WellKnownFolderName, Appointment, type ExchangeService,
} from 'ews-javascript-api';
import type { ExContact, ExEvent } from '../model.ts';
import { contactDefinitions, readContactFields } from './contact-properties.ts';
import { callEws, type EwsCallContext } from './ews-call.ts';
import { EwsError, toEwsError } from './ews-error.ts';
import { eventPropertySet, readEvent } from './event-properties.ts';
import { EXTENDED, readExtended } from './extended-properties.ts';

export const SYNC_FOLDER_NAME = 'Salesforce_Sync';

export interface FolderChanges {
  /** True when the feed started from scratch (no or invalid SyncState): `upserted` is then every item in the folder. */
  full: boolean;
  /** Created or updated item ids with their current ChangeKey. */
  upserted: Array<{ id: string; changeKey: string }>;
  deleted: string[];
  syncState: string;
}

export interface ServerVersion {
  major: number;
  minor: number;
  build: number;
  versionString: string;
}

/** Bound on SyncFolderItems pages per call: 512 × 2,000 pages is a million changes; past that something loops. */
const MAX_SYNC_PAGES = 2_000;

export class MailboxReader {
  /**
   * Contacts read this cycle, as loaded client objects (id + ChangeKey + change tracking). The writer updates these
   * directly (e.g. the stamp after an EX→SF create) instead of binding them again: one GetItem per 100 items saved.
   * The reader lives for one rep's cycle, so this holds no more than the read itself did.
   */
  readonly loaded = new Map<string, Contact>();

  constructor(readonly service: ExchangeService, readonly ctx: EwsCallContext, readonly batchSize: number) {}

  serverVersion(): ServerVersion | undefined {
    const info = this.service.ServerInfo;
    if (!info || !info.MajorVersion) return undefined;
    return { major: info.MajorVersion, minor: info.MinorVersion, build: info.MajorBuildNumber, versionString: info.VersionString };
  }

  /** Id of Salesforce_Sync under Contacts, or undefined. */
  async findSyncFolder(): Promise<string | undefined> {
    const filter = new SearchFilter.IsEqualTo(FolderSchema.DisplayName, SYNC_FOLDER_NAME);
    // Default shape (AllProperties): a folder is small, and IdOnly + folder:DisplayName is not modelled by every server.
    const view = new FolderView(10);
    const result = await callEws(this.ctx, 'FindFolder', () => this.service.FindFolders(WellKnownFolderName.Contacts, filter, view), { idempotent: true });
    const folder = result.Folders.find((f) => f.DisplayName === SYNC_FOLDER_NAME) ?? result.Folders[0];
    return folder?.Id?.UniqueId;
  }

  /** CON-01: FindFolder, then CreateFolder when missing. */
  /** `knownMissing`: a FindFolder earlier in this cycle found nothing, so create straight away (one request saved). */
  async ensureSyncFolder(knownMissing = false): Promise<{ folderId: string; created: boolean }> {
    const existing = knownMissing ? undefined : await this.findSyncFolder();
    if (existing) return { folderId: existing, created: false };
    const folder = new ContactsFolder(this.service);
    folder.DisplayName = SYNC_FOLDER_NAME;
    try {
      await callEws(this.ctx, 'CreateFolder', () => folder.Save(WellKnownFolderName.Contacts));
    } catch (error) {
      // Someone created it since we looked: use theirs rather than fail.
      const found = error instanceof EwsError && error.code === 'ErrorFolderExists' ? await this.findSyncFolder() : undefined;
      if (found) return { folderId: found, created: false };
      throw error;
    }
    return { folderId: folder.Id.UniqueId, created: true };
  }

  /** Cheap reachability check of the default calendar (connection test, CONN-09); also fills ServerInfo. */
  async calendarReachable(): Promise<void> {
    const view = new FolderView(1);
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly);
    await callEws(this.ctx, 'FindFolder', () => this.service.FindFolders(WellKnownFolderName.Calendar, view), { idempotent: true });
  }

  /** Reads every change since `syncState` (all pages); an invalid state restarts from scratch (full). */
  async changes(folder: FolderId, syncState: string | undefined): Promise<FolderChanges> {
    try {
      return await this.#changes(folder, syncState);
    } catch (error) {
      if (syncState && error instanceof EwsError && error.code === 'ErrorInvalidSyncStateData') return this.#changes(folder, undefined);
      throw error;
    }
  }

  async #changes(folder: FolderId, syncState: string | undefined): Promise<FolderChanges> {
    const upserted = new Map<string, string>();
    const deleted = new Set<string>();
    let state = syncState;
    const idOnly = new PropertySet(BasePropertySet.IdOnly);
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const result = await callEws(
        this.ctx,
        'SyncFolderItems',
        () => this.service.SyncFolderItems(folder, idOnly, null as unknown as ItemId[], 512, SyncFolderItemsScope.NormalItems, state as string),
        { idempotent: true },
      );
      for (const change of result.GetEnumerator()) {
        const id = change.ItemId?.UniqueId;
        if (!id) continue;
        if (change.ChangeType === ChangeType.Delete) {
          upserted.delete(id);
          deleted.add(id);
        } else if (change.ChangeType === ChangeType.Create || change.ChangeType === ChangeType.Update) {
          deleted.delete(id);
          upserted.set(id, change.ItemId.ChangeKey);
        }
      }
      state = result.SyncState;
      if (!result.MoreChangesAvailable) {
        return { full: !syncState, upserted: [...upserted].map(([id, changeKey]) => ({ id, changeKey })), deleted: [...deleted], syncState: state };
      }
    }
    throw new EwsError('SyncLoop', `SyncFolderItems still reported more changes after ${MAX_SYNC_PAGES} pages for ${this.ctx.mailbox}; giving up this cycle`);
  }

  /** GetItem in batches, with only the mapped properties + stamps. Items gone since the feed are skipped. */
  async contacts(ids: string[], properties: string[], folder: string): Promise<ExContact[]> {
    const set = new PropertySet(BasePropertySet.IdOnly, [
      ...contactDefinitions(properties), EXTENDED.salesforceOrgId, EXTENDED.salesforceRecordId,
      // LastModifiedTime drives latest-change-wins (G-09).
      ItemSchema.LastModifiedTime,
    ]);
    const out: ExContact[] = [];
    for (const item of await this.#bind(ids, set)) {
      if (!(item instanceof Contact)) continue;
      this.loaded.set(item.Id.UniqueId, item);
      const ext = readExtended(item);
      out.push({
        itemId: item.Id.UniqueId,
        changeKey: item.Id.ChangeKey,
        folder,
        lastModified: lastModified(item),
        fields: readContactFields(item, properties),
        ...(ext.stampedOrgId ? { stampedOrgId: ext.stampedOrgId } : {}),
        ...(ext.stampedRecordId ? { stampedRecordId: ext.stampedRecordId } : {}),
      });
    }
    return out;
  }

  async events(ids: string[]): Promise<ExEvent[]> {
    const out: ExEvent[] = [];
    for (const item of await this.#bind(ids, eventPropertySet())) {
      if (item instanceof Appointment) out.push(readEvent(item, 'default'));
    }
    return out;
  }

  async #bind(ids: string[], set: PropertySet): Promise<Array<Contact | Appointment | unknown>> {
    const items: unknown[] = [];
    for (let i = 0; i < ids.length; i += this.batchSize) {
      const batch = ids.slice(i, i + this.batchSize).map((id) => new ItemId(id));
      const responses = await callEws(this.ctx, 'GetItem', () => this.service.BindToItems(batch, set), { idempotent: true });
      for (const response of responses.Responses) {
        if (response.Result === ServiceResult.Error) {
          const error = toEwsError(response, 'GetItem');
          if (error.code === 'ErrorItemNotFound') continue; // deleted between the feed and the read
          throw error;
        }
        items.push(response.Item);
      }
    }
    return items;
  }
}

function lastModified(item: Contact): string {
  try {
    return item.LastModifiedTime?.ToISOString() ?? new Date(0).toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

export { FolderId, WellKnownFolderName };
