/**
 * @module
 * Fault-schedule effects on the Exchange sim's requests beside EWS (SIM-EX-03): Autodiscover and the Azure AD token
 * endpoint. Only rules that name the operation (`Autodiscover.GetUserSettings`, `Autodiscover.POX`, `oauth2.token`, …)
 * fire here, so an "any operation" rule keeps meaning EWS. Each answer is in the endpoint's own protocol: a WCF SOAP
 * fault for Autodiscover, an Azure AD JSON error for the token endpoint, never a bare 500.
 */
import type { Clock } from '#time/clock.ts';
import type { FaultEffect, FaultRule } from '#sim-core/fault-schedule.ts';
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import { autodiscoverFault } from './autodiscover/soap-xml.ts';
import type { SideEndpoint } from './side-trace.ts';

export interface SideFaultOutcome {
  /** The answer instead of the endpoint's own; undefined = carry on (latency only delays). */
  response?: Response;
  error?: string;
}

/** Throws ConnectionResetSignal for `connection-reset`; the caller records the trace entry first. */
export async function applySideFault(endpoint: SideEndpoint, rule: FaultRule<FaultEffect>, clock: Clock): Promise<SideFaultOutcome> {
  const effect = rule.effect;
  switch (effect.kind) {
    case 'latency':
      await clock.sleep(effect.ms);
      if (effect.wallMs) await new Promise((resolve) => setTimeout(resolve, Math.min(effect.wallMs ?? 0, 10_000)));
      return {};
    case 'connection-reset':
      throw new ConnectionResetSignal();
    case 'http-503': {
      const retryAfter = String(effect.retryAfterSeconds ?? 30);
      const message = `Service Unavailable (synclab fault ${rule.id}). Retry after ${retryAfter} seconds.`;
      return { response: await withStatus(errorAnswer(endpoint, 'temporarily_unavailable', message), 503, retryAfter), error: 'HTTP503' };
    }
    default: {
      const message =
        `not implemented by synclab's Exchange sim: fault effect "${effect.kind}" (rule ${rule.id}) on ${endpoint === 'token' ? 'the token endpoint' : 'Autodiscover'}; ` +
        'use http-503, latency or connection-reset there';
      return { response: errorAnswer(endpoint, 'server_error', message), error: 'ErrorInternalServerError' };
    }
  }
}

function errorAnswer(endpoint: SideEndpoint, aadError: string, message: string): Response {
  if (endpoint === 'autodiscover') return autodiscoverFault('InternalServiceFault', message);
  return new Response(JSON.stringify({ error: aadError, error_description: message, error_codes: [] }), {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache' },
  });
}

async function withStatus(response: Response, status: number, retryAfter: string): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set('retry-after', retryAfter);
  return new Response(await response.text(), { status, headers });
}
