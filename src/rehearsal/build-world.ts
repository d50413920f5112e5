/**
 * @module
 * ORG.yaml → the two sim worlds, plus the ground truth: which reps sync where and every risk the file plants
 * ("seeded"). Faker draws people and records from the seed, so the same file and seed give the same company (G-08).
 * Shares are exact allocations (round(share × n)); which items carry them is the seed's choice.
 */
import type { ContactSpec, EventSpec, ExchangeWorld, MailboxSpec } from '../../sim/exchange/world.ts';
import type { AccountSpec, ConfigSpec, ContactRecordSpec, EventRecordSpec, OrgSpec, SalesforceWorld, UserSpec } from '../../sim/salesforce/world.ts';
import { seededFaker } from '../../sim/exchange/world/generate.ts';
import type { GroupDef, OrgFile } from './schema.ts';
import { seedRisks, type Rep, type SeededRisks } from './seeded-risks.ts';

export const DEFAULT_START = '2026-03-02T08:00:00Z';
export const DEFAULT_SCOPE = "Department -eq 'Sales'";
export const CONTACT_CAP = 50_000;
const DAY = 86_400_000;

export interface RehearsalWorld {
  exchange: ExchangeWorld;
  salesforce: SalesforceWorld;
  reps: Rep[];
  seeded: SeededRisks;
  serviceAccount: { username: string; password: string };
  items: { exchange: number; salesforce: number };
}

/** Exact allocation: k of n items, the k picked by a seeded shuffle. */
function pick(faker: ReturnType<typeof seededFaker>, n: number, share: number | undefined): Set<number> {
  const k = Math.round((share ?? 0) * n);
  return new Set(faker.helpers.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, k));
}

/** A smaller company of the same shape: every group's rep counts times `fraction` (at least one rep per group). */
export function scaleOrgFile(file: OrgFile, fraction: number): OrgFile {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`scale must be a fraction in (0, 1], got ${fraction}`);
  const scale = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * fraction));
  return { ...file, groups: file.groups.map((g) => ({ ...g, reps: Math.max(1, Math.round(g.reps * fraction)), outsideScope: scale(g.outsideScope), legacy2010: scale(g.legacy2010), overCap: scale(g.overCap), onlineMailboxes: scale(g.onlineMailboxes) })) };
}

export function buildRehearsalWorld(file: OrgFile, seed = file.seed ?? 1): RehearsalWorld {
  const domain = file.exchange.domain;
  const now = Date.parse(file.start ?? DEFAULT_START);
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const serviceAccount = { username: `svc-sync@${domain}`, password: `Svc-${seed}-Rehearse!` };
  const mailboxes: MailboxSpec[] = [];
  const orgs = new Map<string, OrgSpec>(file.orgs.map((o) => [o.id, {
    id: o.id, kind: o.kind, domain, dailyApiLimit: o.dailyApiLimit ?? 100_000,
    lightningSync: { serviceAccountUsername: serviceAccount.username, additionalDomains: file.exchange.additionalDomains ?? [] },
    profiles: [], users: [], accounts: [], contacts: [], events: [], configs: [],
  } satisfies OrgSpec]));
  const reps: Rep[] = [];
  const used = new Set<string>();
  let exItems = 0;
  let sfItems = 0;
  for (const group of file.groups) {
    const faker = seededFaker(seed, `group:${group.name}`);
    const special = specialReps(group);
    const invalidReps = pick(faker, group.reps, group.invalidEmailShare);
    for (let r = 0; r < group.reps; r++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      let alias = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
      while (used.has(alias)) alias = `${alias}${used.size}`;
      used.add(alias);
      const address = `${alias}@${domain}`;
      const kind = special[r] ?? 'normal';
      const online = file.exchange.hybrid === true && r >= group.reps - (group.onlineMailboxes ?? 0);
      const rep: Rep = { alias, address, group: group.name, orgs: group.orgs, kind, ...(file.exchange.hybrid ? { location: online ? 'online' as const : 'on-premises' as const } : {}), invalidEmailIn: [], items: { private: [], notes: [], past: [], noAccount: [] } };
      const { contacts, calendar, sfEvents } = repItems(faker, group, rep, now, today);
      mailboxes.push({
        address, displayName: `${first} ${last}`, department: kind === 'outside-scope' ? 'Contractors' : group.department ?? 'Sales',
        password: `Rep-${seed}-${reps.length}!`, salesforceSyncFolder: true,
        ...(kind === 'legacy-2010' ? { version: 'Exchange2010' as const } : {}),
        ...(file.exchange.hybrid ? { location: r >= group.reps - (group.onlineMailboxes ?? 0) ? 'online' as const : 'on-premises' as const } : {}),
        contacts, calendar,
      });
      exItems += contacts.length + calendar.length;
      const sfContactCount = kind === 'over-cap' ? CONTACT_CAP + 1 : group.contacts ?? 0;
      const invalid = invalidReps.has(r);
      for (const orgId of group.orgs) {
        const org = orgs.get(orgId)!;
        const sandboxInvalid = org.kind === 'sandbox' && invalid;
        if (sandboxInvalid) rep.invalidEmailIn.push(orgId);
        const user: UserSpec = { ref: alias, firstName: first, lastName: last, ...(group.profile ? { profile: group.profile } : {}), ...(org.kind === 'sandbox' ? { emailFixed: !sandboxInvalid } : {}) };
        org.users!.push(user);
        if (group.profile && group.profile !== 'Standard User' && !org.profiles!.some((p) => p.name === group.profile)) org.profiles!.push({ name: group.profile });
        const accountRef = `${alias}-acct`;
        (org.accounts as AccountSpec[]).push({ ref: accountRef, name: `${last} Holdings ${alias.length}`, owner: alias });
        for (const company of rep.companies ?? []) (org.accounts as AccountSpec[]).push({ name: company, owner: alias });
        const cf = seededFaker(seed, `contacts:${alias}`);
        if (sfContactCount > 0) (org.contacts as Array<ContactRecordSpec | { generate: number; owner?: string }>).push(
          ...(sfContactCount > 200 ? [{ generate: sfContactCount, owner: alias }] : Array.from({ length: sfContactCount }, (_, i) => ({
            owner: alias, firstName: cf.person.firstName(), lastName: cf.person.lastName(), email: `c${i}.${alias}@example.com`, account: accountRef, title: cf.person.jobTitle(),
          }))));
        (org.events as EventRecordSpec[]).push(...sfEvents.map((e) => ({ ...e, owner: alias })));
        sfItems += sfContactCount + sfEvents.length + 1 + (rep.companies?.length ?? 0);
      }
      reps.push(rep);
    }
  }
  for (const def of file.orgs) {
    const org = orgs.get(def.id)!;
    org.configs = def.configs.map((c): ConfigSpec => ({
      name: c.name, active: c.active ?? true,
      users: reps.filter((r) => (c.groups ?? []).includes(r.group)).map((r) => r.alias),
      ...(c.profiles ? { profiles: c.profiles } : {}),
      contacts: { direction: c.contacts?.direction ?? 'both' },
      events: { direction: c.events?.direction ?? 'both', syncPrivate: c.events?.syncPrivate ?? false, filter: (c.events?.filter ?? 'TODAY') as 'TODAY' },
    }));
  }
  const exchange: ExchangeWorld = {
    tenant: { domain, version: file.exchange.version ?? 'Exchange2019', ...(file.exchange.hybrid ? { hybrid: true } : {}) },
    serviceAccounts: [{ ...serviceAccount, impersonation: { scopeName: 'Salesforce Sync Reps', recipientFilter: file.exchange.scope ?? DEFAULT_SCOPE } }],
    mailboxes,
  };
  const salesforce: SalesforceWorld = { orgs: [...orgs.values()] };
  return { exchange, salesforce, reps, seeded: seedRisks(file, reps), serviceAccount, items: { exchange: exItems, salesforce: sfItems } };
}

function specialReps(group: GroupDef): Record<number, Rep['kind']> {
  const out: Record<number, Rep['kind']> = {};
  let i = 0;
  for (let k = 0; k < (group.outsideScope ?? 0); k++) out[i++] = 'outside-scope';
  for (let k = 0; k < (group.legacy2010 ?? 0); k++) out[i++] = 'legacy-2010';
  for (let k = 0; k < (group.overCap ?? 0); k++) out[i++] = 'over-cap';
  return out;
}

/** One rep's Outlook contacts and calendar, and the Salesforce copies of events that carry SF-only notes. */
function repItems(faker: ReturnType<typeof seededFaker>, group: GroupDef, rep: Rep, now: number, today: number) {
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
