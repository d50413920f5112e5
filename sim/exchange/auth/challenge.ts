/**
 * 401 answers as Exchange gives them: one WWW-Authenticate per enabled method (on-premises IIS: Negotiate, NTLM,
 * Basic realm="host"; Exchange Online adds its Bearer challenge), and a small IIS-style HTML body. ews-javascript-api
 * turns any 401 into SoapFaultDetails "401 Unauthorized". The sim's reason (never a credential) is in the body and
 * in `X-Synclab-Auth-Failure`, for humans and raw-HTTP tests.
 */
import type { ResolvedTenant } from '../directory/index.ts';

/** Exchange Online's resource principal and Azure AD's, as its Bearer challenge names them. */
const EXO_BEARER_CHALLENGE =
  'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", ' +
  'token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"';

export interface ChallengeOptions {
  /** Host the client addressed (Basic realm). */
  host: string;
  /** Human-readable cause; must not contain secrets. */
  reason: string;
  /** Bearer error to report, e.g. invalid_token. */
  bearerError?: { error: string; diagnostics: string };
}

export function unauthorized(tenant: ResolvedTenant, options: ChallengeOptions): Response {
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'x-synclab-auth-failure': headerSafe(options.reason) });
  if (tenant.auth.ntlm) {
    headers.append('www-authenticate', 'Negotiate');
    headers.append('www-authenticate', 'NTLM');
  }
  if (tenant.auth.basic && !tenant.auth.basicRetired) headers.append('www-authenticate', `Basic realm="${options.host}"`);
  if (tenant.auth.oauth) {
    headers.append('www-authenticate', options.bearerError ? `${EXO_BEARER_CHALLENGE}, error="${options.bearerError.error}"` : EXO_BEARER_CHALLENGE);
    if (options.bearerError) headers.set('x-ms-diagnostics', options.bearerError.diagnostics);
  }
  const body =
    '<!DOCTYPE html><html><head><title>401 - Unauthorized: Access is denied due to invalid credentials.</title></head>' +
    '<body><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>' +
    `<p>You do not have permission to view this directory or page using the credentials that you supplied.</p><!-- synclab: ${escapeHtml(options.reason)} --></body></html>`;
  return new Response(body, { status: 401, statusText: 'Unauthorized', headers });
}

/** The NTLM CHALLENGE leg of the handshake: 401 with exactly one `WWW-Authenticate: NTLM <token>`. */
export function ntlmChallenge(scheme: 'NTLM' | 'Negotiate', token: Buffer): Response {
  return new Response('', {
    status: 401,
    statusText: 'Unauthorized',
    headers: { 'www-authenticate': `${scheme} ${token.toString('base64')}`, 'content-type': 'text/html; charset=utf-8' },
  });
}

function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 400);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/--/g, '- -');
}
