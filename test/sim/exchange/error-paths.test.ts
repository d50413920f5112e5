import { ConflictResolutionMode, Contact, DeleteMode, Folder, FolderId, Item, ItemId, ServiceError, WellKnownFolderName } from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { caught, REP, service, startSim } from './fixture.ts';

let sim: ExchangeSim;
beforeAll(async () => {
  ({ sim } = await startSim());
});
afterAll(async () => {
  await sim.close();
});

describe('error paths as the client sees them', () => {
  it('an unknown FolderId is ErrorFolderNotFound', async () => {
    const error = await caught(Folder.Bind(service(sim), new FolderId('AAMkAbm9zdWNo')));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorFolderNotFound);
  });

  it('a garbage ItemId is ErrorInvalidIdMalformed', async () => {
    const error = await caught(Item.Bind(service(sim), new ItemId('not-an-ews-id')));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorInvalidIdMalformed);
  });

  it("another mailbox's item is not found through this mailbox", async () => {
    const c = new Contact(service(sim, 'rep2@acme.test'));
    c.GivenName = 'Private to rep2';
    await c.Save(WellKnownFolderName.Contacts);
    const error = await caught(Item.Bind(service(sim, REP), c.Id));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorItemNotFound);
  });

  it('updating a deleted item is ErrorItemNotFound', async () => {
    const svc = service(sim);
    const c = new Contact(svc);
    c.GivenName = 'Gone soon';
    await c.Save(WellKnownFolderName.Contacts);
    const held = await Contact.Bind(svc, c.Id);
    await c.Delete(DeleteMode.HardDelete);
    held.JobTitle = 'x';
    const error = await caught(held.Update(ConflictResolutionMode.AlwaysOverwrite));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorItemNotFound);
  });

  it('moving to a missing folder fails per item', async () => {
    const svc = service(sim);
    const c = new Contact(svc);
    c.GivenName = 'Stay';
    await c.Save(WellKnownFolderName.Contacts);
    const r = await svc.MoveItems([c.Id], new FolderId('AAMkAbm9uZQ=='));
    expect(r.Responses[0]!.ErrorCode).toBe(ServiceError.ErrorFolderNotFound);
    expect(sim.actions.item(REP, c.Id.UniqueId)?.folder).toBe('Contacts');
  });

  it('ResolveNames with no match answers ErrorNameResolutionNoResults, which the client turns into an empty result', async () => {
    const r = await service(sim).ResolveName('zzz-nobody');
    expect(r.Count).toBe(0);
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'ResolveNames', error: 'ErrorNameResolutionNoResults' });
  });

  it('setting a computed property is ErrorInvalidPropertySet', async () => {
    const body = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${REP}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header><soap:Body><m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>x</t:Subject><t:IsRecurring>true</t:IsRecurring></t:CalendarItem></m:Items></m:CreateItem></soap:Body></soap:Envelope>`;
    const res = await sim.fetch(new Request(sim.urls.ews, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('svc-sync@acme.test:Svc&<pass>1').toString('base64')}` }, body }));
    const text = await res.text();
    expect(text).toContain('<m:ResponseCode>ErrorInvalidPropertySet</m:ResponseCode>');
    expect(text).toContain('calendar:IsRecurring');
  });
});
