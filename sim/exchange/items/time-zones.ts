/**
 * @module
 * Just enough time-zone support for all-day events (EVT-11): Windows time-zone ids (what EWS carries in
 * TimeZoneContext / StartTimeZone) mapped to IANA names, and "local midnight of this instant's day" in a zone, from
 * Node's Intl data. An unknown id falls back to UTC (listed in docs/sims/exchange.md).
 */
import { isKnownTimeZone, localDayNumber, localWallToInstant, startOfLocalDayNumber, zoneOffsetMs } from '#time/zone.ts';

const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Central Standard Time': 'America/Chicago',
  'Eastern Standard Time': 'America/New_York',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Pacific Standard Time': 'America/Bogota',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'South Africa Standard Time': 'Africa/Johannesburg',
};

/** IANA name for a Windows id or an IANA name; undefined when Intl does not know it. */
export function ianaZone(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const candidate = WINDOWS_TO_IANA[id] ?? id;
  return isKnownTimeZone(candidate) ? candidate : undefined;
}

/** Offset of `zone` from UTC at instant `ms`, in ms (e.g. -5 h for New York in winter). */
export const offsetAt = zoneOffsetMs;

/** The instant of local midnight starting the local day that contains `ms`, in `zone`. */
export function startOfLocalDay(ms: number, zone: string): number {
  return startOfLocalDayNumber(localDayNumber(ms, zone), zone);
}

/**
 * Exchange stores an all-day event from local midnight to local midnight: Start moves back to the start of its day,
 * End forward to the next midnight unless it is one already; at least one day long.
 */
export function normalizeAllDay(start: number, end: number, zone: string): { start: number; end: number } {
  const s = startOfLocalDay(start, zone);
  const endDay = startOfLocalDay(end, zone);
  let e = endDay === end ? end : startOfLocalDay(endDay + 36 * 3_600_000, zone);
  if (e <= s) e = startOfLocalDay(s + 36 * 3_600_000, zone);
  return { start: s, end: e };
}

/** The UTC instant of a wall-clock time in `zone`, given as "local ms" (the wall clock read as if it were UTC). */
export const localToUtc = localWallToInstant;
