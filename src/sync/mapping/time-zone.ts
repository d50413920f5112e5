/**
 * Calendar dates in a rep's time zone, with no library: Intl knows every IANA zone (SF TimeZoneSidKey values are
 * IANA ids). All-day events are midnight-to-midnight in the rep's zone on Exchange (EVT-11), and the event filter's
 * "today" is the rep's today (CFG-07), so both need "which date is this instant there" and "when does that date
 * start there".
 */
import { dateToDayNumber, dayNumberToDate, localDayNumber, startOfLocalDayNumber, zoneOffsetMs } from '#time/zone.ts';

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
export const offsetMs = zoneOffsetMs;

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function localDate(instant: number | string, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return dayNumberToDate(localDayNumber(ms, timeZone));
}

/** The instant at which `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  return startOfLocalDayNumber(dateToDayNumber(date), timeZone);
}

/** `date` plus `days` calendar days (YYYY-MM-DD, proleptic Gregorian, zone-free). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** First day of the month before the one `date` is in. */
export function firstDayOfPreviousMonth(date: string): string {
  const [y, m] = parseDate(date);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
}

function parseDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

