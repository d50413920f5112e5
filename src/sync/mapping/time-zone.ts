/**
 * Calendar dates in a rep's time zone, with no library: Intl knows every IANA zone (SF TimeZoneSidKey values are
 * IANA ids). All-day events are midnight-to-midnight in the rep's zone on Exchange (EVT-11), and the event filter's
 * "today" is the rep's today (CFG-07), so both need "which date is this instant there" and "when does that date
 * start there".
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      throw new RangeError(
        `Unknown time zone "${timeZone}": use an IANA zone id such as America/Los_Angeles (the rep's TimeZoneSidKey).`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
export function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function localDate(instant: number | string, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const w = wallClock(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant at which `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = parseDate(date);
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even when the day starts right after a DST change.
  let instant = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(instant, timeZone);
  if (second !== instant) instant = second;
  return instant;
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

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
