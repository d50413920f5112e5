/**
 * @module
 * The catalogue of rule IDs (../shared/SPEC.md) with one line each, for reports, findings and the planner's actions.
 * Every action the planner emits names one of these; `describeRule` turns an ID into a line a report can print.
 */

export const RULES = {
  'CONN-01': 'Connection by Exchange service account (Basic/NTLM) or OAuth 2.0, both over EWS',
  'CONN-02': 'Service-account user name as UPN or down-level; some servers accept only one form',
  'CONN-03': 'Reps in other email domains link only when the domain is an additional domain',
  'CONN-04': 'The service account needs ApplicationImpersonation over the rep\'s mailbox',
  'CONN-05': 'OAuth 2.0: admin consent once; tokens refreshed; global Azure cloud only',
  'CONN-06': 'Exchange 2013 SP1, 2016, 2019 and Online only',
  'CONN-07': 'Hybrid deployments are refused',
  'CONN-08': 'Exchange Online with Basic retired: service account cannot sync, OAuth can',
  'CONN-09': 'Connection test over every point of connectivity',
  'CONN-10': 'Setup needs Customize Application + Manage Users + Manage Lightning Sync',
  'CONN-11': 'Professional, Enterprise, Performance, Unlimited and Developer editions only',
  'CFG-01': 'Inactive configurations sync nobody',
  'CFG-02': 'Two individual assignments: the last saved wins; individual beats profile',
  'CFG-03': 'Contact and event direction: don\'t sync / SF→EX / EX→SF / both ways',
  'CFG-04': 'Event scope: all events, or only events the rep logged through the Outlook integration',
  'CFG-05': 'Matching fields are locked; custom fields cannot be mapped',
  'CFG-06': 'Contact filters (SF→EX only): Selected Contacts + User\'s Records, or All Contacts; field filters',
  'CFG-07': 'Event filter (EX→SF): TODAY, LAST MONTH or LAST N DAYS (N ≤ 180), in the rep\'s time zone',
  'CFG-08': 'Flags: sync private events, delete synced events, auto-relate, sync event series',
  'CFG-09': 'One user syncing in several orgs is unsupported',
  'CON-01': 'Salesforce_Sync is created under Contacts',
  'CON-02': 'EX→SF: only contacts inside Salesforce_Sync sync; moving out stops sync, deletes nothing',
  'CON-03': 'SF→EX: contacts passing the filters are written into Salesforce_Sync',
  'CON-04': 'Contact matching before create: email, else first + last name + company',
  'CON-05': 'Unmatched company: contact created without account; both ways → company removed next cycle',
  'CON-06': 'Contact deletes never propagate; both ways re-creates the survivor when it changes or on reset',
  'CON-07': 'At most 50,000 contacts per rep',
  'CON-08': 'Default contact field mapping',
  'EVT-01': 'Only the default calendar syncs',
  'EVT-02': 'Private events sync only with the flag on, and stay private; made private later → stops syncing',
  'EVT-03': 'EX→SF only: the calendar version overwrites SF edits (reported field by field)',
  'EVT-04': 'Events outside the event filter do not sync EX→SF; past SF edits stay out of the initial sync',
  'EVT-05': 'Delete synced events on: deletes propagate; off: the pair is dropped',
  'EVT-06': 'Series sync only with the flag on; Classic recurring events never',
  'EVT-07': 'Tasks never sync; attendees are not synced as invitees',
  'EVT-08': 'Event matching before create: subject + start + end',
  'EVT-09': 'Auto-relate on first EX→SF sync: ≤ 50 contacts, else one lead; not private events',
  'EVT-10': 'Events organized by someone who does not sync are not synced',
  'EVT-11': 'All-day events stay all-day; instants are kept across time zones',
  'EVT-12': 'Default event field mapping',
  'ORG-01': 'The same rep in two orgs: both sync one mailbox (collision reported)',
  'ORG-02': 'A rep left in an inactive configuration is a latent risk',
  'ORG-03': 'Sandbox login host, username suffix and .invalid emails',
  'STAT-01': 'System statuses',
  'STAT-02': 'Org contact and event statuses: last activity, records in 60 min / 24 h',
  'STAT-03': 'User setup statuses',
  'STAT-04': 'User contact and event statuses per direction',
  'ERR-01': 'Every item failure becomes a Lightning Sync Error record with a suggested fix',
  'RST-01': 'Reset Sync clears pairings and checkpoints, then re-pairs by matching',
  'G-01': 'Convergence within two cycles',
  'G-02': 'Idempotence: no change → no write',
  'G-03': 'No silent loss: every overwrite and delete is reported with before and after',
  'G-04': 'No duplicates: pairing is one-to-one',
  'G-05': 'Crash safety',
  'G-06': 'Back-off honoured',
  'G-07': 'Isolation between reps and orgs',
  'G-08': 'Determinism',
  'G-09': 'Conflicts are explicit and decided by the configured policy',
} as const satisfies Record<string, string>;

export type KnownRuleId = keyof typeof RULES;

export function isKnownRule(id: string): id is KnownRuleId {
  return Object.hasOwn(RULES, id);
}

/** "EVT-03 — EX→SF only: the calendar version overwrites …", or the bare id when unknown. */
export function describeRule(id: string): string {
  return isKnownRule(id) ? `${id} — ${RULES[id]}` : id;
}
