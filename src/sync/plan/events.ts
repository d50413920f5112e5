/**
 * The event adapter: EVT-12 mapping, EVT-02 private findings and freezing, EVT-05 deletes, EVT-08 match keys, EVT-09
 * auto-relate. Which events may sync at all (EVT-01, -04, -06, -10, CFG-04, G-07) is in event-eligibility.ts.
 */
import type { PlannedAction } from '../api.ts';
import { DEFAULT_PRIVATE_SENSITIVITIES } from '../mapping/conversions.ts';
import {
  eventValuesFromEx, eventValuesFromSf, eventValuesToEx, eventValuesToSf, type EventMappingContext,
} from '../mapping/event-mapping.ts';
import type { MappedValues } from '../mapping/hash.ts';
import type { ExEvent, SfEvent } from '../model.ts';
import type { ObjectAdapter, UpdateRequest } from './adapter.ts';
import { autoRelate } from './auto-relate.ts';
import { syncsToEx, syncsToSf, type PlanBuilder } from './context.ts';
import { keyPart } from './matching.ts';
import { eventEligibility } from './event-eligibility.ts';
import { exEventIsPrivate, freezeReason } from './private.ts';
import { synced, withoutNulls } from './writes.ts';

export interface EventAdapterExtras {
  /** Events left out by the window this cycle (one out-of-window finding per cycle, not one per event). */
  outOfWindow: number;
  windowLabel: string;
}

export function eventAdapter(b: PlanBuilder): ObjectAdapter<SfEvent, ExEvent> & EventAdapterExtras {
  const { config, rep } = b.input;
  const ev = config.events;
  const privateSensitivities = ev.privateSensitivities ?? DEFAULT_PRIVATE_SENSITIVITIES;
  const ctx: EventMappingContext = { mapping: ev.mapping, timeZone: rep.timeZone, privateSensitivities };
  const rules = eventEligibility(b, privateSensitivities);
  const matchKey = (v: MappedValues) => [`k:${keyPart(v.Subject)}|${v.StartDateTime}|${v.EndDateTime}`];
  const fieldsOf = (keys: string[], before: MappedValues, after: MappedValues): PlannedAction['fields'] =>
    Object.fromEntries(keys.map((k) => [k, { before: before[k] ?? null, after: after[k] ?? null }]));

  const adapter: ObjectAdapter<SfEvent, ExEvent> & EventAdapterExtras = {
    get outOfWindow() { return rules.outOfWindow; },
    windowLabel: rules.window.label,
    object: 'Event',
    direction: ev.direction,
    rules: { match: 'EVT-08', createEx: 'EVT-12', createSf: 'EVT-12', update: 'EVT-12', delete: 'EVT-05' },
    mergeGroups: [['StartDateTime', 'EndDateTime', 'IsAllDayEvent']],
    sfId: (e) => e.Id,
    exId: (e) => e.itemId,
    sfModified: (e) => e.SystemModstamp,
    exModified: (e) => e.lastModified,
    exChangeKey: (e) => e.changeKey,
    sfValues: (e) => eventValuesFromSf(e, ctx),
    exValues: (e) => eventValuesFromEx(e, ctx),
    sfMatchKeys: (_e, v) => matchKey(v),
    exMatchKeys: (_e, v) => matchKey(v),
    sfSkip: (e, v, mode) => rules.sfSkip(e, v, mode),
    exSkip: (e, v, mode) => rules.exSkip(e, v, mode),
    sfPoolable: (e) => rules.sfPoolable(e),
    exPoolable: (e) => rules.exPoolable(e),
    freezeReason: (v) => freezeReason(v, ev.syncPrivate),
    overwriteRule: (target) => (target === 'salesforce' && ev.direction === 'exchange-to-salesforce' ? 'EVT-03' : 'G-03'),
    createEx(e, values, rule, reason) {
      b.act({ type: 'create-ex-event', rule, sfId: e.Id, event: withoutNulls(eventValuesToEx(values, ctx)), stamp: { orgId: b.input.org.orgId, recordId: e.Id }, synced: synced(values) },
        { kind: 'create', side: 'exchange', object: 'Event', sfId: e.Id, fields: fieldsOf(Object.keys(values), {}, values), reason });
      if (e.IsPrivate) b.find('private-event-synced', 'EVT-02', 'Private event synced to Exchange ("Sync private events" is on); it stays private there', { object: 'Event', sfId: e.Id });
    },
    createSf(e, values, rule, reason) {
      const isPrivate = exEventIsPrivate(e, privateSensitivities);
      const record = { ...withoutNulls(eventValuesToSf(values, ctx)), OwnerId: rep.userId };
      const relateTo = autoRelate(e, b.input, isPrivate);
      b.act({ type: 'create-sf-event', rule, exId: e.itemId, record, ...(relateTo ? { relateTo } : {}), synced: synced(values) },
        { kind: 'create', side: 'salesforce', object: 'Event', exId: e.itemId, fields: fieldsOf(Object.keys(values), {}, values),
          reason: relateTo ? `${reason}; related to ${relateTo.whoIds.length} record(s) (EVT-09)` : reason });
      if (isPrivate) b.find('private-event-synced', 'EVT-02', 'Private event synced to Salesforce ("Sync private events" is on); it stays private there', { object: 'Event', exId: e.itemId });
    },
    updateEx(r: UpdateRequest) {
      const { sfId, exId } = r.pairing;
      b.act({ type: 'update-ex-event', rule: r.rule, sfId, exId, changeKey: r.changeKey, set: eventValuesToEx(r.values, ctx, r.keys), synced: r.synced },
        { kind: 'update', side: 'exchange', object: 'Event', sfId, exId, fields: fieldsOf(r.keys, r.before, r.values) });
    },
    updateSf(r: UpdateRequest) {
      const { sfId, exId } = r.pairing;
      b.act({ type: 'update-sf-event', rule: r.rule, exId, sfId, set: eventValuesToSf(r.values, ctx, r.keys), synced: r.synced },
        { kind: 'update', side: 'salesforce', object: 'Event', sfId, exId, fields: fieldsOf(r.keys, r.before, r.values) });
    },
    deletePartner(p, deletedSide) {
      if (!ev.deleteSynced) return false;
      const ids = { sfId: p.sfId, exId: p.exId };
      const where = deletedSide === 'exchange' ? 'Exchange' : 'Salesforce';
      // G-03: the change log keeps what was deleted, field by field.
      const fields = Object.fromEntries(Object.entries(p.synced).map(([k, v]) => [k, { before: v, after: null }]));
      if (deletedSide === 'exchange' && syncsToSf(ev.direction)) {
        b.act({ type: 'delete-sf-event', rule: 'EVT-05', ...ids }, { kind: 'delete', side: 'salesforce', object: 'Event', ...ids, fields, reason: `deleted in ${where}; "Delete synced events" is on` });
      } else if (deletedSide === 'salesforce' && syncsToEx(ev.direction)) {
        b.act({ type: 'delete-ex-event', rule: 'EVT-05', ...ids }, { kind: 'delete', side: 'exchange', object: 'Event', ...ids, fields, reason: `deleted in ${where}; "Delete synced events" is on` });
      } else {
        return false;
      }
      b.find('deletion', 'EVT-05', `Event deleted in ${where}; its partner was deleted too ("Delete synced events" is on)`, { object: 'Event', ...ids, before: p.synced, after: null });
      return true;
    },
  };
  return adapter;
}
