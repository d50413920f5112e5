/**
 * @module
 * Local calendar days and local midnights for SOQL date literals (TODAY, LAST_N_DAYS:n, …), evaluated in the
 * running user's time zone. The arithmetic is the project's shared one (src/time/zone.ts).
 */
export { zoneOffsetMs, localDayNumber as localDay, startOfLocalDayNumber as localMidnight } from '#time/zone.ts';
