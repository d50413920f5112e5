/**
 * @module
 * The fault schedule both sims share (SIM-EX-03, issue #3 §8). A rule says *when* a fault fires — by operation,
 * target (mailbox or org), nth matching call, scenario-time window, or seeded probability — and *what* fires; each
 * sim turns the effect into a protocol-correct answer (a SOAP fault with a ResponseCode, a Salesforce error array),
 * never a bare 500. Rules are checked in order; the first that matches fires, and the trace records its id.
 */
import type { Clock } from '#time/clock.ts';
import { createRng, type Rng } from '#util/random.ts';

export interface FaultMatch {
  /** Operation name as the trace records it (FindItem, SyncFolderItems, query, composite.sobjects.create, …). '*' or absent = any. */
  operation?: string | string[];
  /** Mailbox SMTP address or Salesforce org id. */
  target?: string | string[];
  /** Fire on the nth matching call only (1-based), or on each of the listed calls. */
  nth?: number | number[];
  /** Fire only from this call on (1-based, counted among matching calls). */
  after?: number;
  /** Scenario-time window, epoch ms or ISO. */
  from?: number | string;
  until?: number | string;
  /** Fire with this probability (0–1), drawn from the schedule's seeded generator. */
  probability?: number;
  /** Stop after the rule fired this many times. */
  times?: number;
}

export interface FaultRule<E = FaultEffect> {
  id: string;
  match: FaultMatch;
  effect: E;
}

/**
 * Effects understood by both sims. A sim answers an effect it does not understand with a protocol error saying so.
 * - `server-busy`: EWS ErrorServerBusy with BackOffMilliseconds (as a SOAP fault or as a ResponseMessage error).
 * - `http-503`: HTTP 503 (with a protocol body and Retry-After).
 * - `connection-count`: EWS ErrorExceededConnectionCount.
 * - `latency`: advance the scenario clock by `ms` before answering (and wait `wallMs` of real time, default 0).
 * - `connection-reset`: destroy the socket.
 * - `sf-error`: a Salesforce error (`errorCode`, HTTP `status`), e.g. UNABLE_TO_LOCK_ROW, INVALID_SESSION_ID.
 * - `ews-error`: an EWS ResponseCode as a SOAP fault.
 */
export type FaultEffect =
  | { kind: 'server-busy'; backOffMs: number; form?: 'soap-fault' | 'response-message' }
  | { kind: 'http-503'; retryAfterSeconds?: number }
  | { kind: 'connection-count' }
  | { kind: 'latency'; ms: number; wallMs?: number }
  | { kind: 'connection-reset' }
  | { kind: 'sf-error'; errorCode: string; status?: number; message?: string }
  | { kind: 'ews-error'; responseCode: string; message?: string };

export interface FaultContext {
  operation: string;
  target?: string;
  /**
   * Only rules that name this operation explicitly may fire (not '*' or an absent operation). For requests beside a
   * sim's main API (Exchange Autodiscover, the token endpoint), so an "any operation" rule keeps meaning the main API.
   */
  explicitOnly?: boolean;
}

export class FaultSchedule<E = FaultEffect> {
  #rules: FaultRule<E>[] = [];
  #counts = new Map<string, number>();
  #fired = new Map<string, number>();
  #rng: Rng;

  constructor(
    private readonly clock: Clock,
    seed = 0,
  ) {
    this.#rng = createRng(seed).fork('faults');
  }

  set(rules: FaultRule<E>[]): void {
    const ids = new Set<string>();
    for (const rule of rules) {
      if (ids.has(rule.id)) throw new Error(`fault schedule: duplicate rule id "${rule.id}"`);
      ids.add(rule.id);
    }
    this.#rules = [...rules];
    this.#counts.clear();
    this.#fired.clear();
  }

  add(rule: FaultRule<E>): void {
    if (this.#rules.some((r) => r.id === rule.id)) throw new Error(`fault schedule: duplicate rule id "${rule.id}"`);
    this.#rules.push(rule);
  }

  clear(): void {
    this.set([]);
  }

  list(): FaultRule<E>[] {
    return [...this.#rules];
  }

  firedCount(id: string): number {
    return this.#fired.get(id) ?? 0;
  }

  /** The rule that fires for this request, if any. Counting happens here, so call it once per request. */
  check(context: FaultContext): FaultRule<E> | undefined {
    const now = this.clock.now();
    for (const rule of this.#rules) {
      const m = rule.match;
      if (!matchesName(m.operation, context.operation)) continue;
      if (context.explicitOnly && !namesExplicitly(m.operation, context.operation)) continue;
      if (m.target !== undefined && !matchesName(m.target, context.target ?? '', true)) continue;
      if (m.from !== undefined && now < toMs(m.from)) continue;
      if (m.until !== undefined && now >= toMs(m.until)) continue;
      const n = (this.#counts.get(rule.id) ?? 0) + 1;
      this.#counts.set(rule.id, n);
      if (m.nth !== undefined && !(Array.isArray(m.nth) ? m.nth.includes(n) : m.nth === n)) continue;
      if (m.after !== undefined && n < m.after) continue;
      if (m.times !== undefined && (this.#fired.get(rule.id) ?? 0) >= m.times) continue;
      if (m.probability !== undefined && this.#rng.next() >= m.probability) continue;
      this.#fired.set(rule.id, (this.#fired.get(rule.id) ?? 0) + 1);
      return rule;
    }
    return undefined;
  }
}

function matchesName(pattern: string | string[] | undefined, value: string, caseInsensitive = false): boolean {
  if (pattern === undefined || pattern === '*') return true;
  const list = Array.isArray(pattern) ? pattern : [pattern];
  return list.some((p) => p === '*' || (caseInsensitive ? p.toLowerCase() === value.toLowerCase() : p === value));
}

function namesExplicitly(pattern: string | string[] | undefined, value: string): boolean {
  return pattern !== undefined && (Array.isArray(pattern) ? pattern : [pattern]).includes(value);
}

function toMs(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}
