/**
 * @module
 * Local calendar days and local midnights in an IANA time zone, computed with Intl (no tz database of our own).
 * Formatters are cached per zone: building one costs far more than using it.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(
        `runSoql: timeZone '${timeZone}' is not an IANA time zone name; pass the user's TimeZoneSidKey, e.g. 'America/Los_Angeles'`,
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of instant `t` in `timeZone`, as if they were UTC (epoch ms). */
function wallClockAsUtc(t: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Offset of local time from UTC at instant `t`, in ms (e.g. -7 h for Los Angeles in summer). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  return wallClockAsUtc(Math.floor(t / 1000) * 1000, timeZone) - Math.floor(t / 1000) * 1000;
}

/** The local calendar day (days since 1970-01-01) that instant `t` falls on in `timeZone`. */
export function localDay(t: number, timeZone: string): number {
  return Math.floor(wallClockAsUtc(t, timeZone) / 86_400_000);
}

/**
 * The instant local day `day` starts in `timeZone`. Two passes settle DST: the offset is taken at the guessed
 * instant and again at the corrected one (they differ only when a transition lies between them).
 */
export function localMidnight(day: number, timeZone: string): number {
  const wall = day * 86_400_000;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  // Where midnight itself is skipped (a spring-forward at 00:00), the day starts at the first instant that exists.
  return localDay(second, timeZone) === day ? second : first;
}
