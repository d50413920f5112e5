import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, writesSince, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('engine thin slice through jsforce and ews-javascript-api', () => {
  it('CON-03 / EVT-12 / G-02: an SF contact reaches Salesforce_Sync, an EX event becomes an SF Event, and a quiet second cycle writes nothing', async () => {
    h = await startHarness({
      mailboxes: [{
        address: 'ann@acme.test', department: 'Sales',
        calendar: [{ subject: 'Call with Acme', start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z', location: 'Phone' }],
      }],
      org: {
        users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }],
        contacts: [{ owner: 'ann', firstName: 'Pat', lastName: 'Lee', email: 'pat@example.test', title: 'CTO' }],
        configs: [{ name: 'Sales', users: ['ann'] }],
      },
    });
    const engine = h.engine();
    const first = await engine.runCycle();
    expect(first.errors).toEqual([]);

    const synced = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync');
    expect(synced).toHaveLength(1);
    expect(synced[0]!.props).toMatchObject({ GivenName: 'Pat', Surname: 'Lee', JobTitle: 'CTO' });
    const sfEvents = h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'Call with Acme');
    expect(sfEvents).toHaveLength(1);
    expect(sfEvents[0]).toMatchObject({ Location: 'Phone' });
    expect(Date.parse(String(sfEvents[0]!.StartDateTime))).toBe(Date.parse('2026-03-02T15:00:00Z'));

    const exSeq = h.ex.trace.lastSeq();
    const sfSeq = h.sf.trace.lastSeq();
    const second = await engine.runCycle();
    expect(second.errors).toEqual([]);
    expect(writesSince(h.ex, exSeq)).toEqual([]);
    expect(writesSince(h.sf, sfSeq)).toEqual([]);
  });
});
