/**
 * @module
 * Event consistency (SIM-SF-04), applied after a create or update is merged: StartDateTime + EndDateTime +
 * DurationInMinutes agree (given two, the third is derived); all-day events are keyed by ActivityDate and run
 * whole UTC days (EndDateTime = 00:00 of the last day, DurationInMinutes = 1440 × days, as Salesforce stores them);
 * an event lasts at most 14 days; Classic recurrence and series (IsRecurrence2) need their pattern fields.
 */
import { SfError } from './errors.ts';
import type { Row } from './store.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_EVENT_MINUTES = 14 * 24 * 60;

const ms = (v: unknown): number | undefined => (typeof v === 'string' ? Date.parse(v) : undefined);
const iso = (t: number): string => new Date(t).toISOString();

/** `changed` = the field names the client sent in this request (decides which of start/end/duration wins). */
export function normalizeEvent(row: Row, changed: Set<string>): void {
  if (row.IsAllDayEvent === true) normalizeAllDay(row, changed);
  else normalizeTimed(row, changed);
  const minutes = row.DurationInMinutes as number;
  if (minutes > MAX_EVENT_MINUTES) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', `Event duration can't exceed 14 days (got ${minutes} minutes)`, 400, ['DurationInMinutes']);
  }
  if (row.IsRecurrence === true) {
    const missing = ['RecurrenceStartDateTime', 'RecurrenceEndDateOnly', 'RecurrenceType'].filter((f) => row[f] == null);
    if (missing.length) throw new SfError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, 400, missing);
  }
  if (row.IsRecurrence2 === true) {
    const rule = String(row.Recurrence2PatternText ?? '');
    if (!/(^|\n|:)FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)/.test(rule.replace(/^RRULE:/, ':'))) {
      throw new SfError(
        'FIELD_INTEGRITY_EXCEPTION',
        `Recurrence2PatternText must be an RFC 5545 RRULE such as RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5, got "${rule}"`,
        400,
        ['Recurrence2PatternText'],
      );
    }
    row.Recurrence2PatternVersion ??= '1';
  }
}

function normalizeTimed(row: Row, changed: Set<string>): void {
  let start = ms(row.StartDateTime) ?? ms(row.ActivityDateTime);
  if (start === undefined) {
    throw new SfError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [StartDateTime]', 400, ['StartDateTime']);
  }
  if (changed.has('ActivityDateTime') && !changed.has('StartDateTime')) start = ms(row.ActivityDateTime)!;
  let end = ms(row.EndDateTime);
  let minutes = typeof row.DurationInMinutes === 'number' ? row.DurationInMinutes : undefined;
  const endChanged = changed.has('EndDateTime');
  const durationChanged = changed.has('DurationInMinutes');
  if (durationChanged && !endChanged && minutes !== undefined) end = start + minutes * MINUTE;
  else if (end !== undefined && (endChanged || minutes === undefined)) minutes = Math.round((end - start) / MINUTE);
  else if (minutes !== undefined) end = start + minutes * MINUTE; // start moved: keep the duration
  if (end === undefined || minutes === undefined) {
    throw new SfError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [DurationInMinutes]', 400, ['DurationInMinutes']);
  }
  if (end < start) {
    throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'EndDateTime: End Date Time cannot be earlier than Start Date Time', 400, ['EndDateTime']);
  }
  row.StartDateTime = iso(start);
  row.ActivityDateTime = iso(start);
  row.EndDateTime = iso(end);
  row.DurationInMinutes = minutes;
  row.ActivityDate = iso(start).slice(0, 10);
}

function normalizeAllDay(row: Row, changed: Set<string>): void {
  let day = typeof row.ActivityDate === 'string' ? row.ActivityDate : undefined;
  if ((changed.has('StartDateTime') && !changed.has('ActivityDate')) || day === undefined) {
    day = typeof row.StartDateTime === 'string' ? row.StartDateTime.slice(0, 10) : day;
  }
  if (day === undefined) throw new SfError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [ActivityDate]', 400, ['ActivityDate']);
  const start = Date.parse(`${day}T00:00:00Z`);
  let days: number;
  if (changed.has('EndDateTime') && typeof row.EndDateTime === 'string') {
    days = Math.floor((Date.parse(`${row.EndDateTime.slice(0, 10)}T00:00:00Z`) - start) / DAY) + 1;
  } else if (typeof row.DurationInMinutes === 'number' && row.DurationInMinutes > 0) {
    days = Math.max(1, Math.ceil(row.DurationInMinutes / 1440));
  } else days = 1;
  if (days < 1) throw new SfError('FIELD_INTEGRITY_EXCEPTION', 'EndDateTime: End Date Time cannot be earlier than Start Date Time', 400, ['EndDateTime']);
  row.ActivityDate = day;
  row.StartDateTime = iso(start);
  row.ActivityDateTime = iso(start);
  row.EndDateTime = iso(start + (days - 1) * DAY);
  row.DurationInMinutes = days * 1440;
}
