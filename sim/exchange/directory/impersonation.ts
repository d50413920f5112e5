/**
 * CONN-04: may this principal act as that mailbox (EWS ExchangeImpersonation)?
 *
 * Order of checks, and why:
 * 1. empty ConnectingSID → ErrorInvalidExchangeImpersonationHeaderData (the header itself is bad);
 * 2. address not a mailbox here → ErrorNonExistentMailbox (Exchange resolves the recipient before it can evaluate
 *    a scope against it). In a hybrid tenant a mailbox that lives on the other side is a mail user here, so it is
 *    "nonexistent" to this endpoint too (CONN-07);
 * 3. no ApplicationImpersonation role, or the mailbox is outside the role's management scope →
 *    ErrorImpersonateUserDenied.
 * OAuth apps (app-only tokens with full_access_as_app) may act as any mailbox of their own tenant.
 */
import type { MailboxIdentity } from './mailbox-identity.ts';
import { recipientProperties } from './mailbox-identity.ts';
import type { Principal } from './principal.ts';
import type { ServiceAccountRecord } from './service-account.ts';

export type ImpersonationResponseCode =
  | 'ErrorImpersonateUserDenied'
  | 'ErrorNonExistentMailbox'
  | 'ErrorInvalidExchangeImpersonationHeaderData';

export type ImpersonationDecision =
  | { ok: true; mailbox: MailboxIdentity }
  | { ok: false; responseCode: ImpersonationResponseCode; message: string };

export const IMPERSONATION_MESSAGES: Record<ImpersonationResponseCode, string> = {
  ErrorImpersonateUserDenied: 'The account does not have permission to impersonate the requested user.',
  ErrorNonExistentMailbox: 'The SMTP address has no mailbox associated with it.',
  ErrorInvalidExchangeImpersonationHeaderData: 'The impersonation header data is invalid.',
};

export interface ImpersonationContext {
  mailbox(address: string): MailboxIdentity | undefined;
  serviceAccount(userName: string): ServiceAccountRecord | undefined;
  tenantId: string;
  hasOAuthApp(clientId: string): boolean;
  /** Where principals of this kind are served from, in a hybrid tenant. */
  hybrid: boolean;
}

const deny = (responseCode: ImpersonationResponseCode): ImpersonationDecision => ({
  ok: false,
  responseCode,
  message: IMPERSONATION_MESSAGES[responseCode],
});

export function decideImpersonation(ctx: ImpersonationContext, principal: Principal, smtpAddress: string | undefined): ImpersonationDecision {
  const address = smtpAddress?.trim() ?? '';
  if (!address) return deny('ErrorInvalidExchangeImpersonationHeaderData');
  const mailbox = ctx.mailbox(address);
  if (!mailbox) return deny('ErrorNonExistentMailbox');

  switch (principal.kind) {
    case 'oauth-app': {
      if (principal.tenantId !== ctx.tenantId || !ctx.hasOAuthApp(principal.clientId)) return deny('ErrorImpersonateUserDenied');
      // An Exchange Online app reaches only mailboxes hosted online.
      if (ctx.hybrid && mailbox.location !== 'online') return deny('ErrorNonExistentMailbox');
      return { ok: true, mailbox };
    }
    case 'service-account': {
      const account = ctx.serviceAccount(principal.userName);
      if (!account?.impersonation) return deny('ErrorImpersonateUserDenied');
      // The service account logs on to the on-premises servers; an online mailbox is a remote mailbox there.
      if (ctx.hybrid && mailbox.location !== 'on-premises') return deny('ErrorNonExistentMailbox');
      if (account.scope && !account.scope.matches(recipientProperties(mailbox))) return deny('ErrorImpersonateUserDenied');
      return { ok: true, mailbox };
    }
    case 'mailbox':
      // A user may open their own mailbox; impersonating anyone else needs the role.
      return principal.address.toLowerCase() === mailbox.address ? { ok: true, mailbox } : deny('ErrorImpersonateUserDenied');
  }
}
