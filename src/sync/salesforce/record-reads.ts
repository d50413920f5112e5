/**
 * @module
 * Reading a rep's Salesforce records incrementally: SystemModstamp queries since the rep's watermark (`>=`, so a
 * record saved in the same millisecond as the last read is never missed; re-reading it is a no-op for the planner,
 * G-02), deletions through queryAll (IsDeleted), and the lookups the planner needs pre-fetched (accounts by name for
 * CON-05, contacts / leads by email for EVT-09). The watermark moves only after the rep's cycle committed (G-05).
 */
import type { SfContact, SfEvent } from '../model.ts';
import type { SalesforceSession } from './sf-session.ts';
import { chunks, queryRecords, soqlDateTime, soqlIn, soqlString } from './soql.ts';

type Row = Record<string, unknown>;

const CONTACT_SYSTEM_FIELDS = ['Id', 'OwnerId', 'SystemModstamp', 'LastModifiedById', 'AccountId', 'Account.Name'];
export const EVENT_FIELDS = [
  'Id', 'OwnerId', 'CreatedById', 'SystemModstamp', 'LastModifiedById', 'Subject', 'Description', 'Location', 'StartDateTime',
  'EndDateTime', 'IsAllDayEvent', 'ActivityDate', 'IsPrivate', 'ShowAs', 'IsRecurrence', 'RecurrenceActivityId', 'IsRecurrence2', 'Recurrence2PatternText',
  'WhoId', 'WhatId',
];

/** Full reads of events look back this far: farther than any event filter (CFG-07: N ≤ 180 days). */
const EVENT_LOOKBACK_MS = 181 * 86_400_000;

export interface ReadResult<T> {
  records: T[];
  /** Highest SystemModstamp seen, the next watermark (unchanged when nothing was read). */
  watermark: string | undefined;
}

export async function readContacts(
  session: SalesforceSession,
  spec: {
    ownerId?: string; mappedFields: string[]; watermark?: string;
    /** The watermark's millisecond was read in full already (RepState.sfSettled): ask for `>` only. */
    settled?: boolean;
    /** Extra SOQL condition, e.g. an Id list. */ where?: string;
  },
): Promise<ReadResult<SfContact>> {
  const dataFields = spec.mappedFields.filter((f) => f !== 'Account.Name' && !CONTACT_SYSTEM_FIELDS.includes(f));
  const where = [
    spec.ownerId ? `OwnerId = ${soqlString(spec.ownerId)}` : undefined,
    spec.watermark ? `SystemModstamp ${spec.settled ? '>' : '>='} ${soqlDateTime(spec.watermark)}` : undefined,
    spec.where,
  ].filter(Boolean);
  const soql = `SELECT ${[...CONTACT_SYSTEM_FIELDS, ...dataFields].join(', ')} FROM Contact${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY SystemModstamp, Id`;
  const rows = await queryRecords<Row>(session, soql);
  const records = rows.map((row): SfContact => ({
    Id: String(row.Id),
    OwnerId: String(row.OwnerId),
    SystemModstamp: iso(row.SystemModstamp),
    ...(row.LastModifiedById ? { LastModifiedById: String(row.LastModifiedById) } : {}),
    AccountId: (row.AccountId as string | null) ?? null,
    AccountName: ((row.Account as Row | null)?.Name as string | undefined) ?? null,
    fields: Object.fromEntries(dataFields.map((f) => [f, valueOrNull(row[f])])),
  }));
  return { records, watermark: maxModstamp(records, spec.watermark) };
}

export async function readEvents(
  session: SalesforceSession,
  spec: { ownerId: string; watermark?: string; now: number; /** As in readContacts. */ settled?: boolean },
): Promise<ReadResult<SfEvent>> {
  const where = [`OwnerId = ${soqlString(spec.ownerId)}`];
  if (spec.watermark) where.push(`SystemModstamp ${spec.settled ? '>' : '>='} ${soqlDateTime(spec.watermark)}`);
  else where.push(`EndDateTime >= ${soqlDateTime(spec.now - EVENT_LOOKBACK_MS)}`);
  const rows = await queryRecords<Row>(session, `SELECT ${EVENT_FIELDS.join(', ')} FROM Event WHERE ${where.join(' AND ')} ORDER BY SystemModstamp, Id`);
  const records = rows.map(toSfEvent);
  return { records, watermark: maxModstamp(records, spec.watermark) };
}

/** Ids of the rep's records deleted since the watermark (the recycle bin, through queryAll). */
export async function readDeletedIds(session: SalesforceSession, object: 'Contact' | 'Event', ownerId: string, watermark: string): Promise<string[]> {
  const rows = await queryRecords<Row>(
    session,
    // ORDER BY Id: a deterministic answer, and lets the sim answer through its OwnerId index instead of a scan.
    `SELECT Id FROM ${object} WHERE OwnerId = ${soqlString(ownerId)} AND IsDeleted = true AND SystemModstamp >= ${soqlDateTime(watermark)} ORDER BY Id`,
    { includeDeleted: true },
  );
  return rows.map((r) => String(r.Id));
}

/** Events matching a SOQL condition (candidates for EVT-08 matching). */
export async function readEventsWhere(session: SalesforceSession, where: string): Promise<SfEvent[]> {
  return (await queryRecords<Row>(session, `SELECT ${EVENT_FIELDS.join(', ')} FROM Event WHERE ${where} ORDER BY Id`)).map(toSfEvent);
}

/** CON-05: Account name (lower-cased) → Id, for the company names of Exchange contacts. */
export async function accountsByName(session: SalesforceSession, names: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const unique = [...new Set(names.filter(Boolean))];
  for (const chunk of chunks(unique)) {
    const rows = await queryRecords<Row>(session, `SELECT Id, Name FROM Account WHERE Name IN ${soqlIn(chunk)} ORDER BY CreatedDate, Id`);
    for (const row of rows) out[String(row.Name).toLowerCase()] ??= String(row.Id);
  }
  return out;
}

/** EVT-09: email (lower-cased) → ids of contacts or leads with that email. */
export async function idsByEmail(session: SalesforceSession, object: 'Contact' | 'Lead', emails: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const unique = [...new Set(emails.map((e) => e.toLowerCase()).filter(Boolean))];
  for (const chunk of chunks(unique)) {
    const rows = await queryRecords<Row>(session, `SELECT Id, Email FROM ${object} WHERE Email IN ${soqlIn(chunk)} ORDER BY Id`);
    for (const row of rows) (out[String(row.Email).toLowerCase()] ??= []).push(String(row.Id));
  }
  return out;
}

function toSfEvent(row: Row): SfEvent {
  return {
    Id: String(row.Id),
    OwnerId: String(row.OwnerId),
    ...(row.CreatedById ? { CreatedById: String(row.CreatedById) } : {}),
    SystemModstamp: iso(row.SystemModstamp),
    ...(row.LastModifiedById ? { LastModifiedById: String(row.LastModifiedById) } : {}),
    Subject: valueOrNull(row.Subject),
    Description: valueOrNull(row.Description),
    Location: valueOrNull(row.Location),
    StartDateTime: iso(row.StartDateTime),
    EndDateTime: iso(row.EndDateTime),
    IsAllDayEvent: row.IsAllDayEvent === true,
    ActivityDate: valueOrNull(row.ActivityDate),
    IsPrivate: row.IsPrivate === true,
    ShowAs: valueOrNull(row.ShowAs),
    // A Classic series is a main record (IsRecurrence) plus one record per occurrence that only points back through
    // RecurrenceActivityId (with IsRecurrence false): both are Classic recurring events, which never sync (EVT-06).
    IsRecurrence: row.IsRecurrence === true || (typeof row.RecurrenceActivityId === 'string' && row.RecurrenceActivityId !== ''),
    IsRecurrence2: row.IsRecurrence2 === true,
    Recurrence2PatternText: valueOrNull(row.Recurrence2PatternText),
    WhoId: valueOrNull(row.WhoId),
    WhatId: valueOrNull(row.WhatId),
  };
}

/** Salesforce writes `2026-03-02T08:00:00.000+0000`; the engine keeps ISO `Z` strings. */
function iso(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}

function valueOrNull(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : String(value);
}

function maxModstamp(records: Array<{ SystemModstamp: string }>, previous: string | undefined): string | undefined {
  let max = previous;
  for (const r of records) if (r.SystemModstamp && (!max || r.SystemModstamp > max)) max = r.SystemModstamp;
  return max;
}
