import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ann = { ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' };

describe('authentication methods and events through the real clients', () => {
  it('CONN-01 / CONN-05: OAuth 2.0 client credentials against Exchange Online — token from the token URL, bearer on EWS', async () => {
    h = await startHarness({
      exchange: {
        tenant: { domain: 'acme.test', version: 'ExchangeOnline' },
        oauthApps: [{ clientId: 'app-1', clientSecret: 'app-secret-1', consent: { grantedBy: 'globaladmin@acme.test' } }],
      },
      mailboxes: [{ address: 'ann@acme.test' }],
      org: { users: [ann], contacts: [{ owner: 'ann', lastName: 'Oauth', email: 'oauth@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }], lightningSync: { method: 'oauth' } },
    });
    h.config.exchange = { method: 'oauth', tokenUrl: h.ex.urls.token, tenantId: 'acme.test', clientId: 'app-1', clientSecret: 'app-secret-1' };
    const cycle = await h.engine().runCycle();
    expect(cycle.errors).toEqual([]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => i.props.Surname)).toEqual(['Oauth']);
    expect(h.ex.trace.entries((e) => e.operation === 'CreateItem').every((e) => e.principal === 'app-1' || e.principal?.includes('app-1'))).toBe(true);
  });

  it('CONN-05: an expired token is replaced before use — a cycle two hours later works without a 401', async () => {
    h = await startHarness({
      exchange: {
        tenant: { domain: 'acme.test', version: 'ExchangeOnline' },
        oauthApps: [{ clientId: 'app-1', clientSecret: 'app-secret-1', consent: { grantedBy: 'globaladmin@acme.test' }, tokenLifetimeSeconds: 3600 }],
      },
      mailboxes: [{ address: 'ann@acme.test' }],
      org: { users: [ann], contacts: [{ owner: 'ann', lastName: 'Early', email: 'early@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }], lightningSync: { method: 'oauth' } },
    });
    h.config.exchange = { method: 'oauth', tokenUrl: h.ex.urls.token, tenantId: 'acme.test', clientId: 'app-1', clientSecret: 'app-secret-1' };
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    h.clock.advance(2 * 3_600_000);
    const [contact] = h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'early@x.test');
    h.sf.actions.updateRecord('prod', 'ann', String(contact!.Id), { Title: 'Later' });
    const seq = h.ex.trace.lastSeq();
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(h.ex.trace.since(seq).filter((e) => e.status === 401)).toEqual([]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')[0]!.props.JobTitle).toBe('Later');
  });

  it('CONN-05: without admin consent the token request fails and the connection test names the fix', async () => {
    h = await startHarness({
      exchange: { tenant: { domain: 'acme.test', version: 'ExchangeOnline' }, oauthApps: [{ clientId: 'app-1', clientSecret: 'app-secret-1' }] },
      mailboxes: [{ address: 'ann@acme.test' }],
      org: { users: [ann], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    h.config.exchange = { method: 'oauth', tokenUrl: h.ex.urls.token, tenantId: 'acme.test', clientId: 'app-1', clientSecret: 'app-secret-1' };
    const result = await h.engine().connectionTest('ann@acme.test');
    expect(result.verdict).toBe('Connectivity Test Failed');
    const credentials = result.checks.find((c) => c.name === 'Credentials')!;
    expect(credentials.ok).toBe(false);
    expect(credentials.fix).toContain('consent');
  });

  it('CONN-01: NTLM through the dispatcher channel (the XHR setting is process-global, the channel is per engine)', async () => {
    h = await startHarness({
      exchange: { tenant: { domain: 'acme.test', version: 'Exchange2019', auth: { basic: false, ntlm: true } } },
      mailboxes: [{ address: 'ann@acme.test' }],
      org: { users: [ann], contacts: [{ owner: 'ann', lastName: 'Ntlm', email: 'ntlm@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const basic = await h.engine().runCycle();
    expect(basic.errors.map((e) => e.code)).toContain('HttpUnauthorized');
    if (h.config.exchange.method === 'service-account') h.config.exchange = { ...h.config.exchange, auth: 'ntlm' };
    const ntlm = await h.engine().runCycle();
    expect(ntlm.errors).toEqual([]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => i.props.Surname)).toEqual(['Ntlm']);
  });

  it('EVT-05: with "Delete synced events" on, a deletion on either side deletes the partner', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', calendar: [{ ref: 'ex1', subject: 'EX side', start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' }] }],
      org: {
        users: [ann],
        events: [{ ref: 'sf1', owner: 'ann', subject: 'SF side', start: '2026-03-02T18:00:00Z', end: '2026-03-02T19:00:00Z' }],
        configs: [{ name: 'Sales', users: ['ann'], events: { deleteSynced: true } }],
      },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    const exOfSf = h.ex.actions.findItems('ann@acme.test', (i) => i.props.Subject === 'SF side');
    const sfOfEx = h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'EX side');
    expect(exOfSf).toHaveLength(1);
    expect(sfOfEx).toHaveLength(1);

    h.clock.advance(60_000);
    h.ex.actions.deleteItem('ann@acme.test', 'ex1');
    const sfOriginal = h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'SF side')[0]!;
    h.sf.actions.deleteRecord('prod', 'ann', String(sfOriginal.Id));
    h.clock.advance(60_000);
    const cycle = await engine.runCycle();
    expect(cycle.errors).toEqual([]);
    expect(h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'EX side')).toEqual([]);
    expect(h.ex.actions.findItems('ann@acme.test', (i) => i.props.Subject === 'SF side' && i.folder !== 'Deleted Items')).toEqual([]);
  });

  it('SIM-EX-01: an invalid SyncState restarts the feed from scratch, and matching keeps it free of duplicates', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ givenName: 'Stay', surname: 'Single', email1: 'single@x.test' }] }],
      org: { users: [ann], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    h.ex.faults.add({ id: 'bad-state', match: { operation: 'SyncFolderItems', target: 'ann@acme.test', nth: 1 }, effect: { kind: 'ews-error', responseCode: 'ErrorInvalidSyncStateData' } });
    h.clock.advance(60_000);
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(h.ex.faults.firedCount('bad-state')).toBe(1);
    expect(h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'single@x.test')).toHaveLength(1);
  });

  it('EVT-06: an EX weekly series reaches Salesforce as a Lightning series with the RRULE read from calendar:Recurrence', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', calendar: [{ subject: 'Weekly pipeline', start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:30:00Z', recurrence: { pattern: 'weekly', daysOfWeek: ['Monday'], count: 6 } }] }],
      org: { users: [ann], configs: [{ name: 'Sales', users: ['ann'], events: { syncSeries: true } }] },
    });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors).toEqual([]);
    const [series] = h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'Weekly pipeline');
    expect(series).toBeDefined();
    const rule = String(series!.Recurrence2PatternText);
    for (const part of ['FREQ=WEEKLY', 'INTERVAL=1', 'BYDAY=MO', 'COUNT=6']) expect(rule).toContain(part);
  });

  it('EVT-06: a Classic recurring SF event (main record and every occurrence record) never reaches Exchange, even with series on', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test' }],
      org: {
        users: [ann],
        events: [
          { owner: 'ann', subject: 'Classic standup', start: '2026-03-03T15:00:00Z', end: '2026-03-03T15:15:00Z', classicRecurrence: { type: 'RecursDaily', endDate: '2026-03-06' } },
          { owner: 'ann', subject: 'One-off', start: '2026-03-03T17:00:00Z', end: '2026-03-03T17:30:00Z' },
        ],
        configs: [{ name: 'Sales', users: ['ann'], events: { syncSeries: true } }],
      },
    });
    expect(h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'Classic standup').length).toBeGreaterThan(1);
    expect((await h.engine().runCycle()).errors).toEqual([]);
    expect(h.ex.actions.findItems('ann@acme.test', (i) => i.props.Subject === 'Classic standup')).toEqual([]);
    expect(h.ex.actions.findItems('ann@acme.test', (i) => i.props.Subject === 'One-off')).toHaveLength(1);
  });
});
