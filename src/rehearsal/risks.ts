/**
 * @module
 * The catalogue of rollout risks the rehearsal reports: which engine findings feed each one, the SPEC rule, how a
 * risk is counted (distinct reps or distinct records per org), and the fix the Lightning Sync admin guide
 * recommends.
 */
import type { CycleSummary, Finding, FindingKind } from '../sync/api.ts';

export type RiskId =
  | 'overwritten-sf-notes' | 'private-withheld' | 'private-synced' | 'multi-org' | 'inactive-config' | 'unlinked-email'
  | 'outside-scope' | 'unsupported-mailbox' | 'company-unresolved' | 'company-removed' | 'contact-cap' | 'out-of-window'
  | 'consent-missing' | 'basic-auth-retired';

export interface RiskDef {
  id: RiskId;
  title: string;
  rules: string[];
  kinds: FindingKind[];
  /** Only findings with one of these rules count (a kind shared by several rules). */
  onlyRules?: string[];
  /** Risks that stop a rep before anything is read raise no finding, only a cycle error: these codes count, as
   *  `error` findings with the error's rule (see `riskFindings`). */
  errorCodes?: string[];
  /** 'rep': one per rep and org (ORG-01: per rep); 'item': one per record and org. */
  per: 'rep' | 'item';
  fix: string;
}

export const RISKS: RiskDef[] = [
  { id: 'overwritten-sf-notes', title: 'Salesforce-only event notes overwritten by Outlook', rules: ['EVT-03'], kinds: ['overwrite'], onlyRules: ['EVT-03'], per: 'item',
    fix: 'Sync events both ways, or tell reps to keep meeting notes in a field that is not synced; unmap Description from the event mapping (guide: Considerations for Syncing Events to Salesforce Only).' },
  { id: 'private-withheld', title: 'Private events withheld from sync', rules: ['EVT-02'], kinds: ['private-event-withheld'], per: 'item',
    fix: 'Expected when "Sync private events" is off; tell reps that private events stay in Outlook, or turn the option on (guide step 15).' },
  { id: 'private-synced', title: 'Private events that will sync', rules: ['EVT-02'], kinds: ['private-event-synced'], per: 'item',
    fix: 'They stay private on both sides; turn "Sync private events" off if reps expect them to stay in Outlook (guide step 15).' },
  { id: 'multi-org', title: 'Reps syncing from more than one org', rules: ['ORG-01'], kinds: ['multi-org-collision'], per: 'rep',
    fix: 'A mailbox must sync with one org only: remove the reps from the sandbox configuration before adding them to production.' },
  { id: 'inactive-config', title: 'Reps left in inactive configurations', rules: ['ORG-02'], kinds: ['inactive-config-risk'], per: 'rep',
    fix: 'Remove the reps from the inactive (sandbox) configuration; they sync again the moment someone reactivates it.' },
  { id: 'unlinked-email', title: 'Salesforce emails that do not link to a mailbox', rules: ['ORG-03', 'CONN-03'], kinds: ['unlinked-email'], per: 'rep',
    fix: 'Fix the sandbox users\' .invalid emails, or add the mail domain to the additional domains of the Lightning Sync setup.' },
  { id: 'outside-scope', title: 'Mailboxes outside the service account\'s impersonation scope', rules: ['CONN-04'], kinds: ['impersonation-denied'], per: 'rep',
    fix: 'Widen the management scope of the ApplicationImpersonation role so it covers every rep\'s mailbox.' },
  { id: 'unsupported-mailbox', title: 'Unsupported or hybrid mailboxes', rules: ['CONN-06', 'CONN-07'], kinds: ['unsupported-mailbox'], per: 'rep',
    fix: 'Move the mailboxes to Exchange 2013 SP1 or later (or Exchange Online); hybrid deployments are not supported.' },
  { id: 'company-unresolved', title: 'Contacts whose company has no Account', rules: ['CON-05'], kinds: ['unresolved-account'], per: 'item',
    fix: 'Create the Accounts before the rollout, or ask reps to resolve the unresolved items before the next sync.' },
  { id: 'company-removed', title: 'Contacts losing their company in Outlook', rules: ['CON-05'], kinds: ['company-removed'], per: 'item',
    fix: 'Reps must resolve unresolved items before the next sync; otherwise the company is removed from the Outlook contact.' },
  { id: 'contact-cap', title: 'Reps over the 50,000-contact cap', rules: ['CON-07'], kinds: ['contact-cap'], per: 'rep',
    fix: 'Narrow the contact filters so each rep syncs at most 50,000 contacts.' },
  { id: 'consent-missing', title: 'No admin consent for the OAuth app: no rep can sync', rules: ['CONN-05'], kinds: ['error'], onlyRules: ['CONN-05'], errorCodes: ['invalid_grant', 'consent_required', 'unauthorized_client'], per: 'rep',
    fix: 'Have your Office 365 global administrator log in and accept Lightning Sync access when the Microsoft Azure login page opens, then click Connect under "Provide your Office 365 ID" (guide: Connect Salesforce and Microsoft Exchange Using OAuth 2.0). Consent is given once and survives that admin leaving.' },
  { id: 'basic-auth-retired', title: 'Service account refused: Basic authentication retired (401)', rules: ['CONN-08'], kinds: ['error'], onlyRules: ['CONN-08'], errorCodes: ['HttpUnauthorized'], per: 'rep',
    fix: 'Switch the Lightning Sync connection method to OAuth 2.0: Microsoft blocked Basic authentication in the tenant, so the service-account method can no longer sync contacts and events (guide: Prepare Your Microsoft Exchange Server, Important note; Connect Salesforce and Microsoft Exchange Using OAuth 2.0).' },
  { id: 'out-of-window', title: 'Events excluded by the event filter', rules: ['CFG-07', 'EVT-04'], kinds: ['out-of-window'], per: 'item',
    fix: 'Choose a wider event filter (LAST_MONTH or LAST_N_DAYS) if reps expect past events in Salesforce.' },
];

/**
 * The cycle's findings, plus one `error` finding per rep error that a risk counts by code (consent refused, Basic
 * retired): those stop the rep before any finding can be raised, so the summary's errors are their only trace.
 */
export function riskFindings(summary: CycleSummary): Finding[] {
  const codes = new Set(RISKS.flatMap((r) => r.errorCodes ?? []));
  const fromErrors = summary.errors
    .filter((e) => e.rule && codes.has(e.code))
    .map((e): Finding => ({ kind: 'error', rule: e.rule as Finding['rule'], org: summary.org, ...(e.rep ? { rep: e.rep } : {}), message: e.message, at: summary.endedAt }));
  return fromErrors.length ? [...summary.findings, ...fromErrors] : summary.findings;
}
