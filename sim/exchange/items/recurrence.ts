/**
 * @module
 * Expanding a recurring series (SIM-EX-04) into occurrence start instants. Occurrences keep the master's time of day
 * (UTC) and duration; deleted occurrences are removed by the caller, modified ones (exceptions) keep their original
 * start as identity. The `<t:Recurrence>` XML lives in recurrence-xml.ts.
 */
import { localToUtc, offsetAt } from './time-zones.ts';
import type { RecurrenceValue } from './values.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const DAY_MS = 86_400_000;
/** Hard stop for open-ended series, so an expansion can never spin. */
export const MAX_OCCURRENCES = 5_000;

const INDEX = { First: 1, Second: 2, Third: 3, Fourth: 4, Last: -1 } as Record<string, number>;

function nthWeekday(year: number, month: number, weekday: number, index: number): number | undefined {
  if (index > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    const day = 1 + ((weekday - first + 7) % 7) + (index - 1) * 7;
    return day <= daysInMonth(year, month) ? day : undefined;
  }
  const last = daysInMonth(year, month);
  const lastWeekday = new Date(Date.UTC(year, month, last)).getUTCDay();
  return last - ((lastWeekday - weekday + 7) % 7);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * Original start instants of every occurrence of the series whose first occurrence starts at `masterStart`, in
 * order, bounded by the range and by MAX_OCCURRENCES. Deleted occurrences are NOT removed here.
 */
export function expandOccurrences(rec: RecurrenceValue, masterStart: number, windowEnd = Number.POSITIVE_INFINITY, zone?: string): number[] {
  if (zone && zone !== 'UTC') {
    // Occurrences keep the master's LOCAL time of day, so they move in UTC across DST changes, as on Exchange.
    const local = expandOccurrences(rec, masterStart + offsetAt(masterStart, zone), windowEnd === Number.POSITIVE_INFINITY ? windowEnd : windowEnd + 86_400_000);
    return local.map((l) => localToUtc(l, zone)).filter((u) => u <= windowEnd);
  }
  const timeOfDay = ((masterStart % DAY_MS) + DAY_MS) % DAY_MS;
  const rangeStart = Date.parse(`${rec.range.startDate}T00:00:00Z`);
  const rangeEnd = rec.range.kind === 'EndDate' ? Date.parse(`${rec.range.endDate}T00:00:00Z`) + DAY_MS : Number.POSITIVE_INFINITY;
  const limit = rec.range.kind === 'Numbered' ? rec.range.count : MAX_OCCURRENCES;
  const out: number[] = [];
  const push = (dayMs: number): boolean => {
    const at = dayMs + timeOfDay;
    if (at < rangeStart || dayMs < rangeStart - DAY_MS) return true;
    if (at >= rangeEnd || at > windowEnd || out.length >= limit) return false;
    out.push(at);
    return true;
  };
  const p = rec.pattern;
  const start = new Date(rangeStart);
  const y0 = start.getUTCFullYear();
  const m0 = start.getUTCMonth();
  for (let step = 0; out.length < limit && step < MAX_OCCURRENCES; step++) {
    let keepGoing = true;
    switch (p.kind) {
      case 'Daily':
        keepGoing = push(rangeStart + step * p.interval * DAY_MS);
        break;
      case 'Weekly': {
        const weekStart = rangeStart - start.getUTCDay() * DAY_MS + step * 7 * p.interval * DAY_MS;
        const days = p.daysOfWeek.map((d) => DAYS.indexOf(d as (typeof DAYS)[number])).sort((a, b) => a - b);
        for (const d of days) if (!(keepGoing = push(weekStart + d * DAY_MS))) break;
        break;
      }
      case 'AbsoluteMonthly':
      case 'RelativeMonthly':
      case 'AbsoluteYearly':
      case 'RelativeYearly': {
        const yearly = p.kind === 'AbsoluteYearly' || p.kind === 'RelativeYearly';
        const months = yearly ? step * 12 : step * p.interval;
        const monthIndex = yearly ? MONTHS.indexOf(p.month as (typeof MONTHS)[number]) : (m0 + months) % 12;
        const year = yearly ? y0 + step : y0 + Math.floor((m0 + months) / 12);
        const day =
          p.kind === 'AbsoluteMonthly' || p.kind === 'AbsoluteYearly'
            ? Math.min(p.dayOfMonth, daysInMonth(year, monthIndex))
            : nthWeekday(year, monthIndex, DAYS.indexOf(p.daysOfWeek as (typeof DAYS)[number]), INDEX[p.dayOfWeekIndex] ?? 1);
        if (day !== undefined) keepGoing = push(Date.UTC(year, monthIndex, day));
        break;
      }
    }
    if (!keepGoing) break;
  }
  return out;
}
