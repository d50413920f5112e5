import { describe, expect, it } from 'vitest';
import { ianaZone, normalizeAllDay, startOfLocalDay } from '../../../sim/exchange/items/time-zones.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('all-day normalization (EVT-11)', () => {
  it('maps Windows ids to IANA and refuses unknown ones', () => {
    expect(ianaZone('Eastern Standard Time')).toBe('America/New_York');
    expect(ianaZone('Europe/Paris')).toBe('Europe/Paris');
    expect(ianaZone('Mars Standard Time')).toBeUndefined();
  });

  it('finds local midnight across offsets and DST', () => {
    expect(iso(startOfLocalDay(Date.parse('2026-03-05T15:00:00Z'), 'America/New_York'))).toBe('2026-03-05T05:00:00.000Z');
    // 2026-03-08 is the US DST switch: midnight is still at -05:00, the next day's at -04:00.
    expect(iso(startOfLocalDay(Date.parse('2026-03-09T12:00:00Z'), 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(startOfLocalDay(Date.parse('2026-03-05T02:00:00Z'), 'America/New_York'))).toBe('2026-03-04T05:00:00.000Z');
    expect(iso(startOfLocalDay(Date.parse('2026-03-05T23:30:00Z'), 'Asia/Tokyo'))).toBe('2026-03-05T15:00:00.000Z');
  });

  it('stretches an all-day event to whole local days, at least one', () => {
    const ny = normalizeAllDay(Date.parse('2026-03-05T15:00:00Z'), Date.parse('2026-03-05T16:00:00Z'), 'America/New_York');
    expect([iso(ny.start), iso(ny.end)]).toEqual(['2026-03-05T05:00:00.000Z', '2026-03-06T05:00:00.000Z']);
    const exact = normalizeAllDay(Date.parse('2026-03-05T00:00:00Z'), Date.parse('2026-03-07T00:00:00Z'), 'UTC');
    expect([iso(exact.start), iso(exact.end)]).toEqual(['2026-03-05T00:00:00.000Z', '2026-03-07T00:00:00.000Z']);
  });
});

describe('series across DST keep their local time (SIM-EX-04)', () => {
  it('a 09:00 New York weekly meeting moves from 14:00Z to 13:00Z after the March switch', async () => {
    const { startSim, testWorld, REP } = await import('./fixture.ts');
    const { sim } = await startSim(
      testWorld({
        mailboxes: [
          {
            address: REP,
            department: 'Sales',
            calendar: [{ ref: 'ny', subject: 'NY sync', start: '2026-03-02T14:00:00Z', end: '2026-03-02T14:30:00Z', timeZone: 'Eastern Standard Time', recurrence: { pattern: 'weekly', count: 3 } }],
          },
        ],
      }),
    );
    try {
      const { occurrenceStarts } = await import('../../../sim/exchange/items/item-view.ts');
      const master = sim.store.findItem((i) => i.ref === 'ny')!;
      expect(occurrenceStarts(master).map(iso)).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']);
    } finally {
      await sim.close();
    }
  });
});
