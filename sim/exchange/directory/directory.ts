/**
 * The Directory class (see index.ts for what it is for). Admin changes during a run go through the `update*`
 * methods and show in snapshots.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '#time/clock.ts';
import type { ExchangeVersionName, ExchangeWorld, MailboxSpec, ServiceAccountSpec, TenantSpec } from '../world.ts';
import { md4 } from '../auth/ntlm/md4.ts';
import { decideImpersonation, type ImpersonationDecision } from './impersonation.ts';
import { resolveLogon, type LogonLookup } from './logon.ts';
import type { MailboxDirectoryEntry, MailboxIdentity } from './mailbox-identity.ts';
import { MailboxTable, type MailboxPatch } from './mailbox-table.ts';
import { OAuthRegistry, type OAuthRegistryJSON } from './oauth-registry.ts';
import type { Principal } from './principal.ts';
import { toServiceAccountInfo, toServiceAccountRecord, toServiceAccountSpec, type ServiceAccountInfo, type ServiceAccountRecord } from './service-account.ts';
import { resolveTenant, type ResolvedTenant } from './tenant.ts';

export type ServiceAccountLookup =
  | { ok: true; account: ServiceAccountInfo }
  | { ok: false; reason: Extract<LogonLookup, { ok: false }>['reason'] | 'not-a-service-account'; message: string };

export interface DirectoryJSON {
  format: 'synclab.exchange.directory/1';
  world: ExchangeWorld;
  oauth: OAuthRegistryJSON;
}

export class Directory {
  readonly oauth: OAuthRegistry;
  readonly #clock: Clock;
  #tenantSpec: TenantSpec | undefined;
  #tenant: ResolvedTenant;
  readonly #mailboxes = new MailboxTable();
  readonly #accounts = new Map<string, ServiceAccountRecord>();

  constructor(world: ExchangeWorld, clock: Clock, oauth?: OAuthRegistry) {
    this.#clock = clock;
    this.#tenantSpec = world.tenant && structuredClone(world.tenant);
    this.#tenant = resolveTenant(world);
    for (const spec of world.serviceAccounts ?? []) {
      const record = toServiceAccountRecord(spec);
      if (this.#accounts.has(record.userName)) throw new Error(`exchange world: service account ${record.userName} is listed twice`);
      this.#accounts.set(record.userName, record);
    }
    for (const spec of world.mailboxes ?? []) this.addMailbox(spec);
    this.oauth = oauth ?? new OAuthRegistry(world.oauthApps ?? [], clock.now());
  }

  get tenant(): ResolvedTenant {
    return this.#tenant;
  }

  /** CONN-07: the tenant says so, or its mailboxes live in both places. */
  get isHybrid(): boolean {
    return this.#tenant.hybrid || this.#mailboxes.spansLocations;
  }

  mailbox(address: string): MailboxIdentity | undefined {
    return this.#mailboxes.get(address);
  }

  mailboxes(): MailboxIdentity[] {
    return this.#mailboxes.list();
  }

  addMailbox(spec: MailboxSpec | MailboxDirectoryEntry): MailboxIdentity {
    return this.#mailboxes.add(spec, this.#tenant);
  }

  /** An admin edits a mailbox (e.g. moves a rep to another department, out of the impersonation scope: CONN-04). */
  updateMailbox(address: string, patch: MailboxPatch): MailboxIdentity {
    return this.#mailboxes.update(address, patch, this.#tenant);
  }

  /** Removes a mailbox (e.g. the admin who granted OAuth consent leaves: CONN-05 says consent survives it). */
  removeMailbox(address: string): boolean {
    return this.#mailboxes.remove(address);
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

  /** An admin rotates a password or changes (null = removes) the ApplicationImpersonation assignment. */
  updateServiceAccount(userName: string, patch: { password?: string; impersonation?: ServiceAccountSpec['impersonation'] | null }): ServiceAccountInfo {
    const current = this.#accounts.get(userName.trim().toLowerCase());
    if (!current) throw new Error(`updateServiceAccount: no service account ${userName} (use its UPN)`);
    const spec = toServiceAccountSpec(current);
    if (patch.password !== undefined) spec.password = patch.password;
    if (patch.impersonation !== undefined) spec.impersonation = patch.impersonation ?? undefined;
    const record = toServiceAccountRecord(spec);
    this.#accounts.set(record.userName, record);
    return toServiceAccountInfo(record);
  }

  /** An admin changes tenant settings mid-run (e.g. retires Basic: CONN-08). The domain cannot change. */
  updateTenant(patch: Omit<Partial<TenantSpec>, 'domain'>): ResolvedTenant {
    const base: TenantSpec = this.#tenantSpec ?? { domain: this.#tenant.domain };
    const next: TenantSpec = { ...base, ...patch, auth: { ...base.auth, ...patch.auth } };
    this.#tenant = resolveTenant({ tenant: next });
    this.#tenantSpec = next;
    this.#mailboxes.reidentify(this.#tenant);
    return this.#tenant;
  }

  /** Resolves a logon name (service account first, then mailbox) to a principal, per the accepted forms (CONN-02). */
  resolveLogon(userName: string): LogonLookup {
    return resolveLogon({ tenant: this.#tenant, accounts: this.#accounts.values(), mailboxes: this.#mailboxes.identities() }, userName);
  }

  /** Constant-time password check for a service account or mailbox principal. */
  checkPassword(principal: Principal, password: string): boolean {
    const expected = this.#passwordOf(principal);
    if (expected === undefined) return false;
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return digest(expected).equals(digest(password));
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
        tenantId: this.#tenant.tenantId,
        hasOAuthApp: (clientId) => this.oauth.app(clientId) !== undefined,
        hybrid: this.isHybrid,
      },
      principal,
      smtpAddress,
    );
  }

  /** Which mailboxes a principal may and may not impersonate (CONN-04), e.g. for `synclab serve`'s "outOfScope". */
  impersonationScope(principal: Principal): { inScope: string[]; outOfScope: string[] } {
    const inScope: string[] = [];
    const outOfScope: string[] = [];
    for (const m of this.mailboxes()) (this.checkImpersonation(principal, m.address).ok ? inScope : outOfScope).push(m.address);
    return { inScope, outOfScope };
  }

  now(): number {
    return this.#clock.now();
  }

  toJSON(): DirectoryJSON {
    return {
      format: 'synclab.exchange.directory/1',
      world: {
        tenant: this.#tenantSpec && structuredClone(this.#tenantSpec),
        serviceAccounts: [...this.#accounts.values()].map(toServiceAccountSpec),
        oauthApps: this.oauth.apps().map((a) => ({ clientId: a.clientId, clientSecret: a.clientSecret, tokenLifetimeSeconds: a.tokenLifetimeSeconds })),
        mailboxes: this.#mailboxes.entries(),
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
    if (principal.kind === 'mailbox') return this.#mailboxes.passwordOf(principal.address);
    return undefined;
  }
}
