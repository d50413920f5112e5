/**
 * @module
 * The engine's public contract: how it is configured, what a cycle returns, and the findings it emits. The scenario
 * runner, the reports, `synclab sync` and the rollout rehearsal depend on these types only.
 */
import type { Clock } from '#time/clock.ts';

/** Where the engine finds its org. Exchange credentials live here too: the org holds only non-secret setup. */
export interface EngineConfig {
  /** Label used in state paths, findings and reports (e.g. prod, uat). */
  orgLabel: string;
  salesforce: {
    loginUrl: string;
    username: string;
    password: string;
    /** Default 62.0. */
    apiVersion?: string;
    /** OAuth 2.0 username-password flow instead of SOAP login when set. */
    oauth?: { clientId: string; clientSecret: string };
  };
  exchange:
    | { method: 'service-account'; username: string; password: string; auth?: 'basic' | 'ntlm' }
    | { method: 'oauth'; tokenUrl: string; tenantId: string; clientId: string; clientSecret: string };
  /** Directory for the lowdb state shards (one file per org per rep). */
  stateDir: string;
  options?: EngineOptions;
}

export interface EngineOptions {
  /** Wall-clock timeout of every EWS call, ms (the client has none per call). Default 60000. */
  ewsTimeoutMs?: number;
  /** Bounded retries of throttled / transient calls. Default 4. */
  maxRetries?: number;
  /** Bound on jsforce's re-login loop on a permanent 401. Default 1 re-login per call. */
  maxRelogins?: number;
  /** Items per EWS batch (CreateItem/UpdateItem/GetItem). Default 100. */
  ewsBatchSize?: number;
  /** Records per sObject Collections request (≤ 200). Default 200. */
  sfBatchSize?: number;
  /** Plan only: read both sides, emit the plan, write nothing (rehearsal --dry-run). */
  dryRun?: boolean;
  /**
   * Keep every planned action (with each field's before/after) in `CycleSummary.actions` (default true). An initial
   * sync of 1,000 reps plans ~1.4 M of them; a caller that only needs counts and findings (the rollout rehearsal)
   * turns this off so they are dropped as each rep finishes. `observer.onAction` still sees every action.
   */
  recordActions?: boolean;
  /** added by ENG-IO: reps synced at the same time within one cycle. Default 1 (deterministic, G-08); more is faster. */
  concurrency?: number;
  /**
   * added by ENG-IO: sync reps in this many worker threads (one core each) instead of the main thread. Wall-clock
   * engines only (SystemClock: `synclab sync` against real servers); refused with a ScenarioClock. Default 0.
   */
  workers?: number;
  /** added by ENG-IO: API names of the Lightning Sync objects, for real orgs where they are custom objects (docs/decisions/0002). */
  objects?: Partial<Record<'setup' | 'config' | 'assignment' | 'error' | 'userStatus', string>>;
}

export interface EngineDeps {
  clock: Clock;
  seed?: number;
  observer?: SyncObserver;
  /**
   * added by ENG-IO: called at every write point of a cycle (intent recorded, server written, state committed). Tests
   * throw from it to stop the engine there and restart from state (G-05 crash test). Never set in production.
   */
  onWritePoint?: (point: { phase: 'intent-recorded' | 'server-written' | 'state-committed'; side: 'salesforce' | 'exchange'; operation: string; rep: string; items: number }) => void | Promise<void>;
}

export type RuleId = string; // e.g. 'CON-04', 'EVT-03', 'G-09'

export type FindingKind =
  | 'conflict'
  | 'overwrite'
  | 'deletion'
  | 'private-event-withheld'
  | 'private-event-synced'
  | 'unresolved-account'
  | 'company-removed'
  | 'multi-org-collision'
  | 'inactive-config-risk'
  | 'unlinked-email'
  | 'impersonation-denied'
  | 'unsupported-mailbox'
  | 'contact-cap'
  | 'out-of-window'
  | 'error';

export interface Finding {
  kind: FindingKind;
  rule: RuleId;
  org: string;
  /** Rep's Salesforce username or email. */
  rep?: string;
  object?: 'Contact' | 'Event';
  sfId?: string;
  exId?: string;
  field?: string;
  /** A finding that sums up several items (EVT-04: the events of one rep's cycle left outside the filter): how many. */
  count?: number;
  before?: unknown;
  after?: unknown;
  /** For multi-org collisions: the other org's id. */
  otherOrg?: string;
  message: string;
  /** Scenario time, epoch ms. */
  at: number;
}

export type Direction = 'salesforce-to-exchange' | 'exchange-to-salesforce';

/** One planned write, carrying the rule that caused it (the pure planning step produces these). */
export interface PlannedAction {
  kind: 'create' | 'update' | 'delete' | 'pair' | 'unpair' | 'skip';
  side: 'salesforce' | 'exchange';
  object: 'Contact' | 'Event';
  rep: string;
  rule: RuleId;
  sfId?: string;
  exId?: string;
  fields?: Record<string, { before?: unknown; after: unknown }>;
  reason?: string;
}

export interface CycleSummary {
  org: string;
  startedAt: number;
  endedAt: number;
  reps: number;
  read: { salesforce: number; exchange: number };
  written: { salesforce: number; exchange: number };
  actions: PlannedAction[];
  findings: Finding[];
  errors: Array<{ rep?: string; code: string; message: string; rule?: RuleId }>;
  /** added by ENG-IO: the org's system statuses (STAT-01) and sync activity (STAT-02) as of the end of this cycle. */
  status?: { system: import('./status/index.ts').SystemStatus; activity: import('./status/index.ts').OrgActivity };
  /** added by F-ENGINE: problems that do not stop the sync (e.g. CONN-10: no View All Data for the error report). */
  warnings?: Array<{ code: string; message: string; rule?: RuleId }>;
}

export interface SyncObserver {
  onCycleStart?(org: string, at: number): void;
  onAction?(action: PlannedAction): void;
  onFinding?(finding: Finding): void;
  onCycleEnd?(summary: CycleSummary): void;
}

export type ConnectionTestVerdict =
  | 'Connectivity Test Successful'
  | 'Connectivity Test Successful with Warnings'
  | 'Connectivity Test Failed';

export interface ConnectionTestResult {
  verdict: ConnectionTestVerdict;
  rep: string;
  checks: Array<{ name: string; ok: boolean; warning?: boolean; detail: string; fix?: string }>;
}

export interface SyncEngine {
  runCycle(): Promise<CycleSummary>;
  connectionTest(repEmail: string): Promise<ConnectionTestResult>;
  close(): Promise<void>;
}
