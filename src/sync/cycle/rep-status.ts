/**
 * @module
 * User statuses (STAT-03, STAT-04) as the engine writes them to LightningSyncUserStatus: computed from what the
 * cycle learned, then written ONLY where a field changed (G-02: a no-change cycle writes nothing). One status record
 * per rep; records are created when missing and updated field by field.
 */
import { pairingCount } from '../state/shard-codec.ts';
import type { DirectionStatus, EffectiveConfig, RepState } from '../model.ts';
import { createRecords, updateRecords } from '../salesforce/record-writes.ts';
import type { UserStatusRecord } from '../salesforce/setup-reader.ts';
import type { EngineRuntime } from './runtime.ts';

export type StatusValues = Record<string, string | number | boolean | null>;

type DirKey = 'Contact:salesforce-to-exchange' | 'Contact:exchange-to-salesforce' | 'Event:salesforce-to-exchange' | 'Event:exchange-to-salesforce';

const FIELD_OF: Record<DirKey, string> = {
  'Contact:salesforce-to-exchange': 'ContactsSfToExStatus',
  'Contact:exchange-to-salesforce': 'ContactsExToSfStatus',
  'Event:salesforce-to-exchange': 'EventsSfToExStatus',
  'Event:exchange-to-salesforce': 'EventsExToSfStatus',
};

export interface DirectionFacts {
  config: EffectiveConfig | undefined;
  /** initialSyncDone before this cycle's plan was applied. */
  before: RepState['initialSyncDone'];
  state: RepState | undefined;
  /** The rep's cycle ran to the end (reads, plan, apply). */
  synced: boolean;
  /** Records written this cycle per direction key, and directions with item failures. */
  written: Partial<Record<DirKey, number>>;
  failed: Set<DirKey>;
  previous: UserStatusRecord | undefined;
}

/** STAT-04 per direction: see the seed's Tables 5–6 for the values. */
export function directionStatuses(f: DirectionFacts): StatusValues {
  const out: StatusValues = {};
  for (const key of Object.keys(FIELD_OF) as DirKey[]) {
    const [object, direction] = key.split(':') as ['Contact' | 'Event', 'salesforce-to-exchange' | 'exchange-to-salesforce'];
    const configured = f.config ? (object === 'Contact' ? f.config.contacts.direction : f.config.events.direction) : 'dont-sync';
    const previous = (f.previous?.[FIELD_OF[key]] as string | null | undefined) ?? null;
    out[FIELD_OF[key]] = status(configured, direction, key, f, previous);
  }
  return out;
}

function status(configured: string, direction: string, key: DirKey, f: DirectionFacts, previous: string | null): DirectionStatus {
  if (configured !== 'both' && configured !== direction) return 'Exchange configuration not set to sync';
  const doneBefore = f.before[key] === true;
  const doneNow = f.state?.initialSyncDone[key] === true;
  if (!f.synced) return (previous as DirectionStatus | null) ?? 'Not started';
  if (!doneNow) return 'Initial sync in progress';
  if (!doneBefore) return f.failed.has(key) ? 'Initial sync in progress' : 'Initial sync completed';
  if (f.failed.has(key)) return 'Sync in progress';
  // Stays "Initial sync completed" until incremental syncing moves something: a quiet cycle changes no status (G-02).
  if ((f.written[key] ?? 0) > 0) return 'In sync';
  return (previous as DirectionStatus | null) ?? 'In sync';
}

export function countsAndTimes(state: RepState | undefined, previous: UserStatusRecord | undefined): StatusValues {
  if (!state) return {};
  const last = state.syncLog.reduce((max, e) => Math.max(max, e.at), 0);
  return {
    // A quiet rep's pairings are not loaded: their counts as of the last write are (state/shard-codec.ts).
    ContactsInSync: pairingCount(state, 'Contact'),
    EventsInSync: pairingCount(state, 'Event'),
    LastSyncTime: last > 0 ? new Date(last).toISOString() : ((previous?.LastSyncTime as string | null | undefined) ?? null),
  };
}

/**
 * Writes status changes for every rep in one create batch and one update batch. Returns the records written and the
 * failures (a status the org refused is an error of the cycle, never silently dropped).
 */
export async function writeStatuses(rt: EngineRuntime, desired: Map<string, StatusValues>, existing: Map<string, UserStatusRecord>): Promise<{ written: number; failures: Array<{ userId: string; code: string; message: string }> }> {
  const creates: Record<string, unknown>[] = [];
  const updates: Array<Record<string, unknown> & { Id: string }> = [];
  for (const [userId, all] of [...desired].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // null = "not checked": omitted, never written (Salesforce refuses null for a checkbox field).
    const values = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null && v !== undefined));
    const record = existing.get(userId);
    if (!record) {
      creates.push({ UserId: userId, ...values });
      continue;
    }
    const changed = Object.entries(values).filter(([field, value]) => !same(record[field], value));
    if (changed.length) updates.push({ Id: record.Id, ...Object.fromEntries(changed) });
  }
  const options = { batchSize: rt.options.sfBatchSize, maxRetries: rt.options.maxRetries, readBack: false };
  const created = creates.length ? await createRecords(rt.session, rt.objects.userStatus, creates, options) : [];
  const updated = updates.length ? await updateRecords(rt.session, rt.objects.userStatus, updates, options) : [];
  created.forEach((r, i) => {
    if (r.ok) existing.set(String(creates[i]!.UserId), { Id: r.id, UserId: String(creates[i]!.UserId), ...(creates[i] as StatusValues) });
  });
  const byId = new Map([...existing.values()].map((r) => [r.Id, r]));
  updated.forEach((r, i) => {
    const record = byId.get(updates[i]!.Id);
    if (r.ok && record) Object.assign(record, updates[i]);
  });
  const failures: Array<{ userId: string; code: string; message: string }> = [];
  created.forEach((r, i) => {
    if (!r.ok) failures.push({ userId: String(creates[i]!.UserId), code: r.code, message: r.message });
  });
  updated.forEach((r, i) => {
    if (!r.ok) failures.push({ userId: [...existing.values()].find((x) => x.Id === updates[i]!.Id)?.UserId ?? updates[i]!.Id, code: r.code, message: r.message });
  });
  return { written: [...created, ...updated].filter((r) => r.ok).length, failures };
}

function same(a: unknown, b: unknown): boolean {
  if ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === '')) return true;
  if (typeof b === 'string' && typeof a === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(b)) return Date.parse(a.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) === Date.parse(b);
  if (typeof b === 'number') return Number(a) === b;
  return a === b;
}
