/**
 * plan/quiet.ts: the cycle skips the planner for a rep when nothing changed and nothing is carried over, so a quiet
 * rep's pairings are never parsed (issue #6). That is only safe if the planner itself would plan nothing for such a
 * rep — whatever its pairings (frozen private events, orphans, one-way drift), its configuration, and however much
 * time passed (events age out of the window). Random settled worlds, then quiet inputs days or months later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRep } from '../../../src/sync/plan/index.ts';
import { nothingToPlan } from '../../../src/sync/plan/quiet.ts';
import { MiniWorld } from './support/mini-world.ts';
import { exContact, exEvent, makeConfig, sfContact, sfEvent } from './support/builders.ts';

const hourIso = (h: number) => new Date(Date.parse('2026-11-24T00:00:00Z') + h * 3_600_000).toISOString();
const direction = fc.constantFrom('BothWays', 'SalesforceToExchange', 'ExchangeToSalesforce');
const eventArb = fc.record({ h: fc.integer({ min: -72, max: 240 }), priv: fc.boolean(), sensitivity: fc.constantFrom('Normal', 'Private', 'Confidential') });

describe('a quiet rep plans nothing (plan/quiet.ts)', () => {
  it('nothingToPlan ⇒ planRep gives no action, finding or state update, days or months later', () => {
    fc.assert(fc.property(
      fc.array(fc.boolean(), { maxLength: 5 }), fc.array(eventArb, { maxLength: 5 }), fc.array(eventArb, { maxLength: 5 }),
      direction, direction, fc.boolean(), fc.constantFrom('TODAY', 'LAST_MONTH', 'LAST_N_DAYS'),
      fc.array(fc.record({ which: fc.nat(), private: fc.boolean() }), { maxLength: 3 }), fc.integer({ min: 1, max: 120 }),
      (contacts, sfEs, exEs, contactDir, eventDir, syncPrivate, filter, edits, laterDays) => {
        const w = new MiniWorld(makeConfig({
          ContactSyncDirection: contactDir, EventSyncDirection: eventDir, SyncPrivateEvents: syncPrivate, ContactFilter: 'AllContacts',
          EventFilter: filter, ...(filter === 'LAST_N_DAYS' ? { EventFilterDays: 7 } : {}),
        }));
        contacts.forEach((own, i) => w.putSfContact(sfContact(`003${i}`, { LastName: `L${i}`, Email: `c${i}@x.test` }, { OwnerId: own ? '005REP' : '005OTHER' })));
        contacts.forEach((_, i) => w.putExContact(exContact(`EXC${i}`, { Surname: `X${i}`, EmailAddress1: `x${i}@x.test` })));
        sfEs.forEach((e, i) => w.putSfEvent(sfEvent(`00U${i}`, { Subject: `S${i}`, StartDateTime: hourIso(e.h), EndDateTime: hourIso(e.h + 1), IsPrivate: e.priv })));
        exEs.forEach((e, i) => w.putExEvent(exEvent(`EXE${i}`, { subject: `E${i}`, start: hourIso(e.h), end: hourIso(e.h + 1), sensitivity: e.sensitivity })));
        w.cycle();
        w.cycle();
        // Edits that leave state behind: events made private after they synced (frozen pairs), then settle again.
        for (const edit of edits) {
          const items = [...w.exEvents.items.values()];
          const e = items[edit.which % Math.max(1, items.length)];
          if (e) w.putExEvent({ ...e, sensitivity: edit.private ? 'Private' : 'Normal' });
        }
        w.cycle();
        w.cycle();
        w.tick(laterDays * 86_400_000);
        const input = w.input();
        if (!nothingToPlan(input)) return;
        const out = planRep(input);
        expect(out.actions).toEqual([]);
        expect(out.findings).toEqual([]);
        expect(out.stateUpdates).toEqual({});
      },
    ), { seed: 20261124, numRuns: 200 });
  });

  it('any change, candidate or unresolved item is something to plan', () => {
    const w = new MiniWorld(makeConfig());
    w.cycle();
    expect(nothingToPlan(w.input())).toBe(true);
    w.putExContact(exContact('EXC1', { Surname: 'New' }));
    expect(nothingToPlan(w.input())).toBe(false);
    w.cycle();
    w.state.unresolved.push({ object: 'Contact', exId: 'EXC1', company: 'Nowhere', since: 0 } as never);
    expect(nothingToPlan(w.input())).toBe(false);
  });
});
