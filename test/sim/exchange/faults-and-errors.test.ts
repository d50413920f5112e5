import {
  Contact,
  ExchangeVersion,
  Folder,
  FolderId,
  ItemView,
  PropertySet,
  ContactsFolder,
  ChangeType,
  ServiceError,
  WellKnownFolderName,
} from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import type { ScenarioClock } from '../../../src/time/clock.ts';
import { caught, REP, service, startSim, SVC, testWorld } from './fixture.ts';

let sim: ExchangeSim;
let clock: ScenarioClock;
beforeAll(async () => {
  ({ sim, clock } = await startSim(
    testWorld({
      tenant: { domain: 'acme.test', version: 'Exchange2019', maxConcurrency: 1 },
      mailboxes: [
        { address: REP, department: 'Sales' },
        { address: 'old@acme.test', department: 'Sales', version: 'Exchange2010' },
        { address: 'e13@acme.test', department: 'Sales', version: 'Exchange2013_SP1' },
        { address: 'e16@acme.test', department: 'Sales', version: 'Exchange2016' },
        { address: 'online@acme.test', department: 'Sales', version: 'ExchangeOnline' },
        { address: 'fin@acme.test', department: 'Finance' },
      ],
    }),
  ));
});
afterAll(async () => {
  await sim.close();
});

const findContacts = (mailbox = REP, version?: ExchangeVersion) =>
  service(sim, mailbox, version).FindItems(WellKnownFolderName.Contacts, new ItemView(10));

describe('fault schedule (SIM-EX-03) as the client sees it', () => {
  it('server-busy as a SOAP fault carries BackOffMilliseconds', async () => {
    sim.faults.set([{ id: 'busy', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'server-busy', backOffMs: 297749 } }]);
    const error = await caught(findContacts());
    expect(error['ResponseCode']).toBe(ServiceError.ErrorServerBusy);
    expect((error['ErrorDetails'] as { get(k: string): string }).get('BackOffMilliseconds')).toBe('297749');
    expect(sim.trace.entries().at(-1)).toMatchObject({ faultId: 'busy', status: 500, error: 'ErrorServerBusy' });
    await findContacts(); // nth: 1 only
  });

  it('server-busy as a ResponseMessage error', async () => {
    sim.faults.set([{ id: 'busy-rm', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'server-busy', backOffMs: 5000, form: 'response-message' } }]);
    const error = await caught(findContacts());
    expect(error['ErrorCode']).toBe(ServiceError.ErrorServerBusy);
  });

  it('http-503 has a SOAP body and Retry-After', async () => {
    sim.faults.set([{ id: '503', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'http-503', retryAfterSeconds: 12 } }]);
    const error = await caught(findContacts());
    expect(error['HttpStatusCode']).toBe(503);
    sim.faults.set([{ id: '503b', match: { operation: 'GetFolder', nth: 1 }, effect: { kind: 'http-503', retryAfterSeconds: 12 } }]);
    const raw = await sim.fetch(rawRequest(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="contacts"/></m:FolderIds></m:GetFolder>`));
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('12');
    expect(await raw.text()).toContain('<s:Fault>');
  });

  it('connection-count and ews-error answer their ResponseCodes', async () => {
    sim.faults.set([
      { id: 'cc', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'connection-count' } },
      { id: 'quota', match: { operation: 'GetFolder', nth: 1 }, effect: { kind: 'ews-error', responseCode: 'ErrorMailboxStoreUnavailable' } },
    ]);
    expect((await caught(findContacts()))['ResponseCode']).toBe(ServiceError.ErrorExceededConnectionCount);
    expect((await caught(Folder.Bind(service(sim), WellKnownFolderName.Contacts)))['ResponseCode']).toBe(ServiceError.ErrorMailboxStoreUnavailable);
  });

  it('ews-error answers item-level codes as a ResponseMessage, as Exchange does', async () => {
    sim.faults.set([{ id: 'state', match: { operation: 'SyncFolderItems', nth: 1 }, effect: { kind: 'ews-error', responseCode: 'ErrorInvalidSyncStateData' } }]);
    const error = await caught(service(sim).SyncFolderItems(new FolderId(WellKnownFolderName.Contacts), PropertySet.IdOnly, null as never, 10, 0 as never, null as never));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorInvalidSyncStateData);
    expect(error['HttpStatusCode']).toBeUndefined(); // not a SOAP fault
  });

  it('latency advances the scenario clock and still answers', async () => {
    sim.faults.set([{ id: 'slow', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'latency', ms: 90_000 } }]);
    const before = clock.now();
    await findContacts();
    expect(clock.now() - before).toBe(90_000);
  });

  it('connection-reset drops the socket', async () => {
    sim.faults.set([{ id: 'reset', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'connection-reset' } }]);
    const error = await caught(findContacts());
    expect(String(error['message'])).toMatch(/socket hang up|ECONNRESET/);
  });

  it('enforces EWSMaxConcurrency per impersonating account', async () => {
    sim.faults.set([{ id: 'hold', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'latency', ms: 1, wallMs: 800 } }]);
    const start = clock.now();
    const slow = findContacts();
    // Wait (bounded) until the first request is inside its latency: the scenario clock moved.
    for (let i = 0; i < 2000 && clock.now() === start; i++) await new Promise((r) => setTimeout(r, 1));
    expect(clock.now()).toBeGreaterThan(start);
    const second = await caught(Folder.Bind(service(sim), WellKnownFolderName.Contacts));
    expect(second['ResponseCode']).toBe(ServiceError.ErrorExceededConnectionCount);
    await slow;
    sim.faults.clear();
  });
});

describe('server versions (SIM-EX-06, CONN-06)', () => {
  it.each([
    ['e13@acme.test', 15, 0, 847, 'Exchange2013_SP1'],
    ['e16@acme.test', 15, 1, 2507, 'V2017_07_11'],
    [REP, 15, 2, 1118, 'V2017_07_11'],
    ['online@acme.test', 15, 20, 7741, 'V2018_01_08'],
  ])('%s reports ServerVersionInfo %i.%i.%i', async (mailbox, major, minor, build, version) => {
    const svc = service(sim, mailbox);
    await svc.FindItems(WellKnownFolderName.Contacts, new ItemView(1));
    expect(svc.ServerInfo).toMatchObject({ MajorVersion: major, MinorVersion: minor, MajorBuildNumber: build, VersionString: version });
  });

  it('a 2010 mailbox refuses a 2013 request version and reports 14.x to a 2010 request', async () => {
    const error = await caught(findContacts('old@acme.test'));
    expect(error['ResponseCode']).toBe(ServiceError.ErrorInvalidServerVersion);
    const svc = service(sim, 'old@acme.test', ExchangeVersion.Exchange2010);
    await svc.FindItems(WellKnownFolderName.Contacts, new ItemView(1));
    expect(svc.ServerInfo.MajorVersion).toBe(14);
  });
});

describe('protocol errors', () => {
  it('answers a raw & in a text value with ErrorSchemaValidation, not a repair', async () => {
    const c = new Contact(service(sim));
    c.GivenName = 'Fish & Chips';
    const error = await caught(c.Save(WellKnownFolderName.Contacts));
    expect(error['ResponseCode']).toBe(ServiceError.ErrorSchemaValidation);
    expect(sim.store.allItems(REP).some((i) => i.props['GivenName'] === 'Fish & Chips')).toBe(false);
  });

  it('fails closed on operations it does not implement, naming them', async () => {
    const error = await caught(service(sim).GetPasswordExpirationDate('rep1@acme.test'));
    expect(String(error['message'])).toContain("not implemented by synclab's Exchange sim: operation GetPasswordExpirationDate");
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'GetPasswordExpirationDate', error: 'ErrorInvalidOperation', note: expect.stringContaining('GetPasswordExpirationDate') });
  });

  it('copies an item to another folder with a new id, leaving the source', async () => {
    const svc = service(sim);
    const c = new Contact(svc);
    c.GivenName = 'Copy me';
    await c.Save(WellKnownFolderName.Contacts);
    const r = await svc.CopyItems([c.Id], new FolderId(WellKnownFolderName.DeletedItems));
    const copyId = r.Responses[0]!.Item.Id.UniqueId;
    expect(copyId).not.toBe(c.Id.UniqueId);
    expect(sim.actions.item(REP, copyId)).toMatchObject({ folder: 'Deleted Items', props: { GivenName: 'Copy me' } });
    expect(sim.actions.item(REP, c.Id.UniqueId)).toMatchObject({ folder: 'Contacts' });
  });

  it('syncs the folder hierarchy: everything first, then only new folders', async () => {
    const svc = service(sim);
    const first = await svc.SyncFolderHierarchy(new FolderId(WellKnownFolderName.MsgFolderRoot), PropertySet.FirstClassProperties, null as never);
    const names = first.GetEnumerator().map((c) => c.Folder.DisplayName);
    expect(names).toEqual(expect.arrayContaining(['Contacts', 'Calendar', 'Deleted Items']));
    const f = new ContactsFolder(svc);
    f.DisplayName = 'Salesforce_Sync';
    await f.Save(WellKnownFolderName.Contacts);
    const next = await svc.SyncFolderHierarchy(new FolderId(WellKnownFolderName.MsgFolderRoot), PropertySet.FirstClassProperties, first.SyncState);
    expect(next.GetEnumerator().map((c) => [ChangeType[c.ChangeType], c.Folder.DisplayName])).toEqual([['Create', 'Salesforce_Sync']]);
  });

  it('denies impersonating a mailbox outside the management scope (CONN-04)', async () => {
    const error = await caught(findContacts('fin@acme.test'));
    expect(error['ResponseCode']).toBe(ServiceError.ErrorImpersonateUserDenied);
  });

  it('resolves names against the directory', async () => {
    const r = await service(sim).ResolveName('online@');
    expect(r.Count).toBe(1);
    expect(r._getItem(0).Mailbox.Address).toBe('online@acme.test');
  });
});

function rawRequest(operation: string): Request {
  return new Request(sim.urls.ews, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${SVC.user}:${SVC.password}`).toString('base64')}`, 'content-type': 'text/xml' },
    body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${REP}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header><soap:Body>${operation}</soap:Body></soap:Envelope>`,
  });
}

describe('EWS throttling budget (tenant.ewsThrottling)', () => {
  it('refuses the request over budget with the back-off after which the next one fits', async () => {
    const { sim: budgeted, clock: c } = await startSim(testWorld({ tenant: { domain: 'acme.test', ewsThrottling: { maxRequestsPerMinute: 3 } } }));
    try {
      const svc = service(budgeted);
      for (let i = 0; i < 3; i++) {
        await svc.FindItems(WellKnownFolderName.Contacts, new ItemView(1));
        c.advance(10_000);
      }
      const error = await caught(svc.FindItems(WellKnownFolderName.Contacts, new ItemView(1)));
      expect(error['ResponseCode']).toBe(ServiceError.ErrorServerBusy);
      const backOff = Number((error['ErrorDetails'] as { get(k: string): string }).get('BackOffMilliseconds'));
      expect(backOff).toBe(30_000); // the first request (t=0) leaves the 60 s window at t=60 s; now is t=30 s
      c.advance(backOff);
      await svc.FindItems(WellKnownFolderName.Contacts, new ItemView(1));
      expect(budgeted.trace.entries((e) => e.error === 'ErrorServerBusy')).toHaveLength(1);
    } finally {
      await budgeted.close();
    }
  });
});
