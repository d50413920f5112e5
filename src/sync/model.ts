/**
 * @module
 * The engine's normalized view of both sides, its persisted pairing state, and the seam between the pure planning
 * step (src/sync/plan) and the I/O around it (src/sync/exchange, src/sync/salesforce, src/sync/apply).
 *
 * I/O code turns EWS items and Salesforce records into these shapes; the planner sees nothing else. Field values
 * are plain JSON (strings, numbers, booleans, null); instants are ISO strings in UTC.
 */
import type { Finding, PlannedAction, RuleId } from './api.ts';

/* ------------------------------------------------------------------ Exchange side */

/** Contact properties by EWS name, only those a mapping uses (CON-08). Absent = not read; null = empty. */
export type ExContactFields = Partial<Record<
  | 'GivenName' | 'Surname' | 'MiddleName' | 'CompanyName' | 'JobTitle' | 'Department'
  | 'EmailAddress1' | 'EmailAddress2' | 'EmailAddress3'
  | 'BusinessPhone' | 'MobilePhone' | 'HomePhone' | 'BusinessFax' | 'AssistantName' | 'AssistantPhone'
  | 'Birthday' | 'Body'
  | 'BusinessStreet' | 'BusinessCity' | 'BusinessState' | 'BusinessPostalCode' | 'BusinessCountryOrRegion',
  string | null>>;

export interface ExContact {
  itemId: string;
  changeKey: string;
  /** 'Salesforce_Sync' or another folder name; only Salesforce_Sync syncs (CON-02). */
  folder: string;
  lastModified: string;
  fields: ExContactFields;
  /** Extended properties (sim/exchange/world.ts EXTENDED_PROPERTIES). */
  stampedOrgId?: string;
  stampedRecordId?: string;
}

export type ExSensitivity = 'Normal' | 'Personal' | 'Private' | 'Confidential';

export interface ExEvent {
  itemId: string;
  changeKey: string;
  lastModified: string;
  /** Only the default calendar syncs (EVT-01); I/O reads only it, but records where an item came from. */
  calendar: 'default' | string;
  subject: string | null;
  body: string | null;
  location: string | null;
  start: string;
  end: string;
  isAllDay: boolean;
  sensitivity: ExSensitivity;
  freeBusy: string | null;
  /** Single | RecurringMaster | Occurrence | Exception */
  calendarItemType: 'Single' | 'RecurringMaster' | 'Occurrence' | 'Exception';
  /** RRULE-like text of a series master, when recurring. */
  recurrence?: string | null;
  organizer: string | null;
  attendees: string[];
  isMeeting: boolean;
  loggedToSalesforce: boolean;
  stampedOrgId?: string;
  stampedRecordId?: string;
}

/* ---------------------------------------------------------------- Salesforce side */

export interface SfContact {
  Id: string;
  OwnerId: string;
  SystemModstamp: string;
  LastModifiedById?: string;
  AccountId: string | null;
  /** Account.Name, resolved by I/O. */
  AccountName: string | null;
  fields: Partial<Record<
    | 'FirstName' | 'LastName' | 'Email' | 'Title' | 'Department' | 'Phone' | 'MobilePhone' | 'HomePhone' | 'Fax'
    | 'AssistantName' | 'AssistantPhone' | 'Birthdate' | 'Description'
    | 'MailingStreet' | 'MailingCity' | 'MailingState' | 'MailingPostalCode' | 'MailingCountry',
    string | null>>;
}

export interface SfEvent {
  Id: string;
  OwnerId: string;
  CreatedById?: string;
  SystemModstamp: string;
  LastModifiedById?: string;
  Subject: string | null;
  Description: string | null;
  Location: string | null;
  StartDateTime: string;
  EndDateTime: string;
  IsAllDayEvent: boolean;
  /** YYYY-MM-DD for all-day events. */
  ActivityDate?: string | null;
  /**
   * added by ENG-RULES: read it when you can. For an all-day event it says how many days it spans (1440 per day),
   * whatever convention EndDateTime follows (real orgs: the LAST day at 00:00Z); without it the planner assumes that
   * convention (docs/decisions/0007).
   */
  DurationInMinutes?: number | null;
  IsPrivate: boolean;
  ShowAs: string | null;
  /** Classic recurring (never syncs, EVT-06). */
  IsRecurrence: boolean;
  /** Lightning series (syncs only with Sync event series on). */
  IsRecurrence2: boolean;
  Recurrence2PatternText?: string | null;
  WhoId: string | null;
  WhatId: string | null;
}

/* ------------------------------------------------------------------- change sets */

/**
 * What changed on one side since the last checkpoint. On a full resync (first cycle, Reset Sync, expired window,
 * invalid SyncState) `full` is true and `upserts` holds every item in scope: the planner then matches before it
 * creates (CON-04, EVT-08) and treats anything paired but absent as deleted only when the side is authoritative.
 */
export interface ChangeSet<T> {
  full: boolean;
  upserts: T[];
  /** Ids deleted (or moved out of scope, e.g. out of Salesforce_Sync — CON-02: that is NOT a delete). */
  deletes: Array<{ id: string; reason: 'deleted' | 'moved-out' }>;
}

/* ----------------------------------------------------------------- pairing state */

/** One SF record ↔ EX item pair, with the version of each side last synced. */
export interface Pairing {
  object: 'Contact' | 'Event';
  sfId: string;
  exId: string;
  /** ChangeKey of the EX item as last written or read by the engine. */
  exChangeKey: string;
  /** SystemModstamp of the SF record as last written or read by the engine. */
  sfModstamp: string;
  /** Hash of the mapped field values at the last sync: tells a real edit from a no-op touch (G-02). */
  syncedHash: string;
  /** Mapped values at the last sync (for EVT-03 overwrite findings: old vs new). */
  synced: Record<string, string | number | boolean | null>;
  pairedAt: number;
  /** Stopped syncing (event made private after sync, EVT-02) but the partner stays. */
  frozen?: boolean;
  /**
   * added by ENG-RULES: mapped values one side holds that differ from `synced` because a one-way sync ignored that
   * side's edit (CFG-03). Kept so that a later overwrite reports the true before value (EVT-03, G-03).
   */
  drift?: Partial<Record<'salesforce' | 'exchange', Record<string, string | number | boolean | null>>>;
  /**
   * added by ENG-RULES: the item on this side was deleted (or moved out of Salesforce_Sync) and the delete was not
   * propagated (CON-06; EVT-05 with the flag off). The pairing is kept so that the survivor is re-created on this side
   * only when its mapped values really change (or on reset) — not merely because a read returned it again.
   * An orphaned pairing is not "in sync" (STAT-04 counts) and does not count toward CON-07.
   */
  orphaned?: 'salesforce' | 'exchange';
}

/**
 * added by ENG-RULES: the mapped values both sides hold once an action's write succeeded. The apply step stores them
 * in the Pairing (`syncedHash` = hash, `synced` = values) together with the new ChangeKey / SystemModstamp (G-02).
 */
export interface SyncedValues {
  hash: string;
  values: Record<string, string | number | boolean | null>;
}

export interface UnresolvedItem {
  exId: string;
  sfId?: string;
  companyName: string;
  since: number;
  /** Cycles seen unresolved; CON-05 removes the company after one more cycle when syncing both ways. */
  cycles: number;
}

export type DirectionStatus =
  | 'Not started'
  | 'Initial sync in progress'
  | 'Initial sync completed'
  | 'Sync in progress'
  | 'In sync'
  | 'Exchange configuration not set to sync';

/** Everything the engine keeps for one rep in one org: one lowdb shard. */
export interface RepState {
  version: 1;
  org: string;
  rep: string;
  pairings: Pairing[];
  /** EWS SyncState per folder ('contacts' = Salesforce_Sync, 'calendar'). */
  syncStates: Partial<Record<'contacts' | 'calendar', string>>;
  /** SF watermark per object: the end of the last getUpdated window / max SystemModstamp seen. */
  sfWatermarks: Partial<Record<'Contact' | 'Event', string>>;
  /**
   * added by PERF: per object, a watermark whose millisecond is complete — the read that reached it started at least
   * WATERMARK_SETTLE_MS after it, so no record can still get that SystemModstamp. The next read of the object may then
   * ask for `SystemModstamp >` instead of `>=` and skip re-reading the whole last batch (with a scenario clock, every
   * record one cycle wrote shares one millisecond). Only meaningful while equal to `sfWatermarks[object]`.
   */
  sfSettled?: Partial<Record<'Contact' | 'Event', string>>;
  unresolved: UnresolvedItem[];
  /** Per object and direction: has the initial sync completed. */
  initialSyncDone: Partial<Record<'Contact:salesforce-to-exchange' | 'Contact:exchange-to-salesforce' | 'Event:salesforce-to-exchange' | 'Event:exchange-to-salesforce', boolean>>;
  /**
   * Records synced, with the scenario time of each sync, for STAT-02 (last 60 min / 24 h). Pruned after 24 h. One entry
   * counts every record synced at the same instant (`count`, default 1): an initial sync of 1,500 items is one or two
   * entries, not 1,500 — the logs of every rep are also kept in the org's activity file (issue #6).
   */
  syncLog: Array<{ at: number; object: 'Contact' | 'Event'; count?: number }>;
  resetStatus?: 'MarkedForReset' | 'ResetInProgress';
  /** Back-off: no EWS request for this rep before this instant (G-06). */
  backOffUntil?: number;
  /** added by ENG-IO: write-ahead intents of creates not yet committed as pairings (G-05 crash safety). */
  intents?: WriteIntent[];
  /** added by ENG-IO: cached FolderId of Salesforce_Sync, so a no-change cycle need not FindFolder again. */
  syncFolderId?: string;
  /**
   * added by ENG-IO: items whose write failed, re-read from their source side next cycle so they sync once the cause
   * is gone (ERR-01, G-01) although the change feed has moved past them. `code` suppresses a repeated error record.
   */
  retry?: Array<{ object: 'Contact' | 'Event'; source: 'salesforce' | 'exchange'; id: string; code: string; since: number }>;
  /**
   * How many pairings there are per object, as of the last write (state/shard-codec.ts): the status counts of a rep
   * whose pairings were never loaded this cycle (a quiet rep) come from here.
   */
  pairingCounts?: Partial<Record<'Contact' | 'Event', number>>;
}

/**
 * added by ENG-IO: a create the engine is about to send. Recorded (and flushed) BEFORE the server write; removed when
 * the pairing is committed. A leftover intent after a restart means the write may have reached the server: the
 * engine reconciles it by the stamp it put on the item (EX items carry the SF record id) or by matching on a full
 * resync (CON-04, EVT-08) instead of creating again (G-04, G-05).
 */
export interface WriteIntent {
  id: string;
  object: 'Contact' | 'Event';
  /** The side the create goes to. */
  side: 'salesforce' | 'exchange';
  /** The partner that already exists on the other side. */
  sfId?: string;
  exId?: string;
  at: number;
}

/* ------------------------------------------------------------- planner seam */

export interface RepContext {
  userId: string;
  username: string;
  email: string;
  mailbox: string;
  timeZone: string;
}

/** Effective configuration of one rep (CFG-01/02 resolved). Produced by src/sync/config. */
export interface EffectiveConfig {
  configId: string;
  name: string;
  contacts: {
    direction: 'dont-sync' | 'salesforce-to-exchange' | 'exchange-to-salesforce' | 'both';
    filter: 'selected-users-records' | 'selected-only' | 'all';
    fieldFilters: Array<{ field: string; operator: 'equals' | 'not-equals' | 'contains' | 'starts-with'; value: string }>;
    /** SF field → EX property. */
    mapping: Record<string, string>;
  };
  events: {
    direction: 'dont-sync' | 'salesforce-to-exchange' | 'exchange-to-salesforce' | 'both';
    scope: 'all' | 'selected';
    filter: { kind: 'TODAY' } | { kind: 'LAST_MONTH' } | { kind: 'LAST_N_DAYS'; days: number };
    syncPrivate: boolean;
    deleteSynced: boolean;
    autoRelate: boolean;
    syncSeries: boolean;
    mapping: Record<string, string>;
    /**
     * added by ENG-RULES: which EX Sensitivity values count as private (EVT-02). Default ['Private'];
     * docs/decisions/0003-private-sensitivities.md explains the choice.
     */
    privateSensitivities?: ExSensitivity[];
  };
  conflictPolicy: 'latest-change-wins' | 'salesforce-wins' | 'exchange-wins';
}

export interface PlanInput {
  org: { label: string; orgId: string };
  rep: RepContext;
  config: EffectiveConfig;
  now: number;
  /** Org-level Outlook integration enabled and this rep set it up (CFG-04). */
  outlookIntegration: { orgEnabled: boolean; repSetUp: boolean };
  state: RepState;
  exchange: { contacts: ChangeSet<ExContact>; events: ChangeSet<ExEvent> };
  salesforce: { contacts: ChangeSet<SfContact>; events: ChangeSet<SfEvent> };
  /** Lookups the planner needs, pre-fetched by I/O (no I/O inside the planner). */
  lookups: {
    /** Account name (lower-cased) → Account Id (CON-05). */
    accountsByName: Record<string, string>;
    /** Email (lower-cased) → contact ids / lead ids the rep can see (EVT-09 auto-relate). */
    contactsByEmail: Record<string, string[]>;
    leadsByEmail: Record<string, string[]>;
    /** Partner lookups for matching on full resync (CON-04, EVT-08) when not already in the change sets. */
    /**
     * added by ENG-RULES: lower-cased emails of every rep who syncs in this org (EVT-10: an event organized by anyone
     * else is not synced). Absent = only this rep counts as syncing.
     */
    syncingEmails?: string[];
    /**
     * added by ENG-RULES: existing items NOT in the change sets that matching may pair with (CON-04 by email / name,
     * EVT-08 by subject + start + end), pre-fetched by I/O for the unpaired upserts of an incremental cycle.
     */
    candidates?: {
      sfContacts?: SfContact[];
      exContacts?: ExContact[];
      sfEvents?: SfEvent[];
      exEvents?: ExEvent[];
    };
  };
}

/** A write the apply step performs. `pairing` says how the state changes once the write succeeded (G-05). */
export type EngineAction =
  | { type: 'create-ex-contact'; rule: RuleId; sfId: string; fields: ExContactFields; stamp: { orgId: string; recordId: string }; synced?: SyncedValues }
  | { type: 'update-ex-contact'; rule: RuleId; sfId: string; exId: string; changeKey: string; set: ExContactFields; synced?: SyncedValues }
  | { type: 'create-sf-contact'; rule: RuleId; exId: string; record: Record<string, unknown>; synced?: SyncedValues }
  | { type: 'update-sf-contact'; rule: RuleId; exId: string; sfId: string; set: Record<string, unknown>; synced?: SyncedValues }
  | { type: 'create-ex-event'; rule: RuleId; sfId: string; event: Partial<ExEvent>; stamp: { orgId: string; recordId: string }; synced?: SyncedValues }
  | { type: 'update-ex-event'; rule: RuleId; sfId: string; exId: string; changeKey: string; set: Partial<ExEvent>; synced?: SyncedValues }
  | { type: 'delete-ex-event'; rule: RuleId; sfId: string; exId: string; synced?: SyncedValues }
  | { type: 'create-sf-event'; rule: RuleId; exId: string; record: Record<string, unknown>; relateTo?: { whoIds: string[] }; synced?: SyncedValues }
  | { type: 'update-sf-event'; rule: RuleId; exId: string; sfId: string; set: Record<string, unknown>; synced?: SyncedValues }
  | { type: 'delete-sf-event'; rule: RuleId; exId: string; sfId: string; synced?: SyncedValues }
  /** State-only: pair two existing items found by matching (CON-04, EVT-08), or drop / freeze a pairing. */
  | { type: 'pair'; rule: RuleId; object: 'Contact' | 'Event'; sfId: string; exId: string; synced?: SyncedValues }
  | { type: 'unpair'; rule: RuleId; object: 'Contact' | 'Event'; sfId: string; exId: string; synced?: SyncedValues }
  | { type: 'freeze'; rule: RuleId; object: 'Contact' | 'Event'; sfId: string; exId: string; synced?: SyncedValues };

export interface PlanOutput {
  actions: EngineAction[];
  findings: Omit<Finding, 'at'>[];
  /** Human-readable view of the actions for reports and --dry-run. */
  summary: PlannedAction[];
  /** State changes that do not depend on a write succeeding (unresolved items, counters, checkpoints). */
  stateUpdates: Partial<Pick<RepState, 'unresolved' | 'initialSyncDone'>> & {
    /**
     * added by ENG-RULES: state-only changes to existing pairings (one-way drift remembered for EVT-03 / G-03).
     * Apply: find the pairing by object + sfId + exId and assign `patch` to it.
     */
    pairingPatches?: Array<{ object: 'Contact' | 'Event'; sfId: string; exId: string; patch: Partial<Pick<Pairing, 'drift' | 'orphaned'>> }>;
  };
}
