/**
 * @module
 * What the serializer renders: a stored item, or one occurrence of a recurring series (which has no stored item of
 * its own — its id, type and times are derived from the master, SIM-EX-04).
 */
import { mintOccurrenceId } from '../store/ids.ts';
import type { StoredItem } from '../store/types.ts';
import { expandOccurrences } from './recurrence.ts';
import { ianaZone } from './time-zones.ts';
import type { ModifiedOccurrenceValue, RecurrenceValue } from './values.ts';

export interface ItemView {
  item: StoredItem;
  itemId: string;
  changeKey: string;
  props: Record<string, unknown>;
  calendarItemType: 'Single' | 'RecurringMaster' | 'Occurrence' | 'Exception' | undefined;
  originalStart?: number;
}

export function viewOf(item: StoredItem): ItemView {
  const recurring = item.kind === 'CalendarItem' && item.props['Recurrence'] !== undefined;
  return {
    item,
    itemId: item.itemId,
    changeKey: item.changeKey,
    props: item.props,
    calendarItemType: item.kind === 'CalendarItem' ? (recurring ? 'RecurringMaster' : 'Single') : undefined,
  };
}

/** The zone a series repeats in: its StartTimeZone (Windows or IANA id), else UTC. */
export function seriesZone(master: StoredItem): string | undefined {
  return ianaZone(master.props['StartTimeZone'] as string | undefined);
}

export function deletedOccurrences(master: StoredItem): number[] {
  return (master.props['DeletedOccurrences'] as number[] | undefined) ?? [];
}

export function modifiedOccurrences(master: StoredItem): ModifiedOccurrenceValue[] {
  return (master.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[] | undefined) ?? [];
}

/** Original starts of the series' occurrences that still exist (deleted ones removed), up to `windowEnd`. */
export function occurrenceStarts(master: StoredItem, windowEnd?: number): number[] {
  const rec = master.props['Recurrence'] as RecurrenceValue | undefined;
  const start = master.props['Start'] as number | undefined;
  if (!rec || start === undefined) return [];
  const deleted = new Set(deletedOccurrences(master));
  return expandOccurrences(rec, start, windowEnd, seriesZone(master)).filter((s) => !deleted.has(s));
}

export function occurrenceView(master: StoredItem, originalStart: number): ItemView {
  const duration = ((master.props['End'] as number) ?? 0) - ((master.props['Start'] as number) ?? 0);
  const exception = modifiedOccurrences(master).find((m) => m.originalStart === originalStart);
  const props: Record<string, unknown> = { ...master.props, Start: originalStart, End: originalStart + duration };
  delete props['Recurrence'];
  delete props['DeletedOccurrences'];
  delete props['ModifiedOccurrences'];
  if (exception) Object.assign(props, exception.props);
  return {
    item: master,
    itemId: mintOccurrenceId(master.mailbox, master.uid, originalStart),
    changeKey: exception ? `${master.changeKey}.${exception.version}` : master.changeKey,
    props,
    calendarItemType: exception ? 'Exception' : 'Occurrence',
    originalStart,
  };
}

/** Occurrences (and exceptions) that overlap [from, to), in start order — what a CalendarView returns. */
export function occurrencesInWindow(master: StoredItem, from: number, to: number): ItemView[] {
  const duration = ((master.props['End'] as number) ?? 0) - ((master.props['Start'] as number) ?? 0);
  // Exceptions may have moved, so look a bit beyond the window by original start as well.
  const candidates = occurrenceStarts(master, to + 366 * 86_400_000).filter((s) => s < to + 366 * 86_400_000 && s + duration > from - 366 * 86_400_000);
  return candidates
    .map((s) => occurrenceView(master, s))
    .filter((v) => (v.props['Start'] as number) < to && (v.props['End'] as number) > from)
    .sort((a, b) => (a.props['Start'] as number) - (b.props['Start'] as number));
}
