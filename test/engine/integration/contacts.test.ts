import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, writesSince, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ann = { ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' };

describe('contacts through both real clients', () => {
  it('CON-02 / CON-05: an EX contact in Salesforce_Sync becomes an SF contact with its account; text with & < > " round-trips both ways', async () => {
    h = await startHarness({
      mailboxes: [{
        address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true,
        contacts: [
          { givenName: 'Ron & "Rita"', surname: 'O<Neil>', companyName: 'R&D <Labs>', email1: 'ron@rd.test', folder: 'Salesforce_Sync' },
          { givenName: 'Elsewhere', surname: 'Person', email1: 'else@x.test', folder: 'contacts' },
        ],
      }],
      org: {
        users: [ann],
        accounts: [{ name: 'R&D <Labs>' }],
        contacts: [{ owner: 'ann', firstName: 'Amy & Co', lastName: 'Smith <Jr>', email: 'amy@x.test', description: 'a < b && c > d' }],
        configs: [{ name: 'Sales', users: ['ann'] }],
      },
    });
    const first = await h.engine().runCycle();
    expect(first.errors).toEqual([]);

    const sf = h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'ron@rd.test');
    expect(sf).toHaveLength(1);
    expect(sf[0]).toMatchObject({ FirstName: 'Ron & "Rita"', LastName: 'O<Neil>' });
    const account = h.sf.actions.find('prod', 'Account', (r) => r.Name === 'R&D <Labs>')[0]!;
    expect(sf[0]!.AccountId).toBe(account.Id);
    // CON-02: only Salesforce_Sync syncs.
    expect(h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'else@x.test')).toEqual([]);

    const ex = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').find((i) => i.props.Surname === 'Smith <Jr>');
    expect(ex?.props).toMatchObject({ GivenName: 'Amy & Co' });
    expect(JSON.stringify(ex?.props)).toContain('a < b && c > d');
  });

  it('STAT-01 / STAT-02 / STAT-04 / G-02: statuses are written once, system status and activity are reported, quiet cycles write nothing', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales' }],
      org: { users: [ann], contacts: [{ owner: 'ann', lastName: 'Solo', email: 'solo@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    h.clock.advance(60_000);
    const userId = h.sf.actions.userId('prod', 'ann');
    const [status] = h.sf.actions.find('prod', 'LightningSyncUserStatus', (r) => r.UserId === userId);
    expect(status).toMatchObject({
      AssignedToActiveConfig: true, MailboxSupportedVersion: true, RecognizedByServiceAccount: true, EmailLinked: true,
      ContactsFolderFound: true, CalendarFolderFound: true, ContactsSfToExStatus: 'Initial sync completed', ContactsInSync: 1,
    });
    const second = await engine.runCycle();
    expect(second.written).toEqual({ salesforce: 0, exchange: 0 });
    expect(second.status?.system).toMatchObject({ serviceAccountUserName: 'svc-sync@acme.test', outlookIntegrationEnabled: 'Yes', linkedUsers: { count: 1, verdict: 'expected' } });
    expect(second.status?.activity.Contact).toMatchObject({ last60Minutes: 1, last24Hours: 1 });
    const exSeq = h.ex.trace.lastSeq();
    const sfSeq = h.sf.trace.lastSeq();
    h.clock.advance(15 * 60_000);
    const quiet = await engine.runCycle();
    expect(quiet.written).toEqual({ salesforce: 0, exchange: 0 });
    expect(writesSince(h.ex, exSeq)).toEqual([]);
    expect(writesSince(h.sf, sfSeq)).toEqual([]);
  });

  it('G-02 / CON-08: an SF edit moves to Exchange in the next cycle as one update', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales' }],
      org: { users: [ann], contacts: [{ ref: 'c1', owner: 'ann', lastName: 'Edit', email: 'edit@x.test', title: 'Before' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const engine = h.engine();
    await engine.runCycle();
    const [contact] = h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'edit@x.test');
    h.clock.advance(60_000);
    h.sf.actions.updateRecord('prod', 'ann', String(contact!.Id), { Title: 'After & Beyond' });
    const seq = h.ex.trace.lastSeq();
    h.clock.advance(60_000);
    const cycle = await engine.runCycle();
    expect(cycle.errors).toEqual([]);
    expect(writesSince(h.ex, seq).map((e) => e.operation)).toEqual(['UpdateItem']);
    const [item] = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync');
    expect(item!.props.JobTitle).toBe('After & Beyond');
  });
});
