/**
 * Builders for planner inputs: a rep, an effective config (from a raw config record, so defaults are the product's),
 * items on both sides. Every builder takes overrides so a test states only what it is about.
 */
import { parseConfigRecord, type RawConfigRecord } from '../../../../src/sync/config/index.ts';
import type {
  EffectiveConfig, ExContact, ExEvent, PlanInput, RepContext, RepState, SfContact, SfEvent,
} from '../../../../src/sync/model.ts';

export const ORG = { label: 'prod', orgId: '00D000000000001AAA' };
export const OTHER_ORG_ID = '00D000000000002BBB';
export const NOW = Date.parse('2026-11-24T18:00:00Z');
export const REP: RepContext = {
  userId: '005REP', username: 'rita@acme.test', email: 'rita@acme.test', mailbox: 'rita@acme.test', timeZone: 'America/Los_Angeles',
};

export function makeConfig(raw: Partial<RawConfigRecord> = {}): EffectiveConfig {
  const parsed = parseConfigRecord({ Id: '0Ly000000000001', Name: 'Sales', IsActive: true, ...raw });
  if (!parsed.ok) throw new Error(parsed.problems.join(' '));
  return parsed.config;
}

export function emptyState(): RepState {
  return { version: 1, org: ORG.label, rep: REP.userId, pairings: [], syncStates: {}, sfWatermarks: {}, unresolved: [], initialSyncDone: {}, syncLog: [] };
}

export interface InputParts {
  config?: EffectiveConfig;
  state?: RepState;
  now?: number;
  full?: boolean;
  sfContacts?: SfContact[];
  exContacts?: ExContact[];
  sfEvents?: SfEvent[];
  exEvents?: ExEvent[];
  sfContactDeletes?: string[];
  exContactDeletes?: Array<string | { id: string; reason: 'deleted' | 'moved-out' }>;
  sfEventDeletes?: string[];
  exEventDeletes?: string[];
  lookups?: Partial<PlanInput['lookups']>;
  outlookIntegration?: PlanInput['outlookIntegration'];
}

export function makeInput(p: InputParts = {}): PlanInput {
  const full = p.full ?? false;
  const dels = (ids: Array<string | { id: string; reason: 'deleted' | 'moved-out' }> = []) =>
    ids.map((d) => (typeof d === 'string' ? { id: d, reason: 'deleted' as const } : d));
  return {
    org: ORG,
    rep: REP,
    config: p.config ?? makeConfig(),
    now: p.now ?? NOW,
    outlookIntegration: p.outlookIntegration ?? { orgEnabled: true, repSetUp: true },
    state: p.state ?? emptyState(),
    exchange: {
      contacts: { full, upserts: p.exContacts ?? [], deletes: dels(p.exContactDeletes) },
      events: { full, upserts: p.exEvents ?? [], deletes: dels(p.exEventDeletes) },
    },
    salesforce: {
      contacts: { full, upserts: p.sfContacts ?? [], deletes: dels(p.sfContactDeletes) },
      events: { full, upserts: p.sfEvents ?? [], deletes: dels(p.sfEventDeletes) },
    },
    lookups: { accountsByName: {}, contactsByEmail: {}, leadsByEmail: {}, ...p.lookups },
  };
}

export function sfContact(id: string, fields: SfContact['fields'], extra: Partial<SfContact> = {}): SfContact {
  return { Id: id, OwnerId: REP.userId, SystemModstamp: '2026-11-24T10:00:00.000Z', AccountId: null, AccountName: null, fields, ...extra };
}

export function exContact(id: string, fields: ExContact['fields'], extra: Partial<ExContact> = {}): ExContact {
  return { itemId: id, changeKey: `${id}-ck1`, folder: 'Salesforce_Sync', lastModified: '2026-11-24T10:00:00.000Z', fields, ...extra };
}

export function sfEvent(id: string, extra: Partial<SfEvent> = {}): SfEvent {
  return {
    Id: id, OwnerId: REP.userId, SystemModstamp: '2026-11-24T10:00:00.000Z', Subject: 'Pipeline review', Description: null,
    Location: null, StartDateTime: '2026-11-25T17:00:00.000Z', EndDateTime: '2026-11-25T18:00:00.000Z', IsAllDayEvent: false,
    IsPrivate: false, ShowAs: 'Busy', IsRecurrence: false, IsRecurrence2: false, WhoId: null, WhatId: null, ...extra,
  };
}

export function exEvent(id: string, extra: Partial<ExEvent> = {}): ExEvent {
  return {
    itemId: id, changeKey: `${id}-ck1`, lastModified: '2026-11-24T10:00:00.000Z', calendar: 'default', subject: 'Pipeline review',
    body: null, location: null, start: '2026-11-25T17:00:00.000Z', end: '2026-11-25T18:00:00.000Z', isAllDay: false,
    sensitivity: 'Normal', freeBusy: 'Busy', calendarItemType: 'Single', organizer: REP.email, attendees: [], isMeeting: false,
    loggedToSalesforce: false, ...extra,
  };
}

/** Action types in order, for compact assertions. */
export function types(out: { actions: Array<{ type: string }> }): string[] {
  return out.actions.map((a) => a.type);
}
