/**
 * @module
 * Fault-schedule effects in Salesforce's own formats: `sf-error` (any errorCode, status defaulted by code),
 * `http-503` (SERVER_UNAVAILABLE error array + Retry-After), `latency` (advances the scenario clock, optional real
 * wait), `connection-reset` (drops the socket). Effects meant for the Exchange sim get a clear error instead.
 */
import type { FaultEffect, FaultRule } from '#sim-core/fault-schedule.ts';
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import { defaultStatusFor, SfError } from './errors.ts';
import { renderError } from './error-render.ts';
import type { ErrorStyle, SimShared } from './routes/types.ts';

/** Turns a fault effect into a response (or undefined to carry on after latency). Salesforce formats only. */
export async function applyFault(rule: FaultRule<FaultEffect>, shared: SimShared, style: ErrorStyle): Promise<Response | undefined> {
  const effect = rule.effect;
  switch (effect.kind) {
    case 'latency':
      await shared.clock.sleep(effect.ms);
      if (effect.wallMs) await new Promise((resolve) => setTimeout(resolve, effect.wallMs));
      return undefined;
    case 'connection-reset':
      throw new ConnectionResetSignal();
    case 'sf-error': {
      const status = effect.status ?? defaultStatusFor(effect.errorCode);
      const message = effect.message ?? defaultFaultMessage(effect.errorCode);
      return renderError(new SfError(effect.errorCode, message, status), style);
    }
    case 'http-503': {
      const retryAfter = String(effect.retryAfterSeconds ?? 30);
      const error = new SfError('SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later (synclab fault)', 503, undefined, { 'retry-after': retryAfter });
      const res = renderError(error, style);
      res.headers.set('retry-after', retryAfter);
      return res;
    }
    default:
      return renderError(
        new SfError('UNKNOWN_EXCEPTION', `synclab's Salesforce sim does not understand fault effect '${effect.kind}' (rule ${rule.id}); use sf-error, http-503, latency or connection-reset`, 400),
        style,
      );
  }
}

export function faultErrorCode(effect: FaultEffect): string {
  if (effect.kind === 'sf-error') return effect.errorCode;
  return effect.kind === 'http-503' ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION';
}

function defaultFaultMessage(code: string): string {
  switch (code) {
    case 'INVALID_SESSION_ID':
      return 'Session expired or invalid';
    case 'UNABLE_TO_LOCK_ROW':
      return 'unable to obtain exclusive access to this record or 1 records';
    case 'REQUEST_LIMIT_EXCEEDED':
      return 'TotalRequests Limit exceeded.';
    default:
      return `${code} (synclab fault)`;
  }
}
