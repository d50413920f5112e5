/**
 * @module
 * Exchange admin actions: what a tenant admin changes while sync runs, applied to the sim's live directory (in-process,
 * and as JSON over `POST /_sim/actions`). Revoke or grant admin consent (CONN-05), move a mailbox out of the
 * impersonation scope or to another server version (CONN-04, CONN-06), add or remove a mailbox, rotate the service
 * account's password or change its impersonation scope, change tenant settings (e.g. retire Basic: CONN-08).
 *
 * Results carry names and settings only: never a password or a client secret.
 */
import type { ConsentRecord, Directory, MailboxIdentity, MailboxPatch, ResolvedTenant, ServiceAccountInfo } from '../directory/index.ts';
import { grantConsent, revokeConsent } from '../oauth/index.ts';
import type { MailboxSpec, ServiceAccountSpec, TenantSpec } from '../world.ts';

export type ServiceAccountPatch = { password?: string; impersonation?: ServiceAccountSpec['impersonation'] | null };
export type TenantPatch = Omit<Partial<TenantSpec>, 'domain'>;

export type ExchangeAdminAction =
  | { type: 'grantConsent'; clientId: string; grantedBy: string }
  | { type: 'revokeConsent'; clientId: string }
  | { type: 'addMailbox'; mailbox: MailboxSpec }
  | { type: 'updateMailbox'; mailbox: string; set: MailboxPatch }
  | { type: 'removeMailbox'; mailbox: string }
  | { type: 'updateServiceAccount'; username: string; set: ServiceAccountPatch }
  | { type: 'updateTenant'; set: TenantPatch };

export const ADMIN_ACTION_TYPES = ['grantConsent', 'revokeConsent', 'addMailbox', 'updateMailbox', 'removeMailbox', 'updateServiceAccount', 'updateTenant'] as const;

/** What an admin action answers (JSON-safe, no secrets). */
export type AdminResult =
  | { type: 'consent'; clientId: string; consent: ConsentRecord | null; changed: boolean }
  | { type: 'mailbox'; mailbox: MailboxIdentity }
  | { type: 'mailbox-removed'; mailbox: string; removed: boolean }
  | { type: 'service-account'; account: ServiceAccountInfo }
  | { type: 'tenant'; tenant: ResolvedTenant };

export interface ExchangeAdminActions {
  /** A global admin grants tenant-wide admin consent to the OAuth app (CONN-05). */
  grantConsent(clientId: string, grantedBy: string): AdminResult;
  /** Consent withdrawn: new token requests fail (AADSTS65001); tokens already issued work until they expire. */
  revokeConsent(clientId: string): AdminResult;
  /** A new mailbox (its store is provisioned empty on first use). */
  addMailbox(mailbox: MailboxSpec): AdminResult;
  /** E.g. `{ department: 'Finance' }` moves a rep out of a `Department -eq 'Sales'` scope; `{ version: 'Exchange2010' }` moves the mailbox to an older server. */
  updateMailbox(address: string, set: MailboxPatch): AdminResult;
  removeMailbox(address: string): AdminResult;
  /** Rotate the password, change the scope, or `impersonation: null` to remove the ApplicationImpersonation role. */
  updateServiceAccount(username: string, set: ServiceAccountPatch): AdminResult;
  /** E.g. `{ auth: { basicRetired: true } }`. The domain cannot change. */
  updateTenant(set: TenantPatch): AdminResult;
  apply(action: ExchangeAdminAction): AdminResult;
}

const MAILBOX_PATCH_KEYS = ['displayName', 'department', 'office', 'company', 'customAttributes', 'password', 'version', 'location'];
const SERVICE_ACCOUNT_PATCH_KEYS = ['password', 'impersonation'];
const TENANT_PATCH_KEYS = ['netbiosDomain', 'version', 'hybrid', 'auth', 'userNameForms', 'cloud', 'maxConcurrency', 'ewsThrottling'];

export function isAdminAction(action: { type?: unknown } | undefined): action is ExchangeAdminAction {
  return (ADMIN_ACTION_TYPES as readonly unknown[]).includes(action?.type);
}

/** `sim.directory` is read on every call: restore() and reset() replace the directory object. */
export function createAdminActions(sim: { readonly directory: Directory }): ExchangeAdminActions {
  const dir = (): Directory => sim.directory;
  const admin: ExchangeAdminActions = {
    grantConsent(clientId, grantedBy) {
      requireText('grantConsent', 'clientId', clientId);
      requireText('grantConsent', 'grantedBy (the global admin granting consent)', grantedBy);
      const before = dir().oauth.app(clientId)?.consent;
      const consent = grantConsent(dir(), { clientId, grantedBy });
      return { type: 'consent', clientId, consent: { ...consent }, changed: before?.grantedBy !== consent.grantedBy };
    },
    revokeConsent(clientId) {
      requireText('revokeConsent', 'clientId', clientId);
      return { type: 'consent', clientId, consent: null, changed: revokeConsent(dir(), { clientId }) };
    },
    addMailbox(mailbox) {
      if (!mailbox || typeof mailbox !== 'object') throw new Error('addMailbox: send { mailbox: { address: "rep9@acme.test", department: "Sales" } }');
      return { type: 'mailbox', mailbox: dir().addMailbox(mailbox) };
    },
    updateMailbox(address, set) {
      requireText('updateMailbox', 'mailbox', address);
      requireKnownKeys('updateMailbox', set, MAILBOX_PATCH_KEYS);
      return { type: 'mailbox', mailbox: dir().updateMailbox(address, set) };
    },
    removeMailbox(address) {
      requireText('removeMailbox', 'mailbox', address);
      return { type: 'mailbox-removed', mailbox: address.trim().toLowerCase(), removed: dir().removeMailbox(address) };
    },
    updateServiceAccount(username, set) {
      requireText('updateServiceAccount', 'username (the service account UPN)', username);
      requireKnownKeys('updateServiceAccount', set, SERVICE_ACCOUNT_PATCH_KEYS);
      return { type: 'service-account', account: dir().updateServiceAccount(username, set) };
    },
    updateTenant(set) {
      if (set && typeof set === 'object' && 'domain' in set) throw new Error('updateTenant: the tenant domain cannot change during a run; build another world instead');
      requireKnownKeys('updateTenant', set, TENANT_PATCH_KEYS);
      return { type: 'tenant', tenant: dir().updateTenant(set) };
    },
    apply(action) {
      switch (action.type) {
        case 'grantConsent':
          return admin.grantConsent(action.clientId, action.grantedBy);
        case 'revokeConsent':
          return admin.revokeConsent(action.clientId);
        case 'addMailbox':
          return admin.addMailbox(action.mailbox);
        case 'updateMailbox':
          return admin.updateMailbox(action.mailbox, action.set);
        case 'removeMailbox':
          return admin.removeMailbox(action.mailbox);
        case 'updateServiceAccount':
          return admin.updateServiceAccount(action.username, action.set);
        case 'updateTenant':
          return admin.updateTenant(action.set);
        default:
          throw new Error(`exchange admin action: unknown type "${String((action as { type?: unknown }).type)}"; use one of ${ADMIN_ACTION_TYPES.join(', ')}`);
      }
    },
  };
  return admin;
}

function requireText(action: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${action}: ${field} is required (a non-empty string), got ${JSON.stringify(value)}`);
}

function requireKnownKeys(action: string, set: unknown, allowed: string[]): void {
  if (!set || typeof set !== 'object' || Array.isArray(set)) throw new Error(`${action}: "set" must be an object of changes; allowed keys: ${allowed.join(', ')}`);
  const unknown = Object.keys(set).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new Error(`${action}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in "set"; allowed: ${allowed.join(', ')}`);
}
