import jsforce from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioClock } from '#time/clock.ts';
import { idChecksum, normalizeId } from '../../../sim/salesforce/ids.ts';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { CLIENT, failure, login, loginAdmin, startSim } from './helpers.ts';

let sim: SalesforceSim;
let clock: ScenarioClock;
beforeEach(async () => ({ sim, clock } = await startSim()));
afterEach(() => sim.close());

describe('ids', () => {
  it('18-char ids carry the case-safe checksum and 15-char ids normalise', () => {
    // chunks '003Dn' (D at bit 3 → 8 → I), '00000' (→ A), 'AbCdE' (bits 0,2,4 → 21 → V)
    expect(idChecksum('003Dn00000AbCdE')).toBe('IAV');
    expect(normalizeId('003Dn00000AbCdE')).toBe('003Dn00000AbCdEIAV');
    expect(normalizeId('003Dn00000AbCdEiav')).toBe('003Dn00000AbCdEIAV'); // the suffix is case-insensitive
    expect(normalizeId('003Dn00000AbCdEIAX')).toBeUndefined();
    expect(normalizeId('not-an-id')).toBeUndefined();
    const org = sim.org('prod');
    expect(org.orgId).toMatch(/^00D[A-Za-z0-9]{15}$/);
    expect(normalizeId(org.orgId)).toBe(org.orgId);
    expect(sim.org('uat').orgId).not.toBe(org.orgId);
  });
});

describe('SOAP login (jsforce default path)', () => {
  it('logs in, points the instance URL at the org, and serves REST with the session', async () => {
    const conn = await loginAdmin(sim);
    expect(conn.instanceUrl).toBe(sim.org('prod').instanceUrl);
    expect(conn.userInfo?.organizationId).toBe(sim.org('prod').orgId);
    const identity = (await conn.identity()) as { username: string; organization_id: string };
    expect(identity.username).toBe('admin@acme.test');
    expect(identity.organization_id).toBe(sim.org('prod').orgId);
  });

  it('rejects a bad password with INVALID_LOGIN as jsforce surfaces it', async () => {
    const f = await failure(login(sim, 'prod', 'ana@acme.test', 'wrong'));
    expect(f.message).toMatch(/^INVALID_LOGIN: Invalid username, password/);
    const entry = sim.trace.entries((e) => e.operation === 'login').at(-1)!;
    expect(entry).toMatchObject({ status: 500, error: 'INVALID_LOGIN', principal: 'ana@acme.test', target: 'prod' });
    expect(JSON.stringify(sim.trace.entries())).not.toContain('wrong');
  });

  it('refuses inactive users and users without API Enabled', async () => {
    expect((await failure(login(sim, 'prod', 'gone@acme.test', 'gone-pw'))).message).toMatch(/INVALID_LOGIN/);
    expect((await failure(login(sim, 'prod', 'noapi@acme.test', 'noapi-pw'))).message).toMatch(/API_DISABLED_FOR_ORG/);
  });

  it('sandbox: usernames carry the suffix, emails .invalid, login says sandbox (ORG-03)', async () => {
    expect(sim.org('uat').admin.username).toBe('admin@acme.test.uat');
    const res = await fetch(`${sim.org('uat').loginUrl}/services/Soap/u/50.0`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', soapaction: '""' },
      body: '<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Body><login xmlns="urn:partner.soap.sforce.com"><username>ana@acme.test.uat</username><password>ana-uat</password></login></se:Body></se:Envelope>',
    });
    const xml = await res.text();
    expect(xml).toContain('<sandbox>true</sandbox>');
    expect(xml).toContain('<userEmail>ana@acme.test.invalid</userEmail>');
    expect((await failure(login(sim, 'uat', 'ana@acme.test', 'ana-uat'))).message).toMatch(/INVALID_LOGIN/);
    const prod = await loginAdmin(sim);
    expect(prod.userInfo?.id).toBeTruthy();
  });

  it('locks a user out after 10 failed logins in a row, for 15 minutes of scenario time', async () => {
    for (let i = 0; i < 10; i++) await failure(login(sim, 'prod', 'bo@acme.test', 'wrong'));
    const locked = await failure(login(sim, 'prod', 'bo@acme.test', 'bo-pw'));
    expect(locked.message).toMatch(/^INVALID_LOGIN: .*locked out/);
    expect(sim.trace.entries((e) => e.note === 'LOCKED_OUT')).toHaveLength(2); // the 10th failure and the right password
    clock.advance(15 * 60_000);
    expect((await login(sim, 'prod', 'bo@acme.test', 'bo-pw')).accessToken).toBeTruthy();
    for (let i = 0; i < 9; i++) await failure(login(sim, 'prod', 'bo@acme.test', 'wrong'));
    expect((await login(sim, 'prod', 'bo@acme.test', 'bo-pw')).accessToken).toBeTruthy(); // a success resets the count
  });

  it('an expired password: jsforce refuses the SOAP login, OAuth fails, REST refuses the session until reset', async () => {
    const before = await login(sim, 'prod', 'bo@acme.test', 'bo-pw');
    sim.actions.expirePassword('prod', 'bo');
    expect((await failure(login(sim, 'prod', 'bo@acme.test', 'bo-pw'))).message).toMatch(/password has expired/);
    const oauth = new jsforce.Connection({ oauth2: { loginUrl: sim.org('prod').loginUrl, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: 'http://localhost/cb' } });
    expect((await failure(oauth.login('bo@acme.test', 'bo-pw'))).errorCode).toBe('invalid_grant');
    expect((await failure(before.limits())).errorCode).toBe('INVALID_OPERATION_WITH_EXPIRED_PASSWORD');
    sim.actions.setPassword('prod', 'bo', 'new-pw');
    expect((await login(sim, 'prod', 'bo@acme.test', 'new-pw')).accessToken).toBeTruthy();
  });

  it('a rotated password: the old one fails, the new one works, and setPassword unlocks', async () => {
    for (let i = 0; i < 10; i++) await failure(login(sim, 'prod', 'bo@acme.test', 'wrong'));
    sim.actions.setPassword('prod', 'bo', 'rotated-1');
    expect((await failure(login(sim, 'prod', 'bo@acme.test', 'bo-pw'))).message).toMatch(/INVALID_LOGIN/);
    expect((await login(sim, 'prod', 'bo@acme.test', 'rotated-1')).accessToken).toBeTruthy();
  });

  it('escaped passwords round-trip (jsforce XML-escapes & and <)', async () => {
    sim.org('prod').model.passwords.set(sim.actions.userId('prod', 'bo'), 'p&ss<word>');
    const conn = await login(sim, 'prod', 'bo@acme.test', 'p&ss<word>');
    expect(conn.accessToken).toMatch(/^00D[A-Za-z0-9]{12}!/);
  });
});

describe('OAuth 2.0', () => {
  const oauth = (clientId = CLIENT.clientId, clientSecret = CLIENT.clientSecret) =>
    new jsforce.Connection({ oauth2: { loginUrl: sim.org('prod').loginUrl, clientId, clientSecret, redirectUri: 'http://localhost/cb' }, version: '62.0' });

  it('username-password flow gives a token jsforce uses', async () => {
    const conn = oauth();
    const info = await conn.login('ana@acme.test', 'ana-pw');
    expect(info.organizationId).toBe(sim.org('prod').orgId);
    expect(conn.instanceUrl).toBe(sim.org('prod').instanceUrl);
    const desc = await conn.sobject('Contact').describe();
    expect(desc.name).toBe('Contact');
  });

  it('errors as Salesforce sends them: invalid_client_id, invalid_client, invalid_grant', async () => {
    expect((await failure(oauth('nope').login('ana@acme.test', 'ana-pw'))).errorCode).toBe('invalid_client_id');
    expect((await failure(oauth(CLIENT.clientId, 'bad').login('ana@acme.test', 'ana-pw'))).errorCode).toBe('invalid_client');
    const bad = await failure(oauth().login('ana@acme.test', 'nope'));
    expect(bad).toMatchObject({ errorCode: 'invalid_grant', message: 'authentication failure' });
  });

  it('refresh_token flow: jsforce refreshes an expired session with the refresh token', async () => {
    const refreshToken = sim.actions.issueRefreshToken('prod', 'ana', CLIENT.clientId);
    const conn = new jsforce.Connection({
      oauth2: { loginUrl: sim.org('prod').loginUrl, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: 'http://localhost/cb' },
      instanceUrl: sim.org('prod').instanceUrl,
      accessToken: 'stale-token',
      refreshToken,
      version: '62.0',
    });
    let refreshed = 0;
    conn.on('refresh', () => refreshed++);
    const limits = (await conn.limits()) as unknown as { DailyApiRequests: { Max: number } };
    expect(limits.DailyApiRequests.Max).toBe(100000);
    expect(refreshed).toBe(1);
    const bad = await fetch(`${sim.org('prod').loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=bogus&client_id=${CLIENT.clientId}`,
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });
});

describe('sessions', () => {
  it('expire after sessionSeconds idle → 401 INVALID_SESSION_ID; jsforce re-logs in and a fresh login succeeds', async () => {
    const conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const first = conn.accessToken;
    clock.advance(7200 * 1000);
    let refreshes = 0;
    conn.on('refresh', () => {
      refreshes++;
      if (refreshes > 3) throw new Error('re-login loop'); // bound jsforce's endless re-login
    });
    const limits = (await conn.limits()) as unknown as { DailyApiRequests: { Remaining: number } };
    expect(limits.DailyApiRequests.Remaining).toBeGreaterThan(0);
    expect(refreshes).toBe(1);
    expect(conn.accessToken).not.toBe(first);
    const codes = sim.trace.entries().map((e) => `${e.operation}:${e.status}`);
    expect(codes.slice(-3)).toEqual(['limits:401', 'login:200', 'limits:200']);
  });

  it('an access-token-only connection surfaces INVALID_SESSION_ID', async () => {
    const conn = await loginAdmin(sim);
    const bare = new jsforce.Connection({ instanceUrl: conn.instanceUrl, accessToken: conn.accessToken!, version: '62.0' });
    sim.actions.expireSessions('prod');
    const f = await failure(bare.limits());
    expect(f).toMatchObject({ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' });
  });

  it('activity keeps a session alive (inactivity timeout)', async () => {
    const conn = await loginAdmin(sim);
    const bare = new jsforce.Connection({ instanceUrl: conn.instanceUrl, accessToken: conn.accessToken!, version: '62.0' });
    for (let i = 0; i < 3; i++) {
      clock.advance(3600 * 1000);
      await bare.limits();
    }
    expect(clock.now() - Date.parse('2026-03-02T08:00:00Z')).toBe(3 * 3600 * 1000);
  });
});

describe('logout', () => {
  it('SOAP logout and OAuth revoke end the session', async () => {
    const soap = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const token = soap.accessToken!;
    await soap.logout();
    const bare = new jsforce.Connection({ instanceUrl: sim.org('prod').instanceUrl, accessToken: token, version: '62.0' });
    expect((await failure(bare.limits())).errorCode).toBe('INVALID_SESSION_ID');
    const oauth = new jsforce.Connection({ oauth2: { loginUrl: sim.org('prod').loginUrl, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: 'http://localhost/cb' }, version: '62.0' });
    await oauth.login('ana@acme.test', 'ana-pw');
    const oauthToken = oauth.accessToken!;
    await oauth.logout();
    const bare2 = new jsforce.Connection({ instanceUrl: sim.org('prod').instanceUrl, accessToken: oauthToken, version: '62.0' });
    expect((await failure(bare2.limits())).errorCode).toBe('INVALID_SESSION_ID');
    expect(sim.trace.entries((e) => e.operation === 'logout')).toHaveLength(1);
    expect(sim.trace.entries((e) => e.note === 'logout')).toHaveLength(1);
  });
});

describe('versions and fail-closed', () => {
  it('lists v38.0 … v62.0 and 404s unknown versions and paths', async () => {
    const versions = (await (await fetch(`${sim.org('prod').loginUrl}/services/data`)).json()) as Array<{ version: string; label: string; url: string }>;
    expect(versions[0]).toEqual({ label: "Winter '17", url: '/services/data/v38.0', version: '38.0' });
    expect(versions.at(-1)).toEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
    const conn = await loginAdmin(sim);
    const headers = { authorization: `Bearer ${conn.accessToken}` };
    const v37 = await fetch(`${conn.instanceUrl}/services/data/v37.0/limits`, { headers });
    expect(v37.status).toBe(404);
    expect(((await v37.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('NOT_FOUND');
    const unknown = await fetch(`${conn.instanceUrl}/services/apexrest/foo`, { headers });
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as Array<{ errorCode: string; message: string }>;
    expect(body[0]!.message).toContain('/services/apexrest/foo');
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'unknown', status: 404, note: expect.stringContaining('/services/apexrest/foo') });
  });
});
