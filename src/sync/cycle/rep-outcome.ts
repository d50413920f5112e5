/**
 * @module
 * What one rep's part of a cycle produced, and how failures that stop a rep are described (code, message, rule, the
 * status fields they turn negative and the finding they raise).
 */
import type { Finding, FindingKind, PlannedAction } from '../api.ts';
import { EwsError } from '../exchange/ews-error.ts';
import { OAuthTokenError } from '../exchange/oauth-token.ts';
import { OrgPausedError, SalesforceError } from '../salesforce/sf-error.ts';
import type { StatusValues } from './rep-status.ts';

export interface RepOutcome {
  userId: string;
  rep: string;
  actions: PlannedAction[];
  findings: Finding[];
  errors: Array<{ rep?: string; code: string; message: string; rule?: string }>;
  read: { salesforce: number; exchange: number };
  written: { salesforce: number; exchange: number };
  status: StatusValues;
  /** The rep's sync log (last 24 h) after the cycle, for the org's STAT-02 activity. */
  syncLog?: Array<{ at: number; object: 'Contact' | 'Event'; count?: number }>;
}

export function newOutcome(userId: string, rep: string): RepOutcome {
  return { userId, rep, actions: [], findings: [], errors: [], read: { salesforce: 0, exchange: 0 }, written: { salesforce: 0, exchange: 0 }, status: {} };
}

export interface Blocker {
  code: string;
  message: string;
  rule?: string;
  finding?: FindingKind;
  status: StatusValues;
}

/** Turns a failure that stops a rep into what the summary, the statuses and the findings say about it. */
export function describeBlocker(error: unknown, mailbox: string): Blocker {
  if (error instanceof EwsError) {
    switch (error.code) {
      case 'ErrorImpersonateUserDenied':
        return { code: error.code, rule: 'CONN-04', finding: 'impersonation-denied', status: { RecognizedByServiceAccount: false },
          message: `The service account may not impersonate ${mailbox} (ErrorImpersonateUserDenied): give it ApplicationImpersonation over this mailbox (check the management scope's recipient filter).` };
      case 'ErrorNonExistentMailbox':
        return { code: error.code, rule: 'CONN-04', finding: 'impersonation-denied', status: { RecognizedByServiceAccount: false },
          message: `Exchange has no mailbox ${mailbox} (ErrorNonExistentMailbox): fix the user's email address in Salesforce.` };
      case 'ErrorInvalidExchangeImpersonationHeaderData':
        return { code: error.code, rule: 'CONN-04', finding: 'impersonation-denied', status: { RecognizedByServiceAccount: false },
          message: `Exchange refused the impersonation header for "${mailbox}": set the user's email address in Salesforce.` };
      case 'ErrorInvalidServerVersion':
        return { code: error.code, rule: 'CONN-06', finding: 'unsupported-mailbox', status: { MailboxSupportedVersion: false },
          message: `${mailbox} is on an Exchange server older than 2013 SP1 (it refused the Exchange2013_SP1 schema): move the mailbox to a supported server.` };
      case 'HttpUnauthorized':
        return { code: error.code, rule: 'CONN-08', status: { RecognizedByServiceAccount: false },
          message: `Exchange rejected the credentials for ${mailbox} (401). Check the service account password; in Exchange Online with Basic authentication retired, switch to OAuth 2.0 (CONN-08).` };
      default:
        return { code: error.code, status: {}, message: `${mailbox}: ${error.message}` };
    }
  }
  if (error instanceof OAuthTokenError) return { code: error.code, rule: 'CONN-05', status: { RecognizedByServiceAccount: false }, message: error.message };
  if (error instanceof OrgPausedError) return { code: 'REQUEST_LIMIT_EXCEEDED', status: {}, message: error.message };
  if (error instanceof SalesforceError) return { code: error.code, status: {}, message: error.message };
  return { code: 'ENGINE_ERROR', status: {}, message: `${mailbox}: ${(error as Error)?.message ?? String(error)}` };
}
