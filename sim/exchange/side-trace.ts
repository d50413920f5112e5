/**
 * @module
 * Traces the Exchange sim's requests outside EWS: Autodiscover (SOAP and POX) and the Azure AD token endpoint
 * (issue #2 §7: every request lands in the trace). The handlers themselves stay trace-free; this wrapper reads a
 * clone of the request and of the response, so neither handler's body is consumed twice.
 *
 * Only names go in: the logon name of a Basic header (never its password), the client_id of a token request (never
 * its secret), the mailbox asked about. Access tokens in responses are never read.
 * Fault rules that name one of these operations fire here too (side-faults.ts) and are traced with their id.
 * An NTLM CHALLENGE 401 is a step of a successful logon, so it is traced as a "handshake" note, not as an error.
 */
import type { Clock } from '#time/clock.ts';
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import type { FaultSchedule } from '#sim-core/fault-schedule.ts';
import type { Trace, TraceEntry } from '#sim-core/trace.ts';
import { applySideFault } from './side-faults.ts';

export type SideEndpoint = 'autodiscover' | 'token';

export interface SideTraceContext {
  trace: Trace;
  clock: Clock;
  /** Rules naming `Autodiscover.*` or `oauth2.token` fire here, before authentication (side-faults.ts). */
  faults?: FaultSchedule;
}

/** Note on a traced NTLM challenge leg; the EWS endpoint uses the same words. */
export const NTLM_HANDSHAKE_NOTE = 'NTLM handshake: challenge sent (a step of the logon, not an error)';

/** Runs `handle` and records one trace entry for the request, whatever the outcome (a thrown reset included). */
export async function traceSideRequest(
  endpoint: SideEndpoint,
  request: Request,
  ctx: SideTraceContext,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  const at = ctx.clock.now();
  const path = new URL(request.url).pathname;
  const body = request.method === 'POST' ? await request.clone().text() : '';
  const described = endpoint === 'token' ? describeTokenRequest(body, request) : describeAutodiscoverRequest(path, body, request);
  const record = (entry: Pick<TraceEntry, 'status'> & Partial<TraceEntry>): void => {
    ctx.trace.record({ at, sim: 'exchange', method: request.method, path, ...described, write: false, ...entry });
  };
  const rule = ctx.faults?.check({ operation: described.operation, ...(described.target ? { target: described.target } : {}), explicitOnly: true });
  const fired = rule ? { faultId: rule.id } : {};
  let response: Response;
  try {
    const faulted = rule ? await applySideFault(endpoint, rule, ctx.clock) : {};
    if (faulted.response) {
      record({ status: faulted.response.status, ...fired, ...(faulted.error ? { error: faulted.error } : {}) });
      return faulted.response;
    }
    response = await handle(request);
  } catch (error) {
    if (error instanceof ConnectionResetSignal) record({ status: 0, ...fired, error: 'ConnectionReset', note: 'connection reset: no response was sent' });
    else record({ status: 500, ...fired, error: 'ErrorInternalServerError', note: `synclab Exchange sim internal error: ${error instanceof Error ? error.message : String(error)}` });
    throw error;
  }
  record({ status: response.status, ...fired, ...(await outcome(endpoint, response)) });
  return response;
}

type Described = Pick<TraceEntry, 'operation'> & Partial<Pick<TraceEntry, 'principal' | 'target' | 'note'>>;

function describeTokenRequest(body: string, request: Request): Described {
  const form = new URLSearchParams(body);
  // The client id comes in the form, or as the user half of `Authorization: Basic` (client_secret_basic).
  const clientId = form.get('client_id')?.trim() || basicUserName(request.headers.get('authorization'));
  const grant = form.get('grant_type')?.trim();
  return { operation: 'oauth2.token', ...(clientId ? { principal: clientId } : {}), ...(grant && grant !== 'client_credentials' ? { note: `grant_type ${grant}` } : {}) };
}

function describeAutodiscoverRequest(path: string, body: string, request: Request): Described {
  const pox = path.toLowerCase().endsWith('.xml');
  const soapOperation = /<(?:[\w-]+:)?(Get\w+?)RequestMessage[\s>]/.exec(body)?.[1];
  const operation = pox ? 'Autodiscover.POX' : `Autodiscover.${soapOperation ?? (request.method === 'POST' ? '(unknown)' : `(${request.method})`)}`;
  const target = (pox ? /<(?:[\w-]+:)?EMailAddress>([^<]+)</.exec(body) : /<(?:[\w-]+:)?Mailbox>([^<]+)</.exec(body))?.[1]?.trim();
  const principal = basicUserName(request.headers.get('authorization'));
  return { operation, ...(target ? { target } : {}), ...(principal ? { principal } : {}) };
}

/** The user name half of a Basic header; the password half is never decoded into anything kept. */
function basicUserName(header: string | null): string | undefined {
  const m = /^basic\s+(\S+)/i.exec(header?.trim() ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon) : undefined;
}

async function outcome(endpoint: SideEndpoint, response: Response): Promise<Partial<TraceEntry>> {
  // A 401 from Autodiscover is IIS's logon answer; the token endpoint's 401 is an Azure AD error object (below).
  if (endpoint === 'autodiscover' && response.status === 401) {
    const challenge = response.headers.get('www-authenticate') ?? '';
    if (/^(?:NTLM|Negotiate) \S+$/.test(challenge)) return { note: NTLM_HANDSHAKE_NOTE };
    const reason = response.headers.get('x-synclab-auth-failure');
    return { error: 'Unauthorized', ...(reason ? { note: reason } : {}) };
  }
  const text = await response.clone().text();
  if (endpoint === 'token') {
    if (response.ok) return {};
    try {
      const parsed = JSON.parse(text) as { error?: string; error_codes?: number[] };
      return { error: parsed.error ?? `HTTP${response.status}`, ...(parsed.error_codes?.length ? { note: `AADSTS${parsed.error_codes[0]}` } : {}) };
    } catch {
      return { error: `HTTP${response.status}` };
    }
  }
  // Autodiscover: the first response- or user-level ErrorCode that is not NoError, or a SOAP fault code. Per-setting
  // errors (SettingIsNotAvailable for a setting the client asked for speculatively) do not make the request fail.
  const outer = text.replace(/<(?:[\w-]+:)?(UserSettingErrors|DomainSettingErrors)>[\s\S]*?<\/(?:[\w-]+:)?\1>/g, '');
  const code = [...outer.matchAll(/<(?:[\w-]+:)?ErrorCode>([^<]+)</g)].map((m) => m[1]!.trim()).find((c) => c !== 'NoError');
  const faultCode = /<faultcode>(?:[\w-]+:)?([^<]+)</.exec(text)?.[1];
  const error = code ?? faultCode ?? (response.ok ? undefined : `HTTP${response.status}`);
  return error ? { error } : {};
}
