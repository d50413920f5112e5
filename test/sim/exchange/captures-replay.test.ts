import { fileURLToPath } from 'node:url';
/**
 * Replays every request ews-javascript-api 0.15.3 was captured sending (test/fixtures/ews-captures/NN-*.xml, copied from the shared reference)
 * against the sim, byte for byte except for ids the sim minted itself, and checks each answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeSim, type ExchangeSim } from '../../../sim/exchange/index.ts';
import { mintItemId } from '../../../sim/exchange/store/ids.ts';
import { children, NS, parseXml, child, type XmlElement } from '../../../sim/exchange/soap/xml.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';

const DIR = fileURLToPath(new URL('../../fixtures/ews-captures', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => /^\d\d-.*\.xml$/.test(f)).sort();
// The captures authenticated as svc-sync@example.com with password p@ss (a throw-away probe credential).
const AUTH = `Basic ${Buffer.from('svc-sync@example.com:p@ss').toString('base64')}`;

let sim: ExchangeSim;
const ids = new Map<string, string>();

beforeAll(async () => {
  sim = await startExchangeSim({
    clock: new ScenarioClock('2024-06-01T08:00:00Z'),
    seed: 3,
    world: {
      tenant: { domain: 'example.com', version: 'Exchange2016' },
      serviceAccounts: [{ username: 'svc-sync@example.com', password: 'p@ss', impersonation: {} }],
      mailboxes: [
        {
          address: 'rep@example.com',
          displayName: 'Rep',
          calendar: [
            { ref: 'appt1', subject: 'Meeting 1', start: '2024-06-01T14:00:00Z', end: '2024-06-01T15:00:00Z', sensitivity: 'Private' },
            { ref: 'appt2', subject: 'Meeting 2', start: '2024-06-02T14:00:00Z', end: '2024-06-02T15:00:00Z', recurrence: { pattern: 'daily', count: 3 } },
          ],
        },
      ],
    },
  });
  ids.set('AAMkAppt1', sim.actions.item('rep@example.com', 'appt1')!.itemId);
  ids.set('AAMkAppt2', sim.actions.item('rep@example.com', 'appt2')!.itemId);
  for (const missing of ['AAMkMissing1', 'AAMkMissing2', 'AAMkMissing9']) ids.set(missing, mintItemId('rep@example.com', `gone-${missing}`, 0));
});
afterAll(async () => {
  await sim.close();
});

async function replay(file: string, overrides: Record<string, string> = {}): Promise<XmlElement> {
  let body = readFileSync(`${DIR}/${file}`, 'utf8');
  for (const [from, to] of [...Object.entries(overrides), ...ids]) body = body.split(`"${from}"`).join(`"${to}"`).split(`>${from}<`).join(`>${to}<`);
  const url = file.startsWith('30-') ? sim.urls.autodiscover : sim.urls.ews;
  const response = await fetch(url, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'text/xml; charset=utf-8' }, body });
  const text = await response.text();
  expect(response.status, `${file}: ${text.slice(0, 400)}`).toBe(200);
  return parseXml(text);
}

function messages(doc: XmlElement): XmlElement[] {
  const response = child(doc, NS.soap, 'Body')!.children[0]!;
  return children(child(response, NS.messages, 'ResponseMessages'), NS.messages);
}

function codes(doc: XmlElement): string[] {
  return messages(doc).map((m) => child(m, NS.messages, 'ResponseCode')!.text);
}

function firstItemId(doc: XmlElement): { id: string; key: string } {
  const item = child(messages(doc)[0], NS.messages, 'Items')!.children[0]!;
  const idEl = child(item, NS.types, 'ItemId')!;
  return { id: idEl.attrs['Id']!, key: idEl.attrs['ChangeKey']! };
}

describe('every captured ews-javascript-api request is accepted and answered', () => {
  it('has the captures', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(24);
  });

  it('01–04 folders: FindFolder (none yet), GetFolder contacts/calendar, CreateFolder Salesforce_Sync', async () => {
    const find = await replay('01-FindFolder-contacts-filter.xml');
    expect(codes(find)).toEqual(['NoError']);
    expect(child(messages(find)[0], NS.messages, 'RootFolder')!.attrs['TotalItemsInView']).toBe('0');
    const contacts = await replay('02-GetFolder-contacts.xml');
    expect(child(messages(contacts)[0], NS.messages, 'Folders')!.children[0]!.name).toBe('ContactsFolder');
    const calendar = await replay('03-GetFolder-calendar.xml');
    expect(child(messages(calendar)[0], NS.messages, 'Folders')!.children[0]!.name).toBe('CalendarFolder');
    const created = await replay('04-CreateFolder-Salesforce_Sync.xml');
    const folderId = child(child(child(messages(created)[0], NS.messages, 'Folders'), NS.types, 'ContactsFolder'), NS.types, 'FolderId')!;
    ids.set('AAMkSfSyncFolder', folderId.attrs['Id']!);
    const again = await replay('01-FindFolder-contacts-filter.xml');
    expect(child(messages(again)[0], NS.messages, 'RootFolder')!.attrs['TotalItemsInView']).toBe('1');
  });

  it('05 FindItem pages 2/2/1 over five contacts', async () => {
    for (let i = 1; i <= 5; i++) {
      const c = sim.actions.createContact('rep@example.com', { ref: `c${i}`, givenName: 'Ann', surname: `Person${i}` });
      ids.set(`AAMkContact${i}`, c.itemId);
      ids.set(`EQAAABYAAACK${i}`, c.changeKey);
    }
    const pages = [];
    for (const n of [1, 2, 3]) pages.push(child(messages(await replay(`05-FindItem-paging-${n}.xml`))[0], NS.messages, 'RootFolder')!);
    expect(pages.map((p) => children(child(p, NS.types, 'Items'), NS.types, 'Contact').length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.attrs['IncludesLastItemInRange'])).toEqual(['false', 'false', 'true']);
    expect(pages.map((p) => p.attrs['IndexedPagingOffset'])).toEqual(['2', '4', '5']);
  });

  it('06–08 calendar FindItem and SyncFolderItems initial + with state', async () => {
    expect(codes(await replay('06-FindItem-calendar.xml'))).toEqual(['NoError']);
    const initial = messages(await replay('07-SyncFolderItems-initial.xml'))[0]!;
    expect(children(child(initial, NS.messages, 'Changes'), NS.types, 'Create').length).toBe(2);
    ids.set('H4sIAAAAAAAEAGNgYGAUZBEFAA-STATE-1', child(initial, NS.messages, 'SyncState')!.text);
    const next = messages(await replay('08-SyncFolderItems-with-state.xml'))[0]!;
    expect(child(next, NS.messages, 'Changes')!.children.length).toBe(0);
    expect(child(next, NS.messages, 'IncludesLastItemInRange')!.text).toBe('true');
  });

  it('09–12 CreateItem single and batch, contacts and appointments', async () => {
    const contact = await replay('09-CreateItem-contact.xml');
    const created = firstItemId(contact);
    ids.set('AAMkNewContact1', created.id);
    ids.set('CK1', created.key);
    expect(sim.store.itemById('rep@example.com', created.id).props).toMatchObject({ GivenName: 'Ann', Surname: 'Smith', JobTitle: 'CTO', FileAs: 'Smith, Ann' });
    const appt = await replay('10-CreateItem-appointment.xml');
    const a = firstItemId(appt);
    ids.set('AAMkNewCalendarItem2', a.id);
    ids.set('CK2', a.key);
    expect(sim.store.itemById('rep@example.com', a.id).props).toMatchObject({ Sensitivity: 'Private', StartTimeZone: 'Greenwich Standard Time', Start: Date.parse('2024-06-03T14:00:00Z') });
    expect(codes(await replay('11-CreateItem-batch-contacts.xml'))).toEqual(['NoError', 'NoError', 'NoError']);
    expect(codes(await replay('12-CreateItem-batch-appointments.xml'))).toEqual(['NoError', 'NoError']);
  });

  it('13–14 UpdateItem AutoResolve and AlwaysOverwrite give new ChangeKeys', async () => {
    const contact = await replay('13-UpdateItem-contact-AutoResolve.xml');
    expect(firstItemId(contact).key).not.toBe(ids.get('CK1'));
    expect(sim.store.itemById('rep@example.com', ids.get('AAMkNewContact1')!).props).toMatchObject({ JobTitle: 'CEO', CompanyName: 'Acme Inc' });
    const appt = await replay('14-UpdateItem-appointment-AlwaysOverwrite.xml');
    expect(codes(appt)).toEqual(['NoError']);
    expect(sim.store.itemById('rep@example.com', ids.get('AAMkNewCalendarItem2')!).props['Start']).toBe(Date.parse('2024-06-04T14:00:00Z'));
  });

  it('15–17 DeleteItem hard, to Deleted Items, and a batch with a missing id', async () => {
    expect(codes(await replay('15-DeleteItem-contact-HardDelete.xml', { 'CK-updated': 'ignored' }))).toEqual(['NoError']);
    expect(codes(await replay('16-DeleteItem-appointment.xml', { 'CK-updated': 'ignored' }))).toEqual(['NoError']);
    expect(sim.actions.findItems('rep@example.com', (i) => i.folder === 'Deleted Items').length).toBe(1);
    expect(codes(await replay('17-DeleteItem-batch.xml', { AAMkContact1: ids.get('AAMkContact5')! }))).toEqual(['NoError', 'ErrorItemNotFound']);
  });

  it('18–21 GetItem: load properties, bind several (one missing), Appointment.Bind, missing', async () => {
    const load = await replay('18-GetItem-LoadPropertiesForItems.xml');
    expect(codes(load)).toEqual(['NoError', 'NoError']);
    const bind = await replay('19-GetItem-BindToItems.xml');
    expect(codes(bind)).toEqual(['NoError', 'NoError', 'ErrorItemNotFound']);
    const appt = messages(await replay('20-GetItem-Appointment.Bind.xml'))[0]!;
    const item = child(child(appt, NS.messages, 'Items'), NS.types, 'CalendarItem')!;
    expect(child(item, NS.types, 'IsRecurring')!.text).toBe('true');
    expect(child(item, NS.types, 'CalendarItemType')!.text).toBe('RecurringMaster');
    expect(codes(await replay('21-GetItem-missing.xml'))).toEqual(['ErrorItemNotFound']);
  });

  it('30 Autodiscover GetUserSettings hands out this sim’s EWS URL', async () => {
    const doc = await replay('30-Autodiscover-GetUserSettings.xml');
    expect(JSON.stringify(doc)).toContain(sim.urls.ews);
  });
});
