/**
 * The event adapter: EVT-01 default calendar, EVT-02 private, EVT-04 window, EVT-05 deletes, EVT-06 series,
 * EVT-08 match keys, EVT-09 auto-relate, EVT-10 organizers who do not sync, CFG-04 selected events, G-07 owner.
 */
import type { PlannedAction } from '../api.ts';
import { DEFAULT_PRIVATE_SENSITIVITIES } from '../mapping/conversions.ts';
import {
  eventValuesFromEx, eventValuesFromSf, eventValuesToEx, eventValuesToSf, type EventMappingContext,
} from '../mapping/event-mapping.ts';
import type { MappedValues } from '../mapping/hash.ts';
import type { ExEvent, SfEvent } from '../model.ts';
import type { ObjectAdapter, Skip, UpdateRequest } from './adapter.ts';
import { autoRelate } from './auto-relate.ts';
import { syncsToEx, syncsToSf, type PlanBuilder } from './context.ts';
import { keyPart } from './matching.ts';
import { exEventIsPrivate, freezeReason, privateSkip, sfEventIsPrivate } from './private.ts';
import { exSeriesSkip, sfSeriesSkip } from './series.ts';
import { eventWindow, inWindow } from './window.ts';
import { synced, withoutNulls } from './writes.ts';

export interface EventAdapterExtras {
  /** Events left out by the window this cycle (one out-of-window finding per cycle, not one per event). */
  outOfWindow: number;
  windowLabel: string;
}

export function eventAdapter(b: PlanBuilder): ObjectAdapter<SfEvent, ExEvent> & EventAdapterExtras {
  const { config, rep, outlookIntegration, lookups } = b.input;
  const ev = config.events;
  const privateSensitivities = ev.privateSensitivities ?? DEFAULT_PRIVATE_SENSITIVITIES;
  const ctx: EventMappingContext = { mapping: ev.mapping, timeZone: rep.timeZone, privateSensitivities };
  const window = eventWindow(ev.filter, b.input.now, rep.timeZone);
  const syncing = new Set([rep.email.toLowerCase(), ...(lookups.syncingEmails ?? []).map((e) => e.toLowerCase())]);
  const matchKey = (v: MappedValues) => [`k:${keyPart(v.Subject)}|${v.StartDateTime}|${v.EndDateTime}`];
  const fieldsOf = (keys: string[], before: MappedValues, after: MappedValues): PlannedAction['fields'] =>
    Object.fromEntries(keys.map((k) => [k, { before: before[k] ?? null, after: after[k] ?? null }]));

  const adapter: ObjectAdapter<SfEvent, ExEvent> & EventAdapterExtras = {
    outOfWindow: 0,
    windowLabel: window.label,
    object: 'Event',
    direction: ev.direction,
    rules: { match: 'EVT-08', createEx: 'EVT-12', createSf: 'EVT-12', update: 'EVT-12', delete: 'EVT-05' },
    sfId: (e) => e.Id,
    exId: (e) => e.itemId,
    sfModified: (e) => e.SystemModstamp,
    exModified: (e) => e.lastModified,
    exChangeKey: (e) => e.changeKey,
    sfValues: (e) => eventValuesFromSf(e, ctx),
    exValues: (e) => eventValuesFromEx(e, ctx),
    sfMatchKeys: (_e, v) => matchKey(v),
    exMatchKeys: (_e, v) => matchKey(v),
    sfSkip(e, v, mode): Skip | null {
      if (e.OwnerId !== rep.userId) return { rule: 'G-07', reason: `owned by ${e.OwnerId}, not by the rep: only the rep's own events reach the rep's calendar` };
      const skip = sfSeriesSkip(e, ev.syncSeries) ?? (mode === 'create' ? privateSkip(sfEventIsPrivate(e), ev.syncPrivate, 'Salesforce') : null);
      if (skip) return skip;
      // EVT-04: with a full read (initial sync, reset), past SF events stay out — "edits reps made to past events in
      // Salesforce are excluded from the initial sync". Incremental SF→EX changes are not windowed (CFG-07 is EX→SF).
      if (mode === 'create' && b.input.salesforce.events.full && !inWindow(v, window)) return windowSkip();
      return null;
    },
    exSkip(e, v, mode): Skip | null {
      if (e.calendar !== 'default') return { rule: 'EVT-01', reason: `on calendar "${e.calendar}": only the default calendar syncs` };
      const series = exSeriesSkip(e, ev.syncSeries);
      if (series) return series;
      if (ev.scope === 'selected') {
        if (!outlookIntegration.orgEnabled || !outlookIntegration.repSetUp) {
          return { rule: 'CFG-04', reason: `"Events users select" needs the Outlook integration ${outlookIntegration.orgEnabled ? 'set up by the rep' : 'enabled for the org'}: no event syncs to Salesforce` };
        }
        if (!e.loggedToSalesforce) return { rule: 'CFG-04', reason: 'not logged to Salesforce through the Outlook integration ("Events users select")' };
      }
      const organizer = e.organizer?.trim().toLowerCase();
      if (organizer && !syncing.has(organizer)) return { rule: 'EVT-10', reason: `organized by ${organizer}, who does not sync: not synced even though the rep attends` };
      if (mode === 'create') {
        const priv = privateSkip(exEventIsPrivate(e, privateSensitivities), ev.syncPrivate, 'Exchange');
        if (priv) return priv;
      }
      if (!inWindow(v, window)) return windowSkip();
      return null;
    },
    sfPoolable: (e) => e.OwnerId === rep.userId && !sfSeriesSkip(e, ev.syncSeries)
      && !privateSkip(sfEventIsPrivate(e), ev.syncPrivate, 'Salesforce'),
    exPoolable: (e) => e.calendar === 'default' && !exSeriesSkip(e, ev.syncSeries)
      && !privateSkip(exEventIsPrivate(e, privateSensitivities), ev.syncPrivate, 'Exchange')
      && (!e.organizer || syncing.has(e.organizer.trim().toLowerCase())),
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
      if (deletedSide === 'exchange' && syncsToSf(ev.direction)) {
        b.act({ type: 'delete-sf-event', rule: 'EVT-05', ...ids }, { kind: 'delete', side: 'salesforce', object: 'Event', ...ids, reason: `deleted in ${where}; "Delete synced events" is on` });
      } else if (deletedSide === 'salesforce' && syncsToEx(ev.direction)) {
        b.act({ type: 'delete-ex-event', rule: 'EVT-05', ...ids }, { kind: 'delete', side: 'exchange', object: 'Event', ...ids, reason: `deleted in ${where}; "Delete synced events" is on` });
      } else {
        return false;
      }
      b.find('deletion', 'EVT-05', `Event deleted in ${where}; its partner was deleted too ("Delete synced events" is on)`, { object: 'Event', ...ids, before: p.synced, after: null });
      return true;
    },
  };
  function windowSkip(): Skip {
    adapter.outOfWindow += 1;
    return { rule: 'EVT-04', reason: `outside the event filter (${window.label}, from ${window.startDate} in ${rep.timeZone})` };
  }
  return adapter;
}
