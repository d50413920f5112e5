/**
 * @module
 * The engine's logged-in connection to one org, and the only door to it: `session.call(op, conn => …)`.
 *
 * jsforce re-logs in FOREVER on a permanent 401 after a username/password login (client-probe §2.8: 1,785 logins in
 * 3 s). So the engine logs in on a throw-away Connection and works on a second Connection built from the token alone,
 * which has no refresh delegate: a 401 surfaces as INVALID_SESSION_ID and `call` re-logs in at most `maxRelogins`
 * times per call. REQUEST_LIMIT_EXCEEDED pauses the whole org; each later cycle checks the rolling 24 h budget with one
 * `limits` request and resumes as soon as it has requests again (api-budget.ts);
 * UNABLE_TO_LOCK_ROW and transport hiccups are retried a bounded number of times with seeded jitter on the clock.
 */
import { Connection } from 'jsforce';
import type { Clock } from '#time/clock.ts';
import type { Rng } from '#util/random.ts';
import type { EngineConfig } from '../api.ts';
import { tameJsforceRetries } from './jsforce-defaults.ts';
import { ApiBudgetPause, pausedMessage, probeBudget } from './api-budget.ts';
import { OrgPausedError, SalesforceError, toSalesforceError } from './sf-error.ts';

export interface SessionOptions {
  org: string;
  clock: Clock;
  rng: Rng;
  maxRelogins: number;
  maxRetries: number;
}

export class SalesforceSession {
  #conn: Connection | undefined;
  readonly budget = new ApiBudgetPause();
  orgId = '';
  userId = '';
  /** Requests sent, for the bench and the summary. */
  requests = 0;

  constructor(private readonly config: EngineConfig['salesforce'], private readonly options: SessionOptions) {
    tameJsforceRetries();
  }

  get version(): string {
    return this.config.apiVersion ?? '62.0';
  }

  /** Start of a cycle or connection test: a paused org may spend one request on checking its budget. */
  beginCycle(): void {
    this.budget.arm();
  }

  #loggingIn: Promise<void> | undefined;

  /** Logs in once even when several calls find the session missing at the same time. */
  login(): Promise<void> {
    this.#loggingIn ??= this.#login().finally(() => (this.#loggingIn = undefined));
    return this.#loggingIn;
  }

  async #login(): Promise<void> {
    const { loginUrl, username, password, oauth } = this.config;
    const loginConn = oauth
      ? new Connection({ oauth2: { loginUrl, clientId: oauth.clientId, clientSecret: oauth.clientSecret, redirectUri: `${loginUrl}/services/oauth2/success` }, version: this.version })
      : new Connection({ loginUrl, version: this.version });
    this.requests++;
    let info;
    try {
      info = await loginConn.login(username, password);
    } catch (raw) {
      const error = toSalesforceError(raw);
      throw new SalesforceError(error.code, `Salesforce login as ${username} at ${loginUrl} failed: ${error.message}. Check salesforce.username/password${oauth ? '/oauth' : ''} in engine.yaml`);
    }
    this.orgId = info.organizationId;
    this.userId = info.id;
    this.#conn = new Connection({ instanceUrl: loginConn.instanceUrl, accessToken: loginConn.accessToken ?? undefined, version: this.version });
  }

  /** Waits in scenario time before retrying records the org could not lock (attempt is 0-based), seeded jitter. */
  async backOff(attempt: number): Promise<void> {
    const base = 500 * 2 ** attempt;
    await this.options.clock.sleep(base + this.options.rng.int(0, base));
  }

  /** Runs one API call with the engine's bounded re-login / retry / pause policy. */
  async call<T>(operation: string, fn: (conn: Connection) => Promise<T>, options: { idempotent?: boolean } = {}): Promise<T> {
    let relogins = 0;
    for (let attempt = 0; ; attempt++) {
      if (this.budget.paused) await this.#checkBudget();
      if (!this.#conn) await this.login();
      const used = this.#conn!;
      try {
        this.requests++;
        const result = await fn(used);
        this.budget.knownMax = used.limitInfo?.apiUsage?.limit ?? this.budget.knownMax;
        return result;
      } catch (raw) {
        const error = toSalesforceError(raw);
        if (error.sessionExpired && relogins < this.options.maxRelogins) {
          relogins++;
          // Only drop the connection this call used: a parallel call may already have logged in again.
          if (this.#conn === used) this.#conn = undefined;
          continue;
        }
        if (error.limitExceeded) {
          this.budget.pause(this.options.clock.now());
          throw this.#pausedError();
        }
        // A lock error means nothing was written; a dropped connection on a write may have been applied: not resent.
        const retryable = error.code === 'UNABLE_TO_LOCK_ROW' || (error.transient && options.idempotent === true);
        if (retryable && attempt < this.options.maxRetries) {
          await this.backOff(attempt);
          continue;
        }
        throw new SalesforceError(error.code, `${operation}: ${error.message}`, error.fields);
      }
    }
  }

  #probing: Promise<void> | undefined;

  /**
   * While paused: throws without a request, except for this cycle's one budget probe, which may lift the pause.
   * Calls made in parallel with the probe (the setup reads) wait for its verdict instead of failing beside it.
   */
  async #checkBudget(): Promise<void> {
    if (!this.#probing) {
      if (!this.budget.takeProbe()) throw this.#pausedError();
      this.#probing = this.#probe().finally(() => (this.#probing = undefined));
    }
    await this.#probing;
    if (this.budget.paused) throw this.#pausedError();
  }

  async #probe(): Promise<void> {
    for (let relogins = 0; ; relogins++) {
      if (!this.#conn) await this.login();
      this.requests++;
      const probe = await probeBudget(this.#conn!, this.options.clock.now(), this.budget.knownMax);
      if (probe.problem?.startsWith('INVALID_SESSION_ID') && relogins < this.options.maxRelogins) {
        this.#conn = undefined;
        continue;
      }
      this.budget.last = probe;
      if (probe.remaining !== undefined && probe.remaining > 0) this.budget.resume();
      return;
    }
  }

  #pausedError(): OrgPausedError {
    return new OrgPausedError(pausedMessage(this.options.org, this.budget), this.budget.since ?? this.options.clock.now());
  }
}
