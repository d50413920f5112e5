/**
 * @module
 * Reads both sides' changes for one rep — EX: SyncFolderItems on Salesforce_Sync and the default calendar, then
 * GetItem with only the mapped properties; SF: SystemModstamp queries since the watermark plus deletions — and the
 * lookups the planner needs pre-fetched. Returns the next checkpoints, which the cycle saves only after the apply
 * step committed (G-05). `full` objects start from scratch (first cycle, Reset Sync, leftover write intents).
 */
import { FolderId, WellKnownFolderName } from 'ews-javascript-api';
import type { ChangeSet, EffectiveConfig, ExContact, ExEvent, PlanInput, RepContext, RepState, SfContact, SfEvent } from '../model.ts';
import { CONTACT_PROPERTIES } from '../exchange/contact-properties.ts';
import { SYNC_FOLDER_NAME } from '../exchange/mailbox-reads.ts';
import { accountsByName, idsByEmail, readContacts, readDeletedIds, readEvents, readEventsWhere } from '../salesforce/record-reads.ts';
import { chunks, soqlDateTime, soqlIn, soqlString } from '../salesforce/soql.ts';
import type { RepConnection } from './rep-connection.ts';
import type { EngineRuntime } from './runtime.ts';

export interface RepReads {
  exchange: PlanInput['exchange'];
  salesforce: PlanInput['salesforce'];
  lookups: PlanInput['lookups'];
  next: { syncStates: RepState['syncStates']; sfWatermarks: RepState['sfWatermarks'] };
  versions: { exChangeKeys: Map<string, string>; sfModstamps: Map<string, string> };
  counts: { exchange: number; salesforce: number };
}

const empty = <T>(): ChangeSet<T> => ({ full: false, upserts: [], deletes: [] });

/**
 * SIM-SF-01: Salesforce keeps deleted records (what queryAll / getDeleted can see) for 15 days. A watermark older than
 * that could miss deletions, so the object is read in full instead (matching re-pairs, CON-04 / EVT-08).
 */
const DELETED_RETENTION_MS = 15 * 86_400_000;

function usableWatermark(watermark: string | undefined, now: number): string | undefined {
  return watermark && now - Date.parse(watermark) < DELETED_RETENTION_MS ? watermark : undefined;
}

export async function readRep(
  rt: EngineRuntime,
  conn: RepConnection,
  rep: RepContext,
  config: EffectiveConfig,
  state: RepState,
  syncFolderId: string | undefined,
  full: Set<'Contact' | 'Event'>,
): Promise<RepReads> {
  const out: RepReads = {
    exchange: { contacts: empty<ExContact>(), events: empty<ExEvent>() },
    salesforce: { contacts: empty<SfContact>(), events: empty<SfEvent>() },
    lookups: { accountsByName: {}, contactsByEmail: {}, leadsByEmail: {} },
    next: { syncStates: { ...state.syncStates }, sfWatermarks: { ...state.sfWatermarks } },
    versions: { exChangeKeys: new Map(), sfModstamps: new Map() },
    counts: { exchange: 0, salesforce: 0 },
  };
  const session = rt.session;

  if (config.contacts.direction !== 'dont-sync') {
    if (syncFolderId) {
      const changes = await conn.reader.changes(new FolderId(syncFolderId), full.has('Contact') ? undefined : state.syncStates.contacts);
      const properties = Object.values(config.contacts.mapping).filter((p) => p in CONTACT_PROPERTIES);
      const items = await conn.reader.contacts(changes.upserted.map((c) => c.id), properties, SYNC_FOLDER_NAME);
      const movedOut = await movedOutOfSyncFolder(conn, state, changes.deleted);
      out.exchange.contacts = { full: changes.full, upserts: items, deletes: changes.deleted.map((id) => ({ id, reason: movedOut.has(id) ? 'moved-out' as const : 'deleted' as const })) };
      out.next.syncStates.contacts = changes.syncState;
    }
    const watermark = full.has('Contact') ? undefined : usableWatermark(state.sfWatermarks.Contact, rt.clock.now());
    const sf = await readContacts(session, {
      ...(config.contacts.filter === 'all' ? {} : { ownerId: rep.userId }),
      mappedFields: Object.keys(config.contacts.mapping),
      ...(watermark ? { watermark } : {}),
    });
    const deleted = watermark ? await readDeletedIds(session, 'Contact', rep.userId, watermark) : [];
    out.salesforce.contacts = { full: !watermark, upserts: sf.records, deletes: deleted.map((id) => ({ id, reason: 'deleted' as const })) };
    if (sf.watermark) out.next.sfWatermarks.Contact = sf.watermark;
    const companies = out.exchange.contacts.upserts.map((c) => c.fields.CompanyName).filter((n): n is string => !!n);
    if (companies.length && config.contacts.direction !== 'salesforce-to-exchange') out.lookups.accountsByName = await accountsByName(session, companies);
    if (!out.salesforce.contacts.full) out.lookups.candidates = { sfContacts: await contactCandidates(rt, out.exchange.contacts.upserts, state, config) };
    if (syncFolderId && !out.exchange.contacts.full) {
      const properties = Object.values(config.contacts.mapping).filter((p) => p in CONTACT_PROPERTIES);
      const exContacts = await exContactCandidates(conn, syncFolderId, out.salesforce.contacts.upserts, out.exchange.contacts.upserts, state, properties);
      if (exContacts.length) out.lookups.candidates = { ...(out.lookups.candidates ?? {}), exContacts };
    }
  }

  if (config.events.direction !== 'dont-sync') {
    const changes = await conn.reader.changes(new FolderId(WellKnownFolderName.Calendar), full.has('Event') ? undefined : state.syncStates.calendar);
    const items = await conn.reader.events(changes.upserted.map((c) => c.id));
    out.exchange.events = { full: changes.full, upserts: items, deletes: changes.deleted.map((id) => ({ id, reason: 'deleted' as const })) };
    out.next.syncStates.calendar = changes.syncState;
    const watermark = full.has('Event') ? undefined : usableWatermark(state.sfWatermarks.Event, rt.clock.now());
    const sf = await readEvents(session, { ownerId: rep.userId, now: rt.clock.now(), ...(watermark ? { watermark } : {}) });
    const deleted = watermark ? await readDeletedIds(session, 'Event', rep.userId, watermark) : [];
    out.salesforce.events = { full: !watermark, upserts: sf.records, deletes: deleted.map((id) => ({ id, reason: 'deleted' as const })) };
    if (sf.watermark) out.next.sfWatermarks.Event = sf.watermark;
    if (config.events.autoRelate) {
      const emails = [...new Set(items.flatMap((e) => e.attendees.map((a) => a.toLowerCase())))];
      if (emails.length) {
        out.lookups.contactsByEmail = await idsByEmail(session, 'Contact', emails);
        out.lookups.leadsByEmail = await idsByEmail(session, 'Lead', emails);
      }
    }
    if (!out.salesforce.events.full) {
      out.lookups.candidates = { ...(out.lookups.candidates ?? {}), sfEvents: await eventCandidates(rt, rep, out.exchange.events.upserts, state) };
    }
    if (!out.exchange.events.full) {
      const exEvents = await exEventCandidates(conn, out.salesforce.events.upserts, out.exchange.events.upserts, state);
      if (exEvents.length) out.lookups.candidates = { ...(out.lookups.candidates ?? {}), exEvents };
    }
  }

  await addRetries(rt, conn, config, state, syncFolderId, out);

  for (const c of [...out.exchange.contacts.upserts, ...out.exchange.events.upserts]) out.versions.exChangeKeys.set(c.itemId, c.changeKey);
  for (const r of [...out.salesforce.contacts.upserts, ...out.salesforce.events.upserts, ...(out.lookups.candidates?.sfContacts ?? []), ...(out.lookups.candidates?.sfEvents ?? [])]) {
    out.versions.sfModstamps.set(r.Id, r.SystemModstamp);
  }
  out.counts.exchange = out.exchange.contacts.upserts.length + out.exchange.events.upserts.length;
  out.counts.salesforce = out.salesforce.contacts.upserts.length + out.salesforce.events.upserts.length;
  return out;
}

/** CON-04 candidates: SF contacts with the email of an unpaired EX contact (not already in the change set). */
async function contactCandidates(rt: EngineRuntime, exUpserts: ExContact[], state: RepState, config: EffectiveConfig): Promise<SfContact[]> {
  const paired = new Set(state.pairings.filter((p) => p.object === 'Contact').map((p) => p.exId));
  const emails = [...new Set(exUpserts.filter((c) => !paired.has(c.itemId)).map((c) => c.fields.EmailAddress1?.toLowerCase()).filter((e): e is string => !!e))];
  if (emails.length === 0) return [];
  const out: SfContact[] = [];
  for (const chunk of chunks(emails)) {
    const { records } = await readContacts(rt.session, { mappedFields: Object.keys(config.contacts.mapping), where: `Email IN ${soqlIn(chunk)}` });
    out.push(...records);
  }
  return out;
}

/** EVT-08 candidates: the rep's SF events starting when an unpaired EX event starts. */
async function eventCandidates(rt: EngineRuntime, rep: RepContext, exUpserts: ExEvent[], state: RepState): Promise<SfEvent[]> {
  const paired = new Set(state.pairings.filter((p) => p.object === 'Event').map((p) => p.exId));
  const starts = [...new Set(exUpserts.filter((e) => !paired.has(e.itemId) && e.start).map((e) => e.start))];
  if (starts.length === 0) return [];
  const out: SfEvent[] = [];
  for (const chunk of chunks(starts, 100)) {
    out.push(...(await readEventsWhere(rt.session, `OwnerId = ${soqlString(rep.userId)} AND StartDateTime IN (${chunk.map((s) => soqlDateTime(s)).join(', ')})`)));
  }
  return out;
}

/** CON-02: paired contacts that left Salesforce_Sync but still exist elsewhere under Contacts were moved, not deleted. */
async function movedOutOfSyncFolder(conn: RepConnection, state: RepState, deleted: string[]): Promise<Set<string>> {
  const pairs = deleted.map((exId) => state.pairings.find((p) => p.object === 'Contact' && p.exId === exId)).filter((p) => p !== undefined);
  if (pairs.length === 0) return new Set();
  const found = await conn.search.stampedOutsideSyncFolder(pairs.map((p) => p.sfId));
  return new Set(pairs.filter((p) => found.has(p.sfId)).map((p) => p.exId));
}

/** CON-04 candidates on the EX side: unpaired contacts in Salesforce_Sync with the email of an unpaired SF upsert. */
async function exContactCandidates(conn: RepConnection, folderId: string, sfUpserts: SfContact[], exUpserts: ExContact[], state: RepState, properties: string[]): Promise<ExContact[]> {
  const paired = new Set(state.pairings.filter((p) => p.object === 'Contact').map((p) => p.sfId));
  const emails = [...new Set(sfUpserts.filter((c) => !paired.has(c.Id)).map((c) => c.fields.Email?.toLowerCase()).filter((e): e is string => !!e))];
  if (emails.length === 0) return [];
  const known = new Set(exUpserts.map((c) => c.itemId));
  return (await conn.search.contactsByEmail(folderId, emails, properties)).filter((c) => !known.has(c.itemId));
}

/** EVT-08 candidates on the EX side: default-calendar items starting when an unpaired SF event starts. */
async function exEventCandidates(conn: RepConnection, sfUpserts: SfEvent[], exUpserts: ExEvent[], state: RepState): Promise<ExEvent[]> {
  const paired = new Set(state.pairings.filter((p) => p.object === 'Event').map((p) => p.sfId));
  const starts = [...new Set(sfUpserts.filter((e) => !paired.has(e.Id) && e.StartDateTime).map((e) => e.StartDateTime))];
  if (starts.length === 0) return [];
  const known = new Set(exUpserts.map((e) => e.itemId));
  return (await conn.search.eventsByStart(starts)).filter((e) => !known.has(e.itemId));
}

/** Items that failed last cycle are read again from their source side and planned like fresh changes (ERR-01, G-01). */
async function addRetries(rt: EngineRuntime, conn: RepConnection, config: EffectiveConfig, state: RepState, syncFolderId: string | undefined, out: RepReads): Promise<void> {
  const retry = state.retry ?? [];
  const ids = (object: 'Contact' | 'Event', source: 'salesforce' | 'exchange') => retry.filter((r) => r.object === object && r.source === source).map((r) => r.id);
  const merge = <T>(set: ChangeSet<T>, items: T[], idOf: (t: T) => string) => {
    const known = new Set(set.upserts.map(idOf));
    set.upserts.push(...items.filter((i) => !known.has(idOf(i))));
  };
  if (config.contacts.direction !== 'dont-sync') {
    const exIds = ids('Contact', 'exchange');
    if (exIds.length && syncFolderId) {
      const properties = Object.values(config.contacts.mapping).filter((p) => p in CONTACT_PROPERTIES);
      merge(out.exchange.contacts, await conn.reader.contacts(exIds, properties, SYNC_FOLDER_NAME), (c) => c.itemId);
    }
    for (const chunk of chunks(ids('Contact', 'salesforce'))) {
      merge(out.salesforce.contacts, (await readContacts(rt.session, { mappedFields: Object.keys(config.contacts.mapping), where: `Id IN ${soqlIn(chunk)}` })).records, (c) => c.Id);
    }
  }
  if (config.events.direction !== 'dont-sync') {
    const exIds = ids('Event', 'exchange');
    if (exIds.length) merge(out.exchange.events, await conn.reader.events(exIds), (e) => e.itemId);
    for (const chunk of chunks(ids('Event', 'salesforce'))) merge(out.salesforce.events, await readEventsWhere(rt.session, `Id IN ${soqlIn(chunk)}`), (e) => e.Id);
  }
}
