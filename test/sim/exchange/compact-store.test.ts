/**
 * The store keeps items small for rehearsals of 1.5 M items (issue #6): one shared copy of each extended property
 * name, props held as their own compact JSON copy. Through the real client, over a real socket.
 */
import { BasePropertySet, ConflictResolutionMode, Contact, ExtendedPropertyDefinition, Guid, MapiPropertyType, PropertySet, WellKnownFolderName, type ExchangeService } from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { startExchangeSim, type ExchangeSim } from '../../../sim/exchange/index.ts';
import { REP, service, startSim, T0, testWorld } from './fixture.ts';

const STAMP = new ExtendedPropertyDefinition(new Guid('8c1a6c5e-5f2b-4d0e-9a55-53796e636c61'), 'SalesforceRecordId', MapiPropertyType.String);

let sim: ExchangeSim;
let svc: ExchangeService;
beforeAll(async () => {
  ({ sim } = await startSim());
  svc = service(sim);
});
afterAll(async () => {
  await sim.close();
});

async function stamped(name: string, value: string): Promise<Contact> {
  const c = new Contact(svc);
  c.GivenName = name;
  c.SetExtendedProperty(STAMP, value);
  await c.Save(WellKnownFolderName.Contacts);
  return c;
}

describe('compact item storage', () => {
  it('items with the same extended property share one frozen name, and keep their own values', async () => {
    await stamped('Ann', '003000000000001AAA');
    const b = await stamped('Bob', '003000000000002AAA');
    const [ann, bob] = ['Ann', 'Bob'].map((n) => sim.store.allItems(REP).find((i) => i.props['GivenName'] === n)!);
    expect(ann!.extended[0]!.uri).toBe(bob!.extended[0]!.uri);
    expect(Object.isFrozen(ann!.extended[0]!.uri)).toBe(true);
    expect([ann!.extended[0]!.value, bob!.extended[0]!.value]).toEqual(['003000000000001AAA', '003000000000002AAA']);

    // An update that rewrites the extended list (UpdateItem clones it) still ends on the shared name.
    b.SetExtendedProperty(STAMP, '003000000000003AAA');
    await b.Update(ConflictResolutionMode.AutoResolve);
    const bobAfter = sim.store.allItems(REP).find((i) => i.props['GivenName'] === 'Bob')!;
    expect(bobAfter.extended[0]!.uri).toBe(ann!.extended[0]!.uri);
    const read = await Contact.Bind(svc, b.Id, new PropertySet(BasePropertySet.IdOnly, [STAMP]));
    expect(read.ExtendedProperties.GetEnumerator()[0]?.Value).toBe('003000000000003AAA');
  });

  it('stored props are the store\'s own copy: changing what the caller passed does not change the item', () => {
    const folder = sim.store.distinguishedFolder(REP, 'contacts');
    const props: Record<string, unknown> = { GivenName: 'Cy', EmailAddresses: { EmailAddress1: 'cy@example.test' } };
    const item = sim.store.createItem({ mailbox: REP, folderUid: folder.uid, kind: 'Contact', props });
    (props.EmailAddresses as Record<string, string>).EmailAddress1 = 'changed@example.test';
    expect(sim.store.itemByUid(item.uid)!.props['EmailAddresses']).toEqual({ EmailAddress1: 'cy@example.test' });
  });

  it('a sim started with resettable: false says why it cannot reset', async () => {
    const other = await startExchangeSim({ clock: new ScenarioClock(T0), world: testWorld(), resettable: false });
    try {
      expect(() => other.reset()).toThrow(/resettable: false/);
    } finally {
      await other.close();
    }
  });
});
