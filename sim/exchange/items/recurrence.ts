/**
 * @module
 * Recurring series (SIM-EX-04): reading and writing `<t:Recurrence>`, and expanding a master into occurrence start
 * instants. Occurrences keep the master's time of day (UTC) and duration; deleted occurrences drop out, modified
 * ones (exceptions) keep their original start as identity.
 */
import { StoreError } from '../store/store-error.ts';
import { child, NS, tag, textTag, type XmlElement } from '../soap/xml.ts';
import type { Codec } from './field-types.ts';
import type { RecurrencePattern, RecurrenceRange, RecurrenceValue } from './values.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const DAY_MS = 86_400_000;
/** Hard stop for open-ended series, so an expansion can never spin. */
export const MAX_OCCURRENCES = 5_000;

function bad(message: string): StoreError {
  return new StoreError('ErrorCalendarInvalidRecurrence', message);
}

function num(el: XmlElement | undefined, what: string): number {
  const n = Number(el?.text.trim());
  if (!el || !Number.isInteger(n) || n < 1) throw bad(`Recurrence ${what} must be a positive integer.`);
  return n;
}

function textReq(el: XmlElement | undefined, what: string): string {
  const t = el?.text.trim();
  if (!t) throw bad(`Recurrence ${what} is missing.`);
  return t;
}

function readPattern(rec: XmlElement): RecurrencePattern {
  const p = rec.children.find((c) => c.ns === NS.types && c.name.endsWith('Recurrence') && !/^(NoEnd|EndDate|Numbered)Recurrence$/.test(c.name));
  if (!p) throw bad('Recurrence has no pattern (DailyRecurrence, WeeklyRecurrence, …).');
  const g = (name: string): XmlElement | undefined => child(p, NS.types, name);
  switch (p.name) {
    case 'DailyRecurrence':
      return { kind: 'Daily', interval: num(g('Interval'), 'Interval') };
    case 'WeeklyRecurrence': {
      const days = textReq(g('DaysOfWeek'), 'DaysOfWeek').split(/\s+/);
      for (const d of days) if (!DAYS.includes(d as (typeof DAYS)[number])) throw bad(`"${d}" is not a day of the week.`);
      const first = g('FirstDayOfWeek')?.text.trim();
      return { kind: 'Weekly', interval: num(g('Interval'), 'Interval'), daysOfWeek: days, ...(first ? { firstDayOfWeek: first } : {}) };
    }
    case 'AbsoluteMonthlyRecurrence':
      return { kind: 'AbsoluteMonthly', interval: num(g('Interval'), 'Interval'), dayOfMonth: num(g('DayOfMonth'), 'DayOfMonth') };
    case 'RelativeMonthlyRecurrence':
      return { kind: 'RelativeMonthly', interval: num(g('Interval'), 'Interval'), daysOfWeek: textReq(g('DaysOfWeek'), 'DaysOfWeek'), dayOfWeekIndex: textReq(g('DayOfWeekIndex'), 'DayOfWeekIndex') };
    case 'AbsoluteYearlyRecurrence':
      return { kind: 'AbsoluteYearly', dayOfMonth: num(g('DayOfMonth'), 'DayOfMonth'), month: textReq(g('Month'), 'Month') };
    case 'RelativeYearlyRecurrence':
      return { kind: 'RelativeYearly', daysOfWeek: textReq(g('DaysOfWeek'), 'DaysOfWeek'), dayOfWeekIndex: textReq(g('DayOfWeekIndex'), 'DayOfWeekIndex'), month: textReq(g('Month'), 'Month') };
    default:
      throw bad(`Recurrence pattern ${p.name} is not known.`);
  }
}

function dateOnly(text: string): string {
  const d = text.trim().slice(0, 10);
  if (!/^\d{4}-\d\d-\d\d$/.test(d)) throw bad(`"${text}" is not a date (expected YYYY-MM-DD).`);
  return d;
}

function readRange(rec: XmlElement): RecurrenceRange {
  const noEnd = child(rec, NS.types, 'NoEndRecurrence');
  const endDate = child(rec, NS.types, 'EndDateRecurrence');
  const numbered = child(rec, NS.types, 'NumberedRecurrence');
  const start = (el: XmlElement): string => dateOnly(textReq(child(el, NS.types, 'StartDate'), 'StartDate'));
  if (noEnd) return { kind: 'NoEnd', startDate: start(noEnd) };
  if (endDate) return { kind: 'EndDate', startDate: start(endDate), endDate: dateOnly(textReq(child(endDate, NS.types, 'EndDate'), 'EndDate')) };
  if (numbered) return { kind: 'Numbered', startDate: start(numbered), count: num(child(numbered, NS.types, 'NumberOfOccurrences'), 'NumberOfOccurrences') };
  throw bad('Recurrence has no range (NoEndRecurrence, EndDateRecurrence or NumberedRecurrence).');
}

export const recurrenceCodec: Codec = {
  read: (el): RecurrenceValue => ({ pattern: readPattern(el), range: readRange(el) }),
  write: (value, name) => {
    const r = value as RecurrenceValue | undefined;
    if (!r) return '';
    const p = r.pattern;
    let pattern: string;
    switch (p.kind) {
      case 'Daily':
        pattern = tag('t:DailyRecurrence', {}, textTag('t:Interval', p.interval));
        break;
      case 'Weekly':
        pattern = tag('t:WeeklyRecurrence', {}, textTag('t:Interval', p.interval) + textTag('t:DaysOfWeek', p.daysOfWeek.join(' ')) + textTag('t:FirstDayOfWeek', p.firstDayOfWeek));
        break;
      case 'AbsoluteMonthly':
        pattern = tag('t:AbsoluteMonthlyRecurrence', {}, textTag('t:Interval', p.interval) + textTag('t:DayOfMonth', p.dayOfMonth));
        break;
      case 'RelativeMonthly':
        pattern = tag('t:RelativeMonthlyRecurrence', {}, textTag('t:Interval', p.interval) + textTag('t:DaysOfWeek', p.daysOfWeek) + textTag('t:DayOfWeekIndex', p.dayOfWeekIndex));
        break;
      case 'AbsoluteYearly':
        pattern = tag('t:AbsoluteYearlyRecurrence', {}, textTag('t:DayOfMonth', p.dayOfMonth) + textTag('t:Month', p.month));
        break;
      case 'RelativeYearly':
        pattern = tag('t:RelativeYearlyRecurrence', {}, textTag('t:DaysOfWeek', p.daysOfWeek) + textTag('t:DayOfWeekIndex', p.dayOfWeekIndex) + textTag('t:Month', p.month));
        break;
    }
    const g = r.range;
    const range =
      g.kind === 'NoEnd'
        ? tag('t:NoEndRecurrence', {}, textTag('t:StartDate', `${g.startDate}Z`))
        : g.kind === 'EndDate'
          ? tag('t:EndDateRecurrence', {}, textTag('t:StartDate', `${g.startDate}Z`) + textTag('t:EndDate', `${g.endDate}Z`))
          : tag('t:NumberedRecurrence', {}, textTag('t:StartDate', `${g.startDate}Z`) + textTag('t:NumberOfOccurrences', g.count));
    return tag(`t:${name}`, {}, pattern + range);
  },
};

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
export function expandOccurrences(rec: RecurrenceValue, masterStart: number, windowEnd = Number.POSITIVE_INFINITY): number[] {
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
