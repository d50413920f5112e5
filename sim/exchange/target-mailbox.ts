/**
 * @module
 * Which mailbox an EWS request acts on: the impersonated one (CONN-04, decided by EX-AUTH's directory), or the
 * principal's own. The directory is the authority on who exists and on which server version; the store follows it.
 */
import type { Principal } from './auth/index.ts';
import type { Directory } from './directory/index.ts';
import type { SoapRequest } from './soap/envelope.ts';
import { EwsFault, notImplementedFault } from './soap/fault.ts';
import type { ExchangeStore } from './store/store.ts';
import type { StoredMailbox } from './store/types.ts';

interface MailboxContext {
  store: ExchangeStore;
  directory: Directory;
}

export function targetMailbox(ctx: MailboxContext, principal: Principal, soap: SoapRequest): StoredMailbox {
  if (soap.impersonation) {
    if (soap.impersonation.kind === 'SID') throw new EwsFault(notImplementedFault('ExchangeImpersonation by SID; use SmtpAddress or PrincipalName'));
    const decision = ctx.directory.checkImpersonation(principal, soap.impersonation.value);
    if (!decision.ok) {
      throw new EwsFault({
        responseCode: decision.responseCode,
        message: decision.message,
        ...(decision.responseCode === 'ErrorNonExistentMailbox' ? { details: { SmtpAddress: soap.impersonation.value } } : {}),
      });
    }
    return storeMailbox(ctx, decision.mailbox.address);
  }
  if (principal.kind === 'mailbox') return storeMailbox(ctx, principal.address);
  if (principal.kind === 'oauth-app') {
    throw new EwsFault({
      responseCode: 'ErrorInvalidExchangeImpersonationHeaderData',
      message: 'ExchangeImpersonation SOAP header must be present for this type of OAuth token.',
    });
  }
  throw new EwsFault({
    responseCode: 'ErrorMissingEmailAddress',
    message: 'When making a request as an account that does not have a mailbox, you must specify the mailbox primary SMTP address for any distinguished folder Ids.',
  });
}

/**
 * The store's record of the mailbox. The directory is the authority on who exists and on which version (admins can
 * add mailboxes or move them between servers mid-run), so a directory mailbox the store has not seen yet is
 * provisioned empty, and the version is re-read on every request (CONN-06).
 */
function storeMailbox(ctx: MailboxContext, address: string): StoredMailbox {
  const identity = ctx.directory.mailbox(address);
  let mailbox = ctx.store.mailbox(address);
  if (!mailbox && identity) mailbox = ctx.store.addMailbox({ address: identity.address, displayName: identity.displayName, version: identity.version });
  if (mailbox && identity && mailbox.version !== identity.version) mailbox.version = identity.version;
  if (!mailbox) {
    throw new EwsFault({ responseCode: 'ErrorNonExistentMailbox', message: 'The SMTP address has no mailbox associated with it.', details: { SmtpAddress: address } });
  }
  return mailbox;
}

