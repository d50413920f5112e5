/**
 * @module
 * Everything one engine instance keeps between cycles: its org session, the EWS dispatcher channel, the OAuth token
 * source, per-rep state stores and what it learned about mailboxes (EWS URL from Autodiscover, server version).
 */
import { ScenarioClock, type Clock } from '#time/clock.ts';
import { createRng, type Rng } from '#util/random.ts';
import type { EngineConfig, EngineDeps } from '../api.ts';
import type { ServerVersion } from '../exchange/mailbox-reads.ts';
import { OAuthTokenSource } from '../exchange/oauth-token.ts';
import { closeChannel, openChannel } from '../exchange/xhr-dispatcher.ts';
import { DEFAULT_OBJECT_NAMES, type LightningSyncObjectNames } from '../salesforce/setup-reader.ts';
import { SalesforceSession } from '../salesforce/sf-session.ts';
import type { EditionVerdict } from '../salesforce/org-checks.ts';
import type { RepWorkerPool } from './worker-pool.ts';
import { RepStateStore } from '../state/rep-state-store.ts';
import type { Coverage, SfChangeProbe } from './sf-change-probe.ts';

export interface ResolvedOptions {
  ewsTimeoutMs: number;
  maxRetries: number;
  maxRelogins: number;
  ewsBatchSize: number;
  sfBatchSize: number;
  dryRun: boolean;
  recordActions: boolean;
  concurrency: number;
  workers: number;
}

export interface EngineRuntime {
  config: EngineConfig;
  deps: EngineDeps;
  clock: Clock;
  rng: Rng;
  options: ResolvedOptions;
  objects: LightningSyncObjectNames;
  session: SalesforceSession;
  channelId: string;
  tokens: OAuthTokenSource | undefined;
  stores: Map<string, RepStateStore>;
  /** Per mailbox (lower-cased): EWS URL from Autodiscover, server version from ServerVersionInfo. */
  ewsUrls: Map<string, string>;
  versions: Map<string, ServerVersion>;
  /** Also flags mailboxes Autodiscover says live in Exchange Online (UserMSOnline), for CONN-07. */
  online: Map<string, boolean>;
  /** The org's edition verdict (CONN-11), read once. */
  edition?: EditionVerdict;
  /** CONN-10 permissions of the integration user verified (re-checked after a cycle that met INSUFFICIENT_ACCESS). */
  permissionsVerified?: boolean;
  /** Mailboxes whose probe this cycle found no Salesforce_Sync (CON-01 creates it without looking again). */
  folderMissing: Set<string>;
  /** What each rep (by SF user id) has read from Salesforce up to, for the cycle's change probe (sf-change-probe.ts). */
  sfCoverage: Map<string, Coverage>;
  /** This cycle's Salesforce change probe; undefined = every rep reads. */
  sfProbe?: SfChangeProbe;
  /** Rep worker threads (options.workers > 0), started on first use. */
  pool?: RepWorkerPool;
}

export function createRuntime(config: EngineConfig, deps: EngineDeps): EngineRuntime {
  validateConfig(config);
  const o = config.options ?? {};
  const options: ResolvedOptions = {
    ewsTimeoutMs: o.ewsTimeoutMs ?? 60_000,
    maxRetries: o.maxRetries ?? 4,
    maxRelogins: o.maxRelogins ?? 1,
    ewsBatchSize: Math.max(1, Math.min(o.ewsBatchSize ?? 100, 100)),
    sfBatchSize: Math.max(1, Math.min(o.sfBatchSize ?? 200, 200)),
    dryRun: o.dryRun === true,
    recordActions: o.recordActions !== false,
    // One rep at a time by default: with several in flight, the order of requests across reps (and so the ids the
    // servers hand out) depends on I/O timing, which would break G-08's byte-identical reports.
    concurrency: Math.max(1, o.concurrency ?? 1),
    workers: Math.max(0, Math.floor(o.workers ?? 0)),
  };
  if (options.workers > 0 && deps.clock instanceof ScenarioClock) {
    throw new Error(`engine for org ${config.orgLabel}: options.workers needs wall time — a ScenarioClock lives in one thread with the sims; use workers only with synclab sync against real servers (SystemClock)`);
  }
  const rng = createRng(deps.seed ?? 0).fork(`engine:${config.orgLabel}`);
  const ex = config.exchange;
  return {
    config,
    deps,
    clock: deps.clock,
    rng,
    options,
    objects: { ...DEFAULT_OBJECT_NAMES, ...(o.objects ?? {}) },
    session: new SalesforceSession(config.salesforce, { org: config.orgLabel, clock: deps.clock, rng: rng.fork('salesforce'), maxRelogins: options.maxRelogins, maxRetries: options.maxRetries }),
    channelId: openChannel({
      timeoutMs: options.ewsTimeoutMs,
      ...(ex.method === 'service-account' && ex.auth === 'ntlm' ? { ntlm: { username: ex.username, password: ex.password } } : {}),
    }),
    tokens: ex.method === 'oauth' ? new OAuthTokenSource(ex, deps.clock, options.ewsTimeoutMs) : undefined,
    stores: new Map(),
    ewsUrls: new Map(),
    versions: new Map(),
    online: new Map(),
    folderMissing: new Set(),
    sfCoverage: new Map(),
  };
}

export async function storeFor(rt: EngineRuntime, rep: string): Promise<RepStateStore> {
  const key = rep.toLowerCase();
  let store = rt.stores.get(key);
  if (!store) {
    store = await RepStateStore.open(rt.config.stateDir, rt.config.orgLabel, key);
    rt.stores.set(key, store);
  }
  return store;
}

export async function disposeRuntime(rt: EngineRuntime): Promise<void> {
  closeChannel(rt.channelId);
  await rt.pool?.close();
  rt.pool = undefined;
}

function validateConfig(config: EngineConfig): void {
  const problems: string[] = [];
  if (!config.orgLabel) problems.push('orgLabel is empty (name the org, e.g. prod or uat)');
  if (!config.stateDir) problems.push('stateDir is empty (a directory for the per-rep state files)');
  if (!config.salesforce?.loginUrl) problems.push('salesforce.loginUrl is missing (e.g. https://login.salesforce.com or the sim URL)');
  if (!config.salesforce?.username) problems.push('salesforce.username is missing');
  const ex = config.exchange;
  if (!ex) problems.push('exchange is missing (method service-account or oauth)');
  else if (ex.method === 'service-account' && (!ex.username || !ex.password)) problems.push('exchange.username / exchange.password are required for the service-account method');
  else if (ex.method === 'oauth' && (!ex.tokenUrl || !ex.clientId || !ex.clientSecret || !ex.tenantId)) problems.push('exchange.tokenUrl, tenantId, clientId and clientSecret are required for the oauth method');
  const size = config.options?.sfBatchSize;
  if (size !== undefined && (size < 1 || size > 200)) problems.push(`options.sfBatchSize ${size} is outside 1..200 (sObject Collections take at most 200 records, SIM-SF-02)`);
  if (problems.length) throw new Error(`engine config for org "${config.orgLabel ?? '?'}" is invalid: ${problems.join('; ')}`);
}
