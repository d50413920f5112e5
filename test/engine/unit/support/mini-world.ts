/**
 * A minimal in-memory model of both sides and of the apply step, for testing the PURE planner over several cycles
 * (G-01 convergence, G-02 idempotence, G-04 no duplicates). It is not a simulator of Exchange or Salesforce — those
 * are tested through the real clients elsewhere — only the bookkeeping the planner's actions ask for: ids, versions,
 * pairings, and which items changed since the last cycle (the echo of the engine's own writes included, as
 * SyncFolderItems and getUpdated report them).
 */
import { planRep } from '../../../../src/sync/plan/index.ts';
import type {
  EffectiveConfig, EngineAction, ExContact, ExEvent, Pairing, PlanInput, PlanOutput, RepState, SfContact, SfEvent,
} from '../../../../src/sync/model.ts';
import { emptyState, makeConfig, NOW, ORG, REP } from './builders.ts';

type Side<T> = { items: Map<string, T>; dirty: Set<string>; deleted: Set<string> };
const side = <T>(): Side<T> => ({ items: new Map(), dirty: new Set(), deleted: new Set() });

export class MiniWorld {
  sfContacts = side<SfContact>();
  exContacts = side<ExContact>();
  sfEvents = side<SfEvent>();
  exEvents = side<ExEvent>();
  state: RepState = emptyState();
  accounts = new Map<string, string>(); // id → name
  now = NOW;
  cycles = 0;
  #seq = 0;
  lookups: Partial<PlanInput['lookups']> = {};

  constructor(public config: EffectiveConfig = makeConfig()) {}

  tick(ms = 60_000): void { this.now += ms; }
  stamp(): string { return new Date(this.now).toISOString(); }
  nextId(prefix: string): string { this.#seq += 1; return `${prefix}${String(this.#seq).padStart(4, '0')}`; }

  putSfContact(c: SfContact): void { this.sfContacts.items.set(c.Id, { ...c, SystemModstamp: this.stamp() }); this.sfContacts.dirty.add(c.Id); }
  putExContact(c: ExContact): void { this.exContacts.items.set(c.itemId, { ...c, lastModified: this.stamp(), changeKey: this.nextId('ck') }); this.exContacts.dirty.add(c.itemId); }
  putSfEvent(e: SfEvent): void { this.sfEvents.items.set(e.Id, { ...e, SystemModstamp: this.stamp() }); this.sfEvents.dirty.add(e.Id); }
  putExEvent(e: ExEvent): void { this.exEvents.items.set(e.itemId, { ...e, lastModified: this.stamp(), changeKey: this.nextId('ck') }); this.exEvents.dirty.add(e.itemId); }
  remove<T>(s: Side<T>, id: string): void { s.items.delete(id); s.dirty.delete(id); s.deleted.add(id); }

  input(): PlanInput {
    const full = this.cycles === 0;
    const changes = <T>(s: Side<T>) => ({
      full,
      upserts: full ? [...s.items.values()] : [...s.dirty].map((id) => s.items.get(id)!).filter(Boolean),
      deletes: full ? [] : [...s.deleted].map((id) => ({ id, reason: 'deleted' as const })),
    });
    const accountsByName = Object.fromEntries([...this.accounts].map(([id, name]) => [name.toLowerCase(), id]));
    return {
      org: ORG, rep: REP, config: this.config, now: this.now,
      outlookIntegration: { orgEnabled: true, repSetUp: true },
      state: structuredClone(this.state),
      exchange: { contacts: changes(this.exContacts), events: changes(this.exEvents) },
      salesforce: { contacts: changes(this.sfContacts), events: changes(this.sfEvents) },
      lookups: { accountsByName, contactsByEmail: {}, leadsByEmail: {}, ...this.lookups },
    };
  }

  /** Plan one cycle and apply it; returns the plan. */
  cycle(): PlanOutput {
    const plan = planRep(this.input());
    for (const s of [this.sfContacts, this.exContacts, this.sfEvents, this.exEvents]) { s.dirty.clear(); s.deleted.clear(); }
    this.cycles += 1;
    for (const action of plan.actions) this.apply(action);
    const u = plan.stateUpdates;
    if (u.unresolved) this.state.unresolved = u.unresolved;
    if (u.initialSyncDone) Object.assign(this.state.initialSyncDone, u.initialSyncDone);
    for (const p of u.pairingPatches ?? []) {
      const pairing = this.state.pairings.find((x) => x.object === p.object && x.sfId === p.sfId && x.exId === p.exId);
      if (pairing) Object.assign(pairing, p.patch);
    }
    this.tick();
    return plan;
  }

  pairing(object: Pairing['object'], ids: { sfId?: string; exId?: string }): Pairing | undefined {
    return this.state.pairings.find((p) => p.object === object && (ids.sfId === undefined || p.sfId === ids.sfId) && (ids.exId === undefined || p.exId === ids.exId));
  }

  private commit(object: Pairing['object'], sfId: string, exId: string, synced: EngineAction['synced']): void {
    let p = this.pairing(object, { sfId, exId });
    if (!p) {
      p = { object, sfId, exId, exChangeKey: '', sfModstamp: '', syncedHash: '', synced: {}, pairedAt: this.now };
      this.state.pairings.push(p);
    }
    if (synced) { p.syncedHash = synced.hash; p.synced = synced.values; delete p.drift; }
    // Like the apply step: remember both items' versions as of this write, so an unchanged re-read is skipped early.
    const sf = object === 'Contact' ? this.sfContacts.items.get(sfId)?.SystemModstamp : this.sfEvents.items.get(sfId)?.SystemModstamp;
    const ex = object === 'Contact' ? this.exContacts.items.get(exId)?.changeKey : this.exEvents.items.get(exId)?.changeKey;
    p.sfModstamp = sf ?? '';
    p.exChangeKey = ex ?? '';
  }

  private apply(a: EngineAction): void {
    switch (a.type) {
      case 'create-ex-contact': {
        const id = this.nextId('EXC');
        this.putExContact({ itemId: id, changeKey: '', folder: 'Salesforce_Sync', lastModified: '', fields: a.fields, stampedOrgId: a.stamp.orgId, stampedRecordId: a.stamp.recordId });
        return this.commit('Contact', a.sfId, id, a.synced);
      }
      case 'update-ex-contact': {
        const item = this.exContacts.items.get(a.exId)!;
        this.putExContact({ ...item, fields: { ...item.fields, ...a.set } });
        return this.commit('Contact', a.sfId, a.exId, a.synced);
      }
      case 'create-sf-contact': {
        const id = this.nextId('003');
        const { OwnerId, AccountId, ...fields } = a.record as Record<string, string | null>;
        this.putSfContact({ Id: id, OwnerId: OwnerId ?? REP.userId, SystemModstamp: '', AccountId: AccountId ?? null, AccountName: AccountId ? this.accounts.get(AccountId) ?? null : null, fields });
        return this.commit('Contact', id, a.exId, a.synced);
      }
      case 'update-sf-contact': {
        const item = this.sfContacts.items.get(a.sfId)!;
        const { AccountId, ...fields } = a.set as Record<string, string | null>;
        const account = 'AccountId' in a.set ? { AccountId: AccountId ?? null, AccountName: AccountId ? this.accounts.get(AccountId) ?? null : null } : {};
        this.putSfContact({ ...item, ...account, fields: { ...item.fields, ...fields } });
        return this.commit('Contact', a.sfId, a.exId, a.synced);
      }
      case 'create-ex-event': {
        const id = this.nextId('EXE');
        this.putExEvent({
          itemId: id, changeKey: '', lastModified: '', calendar: 'default', subject: null, body: null, location: null, start: '', end: '',
          isAllDay: false, sensitivity: 'Normal', freeBusy: 'Busy', calendarItemType: 'Single', organizer: REP.email, attendees: [],
          isMeeting: false, loggedToSalesforce: false, ...a.event, stampedOrgId: a.stamp.orgId, stampedRecordId: a.stamp.recordId,
        } as ExEvent);
        return this.commit('Event', a.sfId, id, a.synced);
      }
      case 'update-ex-event': {
        const item = this.exEvents.items.get(a.exId)!;
        this.putExEvent({ ...item, ...a.set });
        return this.commit('Event', a.sfId, a.exId, a.synced);
      }
      case 'create-sf-event': {
        const id = this.nextId('00U');
        this.putSfEvent({
          Id: id, OwnerId: REP.userId, SystemModstamp: '', Subject: null, Description: null, Location: null, StartDateTime: '', EndDateTime: '',
          IsAllDayEvent: false, IsPrivate: false, ShowAs: null, IsRecurrence: false, IsRecurrence2: false, WhoId: null, WhatId: null,
          ...(a.record as Partial<SfEvent>),
        });
        return this.commit('Event', id, a.exId, a.synced);
      }
      case 'update-sf-event': {
        const item = this.sfEvents.items.get(a.sfId)!;
        this.putSfEvent({ ...item, ...(a.set as Partial<SfEvent>) });
        return this.commit('Event', a.sfId, a.exId, a.synced);
      }
      case 'delete-ex-event':
        this.remove(this.exEvents, a.exId);
        this.state.pairings = this.state.pairings.filter((p) => !(p.object === 'Event' && p.exId === a.exId));
        return;
      case 'delete-sf-event':
        this.remove(this.sfEvents, a.sfId);
        this.state.pairings = this.state.pairings.filter((p) => !(p.object === 'Event' && p.sfId === a.sfId));
        return;
      case 'pair':
        return this.commit(a.object, a.sfId, a.exId, a.synced);
      case 'unpair':
        this.state.pairings = this.state.pairings.filter((p) => !(p.object === a.object && p.sfId === a.sfId && p.exId === a.exId));
        return;
      case 'freeze': {
        const p = this.pairing(a.object, { sfId: a.sfId, exId: a.exId });
        if (p) p.frozen = true;
        return;
      }
    }
  }
}
