/**
 * @module
 * Salesforce Classic recurring events (IsRecurrence, EVT-06): the main record carries the pattern and every
 * occurrence is its own Event record pointing back through RecurrenceActivityId (with IsRecurrence = false), as in
 * a real org — so a client that filters only on IsRecurrence still sees the occurrences. Dates are computed in UTC;
 * at most 100 occurrences, Salesforce's limit. RecursDaily, RecursEveryWeekday, RecursWeekly (RecurrenceDayOfWeekMask:
 * Sun=1 … Sat=64) and RecursMonthly (RecurrenceDayOfMonth) are implemented; the Nth and yearly types are refused
 * with a "not implemented" error rather than silently producing a wrong calendar.
 */
import { SfError } from './errors.ts';
import type { Row } from './store.ts';

const DAY = 86_400_000;
export const MAX_OCCURRENCES = 100;
const IMPLEMENTED = new Set(['RecursDaily', 'RecursEveryWeekday', 'RecursWeekly', 'RecursMonthly']);

/** Start instants (epoch ms) of every occurrence of a Classic recurring event's pattern. */
export function occurrenceStarts(row: Row): number[] {
  const type = String(row.RecurrenceType);
  if (!IMPLEMENTED.has(type)) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', `RecurrenceType ${type} is not implemented by synclab's Salesforce sim (use RecursDaily, RecursEveryWeekday, RecursWeekly or RecursMonthly)`, 400, ['RecurrenceType']);
  }
  const first = Date.parse(String(row.RecurrenceStartDateTime));
  const last = Date.parse(`${String(row.RecurrenceEndDateOnly)}T23:59:59.999Z`);
  if (last < first) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'RecurrenceEndDateOnly: the recurrence must end on or after its start', 400, ['RecurrenceEndDateOnly']);
  }
  const interval = Math.max(1, Number(row.RecurrenceInterval ?? 1));
  const timeOfDay = first % DAY;
  const firstDay = first - timeOfDay;
  const out: number[] = [];
  const push = (dayStart: number): boolean => {
    const at = dayStart + timeOfDay;
    if (at >= first && at <= last) out.push(at);
    if (out.length > MAX_OCCURRENCES) {
      throw new SfError('FIELD_INTEGRITY_EXCEPTION', `a recurring event can have at most ${MAX_OCCURRENCES} occurrences; shorten RecurrenceEndDateOnly or raise the interval`, 400, ['RecurrenceEndDateOnly']);
    }
    return at <= last;
  };
  if (type === 'RecursMonthly') {
    const start = new Date(firstDay);
    const dom = Number(row.RecurrenceDayOfMonth ?? start.getUTCDate());
    for (let m = 0; ; m += interval) {
      const y = start.getUTCFullYear();
      const month = start.getUTCMonth() + m;
      const candidate = Date.UTC(y, month, dom);
      if (new Date(candidate).getUTCDate() !== dom) continue; // the month has no such day
      if (!push(candidate)) break;
    }
    return out;
  }
  const mask = type === 'RecursWeekly' ? Number(row.RecurrenceDayOfWeekMask ?? 1 << new Date(firstDay).getUTCDay()) : 0;
  const weekStart = firstDay - new Date(firstDay).getUTCDay() * DAY;
  for (let day = firstDay; day <= last; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (type === 'RecursDaily' && Math.round((day - firstDay) / DAY) % interval !== 0) continue;
    if (type === 'RecursEveryWeekday' && (weekday === 0 || weekday === 6)) continue;
    if (type === 'RecursWeekly') {
      const week = Math.floor((day - weekStart) / (7 * DAY));
      if (week % interval !== 0 || (mask & (1 << weekday)) === 0) continue;
    }
    push(day);
  }
  return out;
}
