/**
 * @module
 * `<t:Recurrence>` as EWS writes it: one pattern element (DailyRecurrence, WeeklyRecurrence, Absolute/Relative
 * Monthly/Yearly) and one range element (NoEnd, EndDate, Numbered). Bad patterns answer
 * ErrorCalendarInvalidRecurrence naming what is wrong.
 */
import { StoreError } from '../store/store-error.ts';
import { child, NS, tag, textTag, type XmlElement } from '../soap/xml.ts';
import type { Codec } from './field-types.ts';
import type { RecurrencePattern, RecurrenceRange, RecurrenceValue } from './values.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

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

