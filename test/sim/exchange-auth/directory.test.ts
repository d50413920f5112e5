import { describe, expect, it } from 'vitest';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { Directory } from '../../../sim/exchange/directory/index.ts';
import { acmeWorld, SVC_PASSWORD } from './world-fixture.ts';

const clock = () => new ScenarioClock('2026-03-02T08:00:00Z');

describe('Directory: tenant defaults', () => {
  it('resolves every default of TenantSpec', () => {
    const dir = new Directory(acmeWorld(), clock());
    expect(dir.tenant).toMatchObject({
      domain: 'acme.test',
      netbiosDomain: 'ACME',
      version: 'Exchange2019',
      hybrid: false,
      auth: { basic: true, ntlm: true, oauth: false, basicRetired: false },
      userNameForms: ['upn', 'downlevel'],
      cloud: 'global',
      maxConcurrency: 27,
    });
    expect(dir.tenant.tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('turns OAuth on by default only for Exchange Online', () => {
    const online = new Directory(acmeWorld({ tenant: { domain: 'acme.test', version: 'ExchangeOnline' } }), clock());
    expect(online.tenant.auth.oauth).toBe(true);
    expect(online.mailbox('rep1@acme.test')?.location).toBe('online');
    expect(online.versionOf('rep1@acme.test')).toBe('ExchangeOnline');
  });

  it('rejects a bad world with a message naming the field', () => {
    expect(() => new Directory({ tenant: { domain: 'not a domain' } }, clock())).toThrow(/tenant\.domain must be a DNS domain/);
    expect(() => new Directory(acmeWorld({ mailboxes: [{ address: 'nope' }] }), clock())).toThrow(/mailbox address "nope"/);
    expect(() =>
      new Directory(acmeWorld({ serviceAccounts: [{ username: 'svc@acme.test', password: 'x', impersonation: { recipientFilter: "Department -eq Sales" } }] }), clock()),
    ).toThrow(/service account svc@acme\.test, management scope recipientFilter: invalid recipient filter at position 16/);
  });
});

describe('Directory: mailboxes', () => {
  it('looks addresses up case-insensitively and fills identity fields', () => {
    const dir = new Directory(acmeWorld(), clock());
    const rep = dir.mailbox('REP1@ACME.TEST');
    expect(rep).toMatchObject({ address: 'rep1@acme.test', displayName: 'Rep One', department: 'Sales', version: 'Exchange2019', location: 'on-premises', alias: 'rep1' });
    expect(dir.mailbox('rep2@acme.test')?.displayName).toBe('Rep2');
    expect(dir.mailbox('ghost@acme.test')).toBeUndefined();
    expect(dir.mailboxes().map((m) => m.address)).toEqual(['rep1@acme.test', 'rep2@acme.test', 'fin@acme.test', 'admin@acme.test']);
  });

  it('adds and removes mailboxes, refusing duplicates', () => {
    const dir = new Directory(acmeWorld(), clock());
    dir.addMailbox({ address: 'legacy@acme.test', version: 'Exchange2010', department: 'Sales' });
    expect(dir.versionOf('legacy@acme.test')).toBe('Exchange2010');
    expect(() => dir.addMailbox({ address: 'LEGACY@acme.test' })).toThrow(/already exists/);
    expect(dir.removeMailbox('legacy@acme.test')).toBe(true);
    expect(dir.mailbox('legacy@acme.test')).toBeUndefined();
  });

  it('is hybrid when the tenant says so or mailboxes live in both places (CONN-07)', () => {
    expect(new Directory(acmeWorld(), clock()).isHybrid).toBe(false);
    expect(new Directory(acmeWorld({ tenant: { domain: 'acme.test', hybrid: true } }), clock()).isHybrid).toBe(true);
    const mixed = new Directory(acmeWorld(), clock());
    mixed.addMailbox({ address: 'cloud@acme.test', location: 'online' });
    expect(mixed.isHybrid).toBe(true);
    expect(mixed.versionOf('cloud@acme.test')).toBe('ExchangeOnline');
  });
});

describe('Directory: service accounts and user-name forms (CONN-02)', () => {
  it('accepts UPN, NetBIOS down-level and DNS down-level by default', () => {
    const dir = new Directory(acmeWorld(), clock());
    for (const name of ['svc-sync@acme.test', 'ACME\\svc-sync', 'acme\\SVC-SYNC', 'acme.test\\svc-sync']) {
      const found = dir.serviceAccount(name);
      expect(found, name).toMatchObject({ ok: true, account: { userName: 'svc-sync@acme.test', impersonation: { scopeName: 'SalesReps' } } });
    }
    expect(JSON.stringify(dir.serviceAccounts())).not.toContain(SVC_PASSWORD);
  });

  it('rejects a refused form with a message that names the other form to try', () => {
    const upnOnly = new Directory(acmeWorld({ tenant: { domain: 'acme.test', userNameForms: ['upn'] } }), clock());
    const refused = upnOnly.serviceAccount('ACME\\svc-sync');
    expect(refused).toMatchObject({ ok: false, reason: 'form-rejected' });
    expect(!refused.ok && refused.message).toMatch(/does not accept user names in down-level.*Try the UPN \(user@domain\) form instead: svc-sync@acme\.test/);

    const downOnly = new Directory(acmeWorld({ tenant: { domain: 'acme.test', userNameForms: ['downlevel'] } }), clock());
    const refusedUpn = downOnly.serviceAccount('svc-sync@acme.test');
    expect(!refusedUpn.ok && refusedUpn.message).toMatch(/Try the down-level \(DOMAIN\\user\) form instead: ACME\\svc-sync/);
    expect(downOnly.serviceAccount('ACME\\svc-sync').ok).toBe(true);
  });

  it('tells unknown users, unknown domains and mailboxes apart', () => {
    const dir = new Directory(acmeWorld(), clock());
    expect(dir.serviceAccount('nobody@acme.test')).toMatchObject({ ok: false, reason: 'unknown-user' });
    expect(dir.serviceAccount('OTHER\\svc-sync')).toMatchObject({ ok: false, reason: 'unknown-domain' });
    expect(dir.serviceAccount('rep1@acme.test')).toMatchObject({ ok: false, reason: 'not-a-service-account' });
    expect(dir.serviceAccount('a\\b\\c')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('checks passwords without exposing them', () => {
    const dir = new Directory(acmeWorld(), clock());
    expect(dir.checkPassword({ kind: 'service-account', userName: 'svc-sync@acme.test' }, SVC_PASSWORD)).toBe(true);
    expect(dir.checkPassword({ kind: 'service-account', userName: 'svc-sync@acme.test' }, 'wrong')).toBe(false);
    expect(dir.checkPassword({ kind: 'mailbox', address: 'rep1@acme.test' }, 'rep1-pw')).toBe(true);
    expect(dir.checkPassword({ kind: 'mailbox', address: 'rep2@acme.test' }, '')).toBe(false);
  });
});

describe('Directory: checkImpersonation (CONN-04)', () => {
  const dir = new Directory(acmeWorld(), clock());
  const svc = { kind: 'service-account', userName: 'svc-sync@acme.test' } as const;

  it.each([
    ['in scope', svc, 'rep2@acme.test', 'ok'],
    ['case-insensitive address', svc, 'REP1@acme.test', 'ok'],
    ['outside the scope', svc, 'fin@acme.test', 'ErrorImpersonateUserDenied'],
    ['unknown address', svc, 'ghost@acme.test', 'ErrorNonExistentMailbox'],
    ['empty id', svc, '', 'ErrorInvalidExchangeImpersonationHeaderData'],
    ['missing id', svc, undefined, 'ErrorInvalidExchangeImpersonationHeaderData'],
    ['org-wide role', { kind: 'service-account', userName: 'svc-all@acme.test' }, 'fin@acme.test', 'ok'],
    ['no role at all', { kind: 'service-account', userName: 'svc-none@acme.test' }, 'rep1@acme.test', 'ErrorImpersonateUserDenied'],
    ['oauth app of the tenant', { kind: 'oauth-app', clientId: 'app-1', tenantId: dir.tenant.tenantId }, 'fin@acme.test', 'ok'],
    ['oauth app of another tenant', { kind: 'oauth-app', clientId: 'app-1', tenantId: 'other' }, 'fin@acme.test', 'ErrorImpersonateUserDenied'],
    ['mailbox acting as itself', { kind: 'mailbox', address: 'rep1@acme.test' }, 'rep1@acme.test', 'ok'],
    ['mailbox acting as another', { kind: 'mailbox', address: 'rep1@acme.test' }, 'rep2@acme.test', 'ErrorImpersonateUserDenied'],
  ] as const)('%s', (_label, principal, address, expected) => {
    const decision = dir.checkImpersonation(principal, address);
    if (expected === 'ok') {
      expect(decision).toMatchObject({ ok: true, mailbox: { address: address!.toLowerCase() } });
    } else {
      expect(decision).toMatchObject({ ok: false, responseCode: expected });
      expect(!decision.ok && decision.message.length).toBeGreaterThan(10);
    }
  });

  it('lists the mailboxes in and out of a principal\'s scope', () => {
    expect(dir.impersonationScope(svc)).toEqual({ inScope: ['rep1@acme.test', 'rep2@acme.test'], outOfScope: ['fin@acme.test', 'admin@acme.test'] });
    expect(dir.impersonationScope({ kind: 'service-account', userName: 'svc-none@acme.test' }).inScope).toEqual([]);
  });

  it('in a hybrid tenant, each side only reaches its own mailboxes (CONN-07)', () => {
    const hybrid = new Directory(
      acmeWorld({ tenant: { domain: 'acme.test', hybrid: true }, mailboxes: [{ address: 'onprem@acme.test', department: 'Sales' }, { address: 'cloud@acme.test', department: 'Sales', location: 'online' }] }),
      clock(),
    );
    expect(hybrid.checkImpersonation(svc, 'onprem@acme.test').ok).toBe(true);
    expect(hybrid.checkImpersonation(svc, 'cloud@acme.test')).toMatchObject({ ok: false, responseCode: 'ErrorNonExistentMailbox' });
    const app = { kind: 'oauth-app', clientId: 'app-1', tenantId: hybrid.tenant.tenantId } as const;
    expect(hybrid.checkImpersonation(app, 'cloud@acme.test').ok).toBe(true);
    expect(hybrid.checkImpersonation(app, 'onprem@acme.test')).toMatchObject({ ok: false, responseCode: 'ErrorNonExistentMailbox' });
  });
});

describe('Directory: snapshots', () => {
  it('round-trips mailboxes, accounts, consent and tokens through JSON', () => {
    const c = clock();
    const dir = new Directory(acmeWorld(), c);
    dir.addMailbox({ address: 'late@acme.test', department: 'Sales' });
    dir.removeMailbox('admin@acme.test');
    dir.oauth.revokeConsent('app-1');
    dir.oauth.grantConsent('app-1', 'admin2@acme.test', c.now());
    const token = dir.oauth.issueToken({ clientId: 'app-1', tenantId: dir.tenant.tenantId, audience: 'https://outlook.office365.com', roles: ['full_access_as_app'], issuedAt: c.now(), expiresAt: c.now() + 3_600_000 });

    const restored = Directory.fromJSON(JSON.parse(JSON.stringify(dir.toJSON())), c);
    expect(restored.mailboxes().map((m) => m.address)).toEqual(['rep1@acme.test', 'rep2@acme.test', 'fin@acme.test', 'late@acme.test']);
    expect(restored.checkImpersonation({ kind: 'service-account', userName: 'svc-sync@acme.test' }, 'late@acme.test').ok).toBe(true);
    expect(restored.checkPassword({ kind: 'service-account', userName: 'svc-sync@acme.test' }, SVC_PASSWORD)).toBe(true);
    expect(restored.oauth.app('app-1')?.consent).toEqual({ grantedBy: 'admin2@acme.test', at: '2026-03-02T08:00:00.000Z' });
    expect(restored.oauth.token(token.jti)).toEqual(token);
    expect(restored.tenant).toEqual(dir.tenant);
  });

  it('refuses something that is not a directory snapshot', () => {
    expect(() => Directory.fromJSON({} as never, clock())).toThrow(/not a directory snapshot/);
  });
});

describe('Directory: admin changes during a run', () => {
  const svc = { kind: 'service-account', userName: 'svc-sync@acme.test' } as const;

  it('a rep moved out of Sales drops out of the impersonation scope (CONN-04)', () => {
    const dir = new Directory(acmeWorld(), clock());
    expect(dir.checkImpersonation(svc, 'rep2@acme.test').ok).toBe(true);
    expect(dir.updateMailbox('REP2@acme.test', { department: 'Finance' })).toMatchObject({ address: 'rep2@acme.test', department: 'Finance', office: 'Paris' });
    expect(dir.checkImpersonation(svc, 'rep2@acme.test')).toMatchObject({ ok: false, responseCode: 'ErrorImpersonateUserDenied' });
    expect(() => dir.updateMailbox('ghost@acme.test', { department: 'x' })).toThrow(/no mailbox ghost@acme\.test/);
  });

  it('rotates a password and changes or removes the impersonation scope', () => {
    const dir = new Directory(acmeWorld(), clock());
    dir.updateServiceAccount('svc-sync@acme.test', { password: 'rotated' });
    expect(dir.checkPassword(svc, SVC_PASSWORD)).toBe(false);
    expect(dir.checkPassword(svc, 'rotated')).toBe(true);
    dir.updateServiceAccount('svc-sync@acme.test', { impersonation: { recipientFilter: "Department -eq 'Finance'" } });
    expect(dir.impersonationScope(svc).inScope).toEqual(['fin@acme.test']);
    dir.updateServiceAccount('svc-sync@acme.test', { impersonation: null });
    expect(dir.impersonationScope(svc).inScope).toEqual([]);
    expect(() => dir.updateServiceAccount('svc-sync@acme.test', { impersonation: { recipientFilter: 'Department -eq' } })).toThrow(/position 15: expected a quoted value after -eq/);
    expect(() => dir.updateServiceAccount('nobody@acme.test', {})).toThrow(/no service account nobody@acme\.test/);
  });

  it('retires Basic or changes name forms mid-run, and snapshots keep the change (CONN-08)', () => {
    const c = clock();
    const dir = new Directory(acmeWorld(), c);
    dir.updateTenant({ auth: { basicRetired: true }, userNameForms: ['upn'] });
    expect(dir.tenant.auth).toEqual({ basic: true, ntlm: true, oauth: false, basicRetired: true });
    expect(dir.serviceAccount('ACME\\svc-sync')).toMatchObject({ ok: false, reason: 'form-rejected' });
    const restored = Directory.fromJSON(JSON.parse(JSON.stringify(dir.toJSON())), c);
    expect(restored.tenant.auth.basicRetired).toBe(true);
    expect(restored.tenant.userNameForms).toEqual(['upn']);
  });

  it('re-derives default mailbox versions when the tenant version changes', () => {
    const dir = new Directory(acmeWorld(), clock());
    dir.updateTenant({ version: 'Exchange2016' });
    expect(dir.versionOf('rep1@acme.test')).toBe('Exchange2016');
  });
});
