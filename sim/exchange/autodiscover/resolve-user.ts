/**
 * Which mailbox an Autodiscover request asks about. In a hybrid tenant (CONN-07) this endpoint plays the
 * on-premises Autodiscover: a mailbox that lives online is a remote mailbox here, so Exchange answers with a redirect
 * to its routing address `alias@<tenant>.mail.onmicrosoft.com`; asked about that address, the sim answers as
 * Exchange Online would. That redirect is how a client can tell it is talking to a hybrid deployment.
 */
import type { Directory, MailboxIdentity } from '../directory/index.ts';

export type UserResolution =
  | { kind: 'mailbox'; mailbox: MailboxIdentity }
  | { kind: 'redirect'; target: string }
  | { kind: 'unknown' };

export function routingDomain(directory: Directory): string {
  return `${directory.tenant.domain.split('.')[0]}.mail.onmicrosoft.com`;
}

export function resolveAutodiscoverUser(directory: Directory, address: string): UserResolution {
  const wanted = address.trim().toLowerCase();
  const mailbox = directory.mailbox(wanted);
  if (mailbox) {
    if (directory.isHybrid && mailbox.location === 'online') return { kind: 'redirect', target: `${mailbox.alias}@${routingDomain(directory)}` };
    return { kind: 'mailbox', mailbox };
  }
  const [alias, domain] = wanted.split('@');
  if (directory.isHybrid && alias && domain === routingDomain(directory)) {
    const online = directory.mailboxes().find((m) => m.location === 'online' && m.alias === alias);
    if (online) return { kind: 'mailbox', mailbox: online };
  }
  return { kind: 'unknown' };
}
