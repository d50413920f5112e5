/**
 * @module
 * Turns whatever ews-javascript-api rejects with into one Error class. The library rejects with its own `Exception`
 * subclasses (SoapFaultDetails, ServiceResponseException, …) that are NOT Error instances, carry the EWS error as a
 * numeric `ServiceError`, and keep BackOffMilliseconds in a Dictionary — none of which survives `instanceof Error`,
 * `String(e)` or JSON. Everything above this file sees `EwsError` with a ResponseCode name.
 */
import { ServiceError } from 'ews-javascript-api';
import { redactString } from '#util/redact.ts';

/** Codes the engine reacts to; any other ResponseCode name passes through unchanged. */
export type EwsErrorCode =
  | 'ErrorServerBusy'
  | 'ErrorExceededConnectionCount'
  | 'ErrorInvalidSyncStateData'
  | 'ErrorImpersonateUserDenied'
  | 'ErrorNonExistentMailbox'
  | 'ErrorInvalidExchangeImpersonationHeaderData'
  | 'ErrorItemNotFound'
  | 'ErrorIrresolvableConflict'
  | 'HttpUnauthorized'
  | 'HttpServiceUnavailable'
  | 'HttpError'
  | 'Timeout'
  | 'NetworkError'
  | (string & {});

export class EwsError extends Error {
  override readonly name = 'EwsError';
  constructor(
    readonly code: EwsErrorCode,
    message: string,
    readonly details: { httpStatus?: number; backOffMs?: number; retryAfterMs?: number; operation?: string } = {},
  ) {
    super(redactString(message));
  }

  /** The server did not process the request and says to come back later (SIM-EX-03). */
  get throttled(): boolean {
    return this.code === 'ErrorServerBusy' || this.code === 'ErrorExceededConnectionCount' || this.code === 'HttpServiceUnavailable';
  }
}

type Dict = { get?(key: string): unknown; containsKey?(key: string): boolean };

/** Normalizes any rejection value from ews-javascript-api (or our own XHR layer) into an EwsError. */
export function toEwsError(raw: unknown, operation?: string): EwsError {
  if (raw instanceof EwsError) return raw;
  const value = (raw ?? {}) as Record<string, unknown>;
  const message = String(value.message ?? value.Message ?? raw ?? 'unknown EWS failure');
  const httpStatus = numberOr(value.HttpStatusCode) ?? numberOr((value.Exception as Record<string, unknown> | undefined)?.HttpStatusCode);
  const numeric =
    numberOr(value.ResponseCode) ||
    numberOr(value.ErrorCode) ||
    numberOr((value.Response as Record<string, unknown> | undefined)?.ErrorCode);
  const details = (value.ErrorDetails ?? (value.Response as Record<string, unknown> | undefined)?.ErrorDetails) as Dict | undefined;
  const backOff = numberOr(dictGet(details, 'BackOffMilliseconds'));
  const retryAfterMs = numberOr(value.retryAfterMs);
  const base = { httpStatus, backOffMs: backOff, retryAfterMs, operation };

  if (/timeout of \d+ms exceeded|timed out/i.test(message)) return new EwsError('Timeout', message, base);
  if (numeric && numeric !== ServiceError.ErrorInternalServerError && ServiceError[numeric]) {
    return new EwsError(ServiceError[numeric] as string, message, base);
  }
  if (httpStatus === 401) return new EwsError('HttpUnauthorized', `401 Unauthorized${operation ? ` on ${operation}` : ''}: the server rejected the credentials`, base);
  if (httpStatus === 503) return new EwsError('HttpServiceUnavailable', message || 'HTTP 503 Service Unavailable', base);
  if (/ECONNRESET|ECONNREFUSED|ENOTFOUND|EPIPE|socket hang up|Network error/i.test(message)) {
    return new EwsError('NetworkError', message, base);
  }
  if (numeric === ServiceError.ErrorInternalServerError && httpStatus && httpStatus !== 200) {
    return new EwsError('HttpError', `HTTP ${httpStatus}${message ? `: ${message}` : ''}`, base);
  }
  if (numeric && ServiceError[numeric]) return new EwsError(ServiceError[numeric] as string, message, base);
  return new EwsError('HttpError', message, base);
}

function dictGet(dict: Dict | undefined, key: string): unknown {
  if (!dict || typeof dict.get !== 'function') return undefined;
  try {
    return dict.containsKey && !dict.containsKey(key) ? undefined : dict.get(key);
  } catch {
    return undefined;
  }
}

function numberOr(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
