/**
 * @module
 * The org's daily API budget (REQUEST_LIMIT_EXCEEDED). Salesforce counts requests over a ROLLING 24 hours, so the
 * budget comes back gradually as the requests of 24 h ago age out — not at a fixed reset time (a pause "until the
 * next UTC day" resumed too early or too late). So after a REQUEST_LIMIT_EXCEEDED the engine stops calling the org
 * and, once per cycle, asks the `limits` resource (one cheap GET; while the budget is spent Salesforce refuses it
 * without counting it) whether requests are available again; it resumes as soon as `DailyApiRequests.Remaining > 0`.
 */
import type { Connection } from 'jsforce';
import { toSalesforceError } from './sf-error.ts';

export interface BudgetProbe {
  at: number;
  /** DailyApiRequests.Remaining / Max, when the org answered. */
  remaining?: number;
  max?: number;
  /** Why the probe could not tell (other than "still exhausted"). */
  problem?: string;
}

export class ApiBudgetPause {
  /** When the org first refused a request for its budget; undefined = not paused. */
  since: number | undefined;
  /** Armed at the start of each cycle: at most one probe per cycle, so a paused org costs one request per cycle. */
  #probeArmed = false;
  last: BudgetProbe | undefined;
  /** The daily limit as last seen in a response's Sforce-Limit-Info (jsforce `limitInfo`); a 403 does not say it. */
  knownMax: number | undefined;

  get paused(): boolean {
    return this.since !== undefined;
  }

  pause(now: number): void {
    this.since ??= now;
    this.#probeArmed = false;
    this.last = undefined;
  }

  /** Allows one probe at the next Salesforce call (a new cycle or connection test). */
  arm(): void {
    if (this.paused) this.#probeArmed = true;
  }

  /** True when a probe may be sent now (and uses up this cycle's probe). */
  takeProbe(): boolean {
    const armed = this.#probeArmed;
    this.#probeArmed = false;
    return armed;
  }

  resume(): void {
    this.since = undefined;
    this.#probeArmed = false;
  }
}

/** One `limits` request. A REQUEST_LIMIT_EXCEEDED answer means "still exhausted" (Remaining 0). */
export async function probeBudget(conn: Connection, now: number, knownMax?: number): Promise<BudgetProbe> {
  try {
    const limits = (await conn.limits()) as unknown as { DailyApiRequests?: { Max?: number; Remaining?: number } };
    const daily = limits.DailyApiRequests;
    if (typeof daily?.Remaining !== 'number') return { at: now, problem: 'the limits resource has no DailyApiRequests.Remaining' };
    return { at: now, remaining: daily.Remaining, ...(typeof daily.Max === 'number' ? { max: daily.Max } : {}) };
  } catch (raw) {
    const error = toSalesforceError(raw);
    if (error.limitExceeded) return { at: now, remaining: 0, ...(knownMax !== undefined ? { max: knownMax } : {}) };
    return { at: now, problem: `${error.code}: ${error.message}` };
  }
}

/** The message of a paused cycle: what happened, what the engine does, what the admin can do. */
export function pausedMessage(org: string, pause: ApiBudgetPause): string {
  const since = new Date(pause.since ?? 0).toISOString();
  const probe = pause.last;
  const found = !probe
    ? 'no Salesforce request is sent until the next cycle checks the budget (one limits request)'
    : probe.problem
      ? `the budget check at ${new Date(probe.at).toISOString()} failed (${probe.problem}); it is checked again next cycle`
      : `the budget check at ${new Date(probe.at).toISOString()} found ${probe.remaining}${probe.max !== undefined ? ` of ${probe.max}` : ''} daily requests left; it is checked again next cycle`;
  return `org ${org} exceeded its API request limit (REQUEST_LIMIT_EXCEEDED) at ${since}; the engine pauses the org and resumes as soon as the rolling 24-hour budget has requests again: ${found}. To resume sooner, raise the org's API limit or reduce other API traffic.`;
}
