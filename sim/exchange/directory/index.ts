/**
 * @module
 * The Exchange sim's directory: tenant, mailboxes, service accounts with their impersonation scopes, OAuth apps with
 * admin consent and issued tokens. EX-OPS's EWS operations and this folder's authenticator, token endpoint and
 * Autodiscover all ask it; it never touches items.
 *
 * Rules: CONN-02 (user-name forms), CONN-04 (impersonation), CONN-05 (consent), CONN-06 (versions), CONN-07 (hybrid).
 */
import { createHash } from 'node:crypto';
import type { Clock } from '#time/clock.ts';
import type { ExchangeVersionName, ExchangeWorld, MailboxSpec } from '../world.ts';
import { decideImpersonation, type ImpersonationDecision } from './impersonation.ts';
import { toMailboxIdentity, type MailboxDirectoryEntry, type MailboxIdentity } from './mailbox-identity.ts';
import { md4 } from '../auth/ntlm/md4.ts';
import { OAuthRegistry, type OAuthRegistryJSON } from './oauth-registry.ts';
import type { Principal } from './principal.ts';
import { toServiceAccountInfo, toServiceAccountRecord, toServiceAccountSpec, type ServiceAccountInfo, type ServiceAccountRecord } from './service-account.ts';
import { resolveTenant, type ResolvedTenant } from './tenant.ts';
import { formRejectedMessage, isTenantDomain, parseUserName } from './user-names.ts';

export type { Principal } from './principal.ts';
export { principalName } from './principal.ts';
export type { MailboxIdentity, MailboxLocation } from './mailbox-identity.ts';
export type { ResolvedTenant, UserNameForm, AzureCloud } from './tenant.ts';
export type { ServiceAccountInfo } from './service-account.ts';
export type { ImpersonationDecision, ImpersonationResponseCode } from './impersonation.ts';
export { IMPERSONATION_MESSAGES } from './impersonation.ts';
export type { ConsentRecord, IssuedToken, OAuthAppRecord } from './oauth-registry.ts';
export { OAuthRegistry } from './oauth-registry.ts';
export { compileRecipientFilter, RecipientFilterError } from './recipient-filter/index.ts';

/** Why a logon name did not resolve. `form-rejected` carries the CONN-02 "try the other form" message. */
export type LogonLookup =
  | { ok: true; principal: Extract<Principal, { kind: 'service-account' | 'mailbox' }> }
  | { ok: false; reason: 'malformed' | 'form-rejected' | 'unknown-user' | 'unknown-domain'; message: string };

export type ServiceAccountLookup =
  | { ok: true; account: ServiceAccountInfo }
  | { ok: false; reason: 'malformed' | 'form-rejected' | 'unknown-user' | 'unknown-domain' | 'not-a-service-account'; message: string };

/** A logon name that matched an account, with both spellings of its name (for CONN-02 hints). */
interface LogonMatch {
  principal: Extract<Principal, { kind: 'service-account' | 'mailbox' }>;
  upn: string;
  sam: string;
}

export interface DirectoryJSON {
  format: 'synclab.exchange.directory/1';
  world: ExchangeWorld;
  oauth: OAuthRegistryJSON;
}

export class Directory {
  readonly tenant: ResolvedTenant;
  readonly oauth: OAuthRegistry;
  readonly #clock: Clock;
  readonly #world: ExchangeWorld;
  readonly #mailboxes = new Map<string, { entry: MailboxDirectoryEntry; identity: MailboxIdentity }>();
  readonly #accounts = new Map<string, ServiceAccountRecord>();

  constructor(world: ExchangeWorld, clock: Clock, oauth?: OAuthRegistry) {
    this.#clock = clock;
    this.#world = world;
    this.tenant = resolveTenant(world);
    for (const spec of world.serviceAccounts ?? []) {
      const record = toServiceAccountRecord(spec);
      if (this.#accounts.has(record.userName)) throw new Error(`exchange world: service account ${record.userName} is listed twice`);
      this.#accounts.set(record.userName, record);
    }
    for (const spec of world.mailboxes ?? []) this.addMailbox(spec);
    this.oauth = oauth ?? new OAuthRegistry(world.oauthApps ?? [], clock.now());
  }

  /** CONN-07: the tenant says so, or its mailboxes live in both places. */
  get isHybrid(): boolean {
    if (this.tenant.hybrid) return true;
    const locations = new Set(this.mailboxes().map((m) => m.location));
    return locations.size > 1;
  }

  mailbox(address: string): MailboxIdentity | undefined {
    return this.#mailboxes.get(address.trim().toLowerCase())?.identity;
  }

  mailboxes(): MailboxIdentity[] {
    return [...this.#mailboxes.values()].map((m) => m.identity);
  }

  addMailbox(spec: MailboxSpec | MailboxDirectoryEntry): MailboxIdentity {
    const identity = toMailboxIdentity(spec, this.tenant);
    if (this.#mailboxes.has(identity.address)) throw new Error(`exchange world: mailbox ${identity.address} already exists`);
    const { address, displayName, department, office, company, customAttributes, password, version, location } = spec;
    const entry: MailboxDirectoryEntry = { address, displayName, department, office, company, customAttributes, password, version, location };
    this.#mailboxes.set(identity.address, { entry: stripUndefined(entry), identity });
    return identity;
  }

  /** Removes a mailbox (e.g. the admin who granted OAuth consent leaves: CONN-05 says consent survives it). */
  removeMailbox(address: string): boolean {
    return this.#mailboxes.delete(address.trim().toLowerCase());
  }

  versionOf(address: string): ExchangeVersionName | undefined {
    return this.mailbox(address)?.version;
  }

  serviceAccounts(): ServiceAccountInfo[] {
    return [...this.#accounts.values()].map(toServiceAccountInfo);
  }

  /** Looks up a service account by UPN or down-level name, honouring the tenant's accepted forms (CONN-02). */
  serviceAccount(userName: string): ServiceAccountLookup {
    const logon = this.resolveLogon(userName);
    if (!logon.ok) return logon;
    if (logon.principal.kind !== 'service-account') {
      return { ok: false, reason: 'not-a-service-account', message: `${logon.principal.address} is a mailbox, not a service account` };
    }
    return { ok: true, account: toServiceAccountInfo(this.#accounts.get(logon.principal.userName)!) };
  }

  /** Resolves a logon name (service account first, then mailbox) to a principal, per the accepted forms (CONN-02). */
  resolveLogon(userName: string): LogonLookup {
    const parsed = parseUserName(userName);
    if ('error' in parsed) return { ok: false, reason: 'malformed', message: parsed.error };
    const found = parsed.form === 'upn' ? this.#findByUpn(parsed.text) : this.#findByDownlevel(parsed.domain, parsed.name);
    if (!this.tenant.userNameForms.includes(parsed.form)) {
      const alternative = found && (parsed.form === 'upn' ? `${this.tenant.netbiosDomain}\\${found.sam}` : found.upn);
      return { ok: false, reason: 'form-rejected', message: formRejectedMessage(this.tenant, parsed, alternative) };
    }
    if (parsed.form === 'downlevel' && !isTenantDomain(this.tenant, parsed.domain)) {
      return {
        ok: false,
        reason: 'unknown-domain',
        message: `unknown domain "${parsed.domain}"; this server's domain is ${this.tenant.netbiosDomain} (${this.tenant.domain})`,
      };
    }
    if (!found) return { ok: false, reason: 'unknown-user', message: `no account named "${parsed.text}"` };
    return { ok: true, principal: found.principal };
  }

  /** Constant-time password check for a service account or mailbox principal. */
  checkPassword(principal: Principal, password: string): boolean {
    const expected = this.#passwordOf(principal);
    if (expected === undefined) return false;
    const a = createHash('sha256').update(expected).digest();
    const b = createHash('sha256').update(password).digest();
    return a.equals(b);
  }

  /** NT hash, MD4(UTF-16LE(password)), which NTLMv2 verification keys on; undefined when the principal has no password. */
  ntHashOf(principal: Principal): Buffer | undefined {
    const password = this.#passwordOf(principal);
    return password === undefined ? undefined : md4(Buffer.from(password, 'utf16le'));
  }

  checkImpersonation(principal: Principal, smtpAddress: string | undefined): ImpersonationDecision {
    return decideImpersonation(
      {
        mailbox: (address) => this.mailbox(address),
        serviceAccount: (userName) => this.#accounts.get(userName.toLowerCase()),
        tenantId: this.tenant.tenantId,
        hasOAuthApp: (clientId) => this.oauth.app(clientId) !== undefined,
        hybrid: this.isHybrid,
      },
      principal,
      smtpAddress,
    );
  }

  /**
   * Which mailboxes a principal may impersonate and which it may not (CONN-04), e.g. for `synclab serve`'s
   * "outOfScope" list and for connection-test expectations.
   */
  impersonationScope(principal: Principal): { inScope: string[]; outOfScope: string[] } {
    const inScope: string[] = [];
    const outOfScope: string[] = [];
    for (const mailbox of this.mailboxes()) {
      (this.checkImpersonation(principal, mailbox.address).ok ? inScope : outOfScope).push(mailbox.address);
    }
    return { inScope, outOfScope };
  }

  now(): number {
    return this.#clock.now();
  }

  toJSON(): DirectoryJSON {
    return {
      format: 'synclab.exchange.directory/1',
      world: {
        tenant: this.#world.tenant && structuredClone(this.#world.tenant),
        serviceAccounts: [...this.#accounts.values()].map(toServiceAccountSpec),
        oauthApps: this.oauth.apps().map((a) => ({ clientId: a.clientId, clientSecret: a.clientSecret, tokenLifetimeSeconds: a.tokenLifetimeSeconds })),
        mailboxes: [...this.#mailboxes.values()].map((m) => structuredClone(m.entry)),
      },
      oauth: this.oauth.toJSON(),
    };
  }

  static fromJSON(json: DirectoryJSON, clock: Clock): Directory {
    if (json?.format !== 'synclab.exchange.directory/1') {
      throw new Error(`Directory.fromJSON: not a directory snapshot (format ${JSON.stringify(json?.format)}, expected synclab.exchange.directory/1)`);
    }
    return new Directory(json.world, clock, OAuthRegistry.fromJSON(json.oauth));
  }

  #passwordOf(principal: Principal): string | undefined {
    if (principal.kind === 'service-account') return this.#accounts.get(principal.userName.toLowerCase())?.password;
    if (principal.kind === 'mailbox') return this.#mailboxes.get(principal.address.toLowerCase())?.entry.password;
    return undefined;
  }

  #findByUpn(upn: string): LogonMatch | undefined {
    const key = upn.toLowerCase();
    const account = this.#accounts.get(key);
    if (account) return { principal: { kind: 'service-account', userName: account.userName }, upn: account.userName, sam: account.samAccountName };
    const mailbox = this.mailbox(key);
    if (mailbox) return { principal: { kind: 'mailbox', address: mailbox.address }, upn: mailbox.address, sam: mailbox.alias };
    return undefined;
  }

  #findByDownlevel(domain: string, name: string): LogonMatch | undefined {
    if (!isTenantDomain(this.tenant, domain)) return undefined;
    const sam = name.toLowerCase();
    for (const account of this.#accounts.values()) {
      if (account.samAccountName === sam) return { principal: { kind: 'service-account', userName: account.userName }, upn: account.userName, sam };
    }
    for (const { identity } of this.#mailboxes.values()) {
      if (identity.alias === sam) return { principal: { kind: 'mailbox', address: identity.address }, upn: identity.address, sam };
    }
    return undefined;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
