/**
 * STAT-02: org-wide "last sync activity" and "records synced in the last 60 minutes / 24 hours" per object, from the
 * reps' sync logs (scenario time). The freshness words follow the seed's Tables 2–3.
 */
import type { RepState } from '../model.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface ObjectActivity {
  /** ISO time of the last record synced, or null when nothing ever synced. */
  lastSyncActivity: string | null;
  /** 'minutes' = within the last hour, 'hours' = within the last 24 hours, 'past-date' = older, 'never'. */
  freshness: 'minutes' | 'hours' | 'past-date' | 'never';
  last60Minutes: number;
  last24Hours: number;
}

export type OrgActivity = Record<'Contact' | 'Event', ObjectActivity>;

/**
 * `lastKnown` (added by F-STATUS): the last sync time per object remembered from earlier cycles. The logs hold 24 h
 * only, so without it a sync older than a day would read "never" instead of "a sync time on a past date" (Tables 2–3).
 */
export function orgActivity(logs: Iterable<RepState['syncLog']>, now: number, lastKnown: Partial<Record<'Contact' | 'Event', number>> = {}): OrgActivity {
  const out: OrgActivity = { Contact: empty(), Event: empty() };
  const last: Record<'Contact' | 'Event', number> = { Contact: lastKnown.Contact ?? -Infinity, Event: lastKnown.Event ?? -Infinity };
  for (const log of logs) {
    for (const entry of log) {
      const o = out[entry.object];
      if (entry.at > last[entry.object]) last[entry.object] = entry.at;
      const age = now - entry.at;
      if (age < 0) continue; // a clock never goes back; ignore entries from "the future" rather than count them
      if (age <= HOUR_MS) o.last60Minutes += entry.count ?? 1;
      if (age <= DAY_MS) o.last24Hours += entry.count ?? 1;
    }
  }
  for (const object of ['Contact', 'Event'] as const) {
    const at = last[object];
    if (at === -Infinity) continue;
    out[object].lastSyncActivity = new Date(at).toISOString();
    const age = now - at;
    out[object].freshness = age <= HOUR_MS ? 'minutes' : age <= DAY_MS ? 'hours' : 'past-date';
  }
  return out;
}

/** Entries older than 24 hours are no longer needed (the log is pruned after 24 h, RepState.syncLog). */
export function pruneSyncLog(log: RepState['syncLog'], now: number): RepState['syncLog'] {
  return log.filter((entry) => now - entry.at <= DAY_MS);
}

function empty(): ObjectActivity {
  return { lastSyncActivity: null, freshness: 'never', last60Minutes: 0, last24Hours: 0 };
}
