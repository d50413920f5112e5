import { describe, expect, it } from 'vitest';
import { occurrenceStarts } from '../../../sim/salesforce/classic-recurrence.ts';

const days = (row: Record<string, unknown>): string[] => occurrenceStarts(row).map((t) => new Date(t).toISOString().slice(0, 16));

describe('Classic recurrence patterns', () => {
  const base = { RecurrenceStartDateTime: '2026-03-02T09:30:00.000Z' }; // a Monday

  it('daily with an interval, and every weekday', () => {
    expect(days({ ...base, RecurrenceType: 'RecursDaily', RecurrenceInterval: 3, RecurrenceEndDateOnly: '2026-03-10' })).toEqual([
      '2026-03-02T09:30', '2026-03-05T09:30', '2026-03-08T09:30',
    ]);
    expect(days({ ...base, RecurrenceType: 'RecursEveryWeekday', RecurrenceEndDateOnly: '2026-03-09' })).toEqual([
      '2026-03-02T09:30', '2026-03-03T09:30', '2026-03-04T09:30', '2026-03-05T09:30', '2026-03-06T09:30', '2026-03-09T09:30',
    ]);
  });

  it('every other week on Friday (mask 32), and monthly on the 31st skipping short months', () => {
    expect(days({ ...base, RecurrenceType: 'RecursWeekly', RecurrenceInterval: 2, RecurrenceDayOfWeekMask: 32, RecurrenceEndDateOnly: '2026-03-31' })).toEqual([
      '2026-03-06T09:30', '2026-03-20T09:30',
    ]);
    expect(days({ RecurrenceStartDateTime: '2026-01-31T08:00:00Z', RecurrenceType: 'RecursMonthly', RecurrenceEndDateOnly: '2026-05-31' })).toEqual([
      '2026-01-31T08:00', '2026-03-31T08:00', '2026-05-31T08:00',
    ]);
  });

  it('refuses an end before the start', () => {
    expect(() => occurrenceStarts({ ...base, RecurrenceType: 'RecursDaily', RecurrenceEndDateOnly: '2026-03-01' })).toThrow(/end on or after its start/);
  });
});
