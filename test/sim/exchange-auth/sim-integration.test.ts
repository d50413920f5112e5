/**
 * EX-AUTH's pieces inside the whole Exchange sim (EX-OPS's startExchangeSim), through the real ews-javascript-api:
 * Basic, NTLM and OAuth reach EWS and Autodiscover on one server; impersonation errors reach the client; the trace
 * names principals and never carries a credential; a snapshot keeps tokens and admin changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  AutodiscoverService,
  ConfigurationApi,
  ExchangeService,
  ExchangeVersion,
  OAuthCredentials,
  Uri,
  UserSettingName,
  WebCredentials,
  XhrApi,
  type ExchangeCredentials,
} from 'ews-javascript-api';
import { startExchangeSim, type ExchangeSim } from '../../../sim/exchange/index.ts';
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { acmeWorld, SVC_PASSWORD } from './world-fixture.ts';
import { bindContacts, ewsService, rejection } from './ews-client.ts';

const service = (sim: ExchangeSim, credentials: ExchangeCredentials, impersonate?: string): ExchangeService =>
  ewsService(sim.urls.ews, credentials, impersonate);

const sims: ExchangeSim[] = [];
afterEach(async () => {
  ConfigurationApi.ConfigureXHR(new XhrApi());
  for (const sim of sims.splice(0)) await sim.close();
});

async function start(world: ExchangeWorld = acmeWorld()): Promise<ExchangeSim> {
  const sim = await startExchangeSim({ clock: new ScenarioClock('2026-03-02T08:00:00Z'), seed: 11, world });
  sims.push(sim);
  return sim;
}

async function token(sim: ExchangeSim): Promise<string> {
  const response = await fetch(sim.urls.tokenFor('acme.test'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app-1', client_secret: 'secret-1', scope: 'https://outlook.office365.com/.default' }),
  });
  expect(response.status).toBe(200);
  return String(((await response.json()) as { access_token: string }).access_token);
}

describe('auth inside startExchangeSim', () => {
  it('Basic: the service account impersonates a rep in scope; the trace names principal and mailbox only', async () => {
    const sim = await start();
    expect(await bindContacts(service(sim, new WebCredentials('ACME\\svc-sync', SVC_PASSWORD), 'rep1@acme.test'))).toBe('Contacts');
    const entry = sim.trace.entries().at(-1)!;
    expect(entry).toMatchObject({ operation: 'GetFolder', principal: 'svc-sync@acme.test', target: 'rep1@acme.test', status: 200 });
    const wrong = await rejection(bindContacts(service(sim, new WebCredentials('svc-sync@acme.test', 'wrong'), 'rep1@acme.test')));
    expect(wrong.message).toBe('401 Unauthorized');
    expect(sim.trace.entries().at(-1)).toMatchObject({ status: 401, note: 'wrong password for svc-sync@acme.test' });
    expect(JSON.stringify(sim.trace.entries())).not.toContain(SVC_PASSWORD);
  });

  it('CONN-04: out of scope, unknown and no-role answers reach the client as SOAP faults', async () => {
    const sim = await start();
    const svc = (who: string) => service(sim, new WebCredentials('svc-sync@acme.test', SVC_PASSWORD), who);
    expect(await rejection(bindContacts(svc('fin@acme.test')))).toMatchObject({ ResponseCode: 119 });
    expect(await rejection(bindContacts(svc('ghost@acme.test')))).toMatchObject({ ResponseCode: 304 });
    expect(sim.trace.entries().at(-1)).toMatchObject({ error: 'ErrorNonExistentMailbox' });
  });

  it('CONN-04: an admin moving a rep out of Sales takes effect on the next request', async () => {
    const sim = await start();
    const svc = service(sim, new WebCredentials('svc-sync@acme.test', SVC_PASSWORD), 'rep2@acme.test');
    expect(await bindContacts(svc)).toBe('Contacts');
    sim.directory.updateMailbox('rep2@acme.test', { department: 'Finance' });
    expect(await rejection(bindContacts(svc))).toMatchObject({ ResponseCode: 119 });
  });

  it('NTLM: handshake and a wrong password through the sim', async () => {
    const sim = await start();
    ConfigurationApi.ConfigureXHR(new XhrApi({ rejectUnauthorized: false }).useNtlmAuthentication('ACME\\svc-sync', SVC_PASSWORD));
    expect(await bindContacts(service(sim, new WebCredentials('ACME\\svc-sync', SVC_PASSWORD), 'rep1@acme.test'))).toBe('Contacts');
    ConfigurationApi.ConfigureXHR(new XhrApi({ rejectUnauthorized: false }).useNtlmAuthentication('ACME\\svc-sync', 'nope'));
    expect((await rejection(bindContacts(service(sim, new WebCredentials('ACME\\svc-sync', 'nope'), 'rep1@acme.test')))).message).toBe('401 Unauthorized');
  });

  it('OAuth: token from the sim endpoint works, expires on the scenario clock, and survives snapshot/restore', async () => {
    const world = acmeWorld({ tenant: { domain: 'acme.test', version: 'ExchangeOnline', auth: { basicRetired: true } } });
    const sim = await start(world);
    const bearer = await token(sim);
    expect(await bindContacts(service(sim, new OAuthCredentials(bearer), 'fin@acme.test'))).toBe('Contacts');
    expect(sim.trace.entries().at(-1)).toMatchObject({ principal: 'app:app-1', target: 'fin@acme.test' });
    // CONN-08: Basic is retired on this tenant.
    expect((await rejection(bindContacts(service(sim, new WebCredentials('svc-sync@acme.test', SVC_PASSWORD), 'rep1@acme.test')))).message).toBe('401 Unauthorized');

    const snapshot = JSON.parse(JSON.stringify(sim.snapshot()));
    sim.restore(snapshot);
    expect(await bindContacts(service(sim, new OAuthCredentials(bearer), 'rep1@acme.test'))).toBe('Contacts');

    (sim.clock as ScenarioClock).advance(3_600_000);
    const expired = await rejection(bindContacts(service(sim, new OAuthCredentials(bearer), 'rep1@acme.test')));
    expect(expired).toMatchObject({ HttpStatusCode: 401, message: '2000003;reason="The token has expired.";error_category="invalid_token"' });
    expect(JSON.stringify(sim.trace.entries())).not.toContain(bearer.split('.')[2]!);
  });

  it('Autodiscover on the sim hands out the sim\'s own EWS URL', async () => {
    const sim = await start();
    const ad = new AutodiscoverService(new Uri(sim.urls.autodiscover), ExchangeVersion.Exchange2013_SP1);
    ad.Credentials = new WebCredentials('svc-sync@acme.test', SVC_PASSWORD);
    const settings = await ad.GetUserSettings('rep1@acme.test', [UserSettingName.ExternalEwsUrl, UserSettingName.UserDisplayName]);
    expect(settings.GetSettingValue(UserSettingName.ExternalEwsUrl)).toBe(sim.urls.ews);
    expect(settings.GetSettingValue(UserSettingName.UserDisplayName)).toBe('Rep One');
  });
});
