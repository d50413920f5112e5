/**
 * Which events may sync at all, per side: G-07 the rep's own SF events, EVT-01 the default calendar, EVT-06 series,
 * CFG-04 "Events users select", EVT-10 organizers who do not sync, EVT-02 private (withheld on create; frozen on
 * update elsewhere), EVT-04 the window. `…Poolable` says whether an item may be a match partner (G-04).
 */
import type { MappedValues } from '../mapping/hash.ts';
import type { ExEvent, ExSensitivity, SfEvent } from '../model.ts';
import type { Skip } from './adapter.ts';
import type { PlanBuilder } from './context.ts';
import { exEventIsPrivate, privateSkip, sfEventIsPrivate } from './private.ts';
import { exSeriesSkip, sfSeriesSkip } from './series.ts';
import { eventWindow, inWindow, type EventWindow } from './window.ts';

export interface EventEligibility {
  window: EventWindow;
  /** Events left out by the window so far (one out-of-window finding per cycle, not one per event). */
  readonly outOfWindow: number;
  sfSkip(e: SfEvent, v: MappedValues, mode: 'create' | 'update'): Skip | null;
  exSkip(e: ExEvent, v: MappedValues, mode: 'create' | 'update'): Skip | null;
  sfPoolable(e: SfEvent): boolean;
  exPoolable(e: ExEvent): boolean;
}

export function eventEligibility(b: PlanBuilder, privateSensitivities: readonly ExSensitivity[]): EventEligibility {
  const { config, rep, outlookIntegration, lookups } = b.input;
  const ev = config.events;
  const window = eventWindow(ev.filter, b.input.now, rep.timeZone);
  const syncing = new Set([rep.email.toLowerCase(), ...(lookups.syncingEmails ?? []).map((e) => e.toLowerCase())]);
  let outOfWindow = 0;
  function windowSkip(): Skip {
    outOfWindow += 1;
    return { rule: 'EVT-04', reason: `outside the event filter (${window.label}, from ${window.startDate} in ${rep.timeZone})` };
  }

  function sfSkip(e: SfEvent, v: MappedValues, mode: 'create' | 'update'): Skip | null {
    if (e.OwnerId !== rep.userId) return { rule: 'G-07', reason: `owned by ${e.OwnerId}, not by the rep: only the rep's own events reach the rep's calendar` };
    const skip = sfSeriesSkip(e, ev.syncSeries) ?? (mode === 'create' ? privateSkip(sfEventIsPrivate(e), ev.syncPrivate, 'Salesforce') : null);
    if (skip) return skip;
    // EVT-04: with a full read (initial sync, reset), past SF events stay out — "edits reps made to past events in
    // Salesforce are excluded from the initial sync". Incremental SF→EX changes are not windowed (CFG-07 is EX→SF).
    if (mode === 'create' && b.input.salesforce.events.full && !inWindow(v, window)) return windowSkip();
    return null;
  }

  function exSkip(e: ExEvent, v: MappedValues, mode: 'create' | 'update'): Skip | null {
    if (e.calendar !== 'default') return { rule: 'EVT-01', reason: `on calendar "${e.calendar}": only the default calendar syncs` };
    const series = exSeriesSkip(e, ev.syncSeries);
    if (series) return series;
    // CFG-04 decides which EX events ENTER Salesforce; an event already paired keeps syncing its edits.
    if (ev.scope === 'selected' && mode === 'create') {
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
  }

  return {
    window,
    get outOfWindow() { return outOfWindow; },
    sfSkip,
    exSkip,
    sfPoolable: (e) => e.OwnerId === rep.userId && !sfSeriesSkip(e, ev.syncSeries)
      && !privateSkip(sfEventIsPrivate(e), ev.syncPrivate, 'Salesforce'),
    exPoolable: (e) => e.calendar === 'default' && !exSeriesSkip(e, ev.syncSeries)
      && !privateSkip(exEventIsPrivate(e, privateSensitivities), ev.syncPrivate, 'Exchange')
      && (!e.organizer || syncing.has(e.organizer.trim().toLowerCase())),
  };
}
