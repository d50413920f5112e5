/**
 * @module
 * Local days and local midnights in IANA time zones, from Node's own Intl data (no tz database of our own).
 * One implementation for everyone who needs "which day is this instant there" and "when does that day start there":
 * SOQL date literals (in the user's zone), all-day events and the event window in the engine (EVT-11, CFG-07), and
 * all-day events in the Exchange sim. Formatters are cached per zone: building one costs far more than using it.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(
        `Unknown time zone "${timeZone}": use an IANA zone id such as America/Los_Angeles (a Salesforce TimeZoneSidKey).`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows `timeZone` as an IANA zone id. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone` (to the second), expressed as if it were UTC epoch ms. */
export function wallClockAsUtc(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich; -7 h for Los Angeles in summer). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockAsUtc(whole, timeZone) - whole;
}

/** The local calendar day (days since 1970-01-01) that `instant` falls on in `timeZone`. */
export function localDayNumber(instant: number, timeZone: string): number {
  return Math.floor(wallClockAsUtc(instant, timeZone) / DAY_MS);
}

/**
 * The instant local day `day` starts in `timeZone`. Two passes settle DST: the offset is taken at the guessed instant
 * and again at the corrected one (they differ only when a transition lies between them). Where midnight itself does
 * not exist (a spring-forward at 00:00), the day starts at the first instant that does.
 */
export function startOfLocalDayNumber(day: number, timeZone: string): number {
  const wall = day * DAY_MS;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  return localDayNumber(second, timeZone) === day ? second : first;
}

/** The UTC instant of a wall-clock time in `timeZone`, given as "local ms" (the wall clock read as if it were UTC). */
export function localWallToInstant(localMs: number, timeZone: string): number {
  const guess = localMs - zoneOffsetMs(localMs, timeZone);
  return localMs - zoneOffsetMs(guess, timeZone);
}

/** YYYY-MM-DD of a day number. */
export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a YYYY-MM-DD date (anything after the date, e.g. a time, is ignored). */
export function dateToDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}
