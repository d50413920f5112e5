/**
 * OAuth 2.0 (CONN-05, CONN-08): the Azure-AD-like token endpoint over raw HTTP (no client library gets a token from
 * an http:// authority), and the bearer token used by the real ews-javascript-api through OAuthCredentials.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeService, OAuthCredentials } from 'ews-javascript-api';
import { serveFetchHandler, type RunningServer } from '../../../sim/core/http-server.ts';
import { Directory } from '../../../sim/exchange/directory/index.ts';
import { grantConsent, handleTokenRequest, isTokenPath, revokeConsent } from '../../../sim/exchange/oauth/index.ts';
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { startAuthTestServer, type AuthTestServer } from './auth-test-server.ts';
import { acmeWorld } from './world-fixture.ts';
import { bindContacts as bind, ewsService, rejection } from './ews-client.ts';

const ews = (url: string, token: string, impersonate = 'rep1@acme.test'): ExchangeService =>
  ewsService(url, new OAuthCredentials(token), impersonate);

const onlineWorld = (tenant: Partial<NonNullable<ExchangeWorld['tenant']>> = {}, overrides: Partial<ExchangeWorld> = {}) =>
  acmeWorld({ tenant: { domain: 'acme.test', version: 'ExchangeOnline', ...tenant }, ...overrides });

interface Harness {
  clock: ScenarioClock;
  directory: Directory;
  token: RunningServer;
  ews: AuthTestServer;
  tokenUrl: (tenant?: string) => string;
}

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await Promise.all([h.token.close(), h.ews.close()]);
});

async function harness(world: ExchangeWorld = onlineWorld(), directory?: Directory, clock = new ScenarioClock('2026-03-02T08:00:00Z')): Promise<Harness> {
  const dir = directory ?? new Directory(world, clock);
  const token = await serveFetchHandler(
    async (request) => (isTokenPath(new URL(request.url).pathname) ? handleTokenRequest(request, { directory: dir, clock }) : new Response('not found', { status: 404 })),
    { onError: (e) => new Response(String(e), { status: 500 }) },
  );
  const ews = await startAuthTestServer(dir, clock);
  const h = { clock, directory: dir, token, ews, tokenUrl: (tenant = dir.tenant.tenantId) => `${token.origin}/${tenant}/oauth2/v2.0/token` };
  open.push(h);
  return h;
}

async function requestToken(url: string, fields: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const goodRequest = { grant_type: 'client_credentials', client_id: 'app-1', client_secret: 'secret-1', scope: 'https://outlook.office365.com/.default' };

describe('token endpoint', () => {
  it('issues a client-credentials token like Azure AD, by tenant id or domain', async () => {
    const h = await harness();
    for (const tenant of [h.directory.tenant.tenantId, 'acme.test']) {
      const { status, body } = await requestToken(h.tokenUrl(tenant), goodRequest);
      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
      const [, payload] = String(body['access_token']).split('.');
      expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
        aud: 'https://outlook.office365.com',
        tid: h.directory.tenant.tenantId,
        appid: 'app-1',
        roles: ['full_access_as_app'],
        exp: Date.parse('2026-03-02T09:00:00Z') / 1000,
      });
    }
  });

  it.each([
    ['wrong secret', { client_secret: 'nope' }, 401, 'invalid_client', 7000215],
    ['unknown app', { client_id: 'app-x' }, 400, 'unauthorized_client', 700016],
    ['password grant', { grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
    ['scope without /.default', { scope: 'https://outlook.office365.com/EWS.AccessAsUser.All' }, 400, 'invalid_scope', 1002012],
    ['scope for another resource', { scope: 'https://graph.microsoft.com/.default' }, 400, 'invalid_scope', 500011],
    ['no scope', { scope: '' }, 400, 'invalid_request', 900144],
  ] as const)('%s → %s %s', async (_label, change, status, error, code) => {
    const h = await harness();
    const { status: got, body } = await requestToken(h.tokenUrl(), { ...goodRequest, ...change });
    expect(got).toBe(status);
    expect(body).toMatchObject({ error, error_codes: [code] });
    expect(String(body['error_description'])).toMatch(new RegExp(`^AADSTS${code}: .* Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: 2026-03-02 08:00:00Z$`));
    expect(JSON.stringify(body)).not.toContain('secret-1');
  });

  it('accepts client credentials in an Authorization: Basic header (client_secret_basic)', async () => {
    const h = await harness();
    const response = await fetch(h.tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('app-1:secret-1').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://outlook.office365.com/.default' }),
    });
    expect(response.status).toBe(200);
  });

  it('refuses an unknown tenant, /common, and national clouds (CONN-05)', async () => {
    const h = await harness();
    expect((await requestToken(h.tokenUrl('other.test'), goodRequest)).body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    expect(String((await requestToken(h.tokenUrl('common'), goodRequest)).body['error_description'])).toContain('not /common');
    const gov = await harness(onlineWorld({ cloud: 'usgov' }));
    const { status, body } = await requestToken(gov.tokenUrl(), goodRequest);
    expect(status).toBe(400);
    expect(String(body['error_description'])).toContain('this tenant is in the usgov national cloud; Lightning Sync supports only the global Azure cloud');
  });

  it('needs admin consent (AADSTS65001 consent_required), and consent outlives the admin who granted it', async () => {
    const h = await harness(onlineWorld({}, { oauthApps: [{ clientId: 'app-1', clientSecret: 'secret-1' }] }));
    const refused = await requestToken(h.tokenUrl(), goodRequest);
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] } });

    expect(grantConsent(h.directory, { clientId: 'app-1', grantedBy: 'admin@acme.test' })).toEqual({ grantedBy: 'admin@acme.test', at: '2026-03-02T08:00:00.000Z' });
    h.directory.removeMailbox('admin@acme.test'); // the granting admin leaves
    expect((await requestToken(h.tokenUrl(), goodRequest)).status).toBe(200);

    expect(revokeConsent(h.directory, { clientId: 'app-1' })).toBe(true);
    expect((await requestToken(h.tokenUrl(), goodRequest)).body).toMatchObject({ suberror: 'consent_required' });
    expect(() => grantConsent(h.directory, { clientId: 'nope', grantedBy: 'x@acme.test' })).toThrow(/no OAuth app with client id nope/);
  });
});

describe('bearer tokens through ews-javascript-api (OAuthCredentials)', () => {
  it('lets an app with full_access_as_app impersonate any mailbox of its tenant', async () => {
    const h = await harness();
    const token = String((await requestToken(h.tokenUrl(), goodRequest)).body['access_token']);
    expect(await bind(ews(h.ews.ewsUrl, token, 'fin@acme.test'))).toBe('Contacts of fin@acme.test');
    expect(h.ews.log.at(-1)).toEqual({ method: 'POST', principal: 'app:app-1', authorization: 'Bearer' });
  });

  it('refuses an expired token with 401 and error="invalid_token"; a fresh token works again', async () => {
    const h = await harness();
    const token = String((await requestToken(h.tokenUrl(), goodRequest)).body['access_token']);
    h.clock.advance(3600_000);
    const error = await rejection(bind(ews(h.ews.ewsUrl, token)));
    // ews-javascript-api reports a 401's X-MS-Diagnostics header as the message, as Exchange Online clients show it.
    expect(error.message).toBe('2000003;reason="The token has expired.";error_category="invalid_token"');
    expect(error.HttpStatusCode).toBe(401);
    expect(h.ews.log.at(-1)?.failure).toBe('The token has expired.');
    const raw = await fetch(h.ews.ewsUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(raw.headers.get('www-authenticate')).toMatch(/Bearer client_id="00000002-0000-0ff1-ce00-000000000000".*error="invalid_token"/);
    expect(raw.headers.get('x-ms-diagnostics')).toBe('2000003;reason="The token has expired.";error_category="invalid_token"');
    const fresh = String((await requestToken(h.tokenUrl(), goodRequest)).body['access_token']);
    expect(await bind(ews(h.ews.ewsUrl, fresh))).toBe('Contacts of rep1@acme.test');
  });

  it('refuses altered and foreign tokens', async () => {
    const h = await harness();
    const token = String((await requestToken(h.tokenUrl(), goodRequest)).body['access_token']);
    const [head, payload, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86400 })).toString('base64url')}.${sig}`;
    await rejection(bind(ews(h.ews.ewsUrl, forged)));
    expect(h.ews.log.at(-1)?.failure).toMatch(/signature is invalid/);
    const other = await harness(); // another sim instance, same tenant: it never issued this token
    await rejection(bind(ews(other.ews.ewsUrl, token)));
    expect(other.ews.log.at(-1)?.failure).toMatch(/not issued by this sim/);
  });

  it('keeps issued tokens valid across a directory snapshot/restore', async () => {
    const h = await harness();
    const token = String((await requestToken(h.tokenUrl(), goodRequest)).body['access_token']);
    const restored = Directory.fromJSON(JSON.parse(JSON.stringify(h.directory.toJSON())), h.clock);
    const again = await harness(undefined, restored, h.clock);
    expect(await bind(ews(again.ews.ewsUrl, token))).toBe('Contacts of rep1@acme.test');
  });

  it('CONN-08: with Basic retired, OAuth still works', async () => {
    const h = await harness(onlineWorld({ auth: { basicRetired: true } }));
    const token = String((await requestToken(h.tokenUrl(), goodRequest)).body['access_token']);
    expect(await bind(ews(h.ews.ewsUrl, token))).toBe('Contacts of rep1@acme.test');
  });

  it('refuses bearer tokens where the tenant has no OAuth (on-premises default)', async () => {
    const h = await harness(acmeWorld());
    expect((await requestToken(h.tokenUrl(), goodRequest)).body).toMatchObject({ error_codes: [90002] });
    const raw = await fetch(h.ews.ewsUrl, { method: 'POST', headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(raw.status).toBe(401);
    expect(h.ews.log.at(-1)?.failure).toBe('OAuth authentication is not enabled on this server');
  });
});
