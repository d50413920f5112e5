/**
 * @module
 * The pure planning step: `planRep(input)` turns one rep's pairing state, both sides' changes and the effective
 * configuration into actions (each naming the rule that caused it), findings, a readable summary and state updates.
 * No I/O, no clock, no randomness: the same input always gives the same plan (G-08).
 *
 * Order of the actions matters to the apply step: a `pair` precedes the updates of that pair.
 */
import type { ChangeSet, Pairing, PlanInput, PlanOutput, RepState } from '../model.ts';
import { contactAdapter } from './contacts.ts';
import { PlanBuilder, syncsToEx, syncsToSf } from './context.ts';
import { eventAdapter } from './events.ts';
import { planPairs, type SideInput } from './pairs.ts';
import { planUnpaired } from './unpaired.ts';
import { planUnresolved } from './unresolved.ts';
import { validatePlanInput } from './validate-input.ts';

export { validatePlanInput } from './validate-input.ts';
export { eventWindow, inWindow, type EventWindow } from './window.ts';
export { contactPassesFilters } from './filters.ts';
export { MAX_CONTACTS_PER_REP } from './contacts.ts';
export { MAX_RELATED_CONTACTS } from './auto-relate.ts';
export { formatPlannedAction } from './describe.ts';

export function planRep(input: PlanInput): PlanOutput {
  validatePlanInput(input);
  const b = new PlanBuilder(input);
  if (input.config.contacts.direction !== 'dont-sync') planContacts(b);
  if (input.config.events.direction !== 'dont-sync') planEvents(b);
  const stateUpdates: PlanOutput['stateUpdates'] = {};
  if (b.unresolvedChanged) stateUpdates.unresolved = b.unresolved;
  const initial = initialSyncUpdates(input);
  if (initial) stateUpdates.initialSyncDone = initial;
  if (b.pairingPatches.length) stateUpdates.pairingPatches = b.pairingPatches;
  return { actions: b.actions, findings: b.findings, summary: b.summary, stateUpdates };
}

function planContacts(b: PlanBuilder): void {
  const { state, salesforce, exchange, lookups } = b.input;
  const pairings = pairingsOf(state, 'Contact');
  const a = contactAdapter(b, pairings.filter((p) => !p.frozen && !p.orphaned).length);
  const sf = sideInput(salesforce.contacts, a.sfId, lookups.candidates?.sfContacts);
  const ex = sideInput(exchange.contacts, a.exId, lookups.candidates?.exContacts);
  const paired = planPairs(b, a, pairings, sf, ex);
  planUnpaired(b, a, { sf, ex, ...paired, fullSf: salesforce.contacts.full, exStamp: (c) => ({ orgId: c.stampedOrgId, recordId: c.stampedRecordId }) });
  planUnresolved(b, new Map(pairings.map((p) => [p.exId, p])), sf.upserts, paired.touched);
}

function planEvents(b: PlanBuilder): void {
  const { state, salesforce, exchange, lookups } = b.input;
  const pairings = pairingsOf(state, 'Event');
  const a = eventAdapter(b);
  const sf = sideInput(salesforce.events, a.sfId, lookups.candidates?.sfEvents, (e) => badTimes(b, 'salesforce', e.Id, e.StartDateTime, e.EndDateTime));
  const ex = sideInput(exchange.events, a.exId, lookups.candidates?.exEvents, (e) => badTimes(b, 'exchange', e.itemId, e.start, e.end));
  const paired = planPairs(b, a, pairings, sf, ex);
  planUnpaired(b, a, { sf, ex, ...paired, fullSf: salesforce.events.full, exStamp: (e) => ({ orgId: e.stampedOrgId, recordId: e.stampedRecordId }) });
  if (a.outOfWindow > 0) {
    b.find('out-of-window', 'EVT-04',
      `${a.outOfWindow} event(s) outside the event filter (${a.windowLabel}) were not synced`, { object: 'Event', count: a.outOfWindow });
  }
}

function pairingsOf(state: RepState, object: Pairing['object']): Pairing[] {
  return state.pairings.filter((p) => p.object === object).sort((x, y) => (x.sfId < y.sfId ? -1 : x.sfId > y.sfId ? 1 : 0));
}

function sideInput<T>(changes: ChangeSet<T>, idOf: (t: T) => string, candidates: T[] | undefined, rejects: (t: T) => boolean = () => false): SideInput<T> {
  const upserts = new Map<string, T>();
  for (const item of changes.upserts) if (!rejects(item)) upserts.set(idOf(item), item);
  const pool = new Map<string, T>();
  for (const item of candidates ?? []) if (!upserts.has(idOf(item)) && !rejects(item)) pool.set(idOf(item), item);
  return { upserts, candidates: pool, deletes: new Map(changes.deletes.map((d) => [d.id, d.reason])) };
}

/**
 * One event with unreadable times must not stop the rep's other items: it is left out of this plan with an ERR-01
 * finding (the I/O layer turns it into a Lightning Sync Error record), and is read again next cycle.
 */
function badTimes(b: PlanBuilder, side: 'salesforce' | 'exchange', id: string, start: unknown, end: unknown): boolean {
  const ok = (v: unknown) => typeof v === 'string' && Number.isFinite(Date.parse(v));
  if (ok(start) && ok(end)) return false;
  b.find('error', 'ERR-01',
    `Event ${id} in ${side === 'salesforce' ? 'Salesforce' : 'Exchange'} has no readable start/end (${JSON.stringify(start)} – ${JSON.stringify(end)}); it is not synced until they are valid ISO date-times`,
    { object: 'Event', ...(side === 'salesforce' ? { sfId: id } : { exId: id }) });
  b.skip('ERR-01', 'Event', side === 'salesforce' ? 'exchange' : 'salesforce', 'unreadable start/end', side === 'salesforce' ? { sfId: id } : { exId: id });
  return true;
}

/** A direction's initial sync is complete once a plan was made from a full read of its source side. */
function initialSyncUpdates(input: PlanInput): RepState['initialSyncDone'] | undefined {
  const updates: RepState['initialSyncDone'] = {};
  const objects = [
    ['Contact', input.config.contacts.direction, input.salesforce.contacts.full, input.exchange.contacts.full],
    ['Event', input.config.events.direction, input.salesforce.events.full, input.exchange.events.full],
  ] as const;
  for (const [object, direction, sfFull, exFull] of objects) {
    if (syncsToEx(direction) && sfFull && !input.state.initialSyncDone[`${object}:salesforce-to-exchange`]) {
      updates[`${object}:salesforce-to-exchange`] = true;
    }
    if (syncsToSf(direction) && exFull && !input.state.initialSyncDone[`${object}:exchange-to-salesforce`]) {
      updates[`${object}:exchange-to-salesforce`] = true;
    }
  }
  return Object.keys(updates).length ? updates : undefined;
}
