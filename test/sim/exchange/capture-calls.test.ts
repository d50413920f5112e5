/**
 * The captured API calls (client-probe §3.4) not already exercised elsewhere, made with ews-javascript-api against
 * the sim: 03 CalendarFolder.Bind, 06 FindItems on the calendar, 11 CreateItems of three contacts, 17 DeleteItems
 * with a missing id, 18 LoadPropertiesForItems.
 */
import {
  BasePropertySet,
  CalendarFolder,
  Contact,
  ContactSchema,
  DeleteMode,
  EmailAddress,
  EmailAddressKey,
  FolderId,
  ItemId,
  ItemView,
  PropertySet,
  ServiceError,
  ServiceResult,
  WellKnownFolderName,
  Appointment,
} from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { mintItemId } from '../../../sim/exchange/store/ids.ts';
import { REP, service, startSim, testWorld } from './fixture.ts';

let sim: ExchangeSim;
beforeAll(async () => {
  ({ sim } = await startSim(
    testWorld({
      mailboxes: [
        {
          address: REP,
          department: 'Sales',
          salesforceSyncFolder: true,
          calendar: [
            { subject: 'Meeting 1', start: '2026-03-03T14:00:00Z', end: '2026-03-03T15:00:00Z', sensitivity: 'Private' },
            { subject: 'Meeting 2', start: '2026-03-04T14:00:00Z', end: '2026-03-04T15:00:00Z' },
          ],
        },
      ],
    }),
  ));
});
afterAll(async () => {
  await sim.close();
});

describe('captured client calls', () => {
  it('03 CalendarFolder.Bind', async () => {
    const folder = await CalendarFolder.Bind(service(sim), WellKnownFolderName.Calendar);
    expect(folder).toBeInstanceOf(CalendarFolder);
    expect(folder.DisplayName).toBe('Calendar');
    expect(folder.TotalCount).toBe(2);
  });

  it('06 FindItems(Calendar, ItemView(2)) gives typed appointments', async () => {
    const r = await service(sim).FindItems(WellKnownFolderName.Calendar, new ItemView(2));
    expect(r.Items.every((i) => i instanceof Appointment)).toBe(true);
    expect(r.Items.map((i) => i.Subject)).toEqual(['Meeting 1', 'Meeting 2']);
  });

  it('11 CreateItems of three contacts, 18 LoadPropertiesForItems, 17 DeleteItems with a missing id', async () => {
    const svc = service(sim);
    const syncFolder = sim.store.childFolders(sim.store.distinguishedFolder(REP, 'contacts').uid)[0]!;
    expect(syncFolder.displayName).toBe('Salesforce_Sync');
    const folder = new FolderId(syncFolder.folderId);
    const contacts = [1, 2, 3].map((n) => {
      const c = new Contact(svc);
      c.GivenName = `Batch${n}`;
      c.EmailAddresses._setItem(EmailAddressKey.EmailAddress1, new EmailAddress(`b${n}@example.com`));
      return c;
    });
    const created = await svc.CreateItems(contacts, folder, null as never, null as never);
    expect(created.OverallResult).toBe(ServiceResult.Success);
    expect(new Set(contacts.map((c) => c.Id.UniqueId)).size).toBe(3);

    const found = await svc.FindItems(folder, new ItemView(10));
    await svc.LoadPropertiesForItems(found.Items, new PropertySet(BasePropertySet.FirstClassProperties, [ContactSchema.EmailAddresses, ContactSchema.CompanyName]));
    expect(found.Items.map((c) => (c as Contact).EmailAddresses._getItem(EmailAddressKey.EmailAddress1).Address).sort()).toEqual(['b1@example.com', 'b2@example.com', 'b3@example.com']);

    const missing = new ItemId(mintItemId(REP, 'never-existed', 0));
    const deleted = await svc.DeleteItems([contacts[0]!.Id, missing], DeleteMode.SoftDelete, null as never, null as never);
    expect(deleted.OverallResult).toBe(ServiceResult.Error);
    expect(deleted.Responses[0]!.Result).toBe(ServiceResult.Success);
    expect(deleted.Responses[1]!.ErrorCode).toBe(ServiceError.ErrorItemNotFound);
  });
});
