/**
 * CFG-07 / EVT-04: the event filter's lower bound, in the rep's time zone. An event is inside when it ENDS on or
 * after the bound: TODAY = 00:00 today, LAST MONTH = 00:00 on the first day of last month, LAST N DAYS = 00:00 N days
 * ago. All-day events compare by their last day.
 */
import type { EffectiveConfig } from '../model.ts';
import type { MappedValues } from '../mapping/hash.ts';
import { addDays, firstDayOfPreviousMonth, localDate, startOfLocalDay } from '../mapping/time-zone.ts';

export interface EventWindow {
  /** First calendar day inside the window (rep's zone). */
  startDate: string;
  /** The instant that day begins. */
  startInstant: number;
  label: string;
}

export function eventWindow(filter: EffectiveConfig['events']['filter'], now: number, timeZone: string): EventWindow {
  const today = localDate(now, timeZone);
  let startDate: string;
  let label: string;
  switch (filter.kind) {
    case 'TODAY': startDate = today; label = 'TODAY'; break;
    case 'LAST_MONTH': startDate = firstDayOfPreviousMonth(today); label = 'LAST MONTH'; break;
    case 'LAST_N_DAYS': startDate = addDays(today, -filter.days); label = `LAST ${filter.days} DAYS`; break;
  }
  return { startDate, startInstant: startOfLocalDay(startDate, timeZone), label };
}

/** Canonical event values (see event-mapping.ts) inside the window? */
export function inWindow(values: MappedValues, window: EventWindow): boolean {
  const end = values.EndDateTime;
  if (typeof end !== 'string') return true;
  if (values.IsAllDayEvent) return end > window.startDate; // exclusive end date → last day ≥ first window day
  return Date.parse(end) >= window.startInstant;
}
