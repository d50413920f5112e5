/**
 * Basic and NTLM through the real ews-javascript-api 0.15.3 (CONN-01, CONN-02, CONN-04, CONN-08).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigurationApi,
  ExchangeService,
  WebCredentials,
  XhrApi,
} from 'ews-javascript-api';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { Directory } from '../../../sim/exchange/directory/index.ts';
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';
import { startAuthTestServer, type AuthTestServer } from './auth-test-server.ts';
import { acmeWorld, SVC_PASSWORD } from './world-fixture.ts';
import { bindContacts, ewsService, rejection } from './ews-client.ts';

const service = (url: string, user: string, password: string, impersonate?: string): ExchangeService =>
  ewsService(url, new WebCredentials(user, password), impersonate);

async function withServer(world: ExchangeWorld, run: (server: AuthTestServer) => Promise<void>): Promise<void> {
  const clock = new ScenarioClock('2026-03-02T08:00:00Z');
  const server = await startAuthTestServer(new Directory(world, clock), clock);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

describe('Basic authentication through ews-javascript-api', () => {
  let server: AuthTestServer;
  beforeAll(async () => {
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    server = await startAuthTestServer(new Directory(acmeWorld(), clock), clock);
  });
  afterAll(() => server.close());

  it('lets the service account in and impersonates a rep in scope (CONN-04)', async () => {
    expect(await bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD, 'rep1@acme.test'))).toBe('Contacts of rep1@acme.test');
    expect(await bindContacts(service(server.ewsUrl, 'ACME\\svc-sync', SVC_PASSWORD, 'rep2@acme.test'))).toBe('Contacts of rep2@acme.test');
  });

  it('answers a wrong password with 401, which the client reports as "401 Unauthorized"', async () => {
    const before = server.log.length;
    const error = await rejection(bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', 'wrong')));
    expect(error.message).toBe('401 Unauthorized');
    expect(error.HttpStatusCode).toBe(401);
    expect(server.log.slice(before)).toEqual([{ method: 'POST', failure: 'wrong password for svc-sync@acme.test', authorization: 'Basic' }]);
  });

  it('gives the client the CONN-04 impersonation errors as SOAP faults', async () => {
    const denied = await rejection(bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD, 'fin@acme.test')));
    expect(denied).toMatchObject({ ResponseCode: 119, HttpStatusCode: 500 }); // ErrorImpersonateUserDenied
    const ghost = await rejection(bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD, 'ghost@acme.test')));
    expect(ghost).toMatchObject({ ResponseCode: 304 }); // ErrorNonExistentMailbox
    const noRole = await rejection(bindContacts(service(server.ewsUrl, 'svc-none@acme.test', 'none-pw', 'rep1@acme.test')));
    expect(noRole).toMatchObject({ ResponseCode: 119 });
  });

  it('sends the challenges Exchange sends on a 401', async () => {
    const response = await fetch(server.ewsUrl, { method: 'POST', body: '<x/>' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Negotiate, NTLM, Basic realm="127.0.0.1"');
    expect(response.headers.get('x-synclab-auth-failure')).toBe('no credentials were sent');
  });
});

describe('per-tenant auth settings', () => {
  it('CONN-08: Basic retired answers 401 even with the right password', async () => {
    await withServer(acmeWorld({ tenant: { domain: 'acme.test', version: 'ExchangeOnline', auth: { basicRetired: true } } }), async (server) => {
      const error = await rejection(bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD)));
      expect(error.message).toBe('401 Unauthorized');
      expect(server.log.at(-1)?.failure).toMatch(/retired for this tenant \(CONN-08\)/);
      const raw = await fetch(server.ewsUrl, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`svc-sync@acme.test:${SVC_PASSWORD}`).toString('base64')}` } });
      expect(raw.status).toBe(401);
      expect(raw.headers.get('www-authenticate')).not.toMatch(/Basic/);
      expect(raw.headers.get('www-authenticate')).toMatch(/^Negotiate, NTLM, Bearer client_id="00000002-0000-0ff1-ce00-000000000000"/);
    });
  });

  it('CONN-02: a server that takes only UPNs refuses DOMAIN\\user and says to use the UPN', async () => {
    await withServer(acmeWorld({ tenant: { domain: 'acme.test', userNameForms: ['upn'] } }), async (server) => {
      const error = await rejection(bindContacts(service(server.ewsUrl, 'ACME\\svc-sync', SVC_PASSWORD)));
      expect(error.message).toBe('401 Unauthorized');
      expect(server.log.at(-1)?.failure).toMatch(/Try the UPN \(user@domain\) form instead: svc-sync@acme\.test/);
      expect(await bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD))).toBe('Contacts of svc-sync@acme.test');
    });
  });

  it('CONN-02: a server that takes only down-level names refuses the UPN and says to use DOMAIN\\user', async () => {
    await withServer(acmeWorld({ tenant: { domain: 'acme.test', userNameForms: ['downlevel'] } }), async (server) => {
      await rejection(bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD)));
      expect(server.log.at(-1)?.failure).toMatch(/Try the down-level \(DOMAIN\\user\) form instead: ACME\\svc-sync/);
      expect(await bindContacts(service(server.ewsUrl, 'ACME\\svc-sync', SVC_PASSWORD))).toBe('Contacts of svc-sync@acme.test');
    });
  });

  it('Basic disabled: the right password is refused and Basic is not offered', async () => {
    await withServer(acmeWorld({ tenant: { domain: 'acme.test', auth: { basic: false } } }), async (server) => {
      await rejection(bindContacts(service(server.ewsUrl, 'svc-sync@acme.test', SVC_PASSWORD)));
      expect(server.log.at(-1)?.failure).toBe('Basic authentication is disabled on this server');
    });
  });
});

describe('NTLM through ews-javascript-api (@ewsjs/xhr NTLM)', () => {
  // ConfigureXHR is global to the process: always put the default back.
  afterEach(() => ConfigurationApi.ConfigureXHR(new XhrApi()));

  const ntlmService = (url: string, user: string, password: string, impersonate?: string) => {
    ConfigurationApi.ConfigureXHR(new XhrApi({ rejectUnauthorized: false }).useNtlmAuthentication(user, password));
    return service(url, user, password, impersonate);
  };

  it('completes the Type1/Type2/Type3 handshake and verifies the NTLMv2 response', async () => {
    await withServer(acmeWorld(), async (server) => {
      expect(await bindContacts(ntlmService(server.ewsUrl, 'ACME\\svc-sync', SVC_PASSWORD, 'rep1@acme.test'))).toBe('Contacts of rep1@acme.test');
      expect(server.log).toEqual([
        { method: 'GET', failure: 'NTLM challenge sent', authorization: 'NTLM' },
        { method: 'POST', principal: 'svc-sync@acme.test', authorization: 'NTLM' },
      ]);
    });
  });

  it('refuses a wrong password with 401', async () => {
    await withServer(acmeWorld(), async (server) => {
      const error = await rejection(bindContacts(ntlmService(server.ewsUrl, 'ACME\\svc-sync', 'wrong-password')));
      expect(error.message).toBe('401 Unauthorized');
      expect(server.log.at(-1)?.failure).toMatch(/^NTLM: the NTLMv2 response does not match the password \(user ACME\\svc-sync\)$/);
    });
  });

  it('refuses NTLM when the tenant disabled it', async () => {
    await withServer(acmeWorld({ tenant: { domain: 'acme.test', auth: { ntlm: false } } }), async (server) => {
      await rejection(bindContacts(ntlmService(server.ewsUrl, 'ACME\\svc-sync', SVC_PASSWORD)));
      expect(server.log[0]?.failure).toBe('NTLM authentication is disabled on this server');
    });
  });
});
