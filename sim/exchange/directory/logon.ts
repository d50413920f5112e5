/**
 * Resolving a logon name to a principal (CONN-02): parse the form, refuse a form the tenant does not accept (naming
 * the spelling to use instead), check the domain, then find the service account or mailbox.
 */
import type { MailboxIdentity } from './mailbox-identity.ts';
import type { Principal } from './principal.ts';
import type { ServiceAccountRecord } from './service-account.ts';
import type { ResolvedTenant } from './tenant.ts';
import { formRejectedMessage, isTenantDomain, parseUserName } from './user-names.ts';

export type LogonPrincipal = Extract<Principal, { kind: 'service-account' | 'mailbox' }>;

/** Why a logon name did not resolve. `form-rejected` carries the CONN-02 "try the other form" message. */
export type LogonLookup =
  | { ok: true; principal: LogonPrincipal }
  | { ok: false; reason: 'malformed' | 'form-rejected' | 'unknown-user' | 'unknown-domain'; message: string };

export interface LogonAccounts {
  tenant: ResolvedTenant;
  accounts: Iterable<ServiceAccountRecord>;
  mailboxes: Iterable<MailboxIdentity>;
}

/** A logon name that matched, with both spellings of its name (for CONN-02 hints). */
interface LogonMatch {
  principal: LogonPrincipal;
  upn: string;
  sam: string;
}

export function resolveLogon(directory: LogonAccounts, userName: string): LogonLookup {
  const { tenant } = directory;
  const parsed = parseUserName(userName);
  if ('error' in parsed) return { ok: false, reason: 'malformed', message: parsed.error };
  const found =
    parsed.form === 'upn'
      ? find(directory, (upn) => upn === parsed.text.toLowerCase())
      : isTenantDomain(tenant, parsed.domain)
        ? find(directory, (_upn, sam) => sam === parsed.name.toLowerCase())
        : undefined;
  if (!tenant.userNameForms.includes(parsed.form)) {
    const alternative = found && (parsed.form === 'upn' ? `${tenant.netbiosDomain}\\${found.sam}` : found.upn);
    return { ok: false, reason: 'form-rejected', message: formRejectedMessage(tenant, parsed, alternative) };
  }
  if (parsed.form === 'downlevel' && !isTenantDomain(tenant, parsed.domain)) {
    return { ok: false, reason: 'unknown-domain', message: `unknown domain "${parsed.domain}"; this server's domain is ${tenant.netbiosDomain} (${tenant.domain})` };
  }
  if (!found) return { ok: false, reason: 'unknown-user', message: `no account named "${parsed.text}"` };
  return { ok: true, principal: found.principal };
}

/** Service accounts first, then mailboxes: a name can only log on as one of them. */
function find(directory: LogonAccounts, matches: (upn: string, sam: string) => boolean): LogonMatch | undefined {
  for (const account of directory.accounts) {
    if (matches(account.userName, account.samAccountName)) {
      return { principal: { kind: 'service-account', userName: account.userName }, upn: account.userName, sam: account.samAccountName };
    }
  }
  for (const mailbox of directory.mailboxes) {
    if (matches(mailbox.address, mailbox.alias)) return { principal: { kind: 'mailbox', address: mailbox.address }, upn: mailbox.address, sam: mailbox.alias };
  }
  return undefined;
}
