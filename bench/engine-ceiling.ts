/**
 * @module
 * The ceiling for bench/engine.ts: jsforce and ews-javascript-api doing only the reads and writes an initial sync
 * needs, with the same batch sizes and property sets the engine uses, and nothing else (no setup reads, no planning,
 * no state, no statuses). It goes through the engine's XHR dispatcher channel so both runs share the transport.
 */
import {
  Appointment, BasePropertySet, ConnectingIdType, Contact, ExchangeService, ExchangeVersion, FolderId, ImpersonatedUserId, ItemId,
  ItemSchema, MessageDisposition, PropertySet, SendInvitationsMode, SyncFolderItemsScope, Uri, WebCredentials, WellKnownFolderName,
  FolderView, SearchFilter, FolderSchema, ConflictResolutionMode, SendInvitationsOrCancellationsMode,
} from 'ews-javascript-api';
import { Connection } from 'jsforce';
import { createRequire } from 'node:module';
import { CHANNEL_HEADER, openChannel } from '../src/sync/exchange/xhr-dispatcher.ts';
import type { Sims } from './engine.ts';
import { contactDefinitions, writeContactFields } from '../src/sync/exchange/contact-properties.ts';
import { eventPropertySet, writeEvent } from '../src/sync/exchange/event-properties.ts';
import { EXTENDED, stampItem } from '../src/sync/exchange/extended-properties.ts';
import { EVENT_FIELDS } from '../src/sync/salesforce/record-reads.ts';
import { chunks } from '../src/sync/salesforce/soql.ts';

import { EX_PROPERTIES, MAPPING, SF_FIELDS } from './engine-mapping.ts';

type Row = Record<string, unknown>;

export async function runCeiling(
  startSims: () => Promise<Sims>,
  reps: string[],
  account: { username: string; password: string },
): Promise<{ items: number; ms: number; requests: number }> {
  createRequire(import.meta.url)('jsforce/lib/request').setDefaults({ retry: { maxRetries: 0 } });
  const sims = await startSims();
  const channel = openChannel({ timeoutMs: 60_000 });
  const org = sims.sf.org('prod');
  const t0 = performance.now();
  const conn = new Connection({ loginUrl: org.loginUrl, version: '62.0' });
  await conn.login(org.admin.username, org.admin.password);
  let items = 0;
  // Same concurrency as the engine's default (4 reps in flight), so the ceiling is not handicapped by running serially.
  let next = 0;
  const worker = async () => {
    while (next < reps.length) await syncRep(reps[next++]!);
  };
  const syncRep = async (rep: string) => {
    const mailbox = `${rep}@acme.test`;
    const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
    svc.Url = new Uri(sims.ex.urls.ews);
    svc.Credentials = new WebCredentials(account.username, account.password);
    svc.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox);
    svc.HttpHeaders.Add(CHANNEL_HEADER, channel);
    const ownerId = (await conn.query<Row>(`SELECT Id FROM User WHERE Email = '${mailbox}'`)).records[0]!.Id as string;

    // Reads first, as the engine does.
    const folders = await svc.FindFolders(WellKnownFolderName.Contacts, new SearchFilter.IsEqualTo(FolderSchema.DisplayName, 'Salesforce_Sync'), new FolderView(10));
    const folderId = folders.Folders[0]!.Id.UniqueId;
    // The same property sets the engine asks for (its default mappings), so both runs move the same XML.
    const exContacts = await readAll(svc, new FolderId(folderId), new PropertySet(BasePropertySet.IdOnly, [...contactDefinitions(EX_PROPERTIES), EXTENDED.salesforceOrgId, EXTENDED.salesforceRecordId, ItemSchema.LastModifiedTime]));
    const exEvents = await readAll(svc, new FolderId(WellKnownFolderName.Calendar), eventPropertySet());
    const sfContacts = (await conn.query<Row>(`SELECT Id, OwnerId, SystemModstamp, LastModifiedById, AccountId, Account.Name, ${SF_FIELDS.join(', ')} FROM Contact WHERE OwnerId = '${ownerId}'`, { autoFetch: true, maxFetch: 1e7 })).records;
    const sfEvents = (await conn.query<Row>(`SELECT ${EVENT_FIELDS.join(', ')} FROM Event WHERE OwnerId = '${ownerId}'`, { autoFetch: true, maxFetch: 1e7 })).records;

    // SF → EX
    for (const batch of chunks(sfContacts, 100)) {
      const made = batch.map((r) => {
        const c = new Contact(svc);
        const fields: Record<string, string> = {};
        for (const [sf, ex] of Object.entries(MAPPING)) if (r[sf] !== null && r[sf] !== undefined) fields[ex] = String(r[sf]);
        writeContactFields(c, fields, { fileAs: true });
        stampItem(c, { orgId: '00D000000000001AAA', recordId: String(r.Id) });
        return c;
      });
      await svc.CreateItems(made, new FolderId(folderId), MessageDisposition.SaveOnly, null as unknown as SendInvitationsMode);
      items += made.length;
    }
    for (const batch of chunks(sfEvents, 100)) {
      const made = batch.map((r) => {
        const a = new Appointment(svc);
        writeEvent(a, { subject: String(r.Subject), start: String(r.StartDateTime), end: String(r.EndDateTime), location: (r.Location as string | null) ?? null, isAllDay: r.IsAllDayEvent === true, sensitivity: 'Normal' });
        stampItem(a, { orgId: '00D000000000001AAA', recordId: String(r.Id) });
        return a;
      });
      await svc.CreateItems(made, new FolderId(WellKnownFolderName.Calendar), null as unknown as MessageDisposition, SendInvitationsMode.SendToNone);
      items += made.length;
    }
    // EX → SF
    const contactRecords = exContacts.map((c) => ({ OwnerId: ownerId, FirstName: (c as Contact).GivenName ?? null, LastName: (c as Contact).Surname ?? 'Unknown' }));
    const saved = await conn.sobject('Contact').create(contactRecords, { allOrNone: false, allowRecursive: true });
    items += saved.length;
    // The engine stamps each EX contact that became an SF record (CON-02 / G-05 / ORG-01): the same write here.
    for (const batch of chunks(exContacts.map((c, i) => ({ c: c as Contact, id: saved[i]?.id })), 100)) {
      for (const { c, id } of batch) stampItem(c, { orgId: '00D000000000001AAA', recordId: String(id) });
      await svc.UpdateItems(batch.map((b) => b.c), null as unknown as FolderId, ConflictResolutionMode.AutoResolve, MessageDisposition.SaveOnly, SendInvitationsOrCancellationsMode.SendToNone);
    }
    const eventRecords = exEvents.map((e) => ({ OwnerId: ownerId, Subject: (e as Appointment).Subject, StartDateTime: (e as Appointment).Start.ToISOString(), EndDateTime: (e as Appointment).End.ToISOString() }));
    // Never `items += await …`: the left side is read before the await and would lose other reps' counts.
    const createdEvents = (await conn.sobject('Event').create(eventRecords, { allOrNone: false, allowRecursive: true })).length;
    items += createdEvents;
  };
  await Promise.all(Array.from({ length: Math.min(4, reps.length) }, worker));
  const ms = performance.now() - t0;
  const requests = sims.ex.trace.totals.requests + sims.sf.trace.totals.requests;
  await sims.ex.close();
  await sims.sf.close();
  return { items, ms, requests };
}

/** SyncFolderItems IdOnly (all pages), then GetItem in batches of 100 with the given property set. */
async function readAll(svc: ExchangeService, folder: FolderId, set: PropertySet): Promise<unknown[]> {
  const ids: string[] = [];
  let state: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const changes: { GetEnumerator(): Array<{ ItemId: ItemId }>; SyncState: string; MoreChangesAvailable: boolean } = await svc.SyncFolderItems(folder, new PropertySet(BasePropertySet.IdOnly), null as unknown as ItemId[], 512, SyncFolderItemsScope.NormalItems, state as unknown as string);
    for (const c of changes.GetEnumerator()) ids.push(c.ItemId.UniqueId);
    state = changes.SyncState;
    if (!changes.MoreChangesAvailable) break;
  }
  const out: unknown[] = [];
  for (const batch of chunks(ids, 100)) {
    const responses = await svc.BindToItems(batch.map((id) => new ItemId(id)), set);
    for (const r of responses.Responses) if (r.Item) out.push(r.Item);
  }
  return out;
}
