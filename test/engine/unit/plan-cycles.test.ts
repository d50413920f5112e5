/**
 * The planner over several cycles, with the in-memory apply model (support/mini-world.ts): what one cycle plans,
 * the next must not undo or repeat.
 */
import { describe, expect, it } from 'vitest';
import { MiniWorld } from './support/mini-world.ts';
import { exContact, exEvent, makeConfig, sfContact, sfEvent, types } from './support/builders.ts';

function seeded(config = makeConfig()): MiniWorld {
  const w = new MiniWorld(config);
  w.accounts.set('001G', 'Globex');
  w.putSfContact(sfContact('003A', { FirstName: 'Ann', LastName: 'Lee', Email: 'ann@globex.test', Description: 'Q&A <notes>' }, { AccountId: '001G', AccountName: 'Globex' }));
  w.putExContact(exContact('EXB', { GivenName: 'Bob', Surname: 'Ray', CompanyName: 'Globex', EmailAddress1: 'bob@globex.test', Birthday: '1970-01-02T00:00:00Z' }));
  w.putSfEvent(sfEvent('00UA', { Subject: 'Kickoff', IsAllDayEvent: true, ActivityDate: '2026-11-26', StartDateTime: '2026-11-26T00:00:00Z', EndDateTime: '2026-11-27T00:00:00Z' }));
  w.putExEvent(exEvent('EXE', { subject: 'Demo', start: '2026-11-25T20:00:00Z', end: '2026-11-25T21:00:00Z', freeBusy: 'Tentative' }));
  return w;
}

describe('G-01 / G-02 convergence and idempotence', () => {
  it('an initial sync converges: the next cycle sees only its own echoes and plans nothing', () => {
    const w = seeded();
    const first = w.cycle();
    expect(types(first).sort()).toEqual(['create-ex-contact', 'create-ex-event', 'create-sf-contact', 'create-sf-event']);
    const second = w.cycle();
    expect(second.actions).toEqual([]);
    expect(second.findings).toEqual([]);
    expect(w.cycle().actions).toEqual([]);
    expect(w.state.pairings).toHaveLength(4);
  });

  it('an edit travels once, then the sides agree', () => {
    const w = seeded();
    w.cycle();
    w.cycle();
    const ex = [...w.exContacts.items.values()].find((c) => c.stampedRecordId === '003A')!;
    w.putExContact({ ...ex, fields: { ...ex.fields, JobTitle: 'CFO & "Chief"' } });
    const edit = w.cycle();
    expect(edit.actions).toEqual([expect.objectContaining({ type: 'update-sf-contact', set: { Title: 'CFO & "Chief"' } })]);
    expect(w.sfContacts.items.get('003A')!.fields.Title).toBe('CFO & "Chief"');
    expect(w.cycle().actions).toEqual([]);
  });

  it('all-day events and Tentative/Busy do not ping-pong', () => {
    const w = seeded();
    w.cycle();
    const exAllDay = [...w.exEvents.items.values()].find((e) => e.stampedRecordId === '00UA')!;
    expect(exAllDay).toMatchObject({ isAllDay: true, start: '2026-11-26T08:00:00.000Z', end: '2026-11-28T08:00:00.000Z' });
    expect(w.cycle().actions).toEqual([]);
  });
});

describe('G-04 no duplicates', () => {
  it('a reset (state cleared, full read) re-pairs everything and creates nothing (RST-01)', () => {
    const w = seeded();
    w.cycle();
    w.cycle();
    const counts = [w.sfContacts.items.size, w.exContacts.items.size, w.sfEvents.items.size, w.exEvents.items.size];
    w.state = { ...w.state, pairings: [], resetStatus: 'ResetInProgress' };
    w.cycles = 0; // next read is full
    const reset = w.cycle();
    expect(types(reset)).toEqual(['pair', 'pair', 'pair', 'pair']);
    expect([w.sfContacts.items.size, w.exContacts.items.size, w.sfEvents.items.size, w.exEvents.items.size]).toEqual(counts);
    expect(w.cycle().actions).toEqual([]);
  });
});

describe('CON-05 across cycles', () => {
  it('both ways: created without an account, company removed at the next cycle, then quiet', () => {
    const w = new MiniWorld();
    w.putExContact(exContact('EXN', { GivenName: 'Ned', Surname: 'Ng', CompanyName: 'Unknown Ltd' }));
    const first = w.cycle();
    expect(first.findings).toEqual([expect.objectContaining({ kind: 'unresolved-account' })]);
    const second = w.cycle();
    expect(second.actions).toEqual([expect.objectContaining({ type: 'update-ex-contact', rule: 'CON-05', set: { CompanyName: null } })]);
    expect(w.exContacts.items.get('EXN')!.fields.CompanyName).toBeNull();
    expect(w.state.unresolved).toEqual([]);
    expect(w.cycle().actions).toEqual([]);
  });

  it('the account created before the next cycle links the contact instead', () => {
    const w = new MiniWorld();
    w.putExContact(exContact('EXN', { GivenName: 'Ned', Surname: 'Ng', CompanyName: 'Unknown Ltd' }));
    w.cycle();
    w.accounts.set('001U', 'Unknown Ltd');
    const second = w.cycle();
    expect(second.actions).toEqual([expect.objectContaining({ type: 'update-sf-contact', set: { AccountId: '001U' } })]);
    expect(w.exContacts.items.get('EXN')!.fields.CompanyName).toBe('Unknown Ltd');
    expect(w.cycle().actions).toEqual([]);
  });
});

describe('CON-06 re-creation of the survivor', () => {
  it('both ways: a contact deleted in EX comes back when its SF partner next changes', () => {
    const w = seeded();
    w.cycle();
    w.cycle();
    const ex = [...w.exContacts.items.values()].find((c) => c.stampedRecordId === '003A')!;
    w.remove(w.exContacts, ex.itemId);
    expect(w.cycle().actions).toEqual([]);
    // A read that returns the survivor again, unchanged, must not bring the contact back.
    w.putSfContact(w.sfContacts.items.get('003A')!);
    expect(w.cycle().actions).toEqual([]);
    const sf = w.sfContacts.items.get('003A')!;
    w.putSfContact({ ...sf, fields: { ...sf.fields, Title: 'Director' } });
    expect(types(w.cycle())).toEqual(['unpair', 'create-ex-contact']);
    expect(w.cycle().actions).toEqual([]);
    const pairs = w.state.pairings.filter((p) => p.sfId === '003A');
    expect(pairs).toHaveLength(1);
    expect(pairs[0].orphaned).toBeUndefined();
  });
});

describe('EVT-05 delete round trip', () => {
  it('flag on: deleting in EX deletes in SF, and the echo of that delete is quiet', () => {
    const w = seeded(makeConfig({ DeleteSyncedEvents: true }));
    w.cycle();
    w.cycle();
    w.remove(w.exEvents, 'EXE');
    const del = w.cycle();
    expect(types(del)).toEqual(['delete-sf-event']);
    expect(w.cycle().actions).toEqual([]);
    expect(w.state.pairings.filter((p) => p.object === 'Event')).toHaveLength(1);
  });
});
