/**
 * @module
 * Relative date literals (TODAY, LAST_N_DAYS:n, …) → a half-open range of LOCAL calendar days [start, end) in the
 * running user's time zone at scenario time `now`. Day numbers count days since 1970-01-01 of the civil calendar, so
 * month/week arithmetic never touches time zones; only `localMidnight` converts a day to an instant (DST-safe).
 * Weeks start on Sunday, as in Salesforce's en_US locale. Fiscal literals depend on org fiscal-year settings the sim
 * does not model and are reported as unsupported.
 */

/** Literals written without `:n`. */
export const PLAIN_DATE_LITERALS = new Set([
  'YESTERDAY', 'TODAY', 'TOMORROW', 'LAST_WEEK', 'THIS_WEEK', 'NEXT_WEEK', 'LAST_MONTH', 'THIS_MONTH', 'NEXT_MONTH',
  'LAST_90_DAYS', 'NEXT_90_DAYS', 'THIS_QUARTER', 'LAST_QUARTER', 'NEXT_QUARTER', 'THIS_YEAR', 'LAST_YEAR', 'NEXT_YEAR',
]);

/** Literals written as `NAME:n`. */
export const N_DATE_LITERALS = new Set([
  'LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO', 'LAST_N_WEEKS', 'NEXT_N_WEEKS', 'N_WEEKS_AGO', 'LAST_N_MONTHS',
  'NEXT_N_MONTHS', 'N_MONTHS_AGO', 'LAST_N_QUARTERS', 'NEXT_N_QUARTERS', 'N_QUARTERS_AGO', 'LAST_N_YEARS',
  'NEXT_N_YEARS', 'N_YEARS_AGO',
]);

/** Valid SOQL the sim does not evaluate. */
export function isFiscalDateLiteral(name: string): boolean {
  return /^(THIS|LAST|NEXT)(_N)?_FISCAL_(QUARTER|YEAR)S?$/.test(name) || /^N_FISCAL_(QUARTER|YEAR)S_AGO$/.test(name);
}

export interface DayRange {
  /** First local day, inclusive (days since 1970-01-01). */
  start: number;
  /** Local day after the last one, exclusive. */
  end: number;
}

export function dateLiteralRange(name: string, n: number | undefined, today: number): DayRange {
  const k = n ?? 0;
  const weekStart = today - dayOfWeek(today);
  const month = (offset: number) => monthStart(today, offset, 1);
  const quarter = (offset: number) => monthStart(today, offset * 3, 3);
  const year = (offset: number) => monthStart(today, offset * 12, 12);
  switch (name) {
    case 'TODAY': return { start: today, end: today + 1 };
    case 'YESTERDAY': return { start: today - 1, end: today };
    case 'TOMORROW': return { start: today + 1, end: today + 2 };
    case 'THIS_WEEK': return { start: weekStart, end: weekStart + 7 };
    case 'LAST_WEEK': return { start: weekStart - 7, end: weekStart };
    case 'NEXT_WEEK': return { start: weekStart + 7, end: weekStart + 14 };
    case 'THIS_MONTH': return { start: month(0), end: month(1) };
    case 'LAST_MONTH': return { start: month(-1), end: month(0) };
    case 'NEXT_MONTH': return { start: month(1), end: month(2) };
    case 'THIS_QUARTER': return { start: quarter(0), end: quarter(1) };
    case 'LAST_QUARTER': return { start: quarter(-1), end: quarter(0) };
    case 'NEXT_QUARTER': return { start: quarter(1), end: quarter(2) };
    case 'THIS_YEAR': return { start: year(0), end: year(1) };
    case 'LAST_YEAR': return { start: year(-1), end: year(0) };
    case 'NEXT_YEAR': return { start: year(1), end: year(2) };
    // "Starts with the current day and continues for the past n days" — today included.
    case 'LAST_90_DAYS': return { start: today - 90, end: today + 1 };
    case 'LAST_N_DAYS': return { start: today - k, end: today + 1 };
    // "Starts 00:00:00 of the next day" — today excluded.
    case 'NEXT_90_DAYS': return { start: today + 1, end: today + 91 };
    case 'NEXT_N_DAYS': return { start: today + 1, end: today + 1 + k };
    case 'N_DAYS_AGO': return { start: today - k, end: today - k + 1 };
    case 'LAST_N_WEEKS': return { start: weekStart - 7 * k, end: weekStart };
    case 'NEXT_N_WEEKS': return { start: weekStart + 7, end: weekStart + 7 + 7 * k };
    case 'N_WEEKS_AGO': return { start: weekStart - 7 * k, end: weekStart - 7 * k + 7 };
    case 'LAST_N_MONTHS': return { start: month(-k), end: month(0) };
    case 'NEXT_N_MONTHS': return { start: month(1), end: month(1 + k) };
    case 'N_MONTHS_AGO': return { start: month(-k), end: month(-k + 1) };
    case 'LAST_N_QUARTERS': return { start: quarter(-k), end: quarter(0) };
    case 'NEXT_N_QUARTERS': return { start: quarter(1), end: quarter(1 + k) };
    case 'N_QUARTERS_AGO': return { start: quarter(-k), end: quarter(-k + 1) };
    case 'LAST_N_YEARS': return { start: year(-k), end: year(0) };
    case 'NEXT_N_YEARS': return { start: year(1), end: year(1 + k) };
    case 'N_YEARS_AGO': return { start: year(-k), end: year(-k + 1) };
    default: throw new Error(`dateLiteralRange: unknown date literal ${name} (the parser should have rejected it)`);
  }
}

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** First day of the period (`size` months: 1, 3 or 12) containing `day`, moved by `offsetMonths`. */
function monthStart(day: number, offsetMonths: number, size: number): number {
  const d = new Date(day * 86_400_000);
  const m = d.getUTCMonth();
  const first = m - (m % size) + offsetMonths;
  return Date.UTC(d.getUTCFullYear(), first, 1) / 86_400_000;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
