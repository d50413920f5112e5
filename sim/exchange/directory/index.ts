/**
 * @module
 * The Exchange sim's directory: tenant, mailboxes, service accounts with their impersonation scopes, OAuth apps with
 * admin consent and issued tokens. EX-OPS's EWS operations and this folder's authenticator, token endpoint and
 * Autodiscover all ask it; it never touches items. Admin changes during a run (a rep changes department, a password
 * is rotated, Basic is retired) go through the `update*` methods and show in snapshots.
 *
 * Rules: CONN-02 (user-name forms), CONN-04 (impersonation), CONN-05 (consent), CONN-06 (versions), CONN-07 (hybrid).
 */
export { Directory, type DirectoryJSON, type ServiceAccountLookup } from './directory.ts';
export type { MailboxPatch } from './mailbox-table.ts';
export type { Principal } from './principal.ts';
export { principalName } from './principal.ts';
export type { MailboxIdentity, MailboxLocation, MailboxDirectoryEntry } from './mailbox-identity.ts';
export type { ResolvedTenant, UserNameForm, AzureCloud } from './tenant.ts';
export type { ServiceAccountInfo } from './service-account.ts';
export type { ImpersonationDecision, ImpersonationResponseCode } from './impersonation.ts';
export { IMPERSONATION_MESSAGES } from './impersonation.ts';
export type { LogonLookup, LogonPrincipal } from './logon.ts';
export type { ConsentRecord, IssuedToken, OAuthAppRecord } from './oauth-registry.ts';
export { OAuthRegistry } from './oauth-registry.ts';
export { compileRecipientFilter, RecipientFilterError } from './recipient-filter/index.ts';
