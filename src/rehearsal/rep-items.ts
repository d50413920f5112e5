/**
 * @module
 * One rep's generated items: Outlook contacts in Salesforce_Sync (some with a company that has no Account, CON-05)
 * and calendar events (past ones for CFG-07, private ones for EVT-02, recurring ones, and ones that also exist in
 * Salesforce with SF-only notes for EVT-03). Shares are exact allocations; the seed picks which items carry them.
 */
import type { ContactSpec, EventSpec } from '../../sim/exchange/world.ts';
import type { EventRecordSpec } from '../../sim/salesforce/world.ts';
import { seededFaker } from '../../sim/exchange/world/generate.ts';
import type { GroupDef } from './schema.ts';
import type { Rep } from './seeded-risks.ts';

const DAY = 86_400_000;

/** Exact allocation: k of n items, the k picked by a seeded shuffle. */
export function pick(faker: ReturnType<typeof seededFaker>, n: number, share: number | undefined): Set<number> {
  const k = Math.round((share ?? 0) * n);
  return new Set(faker.helpers.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, k));
}

/** One rep's Outlook contacts and calendar, and the Salesforce copies of events that carry SF-only notes. */
export function repItems(faker: ReturnType<typeof seededFaker>, group: GroupDef, rep: Rep, now: number, today: number) {
  const nContacts = group.outlookContacts ?? 0;
  const noAccount = pick(faker, nContacts, group.noAccountShare);
  const contacts: ContactSpec[] = [];
  rep.companies = [];
  for (let i = 0; i < nContacts; i++) {
    const givenName = faker.person.firstName();
    const surname = faker.person.lastName();
    const companyName = `${faker.company.name()} ${rep.alias.length}${i}`;
    const ref = `${rep.alias}/contact-${i}`;
    if (noAccount.has(i)) rep.items.noAccount.push(ref);
    else rep.companies.push(companyName);
    contacts.push({ ref, folder: 'Salesforce_Sync', givenName, surname, companyName, email1: `${givenName}.${surname}.${i}@example.net`.toLowerCase(), jobTitle: faker.person.jobTitle() });
  }
  const n = group.eventsPerWeek ?? 0;
  const past = pick(faker, n, group.pastShare);
  const future = [...Array(n).keys()].filter((i) => !past.has(i));
  const order = faker.helpers.shuffle(future);
  const nPrivate = Math.round((group.privateShare ?? 0) * n);
  const nNotes = Math.round((group.sfNotesShare ?? 0) * n);
  const nRecurring = Math.round((group.recurringShare ?? 0) * n);
  const privateSet = new Set(order.slice(0, nPrivate));
  const notesSet = new Set(order.slice(nPrivate, nPrivate + nNotes));
  const recurringSet = new Set(order.slice(nPrivate + nNotes, nPrivate + nNotes + nRecurring));
  const calendar: EventSpec[] = [];
  const sfEvents: EventRecordSpec[] = [];
  for (let i = 0; i < n; i++) {
    // Past events end well before today's midnight in any US zone; future ones start tomorrow or later, 17:00Z.
    const day = past.has(i) ? today - (1 + (i % 5)) * DAY : today + (1 + (i % 6)) * DAY;
    const start = day + 17 * 3_600_000;
    const end = start + faker.helpers.arrayElement([30, 60]) * 60_000;
    const ref = `${rep.alias}/event-${i}`;
    const subject = `${faker.helpers.arrayElement(['Call with', 'Demo for', 'Review with'])} ${faker.company.name()} #${i}`;
    const ev: EventSpec = { ref, subject, start: new Date(start).toISOString(), end: new Date(end).toISOString(), body: `Agenda for ${subject}`, location: 'Teams' };
    if (past.has(i)) rep.items.past.push(ref);
    if (privateSet.has(i)) { ev.sensitivity = 'Private'; rep.items.private.push(ref); }
    if (recurringSet.has(i)) ev.recurrence = { pattern: 'weekly', count: 4 };
    if (notesSet.has(i)) {
      rep.items.notes.push(ref);
      sfEvents.push({ subject, start: ev.start, end: ev.end, location: 'Teams', description: `SF-only meeting notes: ${faker.lorem.sentence()}` });
    }
    calendar.push(ev);
  }
  void now;
  return { contacts, calendar, sfEvents };
}
