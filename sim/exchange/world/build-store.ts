/**
 * @module
 * Fills the store from an ExchangeWorld: one mailbox per directory mailbox (version from the directory, CONN-06),
 * Salesforce_Sync and extra calendars where the world asks, then contacts and events (listed or generated).
 */
import type { Clock } from '#time/clock.ts';
import type { Directory } from '../directory/index.ts';
import type { ExchangeStore } from '../store/store.ts';
import type { StoredFolder } from '../store/types.ts';
import type { ContactSpec, EventSpec, ExchangeWorld, GenerateSpec, MailboxSpec } from '../world.ts';
import { generateContacts, generateEvents, seededFaker } from './generate.ts';
import { contactProps, eventProps } from './spec-to-props.ts';

export const SALESFORCE_SYNC_FOLDER = 'Salesforce_Sync';

const isGenerate = (x: object): x is GenerateSpec => 'generate' in x;

export function buildStore(store: ExchangeStore, directory: Directory, world: ExchangeWorld, clock: Clock, seed: number): void {
  for (const spec of world.mailboxes ?? []) {
    const address = spec.address.trim().toLowerCase();
    const identity = directory.mailbox(address);
    store.addMailbox({
      address,
      displayName: identity?.displayName ?? spec.displayName ?? address,
      version: directory.versionOf(address) ?? directory.tenant.version,
      ...(spec.denyFolderCreation ? { denyFolderCreation: true } : {}),
    });
    populateMailbox(store, spec, address, clock, seed);
  }
}

function populateMailbox(store: ExchangeStore, spec: MailboxSpec, address: string, clock: Clock, seed: number): void {
  const faker = seededFaker(seed, `mailbox:${address}`);
  const contacts: ContactSpec[] = (spec.contacts ?? []).flatMap((c) => (isGenerate(c) ? generateContacts(faker, c) : [c]));
  const events: EventSpec[] = (spec.calendar ?? []).flatMap((e) => (isGenerate(e) ? generateEvents(faker, e, clock.now()) : [e]));
  const contactsFolder = store.distinguishedFolder(address, 'contacts');
  const calendar = store.distinguishedFolder(address, 'calendar');
  const sub = (parent: StoredFolder, name: string, folderClass: StoredFolder['folderClass']): StoredFolder =>
    store.childFolders(parent.uid).find((f) => f.displayName.toLowerCase() === name.toLowerCase()) ??
    store.createFolder(address, parent.uid, name, folderClass, { asWorld: true });
  if (spec.salesforceSyncFolder) sub(contactsFolder, SALESFORCE_SYNC_FOLDER, 'IPF.Contact');
  for (const name of spec.extraCalendars ?? []) sub(calendar, name, 'IPF.Appointment');
  contacts.forEach((c) => {
    const folderName = c.folder ?? SALESFORCE_SYNC_FOLDER;
    const folder = folderName.toLowerCase() === 'contacts' ? contactsFolder : sub(contactsFolder, folderName, 'IPF.Contact');
    store.createItem({ mailbox: address, folderUid: folder.uid, kind: 'Contact', props: contactProps(c), ...(c.ref ? { ref: c.ref } : {}) });
  });
  events.forEach((e, i) => {
    const where = `exchange world: mailbox ${address}, calendar[${i}]${e.ref ? ` (${e.ref})` : ''}`;
    const name = e.calendar ?? 'default';
    const folder = name === 'default' ? calendar : store.childFolders(calendar.uid).find((f) => f.displayName === name);
    if (!folder) throw new Error(`${where}: calendar "${name}" is not one of the mailbox's extraCalendars (${(spec.extraCalendars ?? []).join(', ') || 'none'})`);
    const { props, extended } = eventProps(e, address, where);
    store.createItem({ mailbox: address, folderUid: folder.uid, kind: 'CalendarItem', props, extended, ...(e.ref ? { ref: e.ref } : {}) });
  });
}
