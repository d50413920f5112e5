/**
 * @module
 * Targeted searches in one mailbox, for the rare cases the change feeds cannot answer alone:
 * - CON-02: a paired contact that left Salesforce_Sync — deleted, or moved to another Contacts folder (which stops
 *   its sync but deletes nothing)? Found by the SalesforceRecordId stamp the engine wrote on it.
 * - CON-04 / EVT-08 candidates: existing unpaired items that an unpaired Salesforce record may match, when the EX feed
 *   was incremental and so does not list them (by email for contacts, by start time for events).
 * Restrictions are OR-ed in small groups so no request grows without bound.
 */
import {
  BasePropertySet, FolderId, FolderTraversal, FolderView, ItemView, LogicalOperator, PropertySet, SearchFilter,
  WellKnownFolderName, AppointmentSchema, ContactSchema, Contact, Appointment, DateTime, type ExchangeService, type Item,
} from 'ews-javascript-api';
import type { ExContact, ExEvent } from '../model.ts';
import { callEws, type EwsCallContext } from './ews-call.ts';
import { EXTENDED, readExtended } from './extended-properties.ts';
import { SYNC_FOLDER_NAME, type MailboxReader } from './mailbox-reads.ts';
import { escapeXmlText } from './xml-text.ts';

const GROUP = 25;
/** Upper bound of items one search returns: candidates are a handful; more means the filter matched too much. */
const MAX_HITS = 200;

export class MailboxSearch {
  constructor(readonly service: ExchangeService, readonly ctx: EwsCallContext, readonly reader: MailboxReader) {}

  /** SF ids whose stamped EX item now lives in a Contacts folder other than Salesforce_Sync (CON-02 moved out). */
  async stampedOutsideSyncFolder(sfIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (sfIds.length === 0) return found;
    const view = new FolderView(200);
    view.Traversal = FolderTraversal.Deep;
    const folders = await callEws(this.ctx, 'FindFolder', () => this.service.FindFolders(WellKnownFolderName.Contacts, view), { idempotent: true });
    const targets = [new FolderId(WellKnownFolderName.Contacts), ...folders.Folders.filter((f) => f.DisplayName !== SYNC_FOLDER_NAME).map((f) => new FolderId(f.Id.UniqueId))];
    for (const folder of targets) {
      for (const group of groups(sfIds)) {
        const filter = or(group.map((id) => new SearchFilter.IsEqualTo(EXTENDED.salesforceRecordId, escapeXmlText(id))));
        for (const item of await this.#find(folder, filter, new PropertySet(BasePropertySet.IdOnly, [EXTENDED.salesforceRecordId]))) {
          const stamp = readExtended(item).stampedRecordId;
          if (stamp) found.add(stamp);
        }
      }
    }
    return found;
  }

  /** Contacts in Salesforce_Sync with one of these email addresses (CON-04 candidates). */
  async contactsByEmail(folderId: string, emails: string[], properties: string[]): Promise<ExContact[]> {
    const ids = new Set<string>();
    for (const group of groups(emails)) {
      const filter = or(group.map((e) => new SearchFilter.IsEqualTo(ContactSchema.EmailAddress1, escapeXmlText(e))));
      for (const item of await this.#find(new FolderId(folderId), filter, new PropertySet(BasePropertySet.IdOnly))) if (item instanceof Contact) ids.add(item.Id.UniqueId);
    }
    return ids.size ? this.reader.contacts([...ids], properties, SYNC_FOLDER_NAME) : [];
  }

  /** Default-calendar items starting at one of these instants (EVT-08 candidates). */
  async eventsByStart(starts: string[]): Promise<ExEvent[]> {
    const ids = new Set<string>();
    for (const group of groups(starts)) {
      const filter = or(group.map((s) => new SearchFilter.IsEqualTo(AppointmentSchema.Start, DateTime.Parse(s))));
      for (const item of await this.#find(new FolderId(WellKnownFolderName.Calendar), filter, new PropertySet(BasePropertySet.IdOnly))) if (item instanceof Appointment) ids.add(item.Id.UniqueId);
    }
    return ids.size ? this.reader.events([...ids]) : [];
  }

  async #find(folder: FolderId, filter: SearchFilter, set: PropertySet): Promise<Item[]> {
    const view = new ItemView(MAX_HITS);
    view.PropertySet = set;
    const result = await callEws(this.ctx, 'FindItem', () => this.service.FindItems(folder, filter, view), { idempotent: true });
    return result.Items;
  }
}

function or(filters: SearchFilter[]): SearchFilter {
  return filters.length === 1 ? filters[0]! : new SearchFilter.SearchFilterCollection(LogicalOperator.Or, filters);
}

function groups<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += GROUP) out.push(values.slice(i, i + GROUP));
  return out;
}
