/**
 * Who a request authenticated as. Only names, never credentials: principals go into traces and findings.
 */
export type Principal =
  | { kind: 'service-account'; userName: string }
  | { kind: 'mailbox'; address: string }
  | { kind: 'oauth-app'; clientId: string; tenantId: string };

/** The name to show for a principal in traces and logs (user name, address or client id; never a secret). */
export function principalName(principal: Principal): string {
  switch (principal.kind) {
    case 'service-account':
      return principal.userName;
    case 'mailbox':
      return principal.address;
    case 'oauth-app':
      return `app:${principal.clientId}`;
  }
}
