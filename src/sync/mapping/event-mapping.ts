/**
 * Event mapping (EVT-12, EVT-11, EVT-06): canonical mapped values keyed by SF field name, from either side and back.
 *
 * Times: a timed event keeps its instants (ISO UTC). An all-day event is a range of calendar dates — canonical
 * StartDateTime = first day, EndDateTime = the day after the last (exclusive), both YYYY-MM-DD — because the two
 * sides store it differently: Exchange as midnight-to-midnight in the rep's time zone, Salesforce as the first and
 * last day at 00:00 UTC with ActivityDate = the first day.
 */
import type { ExEvent, ExSensitivity, SfEvent } from '../model.ts';
import {
  freeBusyToShowAs, instant, isPrivateSensitivity, longText, recurrencePattern, sfRecurrenceText, showAs, showAsToFreeBusy, text,
} from './conversions.ts';
import { hashValues, type MappedValues } from './hash.ts';
import { addDays, localDate, startOfLocalDay } from './time-zone.ts';

export const DEFAULT_EVENT_MAPPING: Readonly<Record<string, string>> = {
  Subject: 'Subject',
  Location: 'Location',
  StartDateTime: 'Start',
  EndDateTime: 'End',
  IsAllDayEvent: 'IsAllDayEvent',
  Description: 'Body',
  ShowAs: 'LegacyFreeBusyStatus',
  IsPrivate: 'Sensitivity',
};

/** CFG-05: the matching fields (EVT-08) cannot be remapped or unmapped. */
export const LOCKED_EVENT_FIELDS: readonly string[] = ['Subject', 'StartDateTime', 'EndDateTime', 'IsAllDayEvent'];

/** Text fields may be pointed at another EX text property; the others can only be unmapped. */
export const EVENT_TEXT_FIELDS: readonly string[] = ['Location', 'Description'];
export const EX_EVENT_TEXT_PROPERTIES: readonly string[] = ['Location', 'Body'];

const TEXT_PROPERTY_KEY: Record<string, 'subject' | 'body' | 'location'> = { Subject: 'subject', Body: 'body', Location: 'location' };

/** Keys that describe when an event happens: written together, never one without the others. */
const TIME_KEYS = ['StartDateTime', 'EndDateTime', 'IsAllDayEvent'];
const SERIES_KEY = 'Recurrence2PatternText';

export interface EventMappingContext {
  mapping: Record<string, string>;
  timeZone: string;
  privateSensitivities: readonly ExSensitivity[];
}

function sfAllDayRange(record: SfEvent): [string, string] {
  const first = record.ActivityDate ?? instant(record.StartDateTime).slice(0, 10);
  const minutes = record.DurationInMinutes;
  if (typeof minutes === 'number' && minutes > 0) return [first, addDays(first, Math.max(1, Math.round(minutes / 1440)))];
  const last = record.EndDateTime ? instant(record.EndDateTime).slice(0, 10) : first;
  return [first, addDays(last < first ? first : last, 1)];
}

export function eventValuesFromSf(record: SfEvent, ctx: EventMappingContext): MappedValues {
  const values: MappedValues = {};
  const [start, end] = record.IsAllDayEvent
    ? sfAllDayRange(record)
    : [instant(record.StartDateTime), instant(record.EndDateTime)];
  for (const field of Object.keys(ctx.mapping)) {
    switch (field) {
      case 'StartDateTime': values[field] = start; break;
      case 'EndDateTime': values[field] = end; break;
      case 'IsAllDayEvent': values[field] = record.IsAllDayEvent; break;
      case 'ShowAs': values[field] = showAs(record.ShowAs); break;
      case 'IsPrivate': values[field] = record.IsPrivate; break;
      case 'Description': values[field] = longText(record.Description); break;
      case 'Subject': values[field] = text(record.Subject); break;
      case 'Location': values[field] = text(record.Location); break;
      default: break;
    }
  }
  values[SERIES_KEY] = record.IsRecurrence2 ? recurrencePattern(record.Recurrence2PatternText) : null;
  return values;
}

export function eventValuesFromEx(item: ExEvent, ctx: EventMappingContext): MappedValues {
  const values: MappedValues = {};
  const [start, end] = item.isAllDay
    ? [localDate(item.start, ctx.timeZone), localDate(item.end, ctx.timeZone)]
    : [instant(item.start), instant(item.end)];
  for (const [field, property] of Object.entries(ctx.mapping)) {
    switch (field) {
      case 'StartDateTime': values[field] = start; break;
      case 'EndDateTime': values[field] = end > start || !item.isAllDay ? end : addDays(start, 1); break;
      case 'IsAllDayEvent': values[field] = item.isAllDay; break;
      case 'ShowAs': values[field] = freeBusyToShowAs(item.freeBusy); break;
      case 'IsPrivate': values[field] = isPrivateSensitivity(item.sensitivity, ctx.privateSensitivities); break;
      default: {
        const key = TEXT_PROPERTY_KEY[property];
        if (key) values[field] = key === 'body' ? longText(item[key]) : text(item[key]);
      }
    }
  }
  values[SERIES_KEY] = item.calendarItemType === 'RecurringMaster' ? recurrencePattern(item.recurrence) : null;
  return values;
}

function withTimeKeys(keys: string[] | undefined, values: MappedValues): string[] {
  const all = keys ?? Object.keys(values);
  return all.some((key) => TIME_KEYS.includes(key)) ? [...new Set([...all, ...TIME_KEYS])] : all;
}

/** EX properties to set for the given canonical keys (all when absent). */
export function eventValuesToEx(values: MappedValues, ctx: EventMappingContext, keys?: string[]): Partial<ExEvent> {
  const out: Partial<ExEvent> = {};
  for (const field of withTimeKeys(keys, values)) {
    const value = values[field] ?? null;
    switch (field) {
      case 'StartDateTime':
      case 'EndDateTime': {
        const iso = values.IsAllDayEvent
          ? new Date(startOfLocalDay(String(value), ctx.timeZone)).toISOString()
          : String(value);
        if (field === 'StartDateTime') out.start = iso; else out.end = iso;
        break;
      }
      case 'IsAllDayEvent': out.isAllDay = Boolean(value); break;
      case 'ShowAs': out.freeBusy = showAsToFreeBusy(value as string | null); break;
      case 'IsPrivate': out.sensitivity = value ? 'Private' : 'Normal'; break;
      case SERIES_KEY:
        out.calendarItemType = value ? 'RecurringMaster' : 'Single';
        out.recurrence = value as string | null;
        break;
      default: {
        const key = TEXT_PROPERTY_KEY[ctx.mapping[field] ?? ''];
        if (key) out[key] = value as string | null;
      }
    }
  }
  return out;
}

/** SF fields to set for the given canonical keys (all when absent). */
export function eventValuesToSf(values: MappedValues, ctx: EventMappingContext, keys?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of withTimeKeys(keys, values)) {
    const value = values[field] ?? null;
    if (field === 'StartDateTime' || field === 'EndDateTime') {
      if (!values.IsAllDayEvent) { out[field] = value; continue; }
      // SF all-day: first and LAST day at 00:00 UTC; canonical end is exclusive.
      const day = field === 'StartDateTime' ? String(value) : addDays(String(value), -1);
      out[field] = `${day}T00:00:00.000Z`;
      if (field === 'StartDateTime') out.ActivityDate = day;
    } else if (field === SERIES_KEY) {
      out.IsRecurrence2 = value !== null;
      out[SERIES_KEY] = sfRecurrenceText(value as string | null);
    } else if (field in ctx.mapping) {
      out[field] = value;
    }
  }
  return out;
}

export function eventHash(values: MappedValues): string {
  return hashValues(values);
}
