/**
 * @module
 * Turns a fired fault-schedule rule into what Exchange would send (SIM-EX-03): ErrorServerBusy as a SOAP fault or as
 * a ResponseMessage (both with BackOffMilliseconds), HTTP 503 with a SOAP body and Retry-After,
 * ErrorExceededConnectionCount, an arbitrary EWS ResponseCode, latency on the scenario clock, or a dropped socket.
 */
import type { Clock } from '#time/clock.ts';
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import type { FaultEffect, FaultRule } from '#sim-core/fault-schedule.ts';
import { errorMessage, responseEnvelope, xmlResponse } from './soap/envelope.ts';
import { SERVER_BUSY_MESSAGE, soapFaultResponse } from './soap/fault.ts';
import type { ServerVersionInfo } from './soap/server-version.ts';

/** Codes Exchange answers as an HTTP 500 SOAP fault (the request never reached an operation); others are ResponseMessages. */
export const REQUEST_LEVEL_CODES = new Set([
  'ErrorSchemaValidation', 'ErrorInvalidServerVersion', 'ErrorImpersonateUserDenied', 'ErrorNonExistentMailbox',
  'ErrorInvalidExchangeImpersonationHeaderData', 'ErrorImpersonationFailed', 'ErrorInternalServerError',
  'ErrorInternalServerTransientError', 'ErrorServerBusy', 'ErrorExceededConnectionCount', 'ErrorMailboxMoveInProgress',
  'ErrorMailboxStoreUnavailable', 'ErrorConnectionFailed', 'ErrorAccessDenied', 'ErrorInvalidRequest', 'ErrorMissingEmailAddress',
  'ErrorInvalidOperation', 'ErrorTimeoutExpired',
]);

export const CONNECTION_COUNT_MESSAGE = 'You have exceeded the maximum number of concurrent connections for your account.  Try again later.';

export interface FaultOutcome {
  /** The response to send instead of running the operation; undefined = run it (latency only delays). */
  response?: Response;
  error?: string;
}

export async function applyFault(
  rule: FaultRule<FaultEffect>,
  ctx: { operation: string; version?: ServerVersionInfo; clock: Clock },
): Promise<FaultOutcome> {
  const effect = rule.effect;
  switch (effect.kind) {
    case 'server-busy': {
      const details = { BackOffMilliseconds: effect.backOffMs };
      if (effect.form === 'response-message') {
        const body = errorMessage(ctx.operation, { responseCode: 'ErrorServerBusy', message: SERVER_BUSY_MESSAGE, details });
        return { response: xmlResponse(responseEnvelope(ctx.operation, ctx.version, body)), error: 'ErrorServerBusy' };
      }
      return { response: soapFaultResponse({ responseCode: 'ErrorServerBusy', message: SERVER_BUSY_MESSAGE, details }), error: 'ErrorServerBusy' };
    }
    case 'http-503':
      return {
        response: soapFaultResponse({
          responseCode: 'ErrorServerBusy',
          message: 'Service Unavailable: the mailbox server is temporarily unavailable. Try again later.',
          status: 503,
          headers: { 'retry-after': String(effect.retryAfterSeconds ?? 30) },
        }),
        error: 'HTTP503',
      };
    case 'connection-count':
      return { response: soapFaultResponse({ responseCode: 'ErrorExceededConnectionCount', message: CONNECTION_COUNT_MESSAGE }), error: 'ErrorExceededConnectionCount' };
    case 'ews-error': {
      const message = effect.message ?? `${effect.responseCode} (injected by the fault schedule)`;
      if (REQUEST_LEVEL_CODES.has(effect.responseCode)) {
        return { response: soapFaultResponse({ responseCode: effect.responseCode, message }), error: effect.responseCode };
      }
      // Item- and operation-level codes (ErrorInvalidSyncStateData, ErrorItemNotFound, ErrorQuotaExceeded, …) come
      // back from Exchange as an HTTP 200 ResponseMessage with ResponseClass="Error", not as a SOAP fault.
      const body = errorMessage(ctx.operation, { responseCode: effect.responseCode, message });
      return { response: xmlResponse(responseEnvelope(ctx.operation, ctx.version, body)), error: effect.responseCode };
    }
    case 'latency':
      await ctx.clock.sleep(effect.ms);
      if (effect.wallMs) await new Promise((resolve) => setTimeout(resolve, Math.min(effect.wallMs ?? 0, 10_000)));
      return {};
    case 'connection-reset':
      throw new ConnectionResetSignal();
    default:
      return {
        response: soapFaultResponse({
          responseCode: 'ErrorInternalServerError',
          message: `not implemented by synclab's Exchange sim: fault effect "${(effect as { kind: string }).kind}" (rule ${rule.id}) is a Salesforce effect`,
        }),
        error: 'ErrorInternalServerError',
      };
  }
}
