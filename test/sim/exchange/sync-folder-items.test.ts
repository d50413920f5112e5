import {
  ChangeType,
  Contact,
  ConflictResolutionMode,
  DeleteMode,
  FolderId,
  ItemId,
  PropertySet,
  ServiceError,
  SyncFolderItemsScope,
  WellKnownFolderName,
  type ExchangeService,
} from 'ews-javascript-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { caught, REP, service, startSim, testWorld } from './fixture.ts';

let sim: ExchangeSim;
let svc: ExchangeService;
beforeEach(async () => {
  ({ sim } = await startSim(
    testWorld({
      mailboxes: [
        {
          address: REP,
          department: 'Sales',
          salesforceSyncFolder: true,
          contacts: [
            { ref: 'ann', givenName: 'Ann', surname: 'Lee', email1: 'ann@example.com' },
            { ref: 'bob', givenName: 'Bob', surname: 'Ng' },
            { ref: 'cat', givenName: 'Cat', surname: 'Ito' },
          ],
        },
      ],
    }),
  ));
  svc = service(sim);
});
afterEach(async () => {
  await sim.close();
});

const contactsFolder = (): FolderId => new FolderId(WellKnownFolderName.Contacts);
async function sfSyncFolder(): Promise<FolderId> {
  const item = sim.actions.item(REP, 'ann')!;
  const c = await Contact.Bind(svc, new ItemId(item.itemId));
  return c.ParentFolderId;
}

async function sync(folder: FolderId, state: string | null, max = 512) {
  return svc.SyncFolderItems(folder, PropertySet.FirstClassProperties, null as never, max, SyncFolderItemsScope.NormalItems, state as never);
}

describe('SyncFolderItems (SIM-EX-01)', () => {
  it('returns everything as Create on the first call, then only what changed', async () => {
    const folder = await sfSyncFolder();
    const first = await sync(folder, null);
    expect(first.Count).toBe(3);
    expect(first.GetEnumerator().every((c) => c.ChangeType === ChangeType.Create)).toBe(true);
    expect(first.MoreChangesAvailable).toBe(false);

    const empty = await sync(folder, first.SyncState);
    expect(empty.Count).toBe(0);

    const ann = await Contact.Bind(svc, first.GetEnumerator()[0]!.ItemId);
    ann.JobTitle = 'CFO';
    await ann.Update(ConflictResolutionMode.AutoResolve);
    const bob = await Contact.Bind(svc, first.GetEnumerator()[1]!.ItemId);
    await bob.Delete(DeleteMode.HardDelete);
    const created = new Contact(svc);
    created.GivenName = 'Dan';
    await created.Save(folder);
    const temp = new Contact(svc);
    temp.GivenName = 'Temp';
    await temp.Save(folder);
    await temp.Delete(DeleteMode.HardDelete); // created and deleted since the state: not reported

    const delta = await sync(folder, first.SyncState);
    const summary = delta.GetEnumerator().map((c) => [ChangeType[c.ChangeType], c.ChangeType === ChangeType.Delete ? c.ItemId.UniqueId : (c.Item as Contact).GivenName]);
    expect(summary).toEqual([
      ['Update', 'Ann'],
      ['Delete', first.GetEnumerator()[1]!.ItemId.UniqueId],
      ['Create', 'Dan'],
    ]);
    expect((delta.GetEnumerator()[0]!.Item as Contact).JobTitle).toBe('CFO');
  });

  it('pages by MaxChangesReturned without losing or repeating changes', async () => {
    const folder = await sfSyncFolder();
    const seen: string[] = [];
    let state: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await sync(folder, state, 1);
      seen.push(...page.GetEnumerator().map((c) => (c.Item as Contact).GivenName));
      state = page.SyncState;
      if (!page.MoreChangesAvailable) break;
    }
    expect(seen).toEqual(['Ann', 'Bob', 'Cat']);
    expect((await sync(folder, state)).Count).toBe(0);
  });

  it('refuses a tampered SyncState with ErrorInvalidSyncStateData', async () => {
    const folder = await sfSyncFolder();
    const first = await sync(folder, null);
    const tampered = first.SyncState.slice(0, -4) + (first.SyncState.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const error = await caught(sync(folder, tampered));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorInvalidSyncStateData);
    const otherFolder = await caught(sync(contactsFolder(), first.SyncState));
    expect(otherFolder['ErrorCode']).toBe(ServiceError.ErrorInvalidSyncStateData);
  });

  it('leaves out the items in the Ignore list', async () => {
    const folder = await sfSyncFolder();
    const first = await sync(folder, null);
    sim.actions.updateContact(REP, 'ann', { jobTitle: 'A' });
    sim.actions.updateContact(REP, 'bob', { jobTitle: 'B' });
    const ann = new ItemId(sim.actions.item(REP, 'ann')!.itemId);
    const delta = await svc.SyncFolderItems(folder, PropertySet.FirstClassProperties, [ann], 512, SyncFolderItemsScope.NormalItems, first.SyncState);
    expect(delta.GetEnumerator().map((c) => (c.Item as Contact).GivenName)).toEqual(['Bob']);
  });

  it('validates MaxChangesReturned 1–512', async () => {
    const folder = await sfSyncFolder();
    const error = await caught(sync(folder, null, 513));
    expect(String(error['message'])).toMatch(/MaxChangesReturned/);
  });

  it('shows rep actions like client changes, and keeps states valid across snapshot/restore', async () => {
    const folder = await sfSyncFolder();
    const first = await sync(folder, null);
    const snapshot = JSON.parse(JSON.stringify(sim.snapshot()));
    sim.actions.updateContact(REP, 'cat', { jobTitle: 'VP' });
    sim.actions.createContact(REP, { ref: 'eve', givenName: 'Eve' });
    const delta = await sync(folder, first.SyncState);
    expect(delta.GetEnumerator().map((c) => [ChangeType[c.ChangeType], (c.Item as Contact).GivenName])).toEqual([
      ['Update', 'Cat'],
      ['Create', 'Eve'],
    ]);
    const directoryBefore = sim.directory;
    sim.restore(snapshot);
    expect(sim.directory).not.toBe(directoryBefore); // the live directory, not a stale copy
    const again = await sync(folder, first.SyncState);
    expect(again.Count).toBe(0);
    sim.reset();
    const afterReset = await caught(sync(folder, first.SyncState));
    expect(afterReset['ErrorCode']).toBe(ServiceError.ErrorInvalidSyncStateData);
  });

  it('keeps SyncStates valid in a NEW sim restored from a snapshot (restart)', async () => {
    const folder = await sfSyncFolder();
    const first = await sync(folder, null);
    const snapshot = JSON.parse(JSON.stringify(sim.snapshot()));
    const { sim: restarted } = await startSim(testWorld(), 99);
    try {
      restarted.restore(snapshot);
      restarted.actions.updateContact(REP, 'bob', { jobTitle: 'CTO' });
      const other = service(restarted);
      const delta = await other.SyncFolderItems(folder, PropertySet.FirstClassProperties, null as never, 512, SyncFolderItemsScope.NormalItems, first.SyncState);
      expect(delta.GetEnumerator().map((c) => [ChangeType[c.ChangeType], (c.Item as Contact).JobTitle])).toEqual([['Update', 'CTO']]);
    } finally {
      await restarted.close();
    }
  });

  it('reports a moved-away item as Delete in the source folder', async () => {
    const folder = await sfSyncFolder();
    const first = await sync(folder, null);
    sim.actions.moveItem(REP, 'ann', 'contacts');
    const delta = await sync(folder, first.SyncState);
    expect(delta.GetEnumerator().map((c) => ChangeType[c.ChangeType])).toEqual(['Delete']);
    expect(delta.GetEnumerator()[0]!.ItemId.UniqueId).toBe(first.GetEnumerator()[0]!.ItemId.UniqueId);
    const inContacts = await sync(contactsFolder(), null);
    expect(inContacts.GetEnumerator().map((c) => (c.Item as Contact).GivenName)).toEqual(['Ann']);
  });
});
