/**
 * @module
 * ORG.yaml → the two sim worlds, plus the ground truth: which reps sync where and every risk the file plants
 * ("seeded"). Faker draws people and records from the seed, so the same file and seed give the same company (G-08).
 * Shares are exact allocations (round(share × n)); which items carry them is the seed's choice.
 */
import type { ExchangeWorld, MailboxSpec } from '../../sim/exchange/world.ts';
import type { AccountSpec, ConfigSpec, ContactRecordSpec, EventRecordSpec, OrgSpec, SalesforceWorld, UserSpec } from '../../sim/salesforce/world.ts';
import { seededFaker } from '../../sim/exchange/world/generate.ts';
import type { GroupDef, OrgFile } from './schema.ts';
import { seedRisks, type Rep, type SeededRisks } from './seeded-risks.ts';
import { pick, repItems } from './rep-items.ts';
import { exchangeWorldAccess, lightningSyncSetup, rehearsalConnection, type RehearsalConnection } from './exchange-connection.ts';
export { scaleOrgFile } from './scale.ts';
export { DEFAULT_SCOPE } from './exchange-connection.ts';

export const DEFAULT_START = '2026-03-02T08:00:00Z';
export const CONTACT_CAP = 50_000;

export interface RehearsalWorld {
  exchange: ExchangeWorld;
  salesforce: SalesforceWorld;
  reps: Rep[];
  seeded: SeededRisks;
  /** Service account or OAuth app the engines connect with (src/rehearsal/exchange-connection.ts). */
  connection: RehearsalConnection;
  items: { exchange: number; salesforce: number };
}

export function buildRehearsalWorld(file: OrgFile, seed = file.seed ?? 1): RehearsalWorld {
  const domain = file.exchange.domain;
  const now = Date.parse(file.start ?? DEFAULT_START);
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const connection = rehearsalConnection(file, seed);
  const lightningSync = lightningSyncSetup(file, connection);
  const mailboxes: MailboxSpec[] = [];
  const orgs = new Map<string, OrgSpec>(file.orgs.map((o) => [o.id, {
    id: o.id, kind: o.kind, domain, dailyApiLimit: o.dailyApiLimit ?? 100_000,
    lightningSync: { ...lightningSync },
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
  const access = exchangeWorldAccess(file, connection);
  const exchange: ExchangeWorld = {
    tenant: { domain, version: file.exchange.version ?? 'Exchange2019', ...(file.exchange.hybrid ? { hybrid: true } : {}), ...(access.auth ? { auth: access.auth } : {}) },
    serviceAccounts: access.serviceAccounts,
    ...(access.oauthApps ? { oauthApps: access.oauthApps } : {}),
    mailboxes,
  };
  const salesforce: SalesforceWorld = { orgs: [...orgs.values()] };
  return { exchange, salesforce, reps, seeded: seedRisks(file, reps), connection, items: { exchange: exItems, salesforce: sfItems } };
}

function specialReps(group: GroupDef): Record<number, Rep['kind']> {
  const out: Record<number, Rep['kind']> = {};
  let i = 0;
  for (let k = 0; k < (group.outsideScope ?? 0); k++) out[i++] = 'outside-scope';
  for (let k = 0; k < (group.legacy2010 ?? 0); k++) out[i++] = 'legacy-2010';
  for (let k = 0; k < (group.overCap ?? 0); k++) out[i++] = 'over-cap';
  return out;
}
