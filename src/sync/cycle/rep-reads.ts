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
import { accountsByName, idsByEmail, readContacts, readDeletedIds, readEvents } from '../salesforce/record-reads.ts';
import { addRetries, contactCandidates, eventCandidates, exContactCandidates, exEventCandidates, movedOutOfSyncFolder } from './rep-read-extras.ts';
import type { RepConnection } from './rep-connection.ts';
import type { EngineRuntime } from './runtime.ts';
import { sfUnchanged, type Coverage } from './sf-change-probe.ts';

export interface RepReads {
  exchange: PlanInput['exchange'];
  salesforce: PlanInput['salesforce'];
  lookups: PlanInput['lookups'];
  next: { syncStates: RepState['syncStates']; sfWatermarks: RepState['sfWatermarks']; sfSettled: NonNullable<RepState['sfSettled']> };
  versions: { exChangeKeys: Map<string, string>; sfModstamps: Map<string, string> };
  counts: { exchange: number; salesforce: number };
  /** What this read covered of Salesforce (sf-change-probe.ts), recorded once the checkpoints are committed. */
  coverage: Coverage;
}

const empty = <T>(): ChangeSet<T> => ({ full: false, upserts: [], deletes: [] });

/**
 * SIM-SF-01: Salesforce keeps deleted records (what queryAll / getDeleted can see) for 15 days. A watermark older than
 * that could miss deletions, so the object is read in full instead (matching re-pairs, CON-04 / EVT-08).
 */
const DELETED_RETENTION_MS = 15 * 86_400_000;

/**
 * A read that starts this long after its watermark saw every record of the watermark's millisecond: later saves get a
 * later SystemModstamp. The margin absorbs clock skew between the engine and the org on wall-clock engines.
 */
export const WATERMARK_SETTLE_MS = 5 * 60_000;

/** The read's new watermark is settled (RepState.sfSettled) when the read started well after it. */
function settledAfter(watermark: string | undefined, readStart: number): string | undefined {
  return watermark && readStart - Date.parse(watermark) >= WATERMARK_SETTLE_MS ? watermark : undefined;
}

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
    next: { syncStates: { ...state.syncStates }, sfWatermarks: { ...state.sfWatermarks }, sfSettled: { ...state.sfSettled } },
    versions: { exChangeKeys: new Map(), sfModstamps: new Map() },
    counts: { exchange: 0, salesforce: 0 },
    coverage: {},
  };
  const covered = rt.sfCoverage.get(rep.userId);
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
    if (watermark && sfUnchanged(rt.sfProbe, covered, 'Contact', rep.userId, config.contacts.filter !== 'all')) {
      out.coverage.Contact = rt.sfProbe!.at;
    } else {
      const readStart = rt.clock.now();
      const sf = await readContacts(session, {
        ...(config.contacts.filter === 'all' ? {} : { ownerId: rep.userId }),
        mappedFields: Object.keys(config.contacts.mapping),
        ...(watermark ? { watermark, settled: state.sfSettled?.Contact === watermark } : {}),
      });
      const deleted = watermark ? await readDeletedIds(session, 'Contact', rep.userId, watermark) : [];
      out.salesforce.contacts = { full: !watermark, upserts: sf.records, deletes: deleted.map((id) => ({ id, reason: 'deleted' as const })) };
      if (sf.watermark) out.next.sfWatermarks.Contact = sf.watermark;
      setSettled(out.next.sfSettled, 'Contact', settledAfter(sf.watermark, readStart));
      out.coverage.Contact = readStart;
    }
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
    if (watermark && sfUnchanged(rt.sfProbe, covered, 'Event', rep.userId, true)) {
      out.coverage.Event = rt.sfProbe!.at;
    } else {
      const readStart = rt.clock.now();
      const sf = await readEvents(session, { ownerId: rep.userId, now: readStart, ...(watermark ? { watermark, settled: state.sfSettled?.Event === watermark } : {}) });
      const deleted = watermark ? await readDeletedIds(session, 'Event', rep.userId, watermark) : [];
      out.salesforce.events = { full: !watermark, upserts: sf.records, deletes: deleted.map((id) => ({ id, reason: 'deleted' as const })) };
      if (sf.watermark) out.next.sfWatermarks.Event = sf.watermark;
      setSettled(out.next.sfSettled, 'Event', settledAfter(sf.watermark, readStart));
      out.coverage.Event = readStart;
    }
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

function setSettled(settled: RepReads['next']['sfSettled'], object: 'Contact' | 'Event', value: string | undefined): void {
  if (value) settled[object] = value;
  else delete settled[object];
}
