/**
 * @module
 * Event and EventRelation (SIM-SF-04): UTC start/end, DurationInMinutes, ActivityDate for all-day events, IsPrivate,
 * ShowAs, Classic recurrence fields (IsRecurrence + Recurrence*; EVT-06: never syncs) and Lightning event series
 * (IsRecurrence2 + Recurrence2PatternText, an RRULE). EventRelation links up to 50 contacts or 1 lead.
 */
import { KEY_PREFIXES } from '../ids.ts';
import { TIME_ZONES } from './setup-objects.ts';
import { bool, field, ownerField, picklist, readonly, reference, systemFields, text } from './fields.ts';
import type { ObjectSchema } from './types.ts';

export const SHOW_AS_VALUES = ['Busy', 'OutOfOffice', 'Free'];
export const CLASSIC_RECURRENCE_TYPES = [
  'RecursDaily', 'RecursEveryWeekday', 'RecursMonthly', 'RecursMonthlyNth', 'RecursWeekly', 'RecursYearly', 'RecursYearlyNth',
];

export const eventSchema: ObjectSchema = {
  name: 'Event',
  label: 'Event',
  labelPlural: 'Events',
  keyPrefix: KEY_PREFIXES.Event,
  access: 'owned',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  fields: [
    ...systemFields(),
    text('Subject', 255),
    field('StartDateTime', 'datetime'),
    field('EndDateTime', 'datetime'),
    field('ActivityDateTime', 'datetime'),
    field('ActivityDate', 'date'),
    field('DurationInMinutes', 'int'),
    bool('IsAllDayEvent'),
    bool('IsPrivate'),
    picklist('ShowAs', SHOW_AS_VALUES, { defaultValue: 'Busy' }),
    text('Location', 255),
    field('Description', 'textarea'),
    reference('WhoId', ['Contact', 'Lead'], { relationshipName: 'Who' }),
    reference('WhatId', ['Account'], { relationshipName: 'What' }),
    ownerField(),
    readonly(bool('IsChild')),
    readonly(bool('IsGroupEvent')),
    bool('IsRecurrence', { updateable: false }),
    readonly(reference('RecurrenceActivityId', ['Event'], { relationshipName: 'RecurrenceActivity' })),
    field('RecurrenceStartDateTime', 'datetime'),
    field('RecurrenceEndDateOnly', 'date'),
    picklist('RecurrenceType', CLASSIC_RECURRENCE_TYPES),
    field('RecurrenceInterval', 'int'),
    field('RecurrenceDayOfWeekMask', 'int'),
    field('RecurrenceDayOfMonth', 'int'),
    picklist('RecurrenceTimeZoneSidKey', TIME_ZONES, { restrictedPicklist: false }),
    bool('IsRecurrence2', { updateable: false }),
    field('Recurrence2PatternText', 'textarea', { length: 1000 }),
    text('Recurrence2PatternVersion', 40),
    field('Recurrence2PatternStartDate', 'datetime'),
    text('Recurrence2PatternTimeZone', 40),
    readonly(bool('IsRecurrence2Exception')),
    readonly(bool('IsRecurrence2Exclusion')),
  ],
};

export const eventRelationSchema: ObjectSchema = {
  name: 'EventRelation',
  label: 'Event Relation',
  labelPlural: 'Event Relations',
  keyPrefix: KEY_PREFIXES.EventRelation,
  access: 'owned',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  note: 'Visible to whoever can see the parent event; not itself owned.',
  fields: [
    ...systemFields(),
    reference('EventId', ['Event'], { required: true, updateable: false }),
    reference('RelationId', ['Contact', 'Lead', 'User'], { required: true, updateable: false, relationshipName: 'Relation' }),
    bool('IsParent'),
    bool('IsWhat'),
    bool('IsInvitee'),
    picklist('Status', ['New', 'Accepted', 'Declined'], { defaultValue: 'New' }),
    readonly(field('RespondedDate', 'datetime')),
  ],
};
