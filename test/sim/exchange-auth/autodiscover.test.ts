/**
 * SOAP Autodiscover through the real ews-javascript-api AutodiscoverService, and POX over raw HTTP (the client has
 * no POX path: client-probe §3.7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutodiscoverService, DomainSettingName, ExchangeVersion, Uri, UserSettingName, WebCredentials } from 'ews-javascript-api';
import { readFileSync } from 'node:fs';
import { serveFetchHandler, type RunningServer } from '../../../sim/core/http-server.ts';
import { createAuthenticator } from '../../../sim/exchange/auth/index.ts';
import { handleAutodiscover } from '../../../sim/exchange/autodiscover/index.ts';
import { Directory } from '../../../sim/exchange/directory/index.ts';
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { acmeWorld, SVC_PASSWORD } from './world-fixture.ts';

interface AdServer extends RunningServer {
  svcUrl: string;
  poxUrl: string;
  ewsUrl: string;
}

async function startAutodiscover(world: ExchangeWorld): Promise<AdServer> {
  const clock = new ScenarioClock('2026-03-02T08:00:00Z');
  const directory = new Directory(world, clock);
  const authenticator = createAuthenticator(directory, clock);
  let ewsUrl = '';
  const server = await serveFetchHandler((request) => handleAutodiscover(request, { directory, authenticator, ewsUrl, clock }), {
    onError: (error) => new Response(String(error), { status: 500 }),
  });
  ewsUrl = `${server.origin}/EWS/Exchange.asmx`;
  return Object.assign(server, { svcUrl: `${server.origin}/autodiscover/autodiscover.svc`, poxUrl: `${server.origin}/autodiscover/autodiscover.xml`, ewsUrl });
}

function autodiscover(url: string, user = 'svc-sync@acme.test', password = SVC_PASSWORD): AutodiscoverService {
  const ad = new AutodiscoverService(new Uri(url), ExchangeVersion.Exchange2013_SP1);
  ad.Credentials = new WebCredentials(user, password);
  return ad;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('SOAP Autodiscover GetUserSettings via AutodiscoverService', () => {
  let server: AdServer;
  beforeAll(async () => {
    server = await startAutodiscover(acmeWorld());
  });
  afterAll(() => server.close());

  it('returns the EWS URLs and user settings', async () => {
    const response = await autodiscover(server.svcUrl).GetUserSettings('rep1@acme.test', [
      UserSettingName.ExternalEwsUrl,
      UserSettingName.InternalEwsUrl,
      UserSettingName.UserDisplayName,
      UserSettingName.UserDN,
      UserSettingName.UserDeploymentId,
      UserSettingName.CasVersion,
      UserSettingName.EwsSupportedSchemas,
    ]);
    expect(response.ErrorCode).toBe(0); // NoError
    expect(response.GetSettingValue(UserSettingName.ExternalEwsUrl)).toBe(server.ewsUrl);
    expect(response.GetSettingValue(UserSettingName.InternalEwsUrl)).toBe(server.ewsUrl);
    expect(response.GetSettingValue(UserSettingName.UserDisplayName)).toBe('Rep One');
    expect(response.GetSettingValue(UserSettingName.UserDN)).toMatch(/^\/o=First Organization\/.*\/cn=Recipients\/cn=[0-9a-f]{32}-rep1$/);
    expect(response.GetSettingValue(UserSettingName.UserDeploymentId)).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.GetSettingValue(UserSettingName.CasVersion)).toBe('15.2.1118.7');
    expect(response.GetSettingValue(UserSettingName.EwsSupportedSchemas)).toContain('Exchange2013_SP1');
  });

  it('answers GetDomainSettings for the tenant domain, InvalidDomain for others', async () => {
    const ad = autodiscover(server.svcUrl);
    const response = await ad.GetDomainSettings('acme.test', ExchangeVersion.Exchange2013, DomainSettingName.ExternalEwsUrl, DomainSettingName.ExternalEwsVersion);
    expect(response.ErrorCode).toBe(0);
    expect(response.Settings.get(DomainSettingName.ExternalEwsUrl)).toBe(server.ewsUrl);
    expect(response.Settings.get(DomainSettingName.ExternalEwsVersion)).toBe('15.2.1118.7');
    // ews-javascript-api 0.15.3 cannot read a DomainResponse error (it rejects with `undefined` on the empty
    // DomainSettings element Exchange sends), so the InvalidDomain answer is checked on the wire.
    await expect(ad.GetDomainSettings('other.test', ExchangeVersion.Exchange2013, DomainSettingName.ExternalEwsUrl)).rejects.toBeUndefined();
    const raw = await fetch(server.svcUrl, {
      method: 'POST',
      headers: { authorization: basic('svc-sync@acme.test', SVC_PASSWORD) },
      body:
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetDomainSettingsRequestMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">' +
        '<Request><Domains><Domain>other.test</Domain></Domains><RequestedSettings><Setting>ExternalEwsUrl</Setting></RequestedSettings></Request></GetDomainSettingsRequestMessage></s:Body></s:Envelope>',
    }).then((r) => r.text());
    expect(raw).toContain('<DomainResponse><ErrorCode>InvalidDomain</ErrorCode><ErrorMessage>The domain is not valid.</ErrorMessage>');
  });

  it('answers InvalidUser for an unknown mailbox', async () => {
    const response = await autodiscover(server.svcUrl).GetUserSettings('ghost@acme.test', [UserSettingName.ExternalEwsUrl]);
    expect(response.ErrorCode).toBe(3); // AutodiscoverErrorCode.InvalidUser
    expect(response.ErrorMessage).toBe("Invalid user: 'ghost@acme.test'");
  });

  it('reports settings it does not know as per-setting errors, not made-up values', async () => {
    const response = await autodiscover(server.svcUrl).GetUserSettings('rep1@acme.test', [UserSettingName.ExternalEwsUrl, UserSettingName.ExternalOABUrl]);
    expect(response.GetSettingValue(UserSettingName.ExternalEwsUrl)).toBe(server.ewsUrl);
    expect(response.UserSettingErrors.length).toBe(1);
    expect(response.UserSettingErrors[0]!.SettingName).toBe('ExternalOABUrl');
  });

  it('requires authentication: a wrong password is a 401 (the client rejects with the 401 body as a plain string)', async () => {
    let error: unknown;
    try {
      await autodiscover(server.svcUrl, 'svc-sync@acme.test', 'wrong').GetUserSettings('rep1@acme.test', [UserSettingName.ExternalEwsUrl]);
    } catch (e) {
      error = e;
    }
    expect(typeof error).toBe('string');
    expect(error).toContain('401 - Unauthorized: Access is denied due to invalid credentials.');
    expect(error).toContain('synclab: wrong password for svc-sync@acme.test');
    expect(error).not.toContain(SVC_PASSWORD);
  });

  it('answers the captured client request byte for byte as the capture shape', async () => {
    const captured = readFileSync(new URL('../../fixtures/ews-captures/30-Autodiscover-GetUserSettings.xml', import.meta.url), 'utf8').replace('rep@example.com', 'rep2@acme.test');
    const response = await fetch(server.svcUrl, { method: 'POST', headers: { 'content-type': 'text/xml', authorization: basic('ACME\\svc-sync', SVC_PASSWORD) }, body: captured });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain('<a:Action s:mustUnderstand="1">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse</a:Action>');
    expect(text).toContain(`<UserSetting i:type="StringSetting"><Name>ExternalEwsUrl</Name><Value>${server.ewsUrl}</Value></UserSetting>`);
    expect(text).toContain('<h:Version>Exchange2015</h:Version>');
  });

  it('parses by namespace, not prefix', async () => {
    const body =
      '<x:Envelope xmlns:x="http://schemas.xmlsoap.org/soap/envelope/"><x:Body><GetUserSettingsRequestMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">' +
      '<Request><Users><User><Mailbox>rep1@acme.test</Mailbox></User></Users><RequestedSettings><Setting>UserDisplayName</Setting></RequestedSettings></Request>' +
      '</GetUserSettingsRequestMessage></x:Body></x:Envelope>';
    const response = await fetch(server.svcUrl, { method: 'POST', headers: { authorization: basic('svc-sync@acme.test', SVC_PASSWORD) }, body });
    expect(await response.text()).toContain('<Name>UserDisplayName</Name><Value>Rep One</Value>');
  });

  it('fails closed on other Autodiscover actions and malformed XML', async () => {
    const body =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header><a:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetFederationInformation</a:Action></s:Header>' +
      '<s:Body><GetFederationInformationRequestMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover"/></s:Body></s:Envelope>';
    const response = await fetch(server.svcUrl, { method: 'POST', headers: { authorization: basic('svc-sync@acme.test', SVC_PASSWORD) }, body });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('not implemented by synclab&apos;s Exchange sim: Autodiscover GetFederationInformation');
    const broken = await fetch(server.svcUrl, { method: 'POST', headers: { authorization: basic('svc-sync@acme.test', SVC_PASSWORD) }, body: '<s:Envelope' });
    expect(broken.status).toBe(500);
    expect(await broken.text()).toContain('a:DeserializationFailed');
  });
});

describe('POX Autodiscover', () => {
  let server: AdServer;
  beforeAll(async () => {
    server = await startAutodiscover(acmeWorld());
  });
  afterAll(() => server.close());

  const pox = (email: string, schema = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a') =>
    fetch(server.poxUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', authorization: basic('svc-sync@acme.test', SVC_PASSWORD) },
      body:
        '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request>' +
        `<EMailAddress>${email}</EMailAddress><AcceptableResponseSchema>${schema}</AcceptableResponseSchema></Request></Autodiscover>`,
    }).then((r) => r.text());

  it('returns EXCH and EXPR protocols with the EwsUrl', async () => {
    const xml = await pox('rep1@acme.test');
    expect(xml).toContain('<DisplayName>Rep One</DisplayName>');
    // MS-OXDSCLI ServerVersion of 15.2.1118: 0111 | 001111 | 000010 | 1 | 000010001011110.
    expect(xml).toMatch(/<Protocol><Type>EXCH<\/Type><Server>[0-9a-f-]{36}@acme\.test<\/Server><ServerVersion>73C2845E<\/ServerVersion>/);
    expect(xml).toContain(`<Type>EXPR</Type><Server>exch01.acme.test</Server><SSL>On</SSL><AuthPackage>Basic</AuthPackage><EwsUrl>${server.ewsUrl}</EwsUrl>`);
    expect(xml.match(/<EwsUrl>/g)?.length).toBe(2);
  });

  it('answers ErrorCode 500 for an unknown address and 601 for another schema', async () => {
    expect(await pox('ghost@acme.test')).toMatch(/<ErrorCode>500<\/ErrorCode><Message>The email address can&apos;t be found\.<\/Message>/);
    expect(await pox('rep1@acme.test', 'http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006')).toContain('<ErrorCode>601</ErrorCode>');
  });

  it('requires authentication', async () => {
    const response = await fetch(server.poxUrl, { method: 'POST', body: '<x/>' });
    expect(response.status).toBe(401);
  });
});

describe('hybrid tenants (CONN-07)', () => {
  it('redirects an online mailbox to its routing address, and answers that address as Exchange Online', async () => {
    const server = await startAutodiscover(
      acmeWorld({ tenant: { domain: 'acme.test', hybrid: true }, mailboxes: [{ address: 'onprem@acme.test' }, { address: 'cloud@acme.test', location: 'online', displayName: 'Cloud Rep' }] }),
    );
    try {
      const body = (mailbox: string) =>
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a:GetUserSettingsRequestMessage xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover">' +
        `<a:Request><a:Users><a:User><a:Mailbox>${mailbox}</a:Mailbox></a:User></a:Users><a:RequestedSettings><a:Setting>CasVersion</a:Setting></a:RequestedSettings></a:Request>` +
        '</a:GetUserSettingsRequestMessage></s:Body></s:Envelope>';
      const ask = (mailbox: string) =>
        fetch(server.svcUrl, { method: 'POST', headers: { authorization: basic('svc-sync@acme.test', SVC_PASSWORD) }, body: body(mailbox) }).then((r) => r.text());
      expect(await ask('cloud@acme.test')).toContain('<ErrorCode>RedirectAddress</ErrorCode><ErrorMessage>Redirection address.</ErrorMessage><RedirectTarget>cloud@acme.mail.onmicrosoft.com</RedirectTarget>');
      expect(await ask('cloud@acme.mail.onmicrosoft.com')).toContain('<Name>CasVersion</Name><Value>15.20.7741.18</Value>');
      expect(await ask('onprem@acme.test')).toContain('<Name>CasVersion</Name><Value>15.2.1118.7</Value>');
      const pox = await fetch(server.poxUrl, {
        method: 'POST',
        headers: { authorization: basic('svc-sync@acme.test', SVC_PASSWORD) },
        body:
          '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>cloud@acme.test</EMailAddress>' +
          '<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>',
      }).then((r) => r.text());
      expect(pox).toContain('<Account><Action>redirectAddr</Action><RedirectAddr>cloud@acme.mail.onmicrosoft.com</RedirectAddr></Account>');
      // The real client follows the redirect with its own e-mail-domain discovery, which cannot reach 127.0.0.1:
      // an engine sees this message for a hybrid tenant's online mailbox.
      const ad = autodiscover(server.svcUrl);
      await expect(ad.GetUserSettings('cloud@acme.test', [UserSettingName.ExternalEwsUrl])).rejects.toMatchObject({
        message: "The Autodiscover service couldn't be located.",
      });
    } finally {
      await server.close();
    }
  });
});
