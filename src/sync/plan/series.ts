/**
 * EVT-06 series (docs/decisions/0004-event-series.md). Classic recurring events (SF IsRecurrence) never sync. With
 * "Sync event series" on, a Lightning series head (IsRecurrence2 with Recurrence2PatternText) pairs with an EX
 * RecurringMaster; its pattern is the RRULE text on both sides. Single occurrences of a series (SF records of the
 * series without the pattern; EX Occurrence / Exception items) are not synced one by one: each side expands the
 * series itself. Exceptions to a series are therefore not carried across (a documented limitation).
 */
import { recurrencePattern } from '../mapping/conversions.ts';
import type { ExEvent, SfEvent } from '../model.ts';
import type { Skip } from './adapter.ts';

export function sfSeriesSkip(item: SfEvent, syncSeries: boolean): Skip | null {
  if (item.IsRecurrence) return { rule: 'EVT-06', reason: 'Classic recurring event (IsRecurrence): never syncs; recreate it as a Lightning event series' };
  if (!item.IsRecurrence2) return null;
  if (!syncSeries) return { rule: 'EVT-06', reason: 'event series and "Sync event series" is off' };
  if (!item.Recurrence2PatternText) return { rule: 'EVT-06', reason: 'one occurrence of an event series: the series syncs as a whole' };
  return null;
}

export function exSeriesSkip(item: ExEvent, syncSeries: boolean): Skip | null {
  if (item.calendarItemType === 'Occurrence' || item.calendarItemType === 'Exception') {
    return { rule: 'EVT-06', reason: `${item.calendarItemType} of a recurring series: the series syncs through its master` };
  }
  if (item.calendarItemType === 'RecurringMaster' && !syncSeries) {
    return { rule: 'EVT-06', reason: 'recurring series and "Sync event series" is off' };
  }
  if (item.calendarItemType === 'RecurringMaster' && !recurrencePattern(item.recurrence)?.startsWith('FREQ=')) {
    // Writing it would fail in Salesforce (Recurrence2PatternText must be an RRULE) — say so once, plainly.
    return { rule: 'EVT-06', finding: 'error', reason: `recurring series whose pattern is not an RRULE (${JSON.stringify(item.recurrence ?? null)}): the reader must translate the EWS Recurrence into FREQ=…` };
  }
  return null;
}
