/**
 * @module
 * One simulated org: its identity (18-char 00D id, kind, edition), its records, the passwords of its users, live
 * sessions and refresh tokens, the rolling 24-hour API-call count, and open query locators. Everything mutable is
 * in `OrgState`-shaped data so snapshot/restore is a deep copy.
 */
import type { Clock } from '#time/clock.ts';
import type { Rng } from '#util/random.ts';
import { IdFactory, KEY_PREFIXES, randomToken } from './ids.ts';
import { RecordStore, type Row, type StoreState } from './store.ts';
import type { Edition, OrgSpec, SharingDefault } from './world.ts';

export interface Session {
  userId: string;
  /** Epoch ms of the last request; Salesforce sessions time out after `sessionSeconds` of inactivity. */
  lastUsed: number;
  via: 'soap' | 'oauth-password' | 'oauth-refresh';
  clientId?: string;
}

export interface QueryLocator {
  userId: string;
  records: Row[];
  /** Index of the first record of the next page. */
  offset: number;
  pageSize: number;
  totalSize: number;
  lastUsed: number;
}

export interface OrgSnapshot {
  store: StoreState;
  idCounters: Record<string, number>;
  passwords: Map<string, string>;
  sessions: Map<string, Session>;
  refreshTokens: Map<string, { userId: string; clientId: string }>;
  apiCalls: Array<[number, number]>;
  locators: Map<string, QueryLocator>;
  refs: Map<string, string>;
  purgedAt: number;
  loginFailures: Map<string, { count: number; lockedUntil: number }>;
  expiredPasswords: Set<string>;
}

/** Query locators expire after 15 minutes without a queryMore, as Salesforce cursors do. */
export const LOCATOR_IDLE_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

export class Org {
  readonly label: string;
  readonly kind: 'production' | 'sandbox';
  readonly edition: Edition;
  readonly domain: string;
  readonly dailyApiLimit: number;
  readonly sessionSeconds: number;
  readonly maxLoginAttempts: number;
  readonly lockoutMs: number;
  readonly sharing: Partial<Record<string, SharingDefault>>;
  readonly connectedApps: Array<{ clientId: string; clientSecret: string }>;
  readonly duplicateRules: NonNullable<OrgSpec['duplicateRules']>;
  readonly orgId: string;
  readonly ids: IdFactory;
  readonly store = new RecordStore();
  /** Set when the HTTP server is up; the login response's serverUrl and every record url use it. */
  origin = '';
  passwords = new Map<string, string>();
  sessions = new Map<string, Session>();
  refreshTokens = new Map<string, { userId: string; clientId: string }>();
  /**
   * API calls of the last 24 h as [minute (epoch ms), calls in that minute], oldest first: per-minute buckets keep a
   * rehearsal with millions of calls small while the window stays exact to the minute.
   */
  apiCalls: Array<[number, number]> = [];
  locators = new Map<string, QueryLocator>();
  /** World refs (user, account, contact, lead, event refs; profile and config names) → record id. */
  refs = new Map<string, string>();
  /** Users whose password has expired: SOAP login says passwordExpired (jsforce refuses), OAuth fails. */
  expiredPasswords = new Set<string>();
  /** Failed logins in a row per user id, and until when the user is locked out (password policy). */
  loginFailures = new Map<string, { count: number; lockedUntil: number }>();
  /** Scenario time of the last recycle-bin purge: `deleted` cannot report deletions before it. */
  purgedAt = 0;

  constructor(
    spec: OrgSpec,
    readonly clock: Clock,
    readonly rng: Rng,
    orgNumber: number,
  ) {
    this.label = spec.id;
    this.kind = spec.kind;
    this.edition = spec.edition ?? 'Enterprise';
    this.domain = spec.domain ?? 'acme.test';
    this.dailyApiLimit = spec.dailyApiLimit ?? 100_000;
    this.sessionSeconds = spec.sessionSeconds ?? 7200;
    this.maxLoginAttempts = spec.maxLoginAttempts ?? 10;
    this.lockoutMs = (spec.lockoutMinutes ?? 15) * 60_000;
    this.sharing = spec.sharing ?? {};
    this.connectedApps = spec.connectedApps ?? [];
    this.duplicateRules = spec.duplicateRules ?? [];
    this.ids = new IdFactory(rng.fork('ids'));
    // The org id uses its own counter space so two orgs of one world never share an id.
    this.orgId = new IdFactory(rng.fork('org-id'), { [KEY_PREFIXES.Organization]: orgNumber - 1 }).next(KEY_PREFIXES.Organization);
  }

  get isSandbox(): boolean {
    return this.kind === 'sandbox';
  }

  /** Session id in Salesforce's shape: the 15-char org id, '!', then an opaque seeded token. */
  newSessionId(): string {
    return `${this.orgId.slice(0, 15)}!${randomToken(this.rng, 96)}`;
  }

  newRefreshToken(): string {
    return `5Aep861${randomToken(this.rng, 80)}`;
  }

  newLocatorId(): string {
    return `${KEY_PREFIXES.QueryLocator}${this.ids.infix}${randomToken(this.rng, 13)}`;
  }

  /** Counts one API call and reports whether it fits the rolling 24-hour budget. */
  spendApiCall(): boolean {
    this.pruneApiCalls();
    if (this.apiCallsUsed() >= this.dailyApiLimit) return false;
    const minute = Math.floor(this.clock.now() / 60_000) * 60_000;
    const last = this.apiCalls[this.apiCalls.length - 1];
    if (last && last[0] === minute) last[1]++;
    else this.apiCalls.push([minute, 1]);
    return true;
  }

  apiCallsUsed(): number {
    this.pruneApiCalls();
    let total = 0;
    for (const [, n] of this.apiCalls) total += n;
    return total;
  }

  private pruneApiCalls(): void {
    const cutoff = this.clock.now() - DAY_MS;
    let drop = 0;
    while (drop < this.apiCalls.length && this.apiCalls[drop]![0] <= cutoff) drop++;
    if (drop > 0) this.apiCalls.splice(0, drop);
  }

  snapshot(): OrgSnapshot {
    return structuredClone({
      store: this.store.exportState(),
      idCounters: this.ids.counters(),
      passwords: this.passwords,
      sessions: this.sessions,
      refreshTokens: this.refreshTokens,
      apiCalls: this.apiCalls,
      locators: this.locators,
      refs: this.refs,
      purgedAt: this.purgedAt,
      loginFailures: this.loginFailures,
      expiredPasswords: this.expiredPasswords,
    });
  }

  restore(snapshot: OrgSnapshot): void {
    const copy = structuredClone(snapshot);
    this.store.importState(copy.store);
    this.ids.restore(copy.idCounters);
    this.passwords = copy.passwords;
    this.sessions = copy.sessions;
    this.refreshTokens = copy.refreshTokens;
    this.apiCalls = copy.apiCalls;
    this.locators = copy.locators;
    this.refs = copy.refs;
    this.purgedAt = copy.purgedAt;
    this.loginFailures = copy.loginFailures;
    this.expiredPasswords = copy.expiredPasswords;
  }
}
