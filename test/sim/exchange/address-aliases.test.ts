/**
 * CON-08 / G-03: the PSETID_Address work-address named properties are the Business physical address on Exchange.
 * ews-javascript-api 0.15.3 cannot send PhysicalAddress edits on UpdateItem, so these aliases are how a client changes
 * an existing contact's address. Everything here goes through the real client over a real socket.
 */
import {
  BasePropertySet, ChangeType, ConflictResolutionMode, Contact, ContactSchema, DefaultExtendedPropertySet,
  ExtendedPropertyDefinition, FolderId, Guid, ItemView, MapiPropertyType, PhysicalAddressEntry, PhysicalAddressKey,
  PropertySet, SearchFilter, ServiceError, SyncFolderItemsScope, WellKnownFolderName, type ExchangeService,
} from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { caught, REP, service, startSim } from './fixture.ts';

const PSETID_ADDRESS = new Guid('00062004-0000-0000-C000-000000000046');
/** The distinguished-set form ews-javascript-api writes as DistinguishedPropertySetId="Address". */
const city = new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Address, 0x8046, MapiPropertyType.String);
/** The GUID form (PropertySetId=…); the same property on Exchange. */
const street = new ExtendedPropertyDefinition(PSETID_ADDRESS, 0x8045, MapiPropertyType.String);
const state = new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Address, 0x8047, MapiPropertyType.String);
const postalCode = new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Address, 0x8048, MapiPropertyType.String);
const country = new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Address, 0x8049, MapiPropertyType.String);

let sim: ExchangeSim;
let svc: ExchangeService;
beforeAll(async () => {
  ({ sim } = await startSim());
  svc = service(sim);
});
afterAll(async () => {
  await sim.close();
});

function extendedValue(item: Contact, definition: ExtendedPropertyDefinition): unknown {
  const found = item.ExtendedProperties.GetEnumerator().find((p) => p.PropertyDefinition.Equals(definition));
  return found?.Value;
}

async function contactWithAddress(givenName: string): Promise<Contact> {
  const c = new Contact(svc);
  c.GivenName = givenName;
  const business = new PhysicalAddressEntry();
  business.Street = '1 Main St';
  business.City = 'Boston';
  c.PhysicalAddresses._setItem(PhysicalAddressKey.Business, business);
  await c.Save(WellKnownFolderName.Contacts);
  return c;
}

describe('PSETID_Address work-address properties alias the Business address (CON-08)', () => {
  it('reads the Business address parts through either set form; unset parts are absent', async () => {
    const c = await contactWithAddress('Read');
    const read = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [city, street, state]));
    expect(extendedValue(read, city)).toBe('Boston');
    expect(extendedValue(read, street)).toBe('1 Main St');
    expect(extendedValue(read, state)).toBeUndefined();
  });

  it('setting one part changes only that part of the Business address, bumps the ChangeKey and is a SyncFolderItems update', async () => {
    const c = await contactWithAddress('Set');
    const folder = new FolderId(WellKnownFolderName.Contacts);
    const baseline = await svc.SyncFolderItems(folder, PropertySet.IdOnly, null as never, 512, SyncFolderItemsScope.NormalItems, null as never);
    const before = sim.store.itemById(REP, c.Id.UniqueId);
    const changeKeyBefore = before.changeKey;

    const edit = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [city]));
    edit.SetExtendedProperty(city, 'Cambridge');
    await edit.Update(ConflictResolutionMode.AlwaysOverwrite);

    const stored = sim.store.itemById(REP, c.Id.UniqueId);
    expect(stored.props['PhysicalAddresses']).toEqual({ Business: { Street: '1 Main St', City: 'Cambridge' } });
    expect(stored.extended).toEqual([]); // one copy only: the alias is not kept beside the address
    expect(stored.changeKey).not.toBe(changeKeyBefore);
    // The ordinary indexed property shows the new value to any other reader.
    const viaIndexed = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [ContactSchema.BusinessAddressCity]));
    expect(viaIndexed.PhysicalAddresses._getItem(PhysicalAddressKey.Business).City).toBe('Cambridge');

    const delta = await svc.SyncFolderItems(folder, PropertySet.IdOnly, null as never, 512, SyncFolderItemsScope.NormalItems, baseline.SyncState);
    const changes = delta.GetEnumerator().map((x) => [ChangeType[x.ChangeType], x.ItemId.UniqueId]);
    expect(changes).toEqual([['Update', c.Id.UniqueId]]);
  });

  it('deleting a part removes it; deleting the last part removes the Business entry', async () => {
    const c = await contactWithAddress('Delete');
    const edit = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [city, street]));
    expect(edit.RemoveExtendedProperty(street)).toBe(true);
    await edit.Update(ConflictResolutionMode.AlwaysOverwrite);
    expect(sim.store.itemById(REP, c.Id.UniqueId).props['PhysicalAddresses']).toEqual({ Business: { City: 'Boston' } });

    const last = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [city]));
    last.RemoveExtendedProperty(city);
    await last.Update(ConflictResolutionMode.AlwaysOverwrite);
    expect(sim.store.itemById(REP, c.Id.UniqueId).props['PhysicalAddresses']).toBeUndefined();
  });

  it('CreateItem with the named properties fills the Business address; values with & and < round-trip', async () => {
    const c = new Contact(svc);
    c.GivenName = 'Create';
    // The client does not XML-escape text values (ews-client-quirks.md), so the caller does.
    c.SetExtendedProperty(street, '5 Fish &amp; Chips &lt;Lane&gt;');
    c.SetExtendedProperty(postalCode, '02139');
    c.SetExtendedProperty(country, 'United States');
    await c.Save(WellKnownFolderName.Contacts);
    const stored = sim.store.itemById(REP, c.Id.UniqueId);
    expect(stored.props['PhysicalAddresses']).toEqual({ Business: { Street: '5 Fish & Chips <Lane>', PostalCode: '02139', CountryOrRegion: 'United States' } });
    expect(stored.extended).toEqual([]);
    const read = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [street, ContactSchema.BusinessAddressStreet]));
    expect(extendedValue(read, street)).toBe('5 Fish & Chips <Lane>');
    expect(read.PhysicalAddresses._getItem(PhysicalAddressKey.Business).Street).toBe('5 Fish & Chips <Lane>');
  });

  it('a FindItem restriction on the named property compares the Business address', async () => {
    await contactWithAddress('Restrict');
    const found = await svc.FindItems(WellKnownFolderName.Contacts, new SearchFilter.IsEqualTo(city, 'Boston'), new ItemView(50));
    const names = found.Items.map((i) => (i as Contact).GivenName);
    expect(names).toContain('Restrict');
    expect(names).not.toContain('Set'); // moved to Cambridge above
  });

  it('the wrong PropertyType is refused with ErrorInvalidExtendedProperty naming the property, on read and on write', async () => {
    const c = await contactWithAddress('WrongType');
    const asInteger = new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Address, 0x8046, MapiPropertyType.Integer);
    const readError = await caught(Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [asInteger])));
    expect(readError['ErrorCode']).toBe(ServiceError.ErrorInvalidExtendedProperty);
    const edit = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [city]));
    edit.SetExtendedProperty(asInteger, 42);
    const error = await caught(edit.Update(ConflictResolutionMode.AlwaysOverwrite));
    expect(error['ErrorCode']).toBe(ServiceError.ErrorInvalidExtendedProperty);
    expect(String(error['message'])).toContain('PidLidWorkAddressCity');
    expect(sim.store.itemById(REP, c.Id.UniqueId).props['PhysicalAddresses']).toEqual({ Business: { Street: '1 Main St', City: 'Boston' } });
  });
});

describe('a rep editing one address part in Outlook keeps the others (rep action)', () => {
  it('updateContact with businessAddress { city } changes the city only, as the client then reads it', async () => {
    const c = await contactWithAddress('RepEdit');
    sim.actions.updateContact(REP, c.Id.UniqueId, { businessAddress: { city: 'Salem' } });
    const read = await Contact.Bind(svc, c.Id, new PropertySet(BasePropertySet.IdOnly, [ContactSchema.BusinessAddressStreet, ContactSchema.BusinessAddressCity]));
    const business = read.PhysicalAddresses._getItem(PhysicalAddressKey.Business);
    expect(business.City).toBe('Salem');
    expect(business.Street).toBe('1 Main St');
  });
});
