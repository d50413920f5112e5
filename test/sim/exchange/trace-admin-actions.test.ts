/**
 * Exchange admin actions (issue #3): consent (CONN-05), mailbox scope and version (CONN-04, CONN-06), service account
 * and tenant changes — in-process through `sim.actions.admin` and over `POST /_sim/actions`, each shown to take effect
 * on what the real ews-javascript-api (or the token endpoint) then gets.
 */
import { Folder, ItemView, ServiceError, WellKnownFolderName } from 'ews-javascript-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { caught, REP, service, startSim, SVC, testWorld } from './fixture.ts';

const APP = { clientId: 'app-admin', clientSecret: 'admin-app-secret' };

let sim: ExchangeSim;
beforeAll(async () => {
  ({ sim } = await startSim(
    testWorld({
      tenant: { domain: 'acme.test', version: 'Exchange2019', auth: { basic: true, ntlm: true, oauth: true } },
      oauthApps: [{ clientId: APP.clientId, clientSecret: APP.clientSecret, consent: { grantedBy: 'admin@acme.test' } }],
    }),
  ));
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function control(actions: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.urls.origin}/_sim/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(actions) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function tokenStatus(): Promise<{ status: number; codes?: number[] }> {
  const response = await fetch(sim.urls.tokenFor('acme.test'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://outlook.office365.com/.default' }),
  });
  const body = (await response.json()) as { error_codes?: number[] };
  return { status: response.status, ...(body.error_codes ? { codes: body.error_codes } : {}) };
}

const bindContacts = (mailbox = REP) => Folder.Bind(service(sim, mailbox), WellKnownFolderName.Contacts);

describe('consent (CONN-05)', () => {
  it('in-process: revoke → token requests refused with AADSTS65001; grant → issued again', async () => {
    expect((await tokenStatus()).status).toBe(200);
    expect(sim.actions.admin.revokeConsent(APP.clientId)).toEqual({ type: 'consent', clientId: APP.clientId, consent: null, changed: true });
    expect(await tokenStatus()).toEqual({ status: 400, codes: [65001] });
    const granted = sim.actions.admin.grantConsent(APP.clientId, 'admin2@acme.test');
    expect(granted).toMatchObject({ type: 'consent', consent: { grantedBy: 'admin2@acme.test', at: '2026-03-02T08:00:00.000Z' }, changed: true });
    expect((await tokenStatus()).status).toBe(200);
  });

  it('over /_sim/actions, and the result carries no client secret', async () => {
    const revoked = await control({ type: 'revokeConsent', clientId: APP.clientId });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ ok: true, results: [{ type: 'consent', clientId: APP.clientId, consent: null, changed: true }] });
    expect(JSON.stringify(revoked.body)).not.toContain(APP.clientSecret);
    expect(await tokenStatus()).toEqual({ status: 400, codes: [65001] });
  });

  it('GET /_sim/directory shows consent and mailboxes after admin changes, without secrets or passwords', async () => {
    await control([{ type: 'revokeConsent', clientId: APP.clientId }, { type: 'updateMailbox', mailbox: REP, set: { department: 'Finance' } }]);
    const response = await fetch(`${sim.urls.origin}/_sim/directory`);
    const view = (await response.json()) as { oauthApps: unknown[]; mailboxes: Array<{ address: string; department?: string }> };
    expect(view.oauthApps).toEqual([{ clientId: APP.clientId, consent: null, tokenLifetimeSeconds: expect.any(Number) }]);
    expect(view.mailboxes.find((m) => m.address === REP)?.department).toBe('Finance');
    const text = JSON.stringify(view);
    for (const secret of [APP.clientSecret, SVC.password]) expect(text).not.toContain(secret);
  });

  it('an unknown app is a 422 naming it', async () => {
    const bad = await control({ type: 'revokeConsent', clientId: 'no-such-app' });
    expect(bad.status).toBe(422);
    expect(String(bad.body['error'])).toContain('no-such-app');
  });
});

describe('mailboxes (CONN-04, CONN-06)', () => {
  it('in-process: a department change moves the rep out of the impersonation scope', async () => {
    await bindContacts();
    const result = sim.actions.admin.updateMailbox(REP, { department: 'Finance' });
    expect(result).toMatchObject({ type: 'mailbox', mailbox: { address: REP, department: 'Finance' } });
    const error = await caught(bindContacts());
    expect(error['ResponseCode']).toBe(ServiceError.ErrorImpersonateUserDenied);
  });

  it('over /_sim: a version change mid-run shows in the next response, removal makes the mailbox unknown', async () => {
    const moved = await control([{ type: 'updateMailbox', mailbox: REP, set: { version: 'Exchange2013_SP1' } }]);
    expect(moved.status).toBe(200);
    const svc = service(sim);
    await svc.FindItems(WellKnownFolderName.Contacts, new ItemView(1));
    expect(svc.ServerInfo?.MajorVersion).toBe(15);
    expect(svc.ServerInfo?.MinorVersion).toBe(0);
    const removed = await control({ type: 'removeMailbox', mailbox: REP });
    expect(removed.body).toEqual({ ok: true, results: [{ type: 'mailbox-removed', mailbox: REP, removed: true }] });
    const error = await caught(bindContacts());
    expect(error['ResponseCode']).toBe(ServiceError.ErrorNonExistentMailbox);
  });

  it('addMailbox: a new rep in scope is reachable at once (provisioned empty)', async () => {
    const added = await control({ type: 'addMailbox', mailbox: { address: 'rep9@acme.test', department: 'Sales' } });
    expect(added.status).toBe(200);
    const folder = await bindContacts('rep9@acme.test');
    expect(folder.TotalCount).toBe(0);
  });

  it('bad input names what is wrong: unknown field, missing mailbox', async () => {
    const unknown = await control({ type: 'updateMailbox', mailbox: REP, set: { departement: 'Sales' } });
    expect(unknown.status).toBe(422);
    expect(String(unknown.body['error'])).toMatch(/unknown field departement.*allowed: displayName, department/);
    expect(() => sim.actions.admin.updateMailbox('', { department: 'Sales' })).toThrow(/mailbox is required/);
    expect(() => sim.actions.admin.updateMailbox('ghost@acme.test', { department: 'Sales' })).toThrow(/no mailbox ghost@acme.test/);
  });
});

describe('service account and tenant', () => {
  it('a password rotation refuses the old password (401), and the result has no password', async () => {
    const result = sim.actions.apply({ type: 'updateServiceAccount', username: SVC.user, set: { password: 'rotated-pw-1' } });
    expect(result).toMatchObject({ type: 'service-account', account: { userName: SVC.user } });
    expect(JSON.stringify(result)).not.toContain('rotated-pw-1');
    const error = await caught(bindContacts());
    expect(String(error['message'])).toBe('401 Unauthorized');
  });

  it('impersonation: null removes the ApplicationImpersonation role', async () => {
    await control({ type: 'updateServiceAccount', username: SVC.user, set: { impersonation: null } });
    const error = await caught(bindContacts());
    expect(error['ResponseCode']).toBe(ServiceError.ErrorImpersonateUserDenied);
  });

  it('updateTenant retires Basic (CONN-08); the domain cannot change', async () => {
    const result = await control({ type: 'updateTenant', set: { auth: { basicRetired: true } } });
    expect(result.body).toMatchObject({ ok: true, results: [{ type: 'tenant', tenant: { auth: { basicRetired: true } } }] });
    const error = await caught(bindContacts());
    expect(String(error['message'])).toBe('401 Unauthorized');
    expect(() => sim.actions.admin.updateTenant({ domain: 'other.test' } as never)).toThrow(/domain cannot change/);
  });

  it('reset() undoes admin changes (the directory is rebuilt from the world)', async () => {
    sim.actions.admin.updateMailbox(REP, { department: 'Finance' });
    sim.reset();
    await bindContacts();
  });

  it('an unknown action type lists rep and admin types', () => {
    expect(() => sim.actions.apply({ type: 'retireBasic' } as never)).toThrow(/unknown type "retireBasic".*createContact.*revokeConsent.*updateTenant/);
  });
});
