/**
 * Issue #4 — CON-08 Mailing address ↔ Business address on EXISTING contacts, G-03 no silent loss, G-02 quiet second
 * cycle. ews-javascript-api 0.15.3 drops PhysicalAddress edits on UpdateItem, so the engine writes the Business parts
 * through the PSETID_Address named properties; these tests go through both real clients and both sims.
 */
import { BasePropertySet, Contact, ContactSchema, ItemId, PropertySet } from 'ews-javascript-api';
import { afterEach, describe, expect, it } from 'vitest';
import { contactUpdateDefinitions, FieldNotSentError, writeContactUpdate } from '../../../src/sync/exchange/contact-update.ts';
import { createMailboxService } from '../../../src/sync/exchange/ews-service.ts';
import { EXTENDED } from '../../../src/sync/exchange/extended-properties.ts';
import { closeChannel, openChannel } from '../../../src/sync/exchange/xhr-dispatcher.ts';
import { SERVICE_ACCOUNT, startHarness, writesSince, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ann = { ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' };
const MAILBOX = 'ann@acme.test';

async function paired(): Promise<{ h: Harness; engine: ReturnType<Harness['engine']>; sfId: string }> {
  const harness = await startHarness({
    mailboxes: [{ address: MAILBOX, department: 'Sales' }],
    org: {
      users: [ann],
      contacts: [{
        ref: 'c1', owner: 'ann', firstName: 'Mia', lastName: 'Street', email: 'mia@x.test', title: 'Buyer',
        mailingStreet: '1 Old Road', mailingCity: 'Boston', mailingState: 'MA', mailingPostalCode: '02110',
      }],
      configs: [{ name: 'Sales', users: ['ann'] }],
    },
  });
  const engine = harness.engine();
  const first = await engine.runCycle();
  expect(first.errors).toEqual([]);
  const [sf] = harness.sf.actions.find('prod', 'Contact', (r) => r.Email === 'mia@x.test');
  return { h: harness, engine, sfId: String(sf!.Id) };
}

function exContact(harness: Harness) {
  const items = harness.ex.actions.itemsIn(MAILBOX, 'Salesforce_Sync');
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('CON-08 / G-03: mailing address changes on existing contacts are not lost', () => {
  it('SF MailingStreet + MailingCity → the EX Business address, as one UpdateItem; the next cycle writes nothing (G-02)', async () => {
    const run = await paired();
    h = run.h;
    // CREATE carries the address as PhysicalAddresses.
    expect(exContact(h).props.PhysicalAddresses).toEqual({ Business: { Street: '1 Old Road', City: 'Boston', State: 'MA', PostalCode: '02110' } });

    h.clock.advance(60_000);
    // Only address fields change: the case where the client alone would send an empty <t:Updates/>.
    h.sf.actions.updateRecord('prod', 'ann', run.sfId, { MailingStreet: '9 New & <Wide> Street', MailingCity: 'Cambridge' });
    const seq = h.ex.trace.lastSeq();
    h.clock.advance(60_000);
    const second = await run.engine.runCycle();
    expect(second.errors).toEqual([]);
    expect(writesSince(h.ex, seq).map((e) => e.operation)).toEqual(['UpdateItem']);
    expect(exContact(h).props.PhysicalAddresses).toEqual({ Business: { Street: '9 New & <Wide> Street', City: 'Cambridge', State: 'MA', PostalCode: '02110' } });

    h.clock.advance(15 * 60_000);
    const exSeq = h.ex.trace.lastSeq();
    const sfSeq = h.sf.trace.lastSeq();
    const third = await run.engine.runCycle();
    expect(third.written).toEqual({ salesforce: 0, exchange: 0 });
    expect(writesSince(h.ex, exSeq)).toEqual([]);
    expect(writesSince(h.sf, sfSeq)).toEqual([]);
  });

  it('an address edit together with another field: both arrive (the client alone would drop the address silently)', async () => {
    const run = await paired();
    h = run.h;
    h.clock.advance(60_000);
    h.sf.actions.updateRecord('prod', 'ann', run.sfId, { Title: 'Head Buyer', MailingCity: 'Somerville', MailingPostalCode: null });
    h.clock.advance(60_000);
    expect((await run.engine.runCycle()).errors).toEqual([]);
    const item = exContact(h);
    expect(item.props.JobTitle).toBe('Head Buyer');
    // A cleared SF part deletes the EX part; the untouched ones stay.
    expect(item.props.PhysicalAddresses).toEqual({ Business: { Street: '1 Old Road', City: 'Somerville', State: 'MA' } });
  });

  it('EX Business city edit (the rep in Outlook) → SF MailingCity; the next cycle writes nothing', async () => {
    const run = await paired();
    h = run.h;
    h.clock.advance(60_000);
    h.ex.actions.updateContact(MAILBOX, exContact(h).uid, { businessAddress: { street: '1 Old Road', city: 'Salem', state: 'MA', postalCode: '02110' } });
    h.clock.advance(60_000);
    expect((await run.engine.runCycle()).errors).toEqual([]);
    const [sf] = h.sf.actions.find('prod', 'Contact', (r) => r.Id === run.sfId);
    expect(sf).toMatchObject({ MailingCity: 'Salem', MailingStreet: '1 Old Road', MailingState: 'MA', MailingPostalCode: '02110' });

    h.clock.advance(15 * 60_000);
    const quiet = await run.engine.runCycle();
    expect(quiet.written).toEqual({ salesforce: 0, exchange: 0 });
  });

  it('a field the client would not send fails the item with ErrorFieldNotSent naming it, instead of a quiet no-op', async () => {
    const run = await paired();
    h = run.h;
    // The engine's own service builder: the process-wide XHR only serves registered channels.
    const channelId = openChannel({ timeoutMs: 10_000 });
    const svc = createMailboxService(h.ex.urls.ews, MAILBOX, { auth: { method: 'service-account', ...SERVICE_ACCOUNT }, channelId });
    const id = new ItemId(exContact(h).itemId);

    // Bound the way the engine binds for an update: the change is tracked, nothing is thrown.
    const good = await Contact.Bind(svc, id, new PropertySet(BasePropertySet.IdOnly, contactUpdateDefinitions(['BusinessCity', 'JobTitle'])));
    expect(() => writeContactUpdate(good, { BusinessCity: 'Lowell', JobTitle: 'Buyer' })).not.toThrow();

    // Bound without the named property (only the indexed city and another extended property): clearing the city
    // cannot be expressed, and writing nothing would lose the change.
    const bare = await Contact.Bind(svc, id, new PropertySet(BasePropertySet.IdOnly, [ContactSchema.BusinessAddressCity, EXTENDED.salesforceRecordId]));
    let thrown: unknown;
    try {
      writeContactUpdate(bare, { BusinessCity: null });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FieldNotSentError);
    expect((thrown as FieldNotSentError).code).toBe('ErrorFieldNotSent');
    expect((thrown as FieldNotSentError).message).toContain('BusinessCity');
    // Clearing a part that is already empty is not a loss.
    expect(() => writeContactUpdate(bare, { BusinessCountryOrRegion: null })).not.toThrow();
    closeChannel(channelId);
  });
});
