/**
 * Properties of the planner over random worlds (fast-check, seeded so a failure reproduces):
 * - G-01/G-02: after the initial sync, at most two cycles bring the sides to rest; a quiet cycle plans nothing.
 * - G-04: pairing is one-to-one; no item is ever paired twice and nothing is created twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExContact, ExEvent, SfContact, SfEvent } from '../../../src/sync/model.ts';
import { MiniWorld } from './support/mini-world.ts';
import { exContact, exEvent, makeConfig, sfContact, sfEvent } from './support/builders.ts';

const first = fc.constantFrom('Ann', 'Bob', 'Zoë', 'Li', null);
const last = fc.constantFrom('Lee', 'Ray', "O'Neil & Co", 'Ng');
const company = fc.constantFrom('Globex', 'Initech', 'Nowhere <Ltd>', null);
const email = fc.option(fc.constantFrom('a@x.test', 'b@x.test', 'C@X.test', 'd@y.test'), { nil: null });
const phone = fc.option(fc.constantFrom('555-0100', '555 0101', ' 555-0102 '), { nil: null });
const subject = fc.constantFrom('Sync', 'Q&A <draft>', 'Lunch', null);
const startHour = fc.integer({ min: -72, max: 240 });
const accounts: Record<string, string> = { '001G': 'Globex', '001I': 'Initech' };

const sfContactArb = fc.record({ f: first, l: last, c: company, e: email, p: phone, own: fc.boolean() });
const exContactArb = fc.record({ f: first, l: last, c: company, e: email, p: phone, inFolder: fc.boolean() });
const eventArb = fc.record({ s: subject, h: startHour, len: fc.integer({ min: 1, max: 3 }), allDay: fc.boolean(), priv: fc.boolean(), showAs: fc.constantFrom('Busy', 'Free', 'OutOfOffice') });
const direction = fc.constantFrom('BothWays', 'SalesforceToExchange', 'ExchangeToSalesforce');

const hourIso = (h: number) => new Date(Date.parse('2026-11-24T00:00:00Z') + h * 3_600_000).toISOString();
const dayOf = (h: number) => hourIso(h).slice(0, 10);

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
type EventSpec = Of<typeof eventArb>;

function build(w: MiniWorld, sfCs: Array<Of<typeof sfContactArb>>, exCs: Array<Of<typeof exContactArb>>, sfEs: EventSpec[], exEs: EventSpec[]): void {
  for (const [id, name] of Object.entries(accounts)) w.accounts.set(id, name);
  sfCs.forEach((c, i) => {
    const accountId = Object.entries(accounts).find(([, n]) => n === c.c)?.[0] ?? null;
    w.putSfContact(sfContact(`003${i}`, { FirstName: c.f, LastName: c.l, Email: c.e, Phone: c.p }, { OwnerId: c.own ? '005REP' : '005OTHER', AccountId: accountId, AccountName: accountId ? accounts[accountId] : null }) as SfContact);
  });
  exCs.forEach((c, i) => w.putExContact(exContact(`EXC${i}`, { GivenName: c.f, Surname: c.l, CompanyName: c.c, EmailAddress1: c.e, BusinessPhone: c.p }, { folder: c.inFolder ? 'Salesforce_Sync' : 'Contacts' }) as ExContact));
  sfEs.forEach((e, i) => w.putSfEvent((e.allDay
    ? sfEvent(`00U${i}`, { Subject: e.s, IsAllDayEvent: true, ActivityDate: dayOf(e.h), StartDateTime: `${dayOf(e.h)}T00:00:00.000Z`, EndDateTime: `${dayOf(e.h + 24 * (e.len - 1))}T00:00:00.000Z`, IsPrivate: e.priv, ShowAs: e.showAs })
    : sfEvent(`00U${i}`, { Subject: e.s, StartDateTime: hourIso(e.h), EndDateTime: hourIso(e.h + e.len), IsPrivate: e.priv, ShowAs: e.showAs }))));
  exEs.forEach((e, i) => w.putExEvent(exEvent(`EXE${i}`, {
    subject: e.s, start: hourIso(e.h), end: hourIso(e.h + e.len), sensitivity: e.priv ? 'Private' : 'Normal',
    freeBusy: e.showAs === 'OutOfOffice' ? 'OOF' : e.showAs,
  }) as ExEvent));
}

function assertOneToOne(w: MiniWorld): void {
  for (const object of ['Contact', 'Event'] as const) {
    const pairs = w.state.pairings.filter((p) => p.object === object);
    expect(new Set(pairs.map((p) => p.sfId)).size).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p.exId)).size).toBe(pairs.length);
  }
  const stamps = [...w.exContacts.items.values(), ...w.exEvents.items.values()].map((i) => i.stampedRecordId).filter(Boolean);
  expect(new Set(stamps).size).toBe(stamps.length); // never two EX items created for one SF record
}

function settles(w: MiniWorld): void {
  w.cycle();
  w.cycle();
  const quiet = w.cycle();
  expect(quiet.actions).toEqual([]);
  assertOneToOne(w);
}

describe('G-01 / G-02 / G-04 properties', () => {
  it('random worlds converge within two cycles and stay one-to-one', () => {
    fc.assert(fc.property(
      fc.array(sfContactArb, { maxLength: 6 }), fc.array(exContactArb, { maxLength: 6 }),
      fc.array(eventArb, { maxLength: 5 }), fc.array(eventArb, { maxLength: 5 }),
      direction, direction, fc.boolean(), fc.constantFrom('LatestChangeWins', 'SalesforceWins', 'ExchangeWins'),
      (sfCs, exCs, sfEs, exEs, contactDir, eventDir, syncPrivate, policy) => {
        const w = new MiniWorld(makeConfig({ ContactSyncDirection: contactDir, EventSyncDirection: eventDir, SyncPrivateEvents: syncPrivate, ConflictPolicy: policy, ContactFilter: 'AllContacts' }));
        build(w, sfCs, exCs, sfEs, exEs);
        settles(w);
      },
    ), { seed: 20261124, numRuns: 150 });
  });

  it('after random edits on both sides the world settles again', () => {
    fc.assert(fc.property(
      fc.array(sfContactArb, { minLength: 1, maxLength: 5 }), fc.array(exContactArb, { minLength: 1, maxLength: 5 }),
      fc.array(fc.record({ side: fc.constantFrom('sf', 'ex'), index: fc.nat(), phone, title: fc.constantFrom('CEO', 'R&D <lead>', null) }), { maxLength: 6 }),
      direction,
      (sfCs, exCs, edits, contactDir) => {
        const w = new MiniWorld(makeConfig({ ContactSyncDirection: contactDir, ContactFilter: 'AllContacts' }));
        build(w, sfCs, exCs, [], []);
        settles(w);
        for (const edit of edits) {
          w.tick(1000);
          if (edit.side === 'sf') {
            const items = [...w.sfContacts.items.values()];
            const c = items[edit.index % items.length];
            w.putSfContact({ ...c, fields: { ...c.fields, Phone: edit.phone, Title: edit.title } });
          } else {
            const items = [...w.exContacts.items.values()];
            const c = items[edit.index % items.length];
            w.putExContact({ ...c, fields: { ...c.fields, BusinessPhone: edit.phone, JobTitle: edit.title } });
          }
        }
        settles(w);
      },
    ), { seed: 424242, numRuns: 150 });
  });

  it('events: random edits, deletes and privacy changes under every flag settle and stay one-to-one', () => {
    const eventEdit = fc.record({
      side: fc.constantFrom('sf', 'ex'), index: fc.nat(), op: fc.constantFrom('subject', 'move', 'private', 'delete', 'notes'),
      value: subject, h: startHour,
    });
    fc.assert(fc.property(
      fc.array(eventArb, { maxLength: 5 }), fc.array(eventArb, { maxLength: 5 }), fc.array(eventEdit, { maxLength: 6 }),
      direction, fc.boolean(), fc.boolean(), fc.constantFrom('LatestChangeWins', 'SalesforceWins', 'ExchangeWins'),
      (sfEs, exEs, edits, eventDir, syncPrivate, deleteSynced, policy) => {
        const w = new MiniWorld(makeConfig({ EventSyncDirection: eventDir, SyncPrivateEvents: syncPrivate, DeleteSyncedEvents: deleteSynced, ConflictPolicy: policy, EventFilter: 'LAST_N_DAYS', EventFilterDays: 30 }));
        build(w, [], [], sfEs, exEs);
        settles(w);
        for (const edit of edits) {
          w.tick(1000);
          if (edit.side === 'sf') {
            const items = [...w.sfEvents.items.values()];
            if (!items.length) continue;
            const e = items[edit.index % items.length];
            if (edit.op === 'delete') { w.remove(w.sfEvents, e.Id); continue; }
            w.putSfEvent(edit.op === 'subject' ? { ...e, Subject: edit.value }
              : edit.op === 'private' ? { ...e, IsPrivate: !e.IsPrivate }
                : edit.op === 'notes' ? { ...e, Description: 'notes & <more>' }
                  : e.IsAllDayEvent ? e : { ...e, StartDateTime: hourIso(edit.h), EndDateTime: hourIso(edit.h + 1) });
          } else {
            const items = [...w.exEvents.items.values()];
            if (!items.length) continue;
            const e = items[edit.index % items.length];
            if (edit.op === 'delete') { w.remove(w.exEvents, e.itemId); continue; }
            w.putExEvent(edit.op === 'subject' ? { ...e, subject: edit.value }
              : edit.op === 'private' ? { ...e, sensitivity: e.sensitivity === 'Private' ? 'Normal' : 'Private' }
                : edit.op === 'notes' ? { ...e, body: 'notes\r\nfrom Outlook' }
                  : e.isAllDay ? e : { ...e, start: hourIso(edit.h), end: hourIso(edit.h + 1) });
          }
        }
        settles(w);
      },
    ), { seed: 777, numRuns: 200 });
  });
});
