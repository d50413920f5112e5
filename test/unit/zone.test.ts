import { describe, expect, it } from 'vitest';
import {
  dateToDayNumber, dayNumberToDate, isKnownTimeZone, localDayNumber, localWallToInstant, startOfLocalDayNumber, zoneOffsetMs,
} from '../../src/time/zone.ts';

const day = (iso: string) => dateToDayNumber(iso);

describe('src/time/zone', () => {
  it('offsets follow DST (Los Angeles, 2026-03-08 spring forward)', () => {
    expect(zoneOffsetMs(Date.parse('2026-03-08T09:59:59Z'), 'America/Los_Angeles')).toBe(-8 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-03-08T10:00:00Z'), 'America/Los_Angeles')).toBe(-7 * 3_600_000);
  });

  it('the local day of an instant depends on the zone', () => {
    const t = Date.parse('2026-03-03T03:00:00Z');
    expect(dayNumberToDate(localDayNumber(t, 'UTC'))).toBe('2026-03-03');
    expect(dayNumberToDate(localDayNumber(t, 'America/New_York'))).toBe('2026-03-02');
    expect(dayNumberToDate(localDayNumber(t, 'Asia/Tokyo'))).toBe('2026-03-03');
  });

  it('local midnight is found across DST changes, and a skipped midnight starts the day at 01:00', () => {
    expect(new Date(startOfLocalDayNumber(day('2026-03-08'), 'America/Los_Angeles')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(startOfLocalDayNumber(day('2026-03-09'), 'America/Los_Angeles')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    // Santiago springs forward at 00:00 (2026-09-06): the day begins at 01:00 local = 04:00Z.
    expect(new Date(startOfLocalDayNumber(day('2026-09-06'), 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('wall-clock times map back to instants', () => {
    expect(new Date(localWallToInstant(Date.UTC(2026, 6, 1, 9, 0), 'Europe/Berlin')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('unknown zones are named in the error, and can be tested for', () => {
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(() => zoneOffsetMs(0, 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus".*IANA/);
    expect(() => dateToDayNumber('03/02/2026')).toThrow(/YYYY-MM-DD/);
  });
});
