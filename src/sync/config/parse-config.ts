/**
 * One LightningSyncConfig record → an EffectiveConfig, or the list of everything wrong with it (CFG-03..08, CFG-05
 * mapping checks, CFG-07 N ≤ 180). Missing fields take the product's defaults (both ways, TODAY, flags off,
 * latest change wins — G-09).
 */
import type { EffectiveConfig, ExSensitivity } from '../model.ts';
import { resolveContactMapping, resolveEventMapping, type MappingOverrides } from '../mapping/overrides.ts';
import type { RawConfigRecord } from './raw-records.ts';

type Direction = EffectiveConfig['contacts']['direction'];
type FieldFilter = EffectiveConfig['contacts']['fieldFilters'][number];

const DIRECTIONS: Record<string, Direction> = {
  DontSync: 'dont-sync', SalesforceToExchange: 'salesforce-to-exchange', ExchangeToSalesforce: 'exchange-to-salesforce', BothWays: 'both',
};
const CONTACT_FILTERS: Record<string, EffectiveConfig['contacts']['filter']> = {
  SelectedUsersRecords: 'selected-users-records', SelectedOnly: 'selected-only', AllContacts: 'all',
};
const EVENT_SCOPES: Record<string, EffectiveConfig['events']['scope']> = { AllEvents: 'all', UserSelectedEvents: 'selected' };
const POLICIES: Record<string, EffectiveConfig['conflictPolicy']> = {
  LatestChangeWins: 'latest-change-wins', SalesforceWins: 'salesforce-wins', ExchangeWins: 'exchange-wins',
};
const OPERATORS: ReadonlyArray<FieldFilter['operator']> = ['equals', 'not-equals', 'contains', 'starts-with'];
const SENSITIVITIES: readonly ExSensitivity[] = ['Normal', 'Personal', 'Private', 'Confidential'];

/** CFG-07: the product rejects LAST N DAYS beyond 180 at save. */
export const MAX_EVENT_FILTER_DAYS = 180;

export type ParsedConfig = { ok: true; config: EffectiveConfig } | { ok: false; problems: string[] };

export function parseConfigRecord(record: RawConfigRecord): ParsedConfig {
  const problems: string[] = [];
  const pick = <T>(table: Record<string, T>, field: keyof RawConfigRecord, fallback: T): T => {
    const raw = record[field];
    if (raw === null || raw === undefined || raw === '') return fallback;
    if (typeof raw === 'string' && Object.hasOwn(table, raw)) return table[raw];
    problems.push(`${String(field)} is "${String(raw)}"; expected one of ${Object.keys(table).join(', ')}.`);
    return fallback;
  };
  const contactMapping = resolveContactMapping(parseJsonObject(record.ContactFieldMapping, 'ContactFieldMapping', problems));
  const eventMapping = resolveEventMapping(parseJsonObject(record.EventFieldMapping, 'EventFieldMapping', problems));
  problems.push(...contactMapping.problems, ...eventMapping.problems);
  const config: EffectiveConfig = {
    configId: record.Id,
    name: record.Name ?? record.Id,
    contacts: {
      direction: pick(DIRECTIONS, 'ContactSyncDirection', 'both'),
      filter: pick(CONTACT_FILTERS, 'ContactFilter', 'selected-users-records'),
      fieldFilters: parseFieldFilters(record.ContactFieldFilters, problems),
      mapping: contactMapping.mapping,
    },
    events: {
      direction: pick(DIRECTIONS, 'EventSyncDirection', 'both'),
      scope: pick(EVENT_SCOPES, 'EventScope', 'all'),
      filter: parseEventFilter(record, problems),
      syncPrivate: record.SyncPrivateEvents === true,
      deleteSynced: record.DeleteSyncedEvents === true,
      autoRelate: record.AutoRelateEvents === true,
      syncSeries: record.SyncEventSeries === true,
      mapping: eventMapping.mapping,
      privateSensitivities: parseSensitivities(record.PrivateSensitivities, problems),
    },
    conflictPolicy: pick(POLICIES, 'ConflictPolicy', 'latest-change-wins'),
  };
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

function parseEventFilter(record: RawConfigRecord, problems: string[]): EffectiveConfig['events']['filter'] {
  const kind = record.EventFilter ?? 'TODAY';
  if (kind === 'TODAY' || kind === 'LAST_MONTH') return { kind };
  if (kind !== 'LAST_N_DAYS') {
    problems.push(`EventFilter is "${kind}"; expected TODAY, LAST_MONTH or LAST_N_DAYS.`);
    return { kind: 'TODAY' };
  }
  const days = record.EventFilterDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_EVENT_FILTER_DAYS) {
    problems.push(`EventFilterDays is ${String(days)}; LAST N DAYS needs a whole number from 1 to ${MAX_EVENT_FILTER_DAYS} (CFG-07). Pick N ≤ ${MAX_EVENT_FILTER_DAYS} or use LAST_MONTH.`);
    return { kind: 'TODAY' };
  }
  return { kind, days };
}

function parseFieldFilters(raw: RawConfigRecord['ContactFieldFilters'], problems: string[]): FieldFilter[] {
  const parsed = typeof raw === 'string' ? parseJson(raw, 'ContactFieldFilters', problems) : raw;
  if (parsed === null || parsed === undefined) return [];
  if (!Array.isArray(parsed)) {
    problems.push('ContactFieldFilters must be a JSON array of { field, operator, value }.');
    return [];
  }
  const filters: FieldFilter[] = [];
  parsed.forEach((entry: unknown, index) => {
    const f = entry as Partial<FieldFilter> | null;
    if (!f || typeof f.field !== 'string' || !f.field || typeof f.value !== 'string') {
      problems.push(`ContactFieldFilters[${index}] needs a field name and a text value.`);
    } else if (!OPERATORS.includes(f.operator as FieldFilter['operator'])) {
      problems.push(`ContactFieldFilters[${index}] has operator "${String(f.operator)}"; use one of ${OPERATORS.join(', ')}.`);
    } else {
      filters.push({ field: f.field, operator: f.operator as FieldFilter['operator'], value: f.value });
    }
  });
  return filters;
}

function parseSensitivities(raw: string | null | undefined, problems: string[]): ExSensitivity[] {
  if (!raw) return ['Private'];
  const values = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = values.filter((v) => !SENSITIVITIES.includes(v as ExSensitivity) || v === 'Normal');
  if (bad.length) problems.push(`PrivateSensitivities lists ${bad.join(', ')}; use Private, Personal and/or Confidential.`);
  const good = values.filter((v): v is ExSensitivity => SENSITIVITIES.includes(v as ExSensitivity) && v !== 'Normal');
  return good.length ? good : ['Private'];
}

function parseJsonObject(raw: string | Record<string, unknown> | null | undefined, field: string, problems: string[]): MappingOverrides | null {
  const parsed = typeof raw === 'string' ? parseJson(raw, field, problems) : raw;
  if (parsed === null || parsed === undefined) return null;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push(`${field} must be a JSON object of Salesforce field → Exchange property (or null to unmap).`);
    return null;
  }
  const overrides: MappingOverrides = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && typeof value !== 'string') {
      problems.push(`${field}.${key} must be an Exchange property name or null, not ${JSON.stringify(value)}.`);
    } else {
      overrides[key] = value;
    }
  }
  return overrides;
}

function parseJson(text: string, field: string, problems: string[]): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push(`${field} is not valid JSON (${(error as Error).message}).`);
    return null;
  }
}
