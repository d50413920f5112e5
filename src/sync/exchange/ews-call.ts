/**
 * @module
 * Every EWS request the engine makes goes through `callEws`: it waits out the mailbox's back-off in scenario time
 * before sending (G-06), bounds the call by a wall-clock timeout (the client has none per call, and some malformed
 * server answers make its promise never settle), normalizes the rejection (not an Error instance) and retries
 * throttling (ErrorServerBusy / HTTP 503 / ErrorExceededConnectionCount) a bounded number of times with seeded jitter.
 */
import type { Clock } from '#time/clock.ts';
import type { Rng } from '#util/random.ts';
import { EwsError, toEwsError } from './ews-error.ts';
import { takeFailedStatus, takeRetryAfter } from './xhr-dispatcher.ts';

/** The instant before which no request may go to one mailbox. Shared by every call for that mailbox. */
export interface BackOffGate {
  until: number;
}

export interface EwsCallContext {
  clock: Clock;
  rng: Rng;
  channelId: string;
  mailbox: string;
  gate: BackOffGate;
  timeoutMs: number;
  maxRetries: number;
  /**
   * Longest back-off waited inside a call (ms). Scenario time waits are free, so unbounded there; on wall time a
   * mailbox told to wait longer is skipped for this cycle instead (its gate persists), so one throttled mailbox does
   * not stall the whole org.
   */
  maxWaitMs?: number;
  /** Called before each retry, for logging / findings. */
  onRetry?: (info: { operation: string; mailbox: string; code: string; waitMs: number; attempt: number }) => void;
}

export interface CallOptions {
  /** Safe to resend after a timeout or a dropped connection (reads). Writes are not: the server may have applied them. */
  idempotent?: boolean;
}

/** Default wait when the server throttles without saying how long (ms). */
const DEFAULT_BACKOFF_MS = 2_000;

export async function callEws<T>(ctx: EwsCallContext, operation: string, fn: () => Promise<T>, options: CallOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await waitForGate(ctx); // throws (no retry) when a wall-clock wait would be too long
    try {
      return await withWallTimeout(fn, ctx.timeoutMs, operation);
    } catch (raw) {
      // A bare string rejection (AutodiscoverService) has lost its HTTP status: the dispatcher kept it.
      const failedStatus = takeFailedStatus(ctx.channelId);
      const error = toEwsError(typeof raw === 'string' && failedStatus ? { message: raw, HttpStatusCode: failedStatus } : raw, operation);
      const retryable = error.throttled || (options.idempotent === true && (error.code === 'Timeout' || error.code === 'NetworkError'));
      if (!retryable) throw error;
      const waitMs = backOffFor(error, ctx, attempt);
      // The gate holds even when retries are exhausted: the next cycle must not hit this mailbox early either.
      ctx.gate.until = Math.max(ctx.gate.until, ctx.clock.now() + waitMs);
      if (attempt >= ctx.maxRetries) throw error;
      ctx.onRetry?.({ operation, mailbox: ctx.mailbox, code: error.code, waitMs, attempt: attempt + 1 });
    }
  }
}

async function waitForGate(ctx: EwsCallContext): Promise<void> {
  const wait = ctx.gate.until - ctx.clock.now();
  if (wait <= 0) return;
  if (ctx.maxWaitMs !== undefined && wait > ctx.maxWaitMs) {
    throw new EwsError('ErrorServerBusy', `${ctx.mailbox} is throttled until ${new Date(ctx.gate.until).toISOString()} (G-06); skipped this cycle rather than waiting ${Math.round(wait / 1000)} s`, { backOffMs: wait });
  }
  await ctx.clock.sleep(wait);
}

function backOffFor(error: EwsError, ctx: EwsCallContext, attempt: number): number {
  const told = error.details.backOffMs ?? error.details.retryAfterMs ?? (error.code === 'HttpServiceUnavailable' ? takeRetryAfter(ctx.channelId) : undefined);
  const base = told ?? DEFAULT_BACKOFF_MS * 2 ** attempt;
  // Jitter only ever lengthens the wait: the server's number is a floor (G-06), and seeded for determinism (G-08).
  return base + ctx.rng.int(0, Math.max(50, Math.floor(base * 0.1)));
}

function withWallTimeout<T>(fn: () => Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // The XHR layer has its own axios timeout; this outer bound (+1 s) catches the library's never-settling paths.
    const timer = setTimeout(
      () => reject(new EwsError('Timeout', `EWS ${operation} did not answer within ${timeoutMs} ms (engine option ewsTimeoutMs)`, { operation })),
      timeoutMs + 1_000,
    );
    timer.unref?.();
    fn().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
