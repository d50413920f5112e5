/**
 * @module
 * The reads around the change feeds, for one rep: matching candidates outside the feeds (CON-04, EVT-08 — both sides),
 * the moved-out check (CON-02) and the re-read of items that failed last cycle (ERR-01, G-01). Each is a targeted
 * query that runs only when the feeds leave something to look up.
 */
import type { ChangeSet, EffectiveConfig, ExContact, ExEvent, RepContext, RepState, SfContact, SfEvent } from '../model.ts';
import { CONTACT_PROPERTIES } from '../exchange/contact-properties.ts';
import { SYNC_FOLDER_NAME } from '../exchange/mailbox-reads.ts';
import { readContacts, readEventsWhere } from '../salesforce/record-reads.ts';
import { chunks, soqlDateTime, soqlIn, soqlString } from '../salesforce/soql.ts';
import type { RepConnection } from './rep-connection.ts';
import type { RepReads } from './rep-reads.ts';
import type { EngineRuntime } from './runtime.ts';

/** CON-04 candidates: SF contacts with the email of an unpaired EX contact (not already in the change set). */
export async function contactCandidates(rt: EngineRuntime, exUpserts: ExContact[], state: RepState, config: EffectiveConfig): Promise<SfContact[]> {
  if (exUpserts.length === 0) return [];
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
export async function eventCandidates(rt: EngineRuntime, rep: RepContext, exUpserts: ExEvent[], state: RepState): Promise<SfEvent[]> {
  // Nothing new on the EX side (every quiet cycle): skip the walk over every pairing.
  if (exUpserts.length === 0) return [];
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
export async function movedOutOfSyncFolder(conn: RepConnection, state: RepState, deleted: string[]): Promise<Set<string>> {
  const pairs = deleted.map((exId) => state.pairings.find((p) => p.object === 'Contact' && p.exId === exId)).filter((p) => p !== undefined);
  if (pairs.length === 0) return new Set();
  const found = await conn.search.stampedOutsideSyncFolder(pairs.map((p) => p.sfId));
  return new Set(pairs.filter((p) => found.has(p.sfId)).map((p) => p.exId));
}

/** CON-04 candidates on the EX side: unpaired contacts in Salesforce_Sync with the email of an unpaired SF upsert. */
export async function exContactCandidates(conn: RepConnection, folderId: string, sfUpserts: SfContact[], exUpserts: ExContact[], state: RepState, properties: string[]): Promise<ExContact[]> {
  if (sfUpserts.length === 0) return [];
  const paired = new Set(state.pairings.filter((p) => p.object === 'Contact').map((p) => p.sfId));
  const emails = [...new Set(sfUpserts.filter((c) => !paired.has(c.Id)).map((c) => c.fields.Email?.toLowerCase()).filter((e): e is string => !!e))];
  if (emails.length === 0) return [];
  const known = new Set(exUpserts.map((c) => c.itemId));
  return (await conn.search.contactsByEmail(folderId, emails, properties)).filter((c) => !known.has(c.itemId));
}

/** EVT-08 candidates on the EX side: default-calendar items starting when an unpaired SF event starts. */
export async function exEventCandidates(conn: RepConnection, sfUpserts: SfEvent[], exUpserts: ExEvent[], state: RepState): Promise<ExEvent[]> {
  if (sfUpserts.length === 0) return [];
  const paired = new Set(state.pairings.filter((p) => p.object === 'Event').map((p) => p.sfId));
  const starts = [...new Set(sfUpserts.filter((e) => !paired.has(e.Id) && e.StartDateTime).map((e) => e.StartDateTime))];
  if (starts.length === 0) return [];
  const known = new Set(exUpserts.map((e) => e.itemId));
  return (await conn.search.eventsByStart(starts)).filter((e) => !known.has(e.itemId));
}

/** Items that failed last cycle are read again from their source side and planned like fresh changes (ERR-01, G-01). */
export async function addRetries(rt: EngineRuntime, conn: RepConnection, config: EffectiveConfig, state: RepState, syncFolderId: string | undefined, out: RepReads): Promise<void> {
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
