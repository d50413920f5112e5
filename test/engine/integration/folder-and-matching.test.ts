import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ann = { ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' };

describe('Salesforce_Sync membership and matching outside the change feed', () => {
  it('CON-02: a synced contact moved out of Salesforce_Sync is reported as moved out (not deleted); nothing is deleted on either side', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true }],
      org: { users: [ann], contacts: [{ owner: 'ann', firstName: 'Moved', lastName: 'Away', email: 'moved@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const engine = h.engine();
    await engine.runCycle();
    const [item] = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync');
    h.clock.advance(60_000);
    h.ex.actions.moveItem('ann@acme.test', item!.itemId, 'contacts');
    h.clock.advance(60_000);
    const moved = await engine.runCycle();
    expect(moved.errors).toEqual([]);
    expect(moved.actions.some((a) => a.rule === 'CON-02')).toBe(true);
    expect(h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'moved@x.test')).toHaveLength(1);

    // The moved item stays where the rep put it, and Salesforce keeps its record (nothing is deleted).
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Contacts').map((i) => i.props.Surname)).toEqual(['Away']);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toEqual([]);
  });

  it('CON-02: the same holds for a contact the rep created in Exchange (stamped once it became an SF record)', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ ref: 'mine', givenName: 'Rep', surname: 'Made', email1: 'repmade@x.test' }] }],
      org: { users: [ann], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    const [item] = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync');
    const [sf] = h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'repmade@x.test');
    expect(JSON.stringify(item!.extended)).toContain(String(sf!.Id));
    const seq = h.ex.trace.lastSeq();
    h.clock.advance(60_000);
    expect((await engine.runCycle()).written).toEqual({ salesforce: 0, exchange: 0 });
    expect(h.ex.trace.since(seq).filter((e) => e.operation === 'GetItem')).toEqual([]);
    h.ex.actions.moveItem('ann@acme.test', item!.itemId, 'contacts');
    h.clock.advance(60_000);
    const moved = await engine.runCycle();
    expect(moved.errors).toEqual([]);
    expect(moved.actions.some((a) => a.rule === 'CON-02')).toBe(true);
    expect(h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'repmade@x.test')).toHaveLength(1);
  });

  it('CON-04 / G-04: a new SF contact matches an existing unpaired EX contact that the incremental feed does not list', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ givenName: 'Dee', surname: 'Upe', email1: 'dup@x.test' }] }],
      org: { users: [ann], configs: [{ name: 'Sales', users: ['ann'], contacts: { direction: 'salesforce-to-exchange' } }] },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    h.clock.advance(60_000);
    h.sf.actions.createRecord('prod', 'ann', 'Contact', { FirstName: 'Dee', LastName: 'Upe', Email: 'dup@x.test', OwnerId: h.sf.actions.userId('prod', 'ann') });
    h.clock.advance(60_000);
    const cycle = await engine.runCycle();
    expect(cycle.errors).toEqual([]);
    expect(cycle.actions.filter((a) => a.kind === 'create')).toEqual([]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
  });

  it('EVT-08 / G-04: a new SF event matches an existing EX event (same subject, start, end) instead of duplicating it', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', calendar: [{ subject: 'Quarterly review', start: '2026-03-04T10:00:00Z', end: '2026-03-04T11:00:00Z' }] }],
      org: { users: [ann], configs: [{ name: 'Sales', users: ['ann'], events: { direction: 'salesforce-to-exchange' } }] },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    h.clock.advance(60_000);
    h.sf.actions.createRecord('prod', 'ann', 'Event', { Subject: 'Quarterly review', StartDateTime: '2026-03-04T10:00:00Z', EndDateTime: '2026-03-04T11:00:00Z', DurationInMinutes: 60, OwnerId: h.sf.actions.userId('prod', 'ann') });
    h.clock.advance(60_000);
    const cycle = await engine.runCycle();
    expect(cycle.errors).toEqual([]);
    expect(h.ex.actions.findItems('ann@acme.test', (i) => i.props.Subject === 'Quarterly review')).toHaveLength(1);
  });
});
