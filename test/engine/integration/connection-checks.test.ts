import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, writesSince, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const config = (users: string[]) => [{ name: 'Sales', users }];
const statusOf = (harness: Harness, ref: string) => {
  const userId = harness.sf.actions.userId('prod', ref);
  return harness.sf.actions.find('prod', 'LightningSyncUserStatus', (r) => r.UserId === userId)[0];
};

describe('connection checks before a rep syncs', () => {
  it('CONN-04: a rep outside the impersonation scope does not sync, gets a negative status and a finding; the others sync', async () => {
    h = await startHarness({
      exchange: { serviceAccounts: [{ username: 'svc-sync@acme.test', password: 'Svc-Pw-1!', impersonation: { scopeName: 'Sales', recipientFilter: "Department -eq 'Sales'" } }] },
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales' }, { address: 'fin@acme.test', department: 'Finance' }],
      org: {
        users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }, { ref: 'fin', email: 'fin@acme.test', timeZone: 'UTC' }],
        contacts: [{ owner: 'ann', lastName: 'A', email: 'a@x.test' }, { owner: 'fin', lastName: 'F', email: 'f@x.test' }],
        configs: config(['ann', 'fin']),
      },
    });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => [e.rep, e.code, e.rule])).toEqual([['fin@acme.test', 'ErrorImpersonateUserDenied', 'CONN-04']]);
    expect(cycle.findings.filter((f) => f.kind === 'impersonation-denied').map((f) => f.rep)).toEqual(['fin@acme.test']);
    expect(statusOf(h, 'fin')).toMatchObject({ RecognizedByServiceAccount: false });
    expect(statusOf(h, 'ann')).toMatchObject({ RecognizedByServiceAccount: true });
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
    expect(h.ex.actions.folderNames('fin@acme.test')).not.toContain('Salesforce_Sync');
  });

  it('CONN-06: a mailbox on Exchange 2010 is refused with "mailbox on supported version" negative', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'old@acme.test', version: 'Exchange2010' }],
      org: { users: [{ ref: 'old', email: 'old@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'old', lastName: 'O', email: 'o@x.test' }], configs: config(['old']) },
    });
    const seq = h.ex.trace.lastSeq();
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => e.rule)).toEqual(['CONN-06']);
    expect(cycle.findings.map((f) => f.kind)).toContain('unsupported-mailbox');
    expect(statusOf(h, 'old')).toMatchObject({ MailboxSupportedVersion: false });
    expect(writesSince(h.ex, seq)).toEqual([]);
  });

  it('CONN-07: a hybrid deployment (one mailbox online, one on premises) syncs nobody and says why', async () => {
    h = await startHarness({
      exchange: { tenant: { domain: 'acme.test', version: 'Exchange2019', hybrid: true } },
      autodiscover: true,
      mailboxes: [{ address: 'ann@acme.test', location: 'on-premises' }, { address: 'bob@acme.test', location: 'online', version: 'ExchangeOnline' }],
      org: {
        users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }, { ref: 'bob', email: 'bob@acme.test', timeZone: 'UTC' }],
        contacts: [{ owner: 'ann', lastName: 'A', email: 'a@x.test' }],
        configs: config(['ann', 'bob']),
      },
    });
    const seq = h.ex.trace.lastSeq();
    const cycle = await h.engine().runCycle();
    expect(new Set(cycle.errors.map((e) => e.code))).toEqual(new Set(['HYBRID_DEPLOYMENT']));
    expect(cycle.errors).toHaveLength(2);
    expect(cycle.errors[0]!.message).toMatch(/Hybrid Exchange deployment.*CONN-07/);
    expect(writesSince(h.ex, seq)).toEqual([]);
  });

  it('CONN-03 / ORG-03: a rep whose domain is not the service account\'s nor an additional domain is not linked', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test' }, { address: 'zed@other.test' }],
      org: {
        users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }, { ref: 'zed', email: 'zed@other.test', timeZone: 'UTC' }],
        configs: config(['ann', 'zed']),
      },
    });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => [e.rep, e.code, e.rule])).toEqual([[expect.stringContaining('zed'), 'EMAIL_NOT_LINKED', 'CONN-03']]);
    expect(cycle.errors[0]!.message).toContain('add other.test to the additional domains');
    expect(statusOf(h, 'zed')).toMatchObject({ EmailLinked: false });
  });

  it('CONN-09: the connection test fails at impersonation with what to do, and warns when Salesforce_Sync does not exist yet', async () => {
    h = await startHarness({
      exchange: { serviceAccounts: [{ username: 'svc-sync@acme.test', password: 'Svc-Pw-1!', impersonation: { scopeName: 'Sales', recipientFilter: "Department -eq 'Sales'" } }] },
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales' }, { address: 'fin@acme.test', department: 'Finance' }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test' }] },
    });
    const engine = h.engine();
    const denied = await engine.connectionTest('fin@acme.test');
    expect(denied.verdict).toBe('Connectivity Test Failed');
    const failing = denied.checks.find((c) => !c.ok)!;
    expect(failing.name).toBe('Impersonation');
    expect(failing.fix).toContain('ApplicationImpersonation');
    const warn = await engine.connectionTest('ann@acme.test');
    expect(warn.verdict).toBe('Connectivity Test Successful with Warnings');
    expect(warn.checks.find((c) => c.warning)?.name).toBe('Contacts folder');
    expect(h.ex.actions.folderNames('ann@acme.test')).not.toContain('Salesforce_Sync');
  });

  it('CON-01: when Salesforce_Sync cannot be created the folder status is negative, contacts do not sync, events still do', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', denyFolderCreation: true, calendar: [{ subject: 'Still syncs', start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' }] }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'Nofolder', email: 'nf@x.test' }], configs: config(['ann']) },
    });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => e.rule)).toContain('CON-01');
    expect(statusOf(h, 'ann')).toMatchObject({ ContactsFolderFound: false, CalendarFolderFound: true });
    expect(h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'Still syncs')).toHaveLength(1);
  });

  it('CONN-01: the engine logs in to Salesforce with the OAuth 2.0 username-password flow when a connected app is configured', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test' }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'Viaoauth', email: 'v@x.test' }], configs: config(['ann']), connectedApps: [{ clientId: 'sf-app', clientSecret: 'sf-secret' }] },
    });
    h.config.salesforce = { ...h.config.salesforce, oauth: { clientId: 'sf-app', clientSecret: 'sf-secret' } };
    expect((await h.engine().runCycle()).errors).toEqual([]);
    const logins = h.sf.trace.entries((e) => e.operation === 'login' || e.path.includes('oauth2/token'));
    expect(logins.length).toBe(1);
    expect(logins[0]!.path).toContain('/services/oauth2/token');
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => i.props.Surname)).toEqual(['Viaoauth']);
  });

  it('ORG-03: in a sandbox, a rep whose email still ends in .invalid is not linked and the message says to fix the email', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test' }, { address: 'bob@acme.test' }],
      org: {
        id: 'uat', kind: 'sandbox',
        users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC', emailFixed: true }, { ref: 'bob', email: 'bob@acme.test', timeZone: 'UTC' }],
        configs: config(['ann', 'bob']),
      },
    });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => [e.code, e.rule])).toEqual([['EMAIL_NOT_LINKED', 'ORG-03']]);
    expect(cycle.errors[0]!.message).toContain('.invalid');
    expect(cycle.findings.filter((f) => f.kind === 'unlinked-email')).toHaveLength(1);
  });

  it('CONN-11: an Essentials org syncs nothing and the cycle names the edition', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test' }],
      org: { edition: 'Essentials', users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'E', email: 'e@x.test' }], configs: config(['ann']) },
    });
    const seq = h.ex.trace.lastSeq();
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => [e.code, e.rule])).toEqual([['UNSUPPORTED_EDITION', 'CONN-11']]);
    expect(cycle.errors[0]!.message).toContain('Essentials Edition');
    expect(h.ex.trace.since(seq)).toEqual([]);
    const test = await h.engine().connectionTest('ann@acme.test');
    expect(test.verdict).toBe('Connectivity Test Failed');
    expect(test.checks.find((c) => !c.ok)?.name).toBe('Salesforce edition');
  });
});
