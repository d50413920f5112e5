/**
 * Date literals are evaluated at scenario time in the running user's time zone, with real local midnights: across
 * a DST switch a day is 23 or 25 hours long, and a fixed UTC offset would put rows on the wrong day.
 */
import { describe, expect, it } from 'vitest';
import { runSoql, type ObjectSchema, type SoqlDataSource } from '../../../sim/salesforce/soql/index.ts';
import { localDay, localMidnight } from '../../../sim/salesforce/soql/time-zone.ts';

const EVENT: ObjectSchema = {
  name: 'Event', keyPrefix: '00U',
  fields: [{ name: 'Id', type: 'id' }, { name: 'Subject', type: 'string' }, { name: 'StartDateTime', type: 'datetime' }, { name: 'ActivityDate', type: 'date' }],
};

/** Events named by their start instant; ids are 00U + a running number. */
function eventSource(starts: string[]): SoqlDataSource {
  const rows = starts.map((s, i) => ({
    Id: `00U${String(i + 1).padStart(12, '0')}`, Subject: s, StartDateTime: new Date(s).toISOString(), ActivityDate: s.slice(0, 10),
  }));
  return { schema: (n) => (n.toLowerCase() === 'event' ? EVENT : undefined), rows: () => rows, byId: () => undefined };
}

function subjects(source: SoqlDataSource, where: string, now: string, timeZone: string): string[] {
  const result = runSoql(`SELECT Subject FROM Event WHERE ${where} ORDER BY StartDateTime`, source, {
    now: Date.parse(now), timeZone, includeDeleted: false, apiVersion: '62.0',
  });
  return result.records.map((r) => String(r.Subject));
}

describe('local midnights with Intl', () => {
  it('Los Angeles: the day DST starts begins at 08:00Z, the next at 07:00Z', () => {
    const day = Date.UTC(2026, 2, 8) / 86_400_000;
    expect(new Date(localMidnight(day, 'America/Los_Angeles')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(localMidnight(day + 1, 'America/Los_Angeles')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it('Berlin: the day DST ends (2026-10-25) is 25 hours long', () => {
    const day = Date.UTC(2026, 9, 25) / 86_400_000;
    const start = localMidnight(day, 'Europe/Berlin');
    const end = localMidnight(day + 1, 'Europe/Berlin');
    expect(new Date(start).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect((end - start) / 3_600_000).toBe(25);
  });

  it('odd offsets (Kathmandu +05:45) and +14 (Kiritimati)', () => {
    const day = Date.UTC(2026, 2, 4) / 86_400_000;
    expect(new Date(localMidnight(day, 'Asia/Kathmandu')).toISOString()).toBe('2026-03-03T18:15:00.000Z');
    expect(new Date(localMidnight(day, 'Pacific/Kiritimati')).toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });

  it('where local midnight does not exist (Santiago springs forward at 24:00), the day starts at 01:00', () => {
    // Chile moved clocks from 2022-09-11 00:00 to 01:00 local time.
    const day = Date.UTC(2022, 8, 11) / 86_400_000;
    const start = localMidnight(day, 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe(day);
    expect(localDay(start - 1, 'America/Santiago')).toBe(day - 1);
  });
});

describe('TODAY and friends across the Los Angeles DST switch (Sunday 2026-03-08)', () => {
  const source = eventSource([
    '2026-03-08T07:30:00Z', // Sat 03-07 23:30 PST
    '2026-03-08T08:30:00Z', // Sun 03-08 00:30 PST
    '2026-03-09T06:59:00Z', // Sun 03-08 23:59 PDT
    '2026-03-09T07:00:00Z', // Mon 03-09 00:00 PDT — with a fixed -08:00 this would still be "today"
    '2026-03-09T07:30:00Z', // Mon 03-09 00:30 PDT
  ]);
  const now = '2026-03-08T20:00:00Z'; // Sun 13:00 PDT

  it('TODAY is the 23-hour local day', () => {
    expect(subjects(source, 'StartDateTime = TODAY', now, 'America/Los_Angeles')).toEqual(['2026-03-08T08:30:00Z', '2026-03-09T06:59:00Z']);
  });

  it('YESTERDAY and TOMORROW', () => {
    expect(subjects(source, 'StartDateTime = YESTERDAY', now, 'America/Los_Angeles')).toEqual(['2026-03-08T07:30:00Z']);
    expect(subjects(source, 'StartDateTime = TOMORROW', now, 'America/Los_Angeles')).toEqual(['2026-03-09T07:00:00Z', '2026-03-09T07:30:00Z']);
  });

  it('> TODAY starts at the real end of today', () => {
    expect(subjects(source, 'StartDateTime > TODAY', now, 'America/Los_Angeles')).toEqual(['2026-03-09T07:00:00Z', '2026-03-09T07:30:00Z']);
  });

  it('THIS_WEEK (Sun 03-08 .. Sat 03-14) starts at the DST-day midnight', () => {
    expect(subjects(source, 'StartDateTime = THIS_WEEK', now, 'America/Los_Angeles')).toEqual([
      '2026-03-08T08:30:00Z', '2026-03-09T06:59:00Z', '2026-03-09T07:00:00Z', '2026-03-09T07:30:00Z',
    ]);
  });

  it('the same query in UTC and in Tokyo sees different days', () => {
    expect(subjects(source, 'StartDateTime = TODAY', now, 'UTC')).toEqual(['2026-03-08T07:30:00Z', '2026-03-08T08:30:00Z']);
    // 20:00Z is already Monday 05:00 in Tokyo: today there is 2026-03-08T15:00Z .. 03-09T15:00Z.
    expect(subjects(source, 'StartDateTime = TODAY', now, 'Asia/Tokyo')).toEqual(['2026-03-09T06:59:00Z', '2026-03-09T07:00:00Z', '2026-03-09T07:30:00Z']);
  });
});

describe('calendar literals at period edges', () => {
  const source = eventSource([
    '2025-10-31T12:00:00Z', '2025-11-01T12:00:00Z', '2025-12-31T12:00:00Z', '2026-01-01T12:00:00Z', '2026-01-15T12:00:00Z',
    '2026-04-01T12:00:00Z',
  ]);
  const now = '2026-01-15T18:00:00Z';

  it('LAST_N_MONTHS:2 crosses the year boundary and excludes this month', () => {
    expect(subjects(source, 'StartDateTime = LAST_N_MONTHS:2', now, 'UTC')).toEqual(['2025-11-01T12:00:00Z', '2025-12-31T12:00:00Z']);
  });

  it('LAST_YEAR / THIS_YEAR / THIS_QUARTER / NEXT_QUARTER', () => {
    expect(subjects(source, 'StartDateTime = LAST_YEAR', now, 'UTC')).toHaveLength(3);
    expect(subjects(source, 'StartDateTime = THIS_YEAR', now, 'UTC')).toEqual(['2026-01-01T12:00:00Z', '2026-01-15T12:00:00Z', '2026-04-01T12:00:00Z']);
    expect(subjects(source, 'StartDateTime = THIS_QUARTER', now, 'UTC')).toEqual(['2026-01-01T12:00:00Z', '2026-01-15T12:00:00Z']);
    expect(subjects(source, 'StartDateTime = NEXT_QUARTER', now, 'UTC')).toEqual(['2026-04-01T12:00:00Z']);
  });

  it('date fields use the local day too: at 18:00Z on 01-15 it is already 01-16 in Auckland', () => {
    expect(subjects(source, 'ActivityDate = TODAY', now, 'UTC')).toEqual(['2026-01-15T12:00:00Z']);
    expect(subjects(source, 'ActivityDate = YESTERDAY', now, 'Pacific/Auckland')).toEqual(['2026-01-15T12:00:00Z']);
  });

  it('NEXT_N_DAYS:0 is empty and LAST_N_DAYS:0 is today', () => {
    expect(subjects(source, 'StartDateTime = NEXT_N_DAYS:0', now, 'UTC')).toEqual([]);
    expect(subjects(source, 'StartDateTime = LAST_N_DAYS:0', now, 'UTC')).toEqual(['2026-01-15T12:00:00Z']);
  });
});

describe('options are checked before any row is read', () => {
  const source = eventSource(['2026-03-04T00:00:00Z']);

  it('an unknown time zone names the option and an example', () => {
    expect(() => subjects(source, 'StartDateTime = TODAY', '2026-03-04T00:00:00Z', 'Mars/Olympus')).toThrow(
      /timeZone 'Mars\/Olympus' is not an IANA time zone name.*America\/Los_Angeles/,
    );
  });

  it('a missing scenario time is refused rather than defaulting to the wall clock', () => {
    expect(() => runSoql('SELECT Id FROM Event', source, { now: NaN, timeZone: 'UTC', includeDeleted: false, apiVersion: '62.0' })).toThrow(
      /options\.now must be the scenario time/,
    );
  });
});
