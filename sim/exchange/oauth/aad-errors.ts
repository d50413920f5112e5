/**
 * Azure AD token-endpoint errors, shaped as Azure AD writes them: HTTP 400/401 with `error`, an
 * `error_description` starting "AADSTSnnnnn: …" and ending with trace/correlation ids and a timestamp,
 * `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`. Ids are derived, not random (G-08).
 */
import { guidFrom } from '../directory/tenant.ts';

export type AadErrorCode = 'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

export interface AadError {
  status: 400 | 401;
  error: AadErrorCode;
  code: number;
  description: string;
  suberror?: string;
}

export function aadErrorResponse(err: AadError, now: number): Response {
  const traceId = guidFrom(`aad-trace:${now}:${err.code}:${err.description}`);
  const correlationId = guidFrom(`aad-correlation:${now}:${err.code}:${err.description}`);
  const timestamp = new Date(now).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const body: Record<string, unknown> = {
    error: err.error,
    error_description: `AADSTS${err.code}: ${err.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
  };
  if (err.suberror) body['suberror'] = err.suberror;
  return json(err.status, body);
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
  });
}
