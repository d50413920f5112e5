/**
 * @module
 * The rule catalogue of SPEC.md §§1–8, as data: every ID with a one-line title and its family. Scenarios cite these
 * IDs (the loader rejects unknown ones) and the report's coverage section lists the IDs no scenario covers.
 * Kept in the repo (not read from ../shared at run time) so the suite runs from a clean clone.
 */

export type RuleFamily = 'CONN' | 'CFG' | 'CON' | 'EVT' | 'ORG' | 'STAT' | 'ERR' | 'RST' | 'SIM-EX' | 'SIM-SF' | 'G';

export interface CatalogueEntry {
  id: string;
  family: RuleFamily;
  /** SPEC.md section number (1–8). */
  section: number;
  title: string;
}

const RULES: Array<[string, number, string]> = [
  ['CONN-01', 1, 'Two connection methods: Exchange service account (Basic/NTLM) and OAuth 2.0 (Online only)'],
  ['CONN-02', 1, 'Service-account user name as UPN or down-level; a server may accept only one form'],
  ['CONN-03', 1, 'Reps on other email domains are linked only via the additional domains list'],
  ['CONN-04', 1, 'Service account needs ApplicationImpersonation scoped to the rep; otherwise the rep does not sync'],
  ['CONN-05', 1, 'OAuth 2.0: one-time admin consent, token refresh, global Azure cloud only'],
  ['CONN-06', 1, 'Supported servers 2013 SP1, 2016, 2019, Online; other versions do not sync'],
  ['CONN-07', 1, 'Hybrid deployments are detected and refused with a clear status'],
  ['CONN-08', 1, 'Exchange Online with Basic auth retired: service account fails (401), OAuth works'],
  ['CONN-09', 1, 'Connection test checks every point of connectivity and summarises the verdict'],
  ['CONN-10', 1, 'Setup needs Customize Application + Manage Users + Manage Lightning Sync; error report needs View All Data'],
  ['CONN-11', 1, 'Available only in Professional, Enterprise, Performance, Unlimited and Developer editions'],
  ['CFG-01', 2, 'Configuration: unique name, Active flag, users and profiles; inactive ones sync nobody'],
  ['CFG-02', 2, 'Individual assignment: last saved wins; individual beats profile assignment'],
  ['CFG-03', 2, 'Contact and event direction: don\'t sync, SF→EX, EX→SF, both ways'],
  ['CFG-04', 2, 'Event scope All events vs Events users select (needs the Outlook integration)'],
  ['CFG-05', 2, 'Field mappings editable except matching fields; no custom fields'],
  ['CFG-06', 2, 'Contact filters apply SF→EX only; Selected Contacts + User\'s Records both or nothing syncs'],
  ['CFG-07', 2, 'Event filter TODAY / LAST MONTH / LAST N DAYS (N ≤ 180) in the rep\'s time zone'],
  ['CFG-08', 2, 'Flags: sync private events, delete synced events, auto-relate, sync event series'],
  ['CFG-09', 2, 'Same user syncing in several orgs is unsupported; inactive config is not a safe exclusion'],
  ['CON-01', 3, 'Salesforce_Sync folder created under Contacts; failure shows in the user status'],
  ['CON-02', 3, 'EX→SF: only contacts inside Salesforce_Sync sync; moving out stops sync without deleting'],
  ['CON-03', 3, 'SF→EX: contacts passing the filters are written into Salesforce_Sync'],
  ['CON-04', 3, 'Contact matching before create: email, else first + last name + company'],
  ['CON-05', 3, 'Account resolution by company name; unresolved company removed after a cycle (both ways)'],
  ['CON-06', 3, 'Contact deletions never propagate; both ways re-creates the deleted side'],
  ['CON-07', 3, 'At most 50,000 contacts sync per rep'],
  ['CON-08', 3, 'Default contact field mapping'],
  ['EVT-01', 4, 'Only the default calendar syncs'],
  ['EVT-02', 4, 'Private events sync only with Sync private events on; made-private events stop syncing'],
  ['EVT-03', 4, 'EX→SF only: the calendar overwrites SF-only edits (notes); every overwrite reported'],
  ['EVT-04', 4, 'Events outside the event filter do not sync EX→SF'],
  ['EVT-05', 4, 'Delete synced events on: deletes propagate; off: partner stays, pair dropped'],
  ['EVT-06', 4, 'Series sync only with Sync event series on; Classic recurring events never sync'],
  ['EVT-07', 4, 'Tasks never sync; attendees are not synced as invitees'],
  ['EVT-08', 4, 'Event matching before create: same subject + start + end'],
  ['EVT-09', 4, 'Auto-relate attendees to contacts (≤ 50) or one lead on first EX→SF sync; not private'],
  ['EVT-10', 4, 'Events created by a non-syncing user are not synced'],
  ['EVT-11', 4, 'All-day events sync as all-day; instants kept across time zones'],
  ['EVT-12', 4, 'Default event field mapping'],
  ['ORG-01', 5, 'Same rep active in two orgs: both sync one mailbox; reported as a multi-org collision'],
  ['ORG-02', 5, 'A rep left in an inactive sandbox configuration is a latent risk to report'],
  ['ORG-03', 5, 'Sandbox login host, username suffix, .invalid emails that do not link'],
  ['STAT-01', 6, 'System statuses: service account, Outlook integration, recognised, linked users'],
  ['STAT-02', 6, 'Org contact/event statuses: last activity, records synced in 60 min / 24 h'],
  ['STAT-03', 6, 'User statuses: active config, supported version, recognised, reset, Outlook set up'],
  ['STAT-04', 6, 'User contact/event statuses: folders found, emails linked, per-direction status, in sync'],
  ['ERR-01', 6, 'Every item failure creates a Lightning Sync Error record; error report lists them'],
  ['RST-01', 6, 'Reset Sync: marked → in progress → done; re-pairs without duplicating or changing data'],
  ['SIM-EX-01', 7, 'SyncFolderItems: SyncState, MaxChangesReturned, IncludesLastItemInRange, invalid state'],
  ['SIM-EX-02', 7, 'ChangeKey per change; stale key with NeverOverwrite → ErrorIrresolvableConflict'],
  ['SIM-EX-03', 7, 'Throttling: ErrorServerBusy + BackOffMilliseconds, 503, ErrorExceededConnectionCount'],
  ['SIM-EX-04', 7, 'Recurring series: master, occurrences, exceptions; CalendarView returns occurrences'],
  ['SIM-EX-05', 7, 'Sensitivity: Normal, Personal, Private, Confidential'],
  ['SIM-EX-06', 7, 'SOAP responses carry ServerVersionInfo of the mailbox\'s server'],
  ['SIM-SF-01', 7, 'getUpdated covers 30 days, getDeleted 15 days; INVALID_REPLICATION_DATE'],
  ['SIM-SF-02', 7, 'sObject Collections: ≤ 200 records, allOrNone false by default'],
  ['SIM-SF-03', 7, 'Errors: INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED, UNABLE_TO_LOCK_ROW, …'],
  ['SIM-SF-04', 7, 'Event fields and EventRelation (≤ 50 contacts or 1 lead)'],
  ['G-01', 8, 'Convergence: at most two quiet cycles reach the dictated state'],
  ['G-02', 8, 'Idempotence: a cycle with no changes makes zero writes'],
  ['G-03', 8, 'No silent loss: every delete or overwrite is a rule and is logged with before/after'],
  ['G-04', 8, 'No duplicates: one-to-one pairing, matching before every create'],
  ['G-05', 8, 'Crash safety: restart from persisted state ends in the same final state'],
  ['G-06', 8, 'Back-off honoured in scenario time'],
  ['G-07', 8, 'Isolation: items never reach another rep or another org (except ORG-01)'],
  ['G-08', 8, 'Determinism: same scenario and seed give a byte-identical report'],
  ['G-09', 8, 'Conflicts are explicit: the configured policy decides and every conflict is listed'],
];

export const CATALOGUE: readonly CatalogueEntry[] = RULES.map(([id, section, title]) => ({
  id,
  section,
  title,
  family: familyOf(id),
}));

const BY_ID = new Map(CATALOGUE.map((entry) => [entry.id, entry]));

export function familyOf(id: string): RuleFamily {
  return id.replace(/-\d+$/, '') as RuleFamily;
}

export function ruleById(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

export function isKnownRule(id: string): boolean {
  return BY_ID.has(id);
}

/** Closest known IDs to a mistyped one, for "did you mean" hints. */
export function suggestRules(id: string): string[] {
  const upper = id.toUpperCase().trim();
  if (BY_ID.has(upper)) return [upper];
  const family = upper.replace(/-?\d+$/, '');
  const num = Number(upper.match(/(\d+)$/)?.[1] ?? NaN);
  const sameFamily = CATALOGUE.filter((e) => e.family === family || e.family.startsWith(family));
  if (sameFamily.length === 0) return [];
  if (Number.isFinite(num)) {
    const padded = `${sameFamily[0]!.family}-${String(num).padStart(2, '0')}`;
    if (BY_ID.has(padded)) return [padded];
  }
  return sameFamily.slice(0, 3).map((e) => e.id);
}
