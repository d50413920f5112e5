/**
 * @module
 * The EWS endpoint (`POST /EWS/Exchange.asmx`): authenticate → parse the SOAP envelope → pick the target mailbox
 * (ExchangeImpersonation, CONN-04, or the principal's own) → check RequestServerVersion → fault schedule and
 * EWSMaxConcurrency (SIM-EX-03) → run the operation → envelope with ServerVersionInfo (SIM-EX-06). Every request,
 * failed ones included, lands in the trace with its operation, mailbox, principal, status and error code.
 */
import type { Clock } from '#time/clock.ts';
import type { FaultSchedule } from '#sim-core/fault-schedule.ts';
import type { Trace, TraceEntry } from '#sim-core/trace.ts';
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import type { Authenticator } from './auth/index.ts';
import { principalName, type Directory } from './directory/index.ts';
import { NTLM_HANDSHAKE_NOTE } from './side-trace.ts';
import { applyFault, CONNECTION_COUNT_MESSAGE } from './ews-faults.ts';
import { OPERATIONS } from './operations/index.ts';
import { errorMessage, parseSoapRequest, responseEnvelope, xmlResponse, type SoapRequest } from './soap/envelope.ts';
import { EwsFault, notImplementedFault, SERVER_BUSY_MESSAGE, soapFaultResponse, type SoapFaultSpec } from './soap/fault.ts';
import { checkRequestVersion, SERVER_VERSIONS } from './soap/server-version.ts';
import { NS } from './soap/xml.ts';
import type { ExchangeStore } from './store/store.ts';
import { StoreError } from './store/store-error.ts';
import type { StoredMailbox } from './store/types.ts';
import { targetMailbox } from './target-mailbox.ts';
import type { ThrottlingBudget } from './throttling.ts';

export interface EwsEndpointContext {
  store: ExchangeStore;
  directory: Directory;
  authenticator: Authenticator;
  clock: Clock;
  faults: FaultSchedule;
  trace: Trace;
  /** TenantSpec.ewsThrottling, when the world sets one. */
  throttling?: ThrottlingBudget;
}

type Recorded = Omit<TraceEntry, 'seq' | 'at' | 'sim' | 'method' | 'path'>;

export function createEwsEndpoint(ctx: EwsEndpointContext): (request: Request) => Promise<Response> {
  const inFlight = new Map<string, number>();

  return async (request) => {
    const path = new URL(request.url).pathname;
    const at = ctx.clock.now();
    const record = (entry: Recorded): void => {
      ctx.trace.record({ at, sim: 'exchange', method: request.method, path, ...entry });
    };
    const body = request.method === 'POST' ? await request.text() : '';
    const auth = await ctx.authenticator.authenticate(request);
    if (!auth.ok) {
      // The NTLM CHALLENGE leg is part of every NTLM logon: traced, but not as a failure.
      const outcome = auth.handshake ? { note: NTLM_HANDSHAKE_NOTE } : { error: 'Unauthorized', note: auth.reason };
      record({ operation: guessOperation(body) ?? `(${request.method})`, status: auth.response.status, write: false, ...outcome });
      return auth.response;
    }
    const principal = principalName(auth.principal);
    if (request.method !== 'POST') {
      record({ operation: `(${request.method})`, principal, status: 200, write: false });
      return new Response('<html><body>synclab Exchange sim: EWS answers SOAP POSTs here.</body></html>', { headers: { 'content-type': 'text/html' } });
    }

    let operation = guessOperation(body) ?? '(unknown)';
    let target: string | undefined;
    const fault = (spec: SoapFaultSpec, extra: Partial<Recorded> = {}): Response => {
      const response = soapFaultResponse(spec);
      record({ operation, principal, status: response.status, write: false, error: spec.responseCode, ...(target ? { target } : {}), ...extra });
      return response;
    };

    let soap: SoapRequest;
    try {
      soap = parseSoapRequest(body);
    } catch (error) {
      if (error instanceof EwsFault) return fault(error.spec);
      throw error;
    }
    operation = soap.operation.name;

    let mailbox: StoredMailbox;
    try {
      mailbox = targetMailbox(ctx, auth.principal, soap);
    } catch (error) {
      if (error instanceof EwsFault) return fault(error.spec);
      throw error;
    }
    target = mailbox.address;
    const version = SERVER_VERSIONS[mailbox.version];

    const versionCheck = checkRequestVersion(mailbox.version, soap.requestServerVersion);
    if (!versionCheck.ok) return fault({ responseCode: 'ErrorInvalidServerVersion', message: versionCheck.reason });

    const handler = soap.operation.ns === NS.messages ? OPERATIONS[operation] : undefined;
    if (!handler) {
      const spec = notImplementedFault(`operation ${operation}`);
      return fault(spec, { note: spec.message });
    }

    // EWSMaxConcurrency counts requests in flight per impersonating account (SIM-EX-03); a latency fault keeps
    // its request in flight while it waits.
    const running = (inFlight.get(principal) ?? 0) + 1;
    if (running > ctx.directory.tenant.maxConcurrency) {
      return fault({ responseCode: 'ErrorExceededConnectionCount', message: CONNECTION_COUNT_MESSAGE }, { note: `EWSMaxConcurrency ${ctx.directory.tenant.maxConcurrency} exceeded` });
    }
    inFlight.set(principal, running);
    try {
      const budget = ctx.throttling?.admit(principal);
      if (budget && !budget.ok) {
        return fault(
          { responseCode: 'ErrorServerBusy', message: SERVER_BUSY_MESSAGE, details: { BackOffMilliseconds: budget.backOffMs } },
          { note: 'throttled: EWS request budget of the impersonating account exhausted (tenant.ewsThrottling)' },
        );
      }
      const rule = ctx.faults.check({ operation, target });
      if (rule) {
        const outcome = await applyFault(rule, { operation, version, clock: ctx.clock }).catch((error: unknown) => {
          // A reset destroys the socket before any answer; record it first so the fired fault is in the trace (#2 §7).
          if (error instanceof ConnectionResetSignal) {
            record({ operation, target, principal, status: 0, write: false, faultId: rule.id, error: 'ConnectionReset', note: 'connection reset by the fault schedule: no response was sent' });
          }
          throw error;
        });
        if (outcome.response) {
          record({ operation, target, principal, status: outcome.response.status, write: false, faultId: rule.id, ...(outcome.error ? { error: outcome.error } : {}) });
          return outcome.response;
        }
      }
      const result = runOperation(operation, () => handler(soap.operation, { store: ctx.store, mailbox, request: soap, clock: ctx.clock }));
      if ('fault' in result) return fault(result.fault, rule ? { faultId: rule.id } : {});
      const response = xmlResponse(responseEnvelope(operation, version, result.messages.join('')));
      record({
        operation,
        target,
        principal,
        status: 200,
        write: result.write,
        ...(result.items !== undefined ? { items: result.items } : {}),
        ...(result.error ? { error: result.error } : {}),
        ...(rule ? { faultId: rule.id } : {}),
      });
      return response;
    } finally {
      const left = (inFlight.get(principal) ?? 1) - 1;
      if (left <= 0) inFlight.delete(principal);
      else inFlight.set(principal, left);
    }
  };
}

type RunResult = ReturnType<(typeof OPERATIONS)[string]> | { fault: SoapFaultSpec };

/** Request-level StoreErrors become one error ResponseMessage, EwsFaults a SOAP fault. */
function runOperation(operation: string, run: () => ReturnType<(typeof OPERATIONS)[string]>): RunResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof EwsFault) return { fault: error.spec };
    if (error instanceof StoreError) {
      return {
        messages: [errorMessage(operation, { responseCode: error.responseCode, message: error.message, ...(error.details ? { details: error.details } : {}) })],
        write: false,
        error: error.responseCode,
      };
    }
    throw error;
  }
}

/** The operation element's local name, for traces of requests that fail before parsing (auth, malformed XML). */
function guessOperation(body: string): string | undefined {
  return /<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?([A-Za-z]+)/.exec(body)?.[1];
}
