/**
 * @module
 * The risks an ORG.yaml plants, computed from the file and the generated reps alone (no sim, no engine): who syncs
 * where, and for each risk of the catalogue how many subjects (reps or items) it should hit in the initial sync. The
 * rehearsal compares what the engine found against these numbers.
 */
import type { OrgFile } from './schema.ts';
import type { RiskId } from './risks.ts';

export interface Rep {
  alias: string;
  address: string;
  group: string;
  orgs: string[];
  kind: 'normal' | 'outside-scope' | 'legacy-2010' | 'over-cap';
  /** Sandbox orgs where the rep's email still ends in .invalid (ORG-03). */
  invalidEmailIn: string[];
  /** Item refs carrying a seeded risk. */
  items: { private: string[]; notes: string[]; past: string[]; noAccount: string[] };
  /** Hybrid tenants only: where the mailbox lives (CONN-07). */
  location?: 'online' | 'on-premises';
  /** Companies of Outlook contacts that do have an Account. */
  companies?: string[];
}

export type SeededRisks = Partial<Record<RiskId, number>>;

type Config = OrgFile['orgs'][number]['configs'][number];

/** The active config that applies to the rep in an org (first match in file order), and the inactive ones.
 *  [rehearsal] simplification: when several active configs apply, the first one in the file is taken. */
export function configsOf(file: OrgFile, org: string, rep: Rep): { active?: Config; inactive: Config[] } {
  const profile = file.groups.find((g) => g.name === rep.group)?.profile;
  // Individual assignment (groups) or by profile, as the sim's configs assign them (ConfigSpec users / profiles).
  const all = file.orgs.find((o) => o.id === org)?.configs.filter((c) => (c.groups ?? []).includes(rep.group) || (profile !== undefined && (c.profiles ?? []).includes(profile))) ?? [];
  return { active: all.find((c) => c.active !== false), inactive: all.filter((c) => c.active === false) };
}

const includesExToSf = (d: string | undefined) => (d ?? 'both') === 'both' || d === 'exchange-to-salesforce';

/** Why the rep cannot sync in this org, or null when they do. */
export function blocker(rep: Rep, org: string): RiskId | null {
  if (rep.kind === 'outside-scope') return 'outside-scope';
  if (rep.kind === 'legacy-2010') return 'unsupported-mailbox';
  if (rep.invalidEmailIn.includes(org)) return 'unlinked-email';
  return null;
}

/**
 * CONN-05 / CONN-08: the connection itself refuses every rep the engine gets as far as Exchange for — after the
 * Salesforce-side checks (active config, email linked), before impersonation or the server version are known (the
 * token request or the 401 comes first). So outside-scope and Exchange 2010 reps count here, not under their own risk.
 */
export function connectionBlocker(file: OrgFile): RiskId | null {
  const ex = file.exchange;
  if (ex.connection === 'oauth') return ex.consent === 'missing' ? 'consent-missing' : null;
  return ex.basicAuthRetired === true ? 'basic-auth-retired' : null;
}

/** CONN-07: an org whose reachable reps' mailboxes sit on both sides of a hybrid deployment syncs none of them. */
function hybridOrgs(file: OrgFile, reps: Rep[]): Set<string> {
  const out = new Set<string>();
  for (const org of file.orgs) {
    const kinds = new Set(reps.filter((r) => r.orgs.includes(org.id) && configsOf(file, org.id, r).active && !blocker(r, org.id)).map((r) => r.location));
    if (kinds.has('online') && kinds.has('on-premises')) out.add(org.id);
  }
  return out;
}

export function seedRisks(file: OrgFile, reps: Rep[]): SeededRisks {
  const out: SeededRisks = {};
  const hybrid = hybridOrgs(file, reps);
  const refused = connectionBlocker(file);
  const add = (id: RiskId, n: number) => { if (n > 0) out[id] = (out[id] ?? 0) + n; };
  for (const rep of reps) {
    let syncingOrgs = 0;
    for (const org of rep.orgs) {
      const { active, inactive } = configsOf(file, org, rep);
      if (inactive.length && !active) add('inactive-config', 1);
      if (!active) continue;
      if (refused && !rep.invalidEmailIn.includes(org)) { add(refused, 1); continue; }
      const blocked = blocker(rep, org);
      if (blocked) { add(blocked, 1); continue; }
      if (hybrid.has(org)) { add('unsupported-mailbox', 1); continue; }
      syncingOrgs++;
      if (rep.kind === 'over-cap') add('contact-cap', 1);
      const events = active.events ?? {};
      const contacts = active.contacts ?? {};
      if (includesExToSf(events.direction)) {
        add(events.syncPrivate ? 'private-synced' : 'private-withheld', rep.items.private.length);
        if ((events.filter ?? 'TODAY') === 'TODAY') add('out-of-window', rep.items.past.length);
      }
      if (events.direction === 'exchange-to-salesforce') add('overwritten-sf-notes', rep.items.notes.length);
      if (includesExToSf(contacts.direction)) add('company-unresolved', rep.items.noAccount.length);
    }
    if (syncingOrgs > 1) add('multi-org', 1);
  }
  return out;
}
