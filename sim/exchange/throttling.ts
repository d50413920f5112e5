/**
 * @module
 * The optional EWS throttling budget (TenantSpec.ewsThrottling, SIM-EX-03): a sliding 60-second window of requests
 * per principal on the scenario clock. Over budget → ErrorServerBusy with the BackOffMilliseconds after which the
 * next request fits, so an engine that honours the back-off (G-06) never sees a second refusal.
 */
import type { Clock } from '#time/clock.ts';

const WINDOW_MS = 60_000;

export class ThrottlingBudget {
  #windows = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxRequestsPerMinute: number,
  ) {
    if (!Number.isInteger(maxRequestsPerMinute) || maxRequestsPerMinute < 1) {
      throw new Error(`exchange world: tenant.ewsThrottling.maxRequestsPerMinute must be a positive integer, got ${maxRequestsPerMinute}`);
    }
  }

  /** Counts the request if it fits; otherwise returns how long to back off (ms). */
  admit(principal: string): { ok: true } | { ok: false; backOffMs: number } {
    const now = this.clock.now();
    const window = (this.#windows.get(principal) ?? []).filter((t) => t > now - WINDOW_MS);
    if (window.length >= this.maxRequestsPerMinute) {
      this.#windows.set(principal, window);
      return { ok: false, backOffMs: Math.max(1, window[0]! + WINDOW_MS - now) };
    }
    window.push(now);
    this.#windows.set(principal, window);
    return { ok: true };
  }
}
