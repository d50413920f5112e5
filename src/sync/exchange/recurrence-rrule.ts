/**
 * @module
 * An EWS series pattern (`calendar:Recurrence` of a RecurringMaster, as ews-javascript-api parses it) → RRULE text,
 * which is what Salesforce's Lightning event series keep (Recurrence2PatternText, EVT-06). Patterns with no RRULE
 * equivalent return null, and the planner then reports the series instead of syncing a wrong one.
 */
import { DayOfTheWeek, DayOfTheWeekIndex, Month } from 'ews-javascript-api';

const BYDAY: Record<number, string> = {
  [DayOfTheWeek.Sunday]: 'SU', [DayOfTheWeek.Monday]: 'MO', [DayOfTheWeek.Tuesday]: 'TU', [DayOfTheWeek.Wednesday]: 'WE',
  [DayOfTheWeek.Thursday]: 'TH', [DayOfTheWeek.Friday]: 'FR', [DayOfTheWeek.Saturday]: 'SA',
  [DayOfTheWeek.Weekday]: 'MO,TU,WE,TH,FR', [DayOfTheWeek.WeekendDay]: 'SA,SU', [DayOfTheWeek.Day]: 'MO,TU,WE,TH,FR,SA,SU',
};

const SETPOS: Record<number, string> = {
  [DayOfTheWeekIndex.First]: '1', [DayOfTheWeekIndex.Second]: '2', [DayOfTheWeekIndex.Third]: '3', [DayOfTheWeekIndex.Fourth]: '4', [DayOfTheWeekIndex.Last]: '-1',
};

interface PatternLike {
  XmlElementName?: string;
  Interval?: number;
  DaysOfTheWeek?: { GetEnumerator(): number[] };
  DayOfMonth?: number;
  Month?: number;
  DayOfTheWeek?: number;
  DayOfTheWeekIndex?: number;
  HasEnd?: boolean;
  NumberOfOccurrences?: number | null;
  EndDate?: { ToISOString(): string } | null;
}

export function recurrenceToRrule(pattern: unknown): string | null {
  if (!pattern || typeof pattern !== 'object') return null;
  const p = pattern as PatternLike;
  const interval = read(() => p.Interval) ?? 1;
  const parts: string[] = [];
  switch (read(() => p.XmlElementName)) {
    case 'DailyRecurrence':
      parts.push('FREQ=DAILY', `INTERVAL=${interval}`);
      break;
    case 'WeeklyRecurrence': {
      const days = (read(() => p.DaysOfTheWeek?.GetEnumerator()) ?? []).map((d) => BYDAY[d]).filter(Boolean);
      parts.push('FREQ=WEEKLY', `INTERVAL=${interval}`, ...(days.length ? [`BYDAY=${days.join(',')}`] : []));
      break;
    }
    case 'AbsoluteMonthlyRecurrence':
      parts.push('FREQ=MONTHLY', `INTERVAL=${interval}`, `BYMONTHDAY=${read(() => p.DayOfMonth)}`);
      break;
    case 'RelativeMonthlyRecurrence':
      parts.push('FREQ=MONTHLY', `INTERVAL=${interval}`, `BYDAY=${BYDAY[read(() => p.DayOfTheWeek) ?? -1]}`, `BYSETPOS=${SETPOS[read(() => p.DayOfTheWeekIndex) ?? -1]}`);
      break;
    case 'AbsoluteYearlyRecurrence':
      parts.push('FREQ=YEARLY', `BYMONTH=${monthNumber(read(() => p.Month))}`, `BYMONTHDAY=${read(() => p.DayOfMonth)}`);
      break;
    case 'RelativeYearlyRecurrence':
      parts.push('FREQ=YEARLY', `BYMONTH=${monthNumber(read(() => p.Month))}`, `BYDAY=${BYDAY[read(() => p.DayOfTheWeek) ?? -1]}`, `BYSETPOS=${SETPOS[read(() => p.DayOfTheWeekIndex) ?? -1]}`);
      break;
    default:
      return null; // regeneration patterns (tasks) and unknown shapes
  }
  if (parts.some((x) => x.endsWith('=undefined'))) return null;
  const count = read(() => p.NumberOfOccurrences);
  const end = read(() => p.EndDate?.ToISOString());
  if (count) parts.push(`COUNT=${count}`);
  else if (end) parts.push(`UNTIL=${end.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  return parts.join(';');
}

function monthNumber(month: number | undefined): number | undefined {
  // ews-javascript-api's Month enum is 1-based (January = 1), like RRULE's BYMONTH.
  return month === undefined ? undefined : month >= Month.January && month <= Month.December ? month : undefined;
}

function read<T>(fn: () => T): T | undefined {
  try {
    return fn() ?? undefined;
  } catch {
    return undefined;
  }
}
