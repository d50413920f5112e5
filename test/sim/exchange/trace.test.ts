/**
 * Issue #2 §7 through the real ews-javascript-api: every request the Exchange sim answers is in its trace — a request
 * dropped by a connection-reset fault (with the fault id), Autodiscover, the token endpoint, the NTLM challenge leg
 * (a "handshake", not an error) — and no credential ever is.
 */
import {
  AutodiscoverService,
  ConfigurationApi,
  ConnectingIdType,
  ExchangeService,
  ExchangeVersion,
  Folder,
  ImpersonatedUserId,
  ItemView,
  OAuthCredentials,
  Uri,
  UserSettingName,
  WebCredentials,
  WellKnownFolderName,
  XhrApi,
} from 'ews-javascript-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { caught, REP, service, startSim, SVC, testWorld } from './fixture.ts';

const APP = { clientId: 'app-trace', clientSecret: 'Sup3r-secret-value' };

let sim: ExchangeSim;
beforeAll(async () => {
  ({ sim } = await startSim(
    testWorld({
      tenant: { domain: 'acme.test', version: 'ExchangeOnline', auth: { basic: true, ntlm: true, oauth: true } },
      oauthApps: [{ clientId: APP.clientId, clientSecret: APP.clientSecret, consent: { grantedBy: 'admin@acme.test' } }],
    }),
  ));
});
afterAll(() => sim.close());
afterEach(() => {
  sim.faults.clear();
  ConfigurationApi.ConfigureXHR(new XhrApi()); // global to the process: always put the default back
});

/** The trace as text, to prove no secret is anywhere in it. */
const traceText = () => JSON.stringify(sim.trace.entries());

async function requestToken(fields: Record<string, string>) {
  const response = await fetch(sim.urls.tokenFor('acme.test'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const tokenRequest = { grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://outlook.office365.com/.default' };

describe('connection-reset faults are traced (issue #2 §7, SIM-EX-03)', () => {
  it('the reset request is in the trace with its fault id, status 0 and no response, and counts as a fault', async () => {
    sim.faults.set([{ id: 'drop-find', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'connection-reset' } }]);
    const mark = sim.trace.lastSeq();
    const faultsBefore = sim.trace.totals.faults;
    const error = await caught(service(sim).FindItems(WellKnownFolderName.Contacts, new ItemView(10)));
    expect(JSON.stringify(error)).toMatch(/ECONNRESET|socket hang up/);
    const entries = sim.trace.since(mark);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operation: 'FindItem', target: REP, principal: SVC.user, faultId: 'drop-find', status: 0, error: 'ConnectionReset', write: false });
    expect(sim.trace.totals.faults).toBe(faultsBefore + 1);
    // nth: 1 only: the retry goes through and is traced too
    await service(sim).FindItems(WellKnownFolderName.Contacts, new ItemView(10));
    expect(sim.trace.since(mark).at(-1)).toMatchObject({ operation: 'FindItem', status: 200 });
    expect(sim.trace.since(mark).at(-1)?.faultId).toBeUndefined();
  });

  it('a reset of a write leaves the store untouched and says so in the trace (write: false)', async () => {
    sim.faults.set([{ id: 'drop-create', match: { operation: 'CreateItem' }, effect: { kind: 'connection-reset' } }]);
    const before = sim.actions.itemsIn(REP, 'contacts').length;
    const mark = sim.trace.lastSeq();
    const { Contact } = await import('ews-javascript-api');
    const contact = new Contact(service(sim));
    contact.GivenName = 'Dropped';
    await caught(contact.Save(WellKnownFolderName.Contacts));
    expect(sim.actions.itemsIn(REP, 'contacts')).toHaveLength(before);
    expect(sim.trace.since(mark)).toEqual([expect.objectContaining({ operation: 'CreateItem', faultId: 'drop-create', write: false, status: 0 })]);
  });
});

describe('Autodiscover and token requests are traced with operation names and no secrets', () => {
  it('SOAP Autodiscover GetUserSettings: operation, mailbox asked about, logon name, no password', async () => {
    const mark = sim.trace.lastSeq();
    const ad = new AutodiscoverService(new Uri(sim.urls.autodiscover), ExchangeVersion.Exchange2013_SP1);
    ad.Credentials = new WebCredentials(SVC.user, SVC.password);
    const response = await ad.GetUserSettings(REP, [UserSettingName.ExternalEwsUrl]);
    expect(response.GetSettingValue(UserSettingName.ExternalEwsUrl)).toBe(sim.urls.ews);
    const entries = sim.trace.since(mark);
    expect(entries).toEqual([
      expect.objectContaining({ sim: 'exchange', method: 'POST', path: '/autodiscover/autodiscover.svc', operation: 'Autodiscover.GetUserSettings', target: REP, principal: SVC.user, status: 200, write: false }),
    ]);
    expect(entries[0]!.error).toBeUndefined();
    expect(traceText()).not.toContain(SVC.password);
  });

  it('an Autodiscover logon with a wrong password is traced as Unauthorized with the reason', async () => {
    const mark = sim.trace.lastSeq();
    const ad = new AutodiscoverService(new Uri(sim.urls.autodiscover), ExchangeVersion.Exchange2013_SP1);
    ad.Credentials = new WebCredentials(SVC.user, 'not-the-password');
    await caught(ad.GetUserSettings(REP, [UserSettingName.ExternalEwsUrl]));
    const entry = sim.trace.since(mark).find((e) => e.operation === 'Autodiscover.GetUserSettings');
    expect(entry).toMatchObject({ status: 401, error: 'Unauthorized', principal: SVC.user });
    expect(entry?.note).toMatch(/password/i);
    expect(traceText()).not.toContain('not-the-password');
  });

  it('POX Autodiscover (raw HTTP: the client has no POX path) is traced as Autodiscover.POX with its error code', async () => {
    const mark = sim.trace.lastSeq();
    const body =
      '<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">' +
      '<Request><EMailAddress>nobody@acme.test</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>';
    const response = await fetch(sim.urls.autodiscoverPox, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', authorization: `Basic ${Buffer.from(`${SVC.user}:${SVC.password}`).toString('base64')}` },
      body,
    });
    await response.text();
    expect(sim.trace.since(mark)).toEqual([expect.objectContaining({ operation: 'Autodiscover.POX', target: 'nobody@acme.test', principal: SVC.user, error: '500' })]);
  });

  it('token requests: issued and refused are both traced under oauth2.token with the client id, never the secret or token', async () => {
    const mark = sim.trace.lastSeq();
    const ok = await requestToken(tokenRequest);
    expect(ok.status).toBe(200);
    const accessToken = String(ok.body['access_token']);
    const refused = await requestToken({ ...tokenRequest, client_secret: 'wrong-secret-value' });
    expect(refused.status).toBe(401);
    const entries = sim.trace.since(mark);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ operation: 'oauth2.token', principal: APP.clientId, status: 200, write: false });
    expect(entries[0]!.error).toBeUndefined();
    expect(entries[1]).toMatchObject({ operation: 'oauth2.token', principal: APP.clientId, status: 401, error: 'invalid_client' });
    expect(entries[1]!.note).toMatch(/^AADSTS\d+$/);
    const text = traceText();
    for (const secret of [APP.clientSecret, 'wrong-secret-value', accessToken]) expect(text).not.toContain(secret);

    // and the token works with the real client; the EWS call is traced with the app as principal
    const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
    svc.Url = new Uri(sim.urls.ews);
    svc.Credentials = new OAuthCredentials(accessToken);
    svc.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, REP);
    await Folder.Bind(svc, WellKnownFolderName.Contacts);
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'GetFolder', target: REP, status: 200 });
    expect(traceText()).not.toContain(accessToken);
  });

  it('client_secret_basic: the client id is read from the Basic header, the secret never kept', async () => {
    const mark = sim.trace.lastSeq();
    const { client_id: _id, client_secret: _secret, ...form } = tokenRequest;
    const response = await fetch(sim.urls.tokenFor('acme.test'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${APP.clientId}:${APP.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams(form),
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect(sim.trace.since(mark)).toEqual([expect.objectContaining({ operation: 'oauth2.token', principal: APP.clientId, status: 200 })]);
    expect(traceText()).not.toContain(APP.clientSecret);
    expect(traceText()).not.toContain(token);
  });

  it('an unknown path is traced as a 404 naming it', async () => {
    const response = await fetch(`${sim.urls.origin}/owa/`);
    expect(response.status).toBe(404);
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'unknown', path: '/owa/', status: 404, error: 'NotFound' });
  });
});

describe('faults on Autodiscover and the token endpoint (rules that name the operation)', () => {
  it('token endpoint: a reset and a 503 are traced with their fault ids; the next request gets a token', async () => {
    sim.faults.set([
      { id: 'aad-drop', match: { operation: 'oauth2.token', nth: 1 }, effect: { kind: 'connection-reset' } },
      // counted only on requests the first rule let through: its 1st is the 2nd token request
      { id: 'aad-down', match: { operation: 'oauth2.token', nth: 1 }, effect: { kind: 'http-503', retryAfterSeconds: 7 } },
    ]);
    const mark = sim.trace.lastSeq();
    await expect(requestToken(tokenRequest)).rejects.toThrow(/fetch failed/);
    const down = await fetch(sim.urls.tokenFor('acme.test'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(tokenRequest) });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('7');
    expect(((await down.json()) as { error: string }).error).toBe('temporarily_unavailable');
    expect((await requestToken(tokenRequest)).status).toBe(200);
    expect(sim.trace.since(mark).map((e) => [e.operation, e.status, e.faultId, e.error])).toEqual([
      ['oauth2.token', 0, 'aad-drop', 'ConnectionReset'],
      ['oauth2.token', 503, 'aad-down', 'HTTP503'],
      ['oauth2.token', 200, undefined, undefined],
    ]);
  });

  it('Autodiscover through the real client: a reset rejects the call and is traced with the fault id', async () => {
    sim.faults.set([{ id: 'ad-drop', match: { operation: 'Autodiscover.GetUserSettings', nth: 1 }, effect: { kind: 'connection-reset' } }]);
    const ad = new AutodiscoverService(new Uri(sim.urls.autodiscover), ExchangeVersion.Exchange2013_SP1);
    ad.Credentials = new WebCredentials(SVC.user, SVC.password);
    const mark = sim.trace.lastSeq();
    await caught(ad.GetUserSettings(REP, [UserSettingName.ExternalEwsUrl]));
    expect(sim.trace.since(mark)[0]).toMatchObject({ operation: 'Autodiscover.GetUserSettings', target: REP, faultId: 'ad-drop', status: 0, error: 'ConnectionReset' });
  });

  it('an EWS-only effect on Autodiscover answers a SOAP fault saying so (never a bare 500)', async () => {
    sim.faults.set([{ id: 'ad-busy', match: { operation: 'Autodiscover.POX' }, effect: { kind: 'server-busy', backOffMs: 1000 } }]);
    const response = await fetch(sim.urls.autodiscoverPox, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<Autodiscover/>' });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('not implemented by synclab&apos;s Exchange sim: fault effect &quot;server-busy&quot; (rule ad-busy) on Autodiscover');
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'Autodiscover.POX', faultId: 'ad-busy' });
  });

  it('a rule without an operation keeps meaning EWS: it does not fire on token or Autodiscover requests', async () => {
    sim.faults.set([{ id: 'all-ews', match: {}, effect: { kind: 'http-503' } }]);
    expect((await requestToken(tokenRequest)).status).toBe(200);
    expect(sim.faults.firedCount('all-ews')).toBe(0);
    expect(sim.trace.entries().at(-1)?.faultId).toBeUndefined();
    await caught(service(sim).FindItems(WellKnownFolderName.Contacts, new ItemView(1)));
    expect(sim.faults.firedCount('all-ews')).toBe(1);
  });
});

describe('NTLM handshake is traced, not counted as an error', () => {
  it('the Type1→Type2 challenge leg is a handshake note, the authenticated request a normal entry', async () => {
    ConfigurationApi.ConfigureXHR(new XhrApi({ rejectUnauthorized: false }).useNtlmAuthentication('ACME\\svc-sync', SVC.password));
    const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
    svc.Url = new Uri(sim.urls.ews);
    svc.Credentials = new WebCredentials('ACME\\svc-sync', SVC.password);
    svc.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, REP);
    const mark = sim.trace.lastSeq();
    await Folder.Bind(svc, WellKnownFolderName.Contacts);
    const entries = sim.trace.since(mark);
    const challenge = entries.filter((e) => e.status === 401);
    expect(challenge.length).toBeGreaterThanOrEqual(1);
    for (const e of challenge) {
      expect(e.error).toBeUndefined();
      expect(e.note).toMatch(/NTLM handshake/);
    }
    expect(entries.at(-1)).toMatchObject({ operation: 'GetFolder', principal: SVC.user, status: 200 });
    expect(entries.filter((e) => e.error)).toEqual([]);
    expect(traceText()).not.toContain(SVC.password);
  });

  it('a wrong NTLM password is still an Unauthorized error', async () => {
    ConfigurationApi.ConfigureXHR(new XhrApi({ rejectUnauthorized: false }).useNtlmAuthentication('ACME\\svc-sync', 'bad-ntlm-pw'));
    const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
    svc.Url = new Uri(sim.urls.ews);
    svc.Credentials = new WebCredentials('ACME\\svc-sync', 'bad-ntlm-pw');
    const mark = sim.trace.lastSeq();
    await caught(Folder.Bind(svc, WellKnownFolderName.Contacts));
    expect(sim.trace.since(mark).at(-1)).toMatchObject({ status: 401, error: 'Unauthorized' });
    expect(sim.trace.since(mark).at(-1)?.note).toMatch(/NTLMv2 response does not match/);
  });
});
