import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../../../sim/exchange/items/recurrence.ts';
import type { RecurrenceValue } from '../../../sim/exchange/items/values.ts';

const iso = (list: number[]): string[] => list.map((ms) => new Date(ms).toISOString().slice(0, 16));
const at = (s: string): number => Date.parse(s);

describe('recurrence expansion (SIM-EX-04)', () => {
  it('daily every 2 days, numbered', () => {
    const rec: RecurrenceValue = { pattern: { kind: 'Daily', interval: 2 }, range: { kind: 'Numbered', startDate: '2026-03-02', count: 3 } };
    expect(iso(expandOccurrences(rec, at('2026-03-02T09:00:00Z')))).toEqual(['2026-03-02T09:00', '2026-03-04T09:00', '2026-03-06T09:00']);
  });

  it('weekly on two days every other week until an end date', () => {
    const rec: RecurrenceValue = {
      pattern: { kind: 'Weekly', interval: 2, daysOfWeek: ['Tuesday', 'Thursday'] },
      range: { kind: 'EndDate', startDate: '2026-03-03', endDate: '2026-03-19' },
    };
    expect(iso(expandOccurrences(rec, at('2026-03-03T14:00:00Z')))).toEqual(['2026-03-03T14:00', '2026-03-05T14:00', '2026-03-17T14:00', '2026-03-19T14:00']);
  });

  it('absolute monthly clamps to the month end; relative monthly finds the last Friday', () => {
    const abs: RecurrenceValue = { pattern: { kind: 'AbsoluteMonthly', interval: 1, dayOfMonth: 31 }, range: { kind: 'Numbered', startDate: '2026-01-31', count: 3 } };
    expect(iso(expandOccurrences(abs, at('2026-01-31T08:00:00Z')))).toEqual(['2026-01-31T08:00', '2026-02-28T08:00', '2026-03-31T08:00']);
    const rel: RecurrenceValue = {
      pattern: { kind: 'RelativeMonthly', interval: 1, daysOfWeek: 'Friday', dayOfWeekIndex: 'Last' },
      range: { kind: 'Numbered', startDate: '2026-03-01', count: 2 },
    };
    expect(iso(expandOccurrences(rel, at('2026-03-27T16:00:00Z')))).toEqual(['2026-03-27T16:00', '2026-04-24T16:00']);
  });

  it('yearly on a date, and an open series stays bounded by the window', () => {
    const yearly: RecurrenceValue = { pattern: { kind: 'AbsoluteYearly', dayOfMonth: 4, month: 'May' }, range: { kind: 'NoEnd', startDate: '2026-05-04' } };
    expect(iso(expandOccurrences(yearly, at('2026-05-04T00:00:00Z'), at('2028-12-31T00:00:00Z')))).toEqual(['2026-05-04T00:00', '2027-05-04T00:00', '2028-05-04T00:00']);
    const daily: RecurrenceValue = { pattern: { kind: 'Daily', interval: 1 }, range: { kind: 'NoEnd', startDate: '2026-01-01' } };
    expect(expandOccurrences(daily, at('2026-01-01T00:00:00Z')).length).toBe(5000);
  });
});
